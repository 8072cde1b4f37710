import Foundation
import PlaybookLanguage
import RunEngine
import Testing

/// Random command sequences (seeded, reproducible) over every shipped playbook, driven the way a command is run
/// (timers fired first, then the command or its journaled refusal), with the engine's invariants checked after
/// each command:
/// - folding the events gives the state the engine had (checked every 50 commands and at the end);
/// - instants never run backwards;
/// - a parallel step's ended tracks are tracks of it, each once, and none of their steps is open;
/// - after the outcome no main-phase step starts, and once closed a run takes only what a closed run allows
///   (notes, refusals, sign-off, notification results and acknowledgements, a clock jump) and arms no timer;
/// - every refused command is journaled.
///
/// `MUSTER_MODEL_COMMANDS` sets how many commands in all (100 000 by default, spread over the playbooks).
struct ModelBasedTests {
    static let total = Int(ProcessInfo.processInfo.environment["MUSTER_MODEL_COMMANDS"] ?? "") ?? 100_000

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

    /// A command that fits the run most of the time (the owner finishing an open step with its facts and items,
    /// an option, an approval by the approver), and anything at all some of the time.
    static func command(_ random: inout Random, playbook: Playbook, index: PlaybookIndex, state: RunState) -> [Command] {
        let people = Array(Set(state.holders.values)).sorted() + ["stranger"]
        let person = random.pick(people)
        guard random.chance(85), let stepID = state.activeOrder.isEmpty ? nil : random.pick(state.activeOrder),
            let step = index.steps[stepID]
        else {
            let kinds: [Command.Kind] = [
                .note("a note"), .grade(level: random.pick(playbook.severities.map(\.id) + ["unknown"]), why: nil),
                .regrade(level: random.pick(playbook.severities.map(\.id)), why: "changed"),
                .handover(role: random.pick(playbook.roles.map(\.id)), to: random.pick(people)),
                .join(role: random.pick(playbook.roles.map(\.id))), .signal("power_restored"), .signoff,
                .received(notification: "n\(random.next() % 5 + 1)"),
                .done(step: random.pick(playbook.allSteps.map(\.id)), items: []),
                .abort(why: "false alarm"),
            ]
            var kind = random.pick(kinds)
            if case .abort = kind, random.chance(80) { kind = .note("not aborting") }
            return [Command(person: person, kind: kind)]
        }
        let owner = state.active[stepID]?.owner.flatMap { state.holders[$0] } ?? person
        switch step.kind {
        case .decide(let decision):
            return [Command(person: owner, kind: .decide(step: stepID, option: random.pick(decision.options).id, why: nil))]
        case .approve(let approval):
            let approver = state.holders[approval.approver.value] ?? person
            return [Command(person: approver, kind: random.chance(60) ? .approve(step: stepID, why: nil)
                : .deny(step: stepID, why: "no"))]
        case .parallel:
            return [Command(person: owner, kind: .note("waiting for the tracks"))]
        case .action, .wait:
            var commands: [Command] = []
            if step.grades, state.severity == nil, let level = playbook.severities.first {
                commands.append(Command(person: owner, kind: .grade(level: random.pick(playbook.severities.map(\.id))
                    .isEmpty ? level.id : random.pick(playbook.severities.map(\.id)), why: nil)))
            }
            for fact in step.records {
                guard let declared = playbook.facts.first(where: { $0.id == fact.value }) else { continue }
                let value: String
                switch declared.kind {
                case .choice(let values): value = random.pick(values)
                case .flag: value = random.pick(["yes", "no"])
                case .number: value = String(random.next() % 60)
                case .text: value = "seen"
                }
                commands.append(Command(person: owner, kind: .record(fact: fact.value, value: value)))
            }
            if case .wait(let wait) = step.kind, let signal = wait.signal, random.chance(50) {
                commands.append(Command(person: owner, kind: .signal(signal)))
            } else if random.chance(10) {
                commands.append(Command(person: owner, kind: .progress(step: stepID, note: "going")))
            } else {
                commands.append(Command(person: owner, kind: .done(step: stepID, items: step.checklist.map(\.id))))
            }
            return commands
        }
    }

    /// The events a closed run may still take.
    static func allowedWhenClosed(_ kind: EventKind) -> Bool {
        switch kind {
        case .note, .commandRejected, .reportSigned, .notificationSent, .notificationFailed, .notificationAcknowledged,
            .clockJumped, .journalRepaired:
            true
        default:
            false
        }
    }

