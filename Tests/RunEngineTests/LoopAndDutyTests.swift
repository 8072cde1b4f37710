import PlaybookLanguage
import RunEngine
import Testing

/// Parallel steps entered again, separation of duties per person, milestones of a run nobody graded, flags.
struct LoopAndDutyTests {
    static let playbook: Playbook = {
        let text = """
            muster: 1
            id: loops
            version: 1.0.0
            title: { en: Loops, zh: 循环 }
            roles:
              commander: { title: { en: Commander, zh: 总指挥 } }
              tech_lead: { title: { en: Tech lead, zh: 技术经理 } }
              security: { title: { en: Security, zh: 安保 } }
            severity:
              fatal: { title: { en: Fatal, zh: 致命 }, clocks: { respond: 10m } }
              general: { title: { en: General, zh: 一般 }, clocks: { respond: 30m } }
            milestones:
              responded: { title: { en: Responded, zh: 已响应 }, within: respond, reached_when: confirm.activated }
            facts:
              core_hit: { title: { en: Core hit, zh: 核心受损 }, type: flag }
            start: verify
            steps:
              verify:
                title: { en: Verify, zh: 核实 }
                parallel:
                  tracks:
                    count: { title: { en: Count, zh: 清点 }, start: count, steps: { count: { title: { en: Count, zh: 清点 }, owner: tech_lead, done_within: 4m } } }
                    photo: { title: { en: Photo, zh: 拍照 }, start: photo, steps: { photo: { title: { en: Photo, zh: 拍照 }, owner: commander, done_within: 4m } } }
                  join: all
                next: confirm
              confirm:
                title: { en: Confirm, zh: 审定 }
                owner: tech_lead
                approve: { by: security, within: 1h, on_expiry: deny, then: { approved: outcome.done, denied: verify } }
            outcomes:
              done: { kind: success, title: { en: Done, zh: 完成 } }
            """
        let result = PlaybookChecker.check(Array(text.utf8), file: "loops.yaml")
        guard let playbook = result.playbook else { fatalError("loops playbook: \(result.diagnostics)") }
        return playbook
    }()

    struct Run {
        let engine = Engine(playbook: LoopAndDutyTests.playbook)
        var state = RunState()
        var events: [Event] = []
        static let t0: Int64 = 1_700_000_000_000

        init(severity: String? = nil, holders: [String: String]) {
            let start = RunStart(playbookID: "loops", version: "1.0.0", playbookHash: "x", mode: .live,
                                 virtualClock: false, severity: severity, assignments: holders)
            append(engine.start(start, at: Self.t0))
        }

        mutating func append(_ new: [Event]) {
            for event in new { state.apply(event) }
            events += new
        }

        @discardableResult
        mutating func act(_ person: String, _ kind: Command.Kind, atMinute minutes: Int64) -> Rejection? {
            let now = Self.t0 + minutes * 60_000
            append(engine.advance(state, to: now))
            switch engine.handle(Command(person: person, kind: kind), state: state, at: now) {
            case .success(let produced):
                append(produced)
                return nil
            case .failure(let rejection):
                return rejection
            }
        }
    }

    /// The review's bug 1: a denial that loops back into a parallel step runs both of its tracks again.
    @Test func aParallelStepEnteredAgainRunsEveryTrackAgain() {
        var run = Run(holders: ["commander": "alice", "tech_lead": "bob", "security": "carol"])
        #expect(run.act("bob", .done(step: "count", items: []), atMinute: 1) == nil)
        #expect(run.act("alice", .done(step: "photo", items: []), atMinute: 2) == nil)
        #expect(run.act("carol", .deny(step: "confirm", why: "recount"), atMinute: 3) == nil)
        #expect(Set(run.state.activeOrder) == ["verify", "count", "photo"])
        #expect(run.act("bob", .done(step: "count", items: []), atMinute: 4) == nil)
        // The photo track has not ended in this round: the join waits for it.
        #expect(Set(run.state.activeOrder) == ["verify", "photo"])
        #expect(run.act("alice", .done(step: "photo", items: []), atMinute: 5) == nil)
        #expect(run.state.activeOrder == ["confirm"])
    }

