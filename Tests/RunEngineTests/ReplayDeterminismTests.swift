import JSONText
import PlaybookLanguage
import RunEngine
import Testing

/// Random command sequences, valid and invalid, against the test playbook: the engine never crashes, refuses
/// what it must, and folding the events always rebuilds the very state the engine had.
struct ReplayDeterminismTests {
    /// A small deterministic generator (SplitMix64), so that a failing seed can be replayed.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
        mutating func chance(_ percent: UInt64) -> Bool { next() % 100 < percent }
    }

    static let people = ["alice", "bob", "carol", "dave"]
    static let steps = ["report", "assess", "choose", "shutdown", "work", "fans", "watch", "written", "nowhere"]

    /// A command that is plausible for the run's state most of the time, and nonsense some of the time.
    static func command(_ random: inout Random, state: RunState) -> Command {
        let step = random.chance(80) && !state.activeOrder.isEmpty ? random.pick(state.activeOrder) : random.pick(steps)
        // Most of the time the person who may act: the holder of the step's owner (the approver for approvals).
        let owner = step == "shutdown" && random.chance(70) ? "commander" : state.active[step]?.owner
        let person = random.chance(60) ? owner.flatMap { state.holders[$0] } ?? random.pick(people) : random.pick(people)
        let kinds: [Command.Kind] = [
            .acknowledge(step: step), .progress(step: step, note: "going"), .checkItems(step: step, items: ["look"]),
            .done(step: step, items: random.chance(50) ? ["look"] : []),
            .record(fact: "kind", value: random.pick(["small", "large", "huge"])),
            .decide(step: step, option: random.pick(["fix", "watch", "maybe"]), why: nil),
            .decide(step: step, option: random.pick(["fix", "watch"]), why: "seen"),
            .approve(step: step, why: nil), .deny(step: step, why: nil),
            .approve(step: step, why: "ok"), .deny(step: step, why: "no"), .note("a note"),
            .join(role: random.pick(["commander", "tech_lead", "on_site", "janitor"])),
            .handover(role: random.pick(["commander", "on_site"]), to: random.pick(people)),
            .grade(level: random.pick(["fatal", "general", "unknown"]), why: nil),
            .regrade(level: random.pick(["fatal", "general"]), why: "changed"), .signal("power_back"),
            .abort(why: "false alarm"), .signoff,
        ]
        // Half of the time, what the step is waiting for.
        let fitting: [Command.Kind]
        switch step {
        case "choose": fitting = [.decide(step: step, option: random.pick(["fix", "watch"]), why: "seen")]
        case "shutdown": fitting = [.approve(step: step, why: "go"), .deny(step: step, why: "no")]
        case "assess": fitting = [.record(fact: "kind", value: random.pick(["small", "large"])),
                                  .grade(level: "fatal", why: nil), .done(step: step, items: ["look"])]
        default: fitting = [.done(step: step, items: [])]
        }
        var kind = random.chance(50) ? random.pick(fitting) : random.pick(kinds)
        if case .abort = kind, random.chance(90) { kind = .note("not aborting") }
        return Command(person: person, kind: kind, expectSeq: random.chance(10) ? state.eventCount - 1 : nil)
    }

    @Test func randomCommandsNeverBreakReplay() {
        var produced: Set<String> = []
        var rejectedReasons: Set<String> = []
        let engine = Engine(playbook: TestPlaybook.playbook)
        for seed in UInt64(1)...60 {
            var random = Random(state: seed)
            var assignments = ["commander": "alice", "tech_lead": "carol", "on_site": "bob"]
            if random.chance(30) { assignments["commander"] = nil }
            let severity: String? = random.chance(50) ? random.pick(["fatal", "general"]) : nil
            let start = RunStart(playbookID: "drill-kit", version: "1.0.0", playbookHash: "x", mode: .live,
                                 virtualClock: false, severity: severity, assignments: assignments)
            var now: Int64 = 1_700_000_000_000
            var events = engine.start(start, at: now)
            var state = RunState.fold(events)
            for _ in 0..<120 {
                now += Int64(random.next() % 120_000)
                let due = engine.advance(state, to: now)
                for event in due { state.apply(event) }
                events += due
                let command = Self.command(&random, state: state)
                switch engine.handle(command, state: state, at: now) {
                case .success(let new):
                    for event in new { state.apply(event) }
                    events += new
                case .failure(let rejection):
                    rejectedReasons.insert(rejection.reason)
                    let event = engine.rejected(command, rejection, at: max(now, state.lastEventAt))
                    state.apply(event)
                    events.append(event)
                }
                #expect(RunState.fold(events) == state, "seed \(seed)")
                if state.closed { break }
            }
            // Instants never run backwards and the journal coding is lossless.
            #expect(zip(events, events.dropFirst()).allSatisfy { $0.at <= $1.at }, "seed \(seed)")
            for event in events {
                let (type, data) = EventCoding.encode(event.kind)
                produced.insert(type)
                #expect((try? EventCoding.decode(type: type, data: .object(data))) == event.kind)
            }
        }
        // Events that other layers produce: the notifier, drills and the journal itself.
        let elsewhere: Set<String> = [
            "notification.sent", "notification.failed", "drill.inject", "clock.advanced", "journal.repaired",
            "signal.received", "step.rescheduled", "step.overdue",
        ]
        let engineTypes: Set<String> = [
            "run.started", "person.joined", "role.handover", "severity.graded", "severity.regraded", "step.activated",
            "step.acknowledged", "step.progress", "checklist.item", "fact.recorded", "step.completed",
            "step.reassigned", "step.cancelled", "decision.made", "decision.defaulted", "approval.requested",
            "approval.granted", "approval.denied", "approval.expired", "track.started", "track.ended",
            "join.completed", "timer.scheduled", "timer.fired", "timer.cancelled", "escalation.fired",
            "notification.requested", "milestone.due", "milestone.recomputed", "milestone.reached",
            "milestone.missed", "note", "command.rejected", "outcome.reached", "run.aborted", "report.signed",
            "run.closed",
        ]
        let missing = engineTypes.subtracting(produced)
        #expect(missing.isEmpty, "never produced: \(missing.sorted())")
        #expect(rejectedReasons.isSuperset(of: ["wrong-role", "not-active", "invalid", "stale"]))
        _ = elsewhere
    }
}