    @Test(arguments: ShippedPlaybooks.ids)
    func randomCommandsKeepTheEnginesInvariants(_ id: String) throws {
        let playbook = try ShippedPlaybooks.playbook(id)
        let engine = Engine(playbook: playbook)
        let index = engine.index
        let perPlaybook = Self.total / ShippedPlaybooks.ids.count
        var commands = 0
        var seed: UInt64 = 0
        var problems: [String] = []
        while commands < perPlaybook, problems.isEmpty {
            seed += 1
            var random = Random(state: seed &* 7919 &+ UInt64(id.utf8.count))
            let holders = Dictionary(playbook.roles.enumerated().map { ($1.id, "p\($0 % 3)") },
                                     uniquingKeysWith: { first, _ in first })
            let start = RunStart(playbookID: id, version: playbook.version, playbookHash: "x", mode: .live,
                                 virtualClock: false, severity: random.chance(50) ? random.pick(playbook.severities).id : nil,
                                 assignments: holders)
            var now: Int64 = 1_800_000_000_000
            var events = engine.start(start, at: now)
            var state = RunState.fold(events)
            var refusals = 0
            for step in 0..<150 where commands < perPlaybook {
                now += Int64(random.next() % (random.chance(20) ? 3_600_000 : 120_000))
                let before = events.count
                let wasClosed = state.closed
                let hadOutcome = state.outcome != nil
                for event in engine.advance(state, to: now) {
                    state.apply(event)
                    events.append(event)
                }
                for command in Self.command(&random, playbook: playbook, index: index, state: state) {
                    commands += 1
                    switch engine.handle(command, state: state, at: now) {
                    case .success(let produced):
                        for event in produced { state.apply(event) }
                        events += produced
                    case .failure(let rejection):
                        refusals += 1
                        let event = engine.rejected(command, rejection, at: max(now, state.lastEventAt))
                        state.apply(event)
                        events.append(event)
                    }
                }
                let new = events[before...]
                let place = "\(id) seed \(seed) step \(step)"
                if zip(events[max(0, before - 1)...], new).contains(where: { $0.at > $1.at }) {
                    problems.append("\(place): an instant runs backwards")
                }
                if wasClosed, let stray = new.first(where: { !Self.allowedWhenClosed($0.kind) }) {
                    problems.append("\(place): a closed run took \(EventCoding.type(of: stray.kind))")
                }
                if state.closed, !state.timers.isEmpty {
                    problems.append("\(place): timers armed in a closed run: \(state.timers.keys.sorted())")
                }
                if hadOutcome, let started = new.first(where: { event in
                    if case .stepActivated(let stepID, _, _) = event.kind { return index.steps[stepID]?.phase == .main }
                    return false
                }) {
                    problems.append("\(place): a main-phase step started after the outcome: \(started.kind)")
                }
                for (parallelID, ended) in state.endedTracks where state.active[parallelID] != nil {
                    guard case .parallel(let parallel) = index.steps[parallelID]?.kind else { continue }
                    let tracks = Set(parallel.tracks.map(\.id))
                    if Set(ended).count != ended.count || !Set(ended).isSubset(of: tracks) {
                        problems.append("\(place): '\(parallelID)' has ended tracks \(ended)")
                    }
                    for track in parallel.tracks where ended.contains(track.id) {
                        if let open = track.steps.first(where: { state.active[$0.id] != nil }) {
                            problems.append("\(place): '\(open.id)' is open in ended track '\(track.id)'")
                        }
                    }
                }
                if step % 50 == 49, RunState.fold(events) != state {
                    problems.append("\(place): folding the events does not give the engine's state")
                }
                if !problems.isEmpty { break }
                if state.closed, random.chance(30) { break }
            }
            let journaled = events.filter { if case .commandRejected = $0.kind { true } else { false } }.count
            if journaled != refusals { problems.append("\(id) seed \(seed): \(refusals) refusals, \(journaled) journaled") }
            if RunState.fold(events) != state { problems.append("\(id) seed \(seed): fold differs at the end") }
        }
        #expect(problems.isEmpty, "\(problems.prefix(3))")
        #expect(commands >= perPlaybook)
    }
}