    /// The review's bug 4: one person holding the role that asks and the role that approves does not approve
    /// their own step; the refusal says why.
    @Test(arguments: [Command.Kind.approve(step: "confirm", why: "mine"), .deny(step: "confirm", why: "mine")])
    func nobodyDecidesOnAnApprovalTheyAskedFor(_ kind: Command.Kind) {
        var run = Run(holders: ["commander": "alice", "tech_lead": "bob"])
        run.act("bob", .done(step: "count", items: []), atMinute: 1)
        run.act("alice", .done(step: "photo", items: []), atMinute: 2)
        #expect(run.act("bob", .join(role: "security"), atMinute: 3) == nil)
        let refused = run.act("bob", kind, atMinute: 4)
        #expect(refused?.reason == "separation-of-duties")
        #expect(refused?.code == .approvalByAsker && refused?.text("owner") == "tech_lead")
        // Someone else holding the approving role may.
        #expect(run.act("bob", .handover(role: "security", to: "carol"), atMinute: 5) == nil)
        #expect(run.act("carol", kind, atMinute: 6) == nil)
    }

    /// The review's bug 5: a run nobody grades still has its response judged, by the strictest level's clock.
    @Test func anUngradedRunJudgesItsResponseByTheStrictestClock() {
        var run = Run(holders: ["commander": "alice", "tech_lead": "bob", "security": "carol"])
        #expect(run.state.milestones["responded"]?.dueAt == Run.t0 + 10 * 60_000)
        run.append(run.engine.advance(run.state, to: Run.t0 + 11 * 60_000))
        #expect(run.state.milestones["responded"]?.missed == true)
        // Graded in time, the level's own clock counts.
        var graded = Run(holders: ["commander": "alice", "tech_lead": "bob", "security": "carol"])
        #expect(graded.act("alice", .grade(level: "general", why: nil), atMinute: 1) == nil)
        #expect(graded.state.milestones["responded"]?.dueAt == Run.t0 + 30 * 60_000)
    }

    /// What `show` tells people to type for a flag is what `record` takes.
    @Test(arguments: [("yes", true), ("no", false), ("true", true), ("False", false), ("是", true), ("否", false)])
    func aFlagTakesYesAndNo(_ text: String, _ value: Bool) throws {
        guard let fact = Self.playbook.facts.first(where: { $0.id == "core_hit" }) else {
            Issue.record("no fact")
            return
        }
        #expect(try FactValue.parse(text, for: fact).get() == .flag(value))
    }
}

/// A number fact is decimal, as documented: what Swift's `Double` would also take (hexadecimal, `inf`, `nan`), or
/// round to zero or infinity, is refused with the same words.
struct DecimalFactTests {
    static let fact: Fact = {
        let text = """
            muster: 1
            id: numbers
            version: 1.0.0
            title: { en: Numbers, zh: 数值 }
            roles:
              commander: { title: { en: Commander, zh: 总指挥 } }
            severity:
              general: { title: { en: General, zh: 一般 } }
            facts:
              hottest: { title: { en: Hottest, zh: 最高温度 }, type: number }
            start: act
            steps:
              act: { title: { en: Act, zh: 行动 }, owner: commander, record: [hottest], done_within: 5m, next: outcome.done }
            outcomes:
              done: { kind: success, title: { en: Done, zh: 完成 } }
            """
        guard let fact = PlaybookChecker.check(Array(text.utf8), file: "numbers.yaml").playbook?.facts.first else {
            fatalError("the numbers playbook must check")
        }
        return fact
    }()

    @Test(arguments: ["42", "-3.5", "+7", "0", "0.0", "1e3", "2.5E-2", "40."])
    func decimalNumbersAreTaken(_ text: String) throws {
        #expect(throws: Never.self) { try FactValue.parse(text, for: Self.fact).get() }
    }

    @Test(arguments: ["0x10", "inf", "nan", "1e-400", "1e400", "", "-", "1e", ".", "4 0", "١٢"])
    func anythingElseIsRefused(_ text: String) {
        guard case .failure(let error) = FactValue.parse(text, for: Self.fact) else {
            Issue.record("'\(text)' was taken")
            return
        }
        #expect(error.message == "'hottest' takes a decimal number like 42 or -3.5, not '\(text)'")
    }
}
