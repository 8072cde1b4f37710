import PlaybookLanguage
import RunEngine
import Testing

/// What the engine does with the clock a command brings: catching up costs what the timers are, not what the
/// elapsed time is, and a jump of the clock is journaled rather than silently taken or clamped.
struct ClockTests {
    static let playbook: Playbook = {
        let text = """
            muster: 1
            id: clocks
            version: 1.0.0
            title: { en: Clocks, zh: 时钟 }
            roles:
              commander: { title: { en: Commander, zh: 总指挥 } }
            severity:
              general: { title: { en: General, zh: 一般 } }
            start: work
            steps:
              work:
                title: { en: Work, zh: 工作 }
                owner: commander
                report_every: 15m
                done_within: 1h
                next: outcome.done
            outcomes:
              done: { kind: success, title: { en: Done, zh: 完成 } }
            """
        let result = PlaybookChecker.check(Array(text.utf8), file: "clocks.yaml")
        guard let playbook = result.playbook else { fatalError("clock playbook: \(result.diagnostics)") }
        return playbook
    }()

    static let t0: Int64 = 1_700_000_000_000
    static let minute: Int64 = 60_000
    static let day: Int64 = 86_400_000

    static func started() -> (Engine, RunState) {
        let engine = Engine(playbook: playbook)
        let start = RunStart(playbookID: "clocks", version: "1.0.0", playbookHash: "x", mode: .live,
                             virtualClock: false, severity: nil, assignments: ["commander": "alice"])
        return (engine, RunState.fold(engine.start(start, at: t0)))
    }

    static func missedReports(_ events: [Event]) -> Int {
        events.reduce(0) { total, event in
            if case .stepOverdue(_, .progress, let missed) = event.kind { return total + missed }
            return total
        }
    }

    /// Ten years of silence on a step with a 15-minute progress clock: every missed report is counted, in a
    /// handful of events, each at or after the one before.
    @Test func aLongSilenceIsCaughtUpInAHandfulOfEvents() {
        let (engine, state) = Self.started()
        let later = Self.t0 + 3_650 * Self.day
        let events = engine.advance(state, to: later)
        #expect(events.count < 20, "\(events.count) events")
        #expect(Self.missedReports(events) == Int(3_650 * Self.day / (15 * Self.minute)))
        #expect(zip(events, events.dropFirst()).allSatisfy { $0.at <= $1.at })
        // The progress clock is armed after the command's instant, and the next command finds nothing more due.
        var after = state
        for event in events { after.apply(event) }
        #expect(after.timers.values.allSatisfy { $0.fireAt > later })
        #expect(engine.advance(after, to: later).isEmpty)
    }

    /// A progress clock armed again keeps its timer's name and adds the instant it is armed for: the journal's ids
    /// are what they always were.
    @Test func aProgressClockArmedAgainIsNamedForItsStepActivationAndInstant() {
        let (engine, state) = Self.started()
        let scheduled = { (events: [Event]) in
            events.compactMap { event -> String? in
                if case .timerScheduled(let timer, _, .step(_, .progress)) = event.kind { return timer.text }
                return nil
            }
        }
        #expect(scheduled(engine.start(RunStart(playbookID: "clocks", version: "1.0.0", playbookHash: "x", mode: .live,
                                                virtualClock: false, severity: nil, assignments: ["commander": "alice"]),
                                       at: Self.t0)) == ["work#1.progress"])
        let first = engine.advance(state, to: Self.t0 + 16 * Self.minute)
        #expect(scheduled(first) == ["work#1.progress@\(Self.t0 + 30 * Self.minute)"])
        var later = state
        for event in first { later.apply(event) }
        #expect(scheduled(engine.advance(later, to: Self.t0 + 31 * Self.minute)) == ["work#1.progress@\(Self.t0 + 45 * Self.minute)"])
    }

    /// Catching up in one command or in many gives the same count of missed reports.
    @Test func oneCatchUpCountsWhatManySmallOnesDo() {
        let (engine, start) = Self.started()
        var stepwise = start
        var stepwiseEvents: [Event] = []
        for minute in stride(from: 10, through: 600, by: 10) {
            let events = engine.advance(stepwise, to: Self.t0 + Int64(minute) * Self.minute)
            for event in events { stepwise.apply(event) }
            stepwiseEvents += events
        }
        let atOnce = engine.advance(start, to: Self.t0 + 600 * Self.minute)
        #expect(Self.missedReports(atOnce) == Self.missedReports(stepwiseEvents))
        #expect(Self.missedReports(atOnce) == 40)
    }

    @Test(arguments: [
        (23 * 60, false), (24 * 60 + 1, true), (3_650 * 24 * 60, true), (-1, true), (-5 * 24 * 60, true),
    ])
    func aJumpOfMoreThanADayOrAnyStepBackIsJournaled(minutes: Int, journaled: Bool) {
        let (engine, state) = Self.started()
        let now = Self.t0 + Int64(minutes) * Self.minute
        let events = engine.advance(state, to: now)
        let jumps = events.compactMap { event -> (Int64, Int64, Int64)? in
            if case .clockJumped(let from, let to) = event.kind { return (event.at, from, to) }
            return nil
        }
        #expect(jumps.count == (journaled ? 1 : 0))
        if let (at, from, to) = jumps.first {
            #expect(from == Self.t0 && to == now)
            if now < Self.t0 {
                // Behind: first, stamped where the run was, so that the journal's instants never run backwards.
                #expect(at == Self.t0)
                if case .clockJumped = events.first?.kind {} else { Issue.record("the jump is not the first event") }
            } else {
                // Ahead: after the timers that fell due in between, stamped at the command's instant.
                #expect(at == now)
                if case .clockJumped = events.last?.kind {} else { Issue.record("the jump is not the last event") }
            }
        }
        // Whatever it is, the next command on the same clock journals no further jump.
        var after = state
        for event in events { after.apply(event) }
        #expect(!engine.advance(after, to: now).contains { if case .clockJumped = $0.kind { true } else { false } })
    }

    /// A clock behind the run is said once: the commands that follow on the same clock add no further record.
    @Test func aClockBehindIsJournaledOnce() {
        let (engine, state) = Self.started()
        var run = state
        for event in engine.advance(run, to: Self.t0 + 2 * Self.day) { run.apply(event) }
        let ahead = run.lastEventAt
        for event in engine.advance(run, to: Self.t0 + Self.minute) { run.apply(event) }
        #expect(run.clockJumps.count == 2)
        #expect(run.clockJumps.last?.size == Self.t0 + Self.minute - ahead)
        #expect(engine.advance(run, to: Self.t0 + 2 * Self.minute).isEmpty)
    }

    /// Virtual and sped-up drill clocks move by design: no jump is journaled for them.
    @Test func aDrillClockNeverJumps() {
        let engine = Engine(playbook: Self.playbook)
        let start = RunStart(playbookID: "clocks", version: "1.0.0", playbookHash: "x", mode: .drill,
                             virtualClock: true, severity: nil, assignments: ["commander": "alice"])
        let state = RunState.fold(engine.start(start, at: Self.t0))
        #expect(!engine.advance(state, to: Self.t0 + 30 * Self.day).contains {
            if case .clockJumped = $0.kind { true } else { false }
        })
    }
}
