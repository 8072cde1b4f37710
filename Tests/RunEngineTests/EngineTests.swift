import PlaybookLanguage
import RunEngine
import Testing

/// A small playbook with every step kind, escalations and milestones, driven with an injected clock.
enum TestPlaybook {
    static let text = """
        muster: 1
        id: drill-kit
        version: 1.0.0
        title: { en: Test kit, zh: 测试 }
        roles:
          commander: { title: { en: Commander, zh: 总指挥 }, stand_in: tech_lead }
          tech_lead: { title: { en: Tech lead, zh: 技术经理 } }
          on_site: { title: { en: On site, zh: 现场 } }
        severity:
          fatal: { title: { en: Fatal, zh: 致命 }, clocks: { respond: 10m } }
          general: { title: { en: General, zh: 一般 }, clocks: { respond: 30m } }
        milestones:
          reported: { title: { en: Reported, zh: 已报告 }, within: 5m, reached_when: report.done }
          responded: { title: { en: Responded, zh: 已响应 }, within: respond, reached_when: assess.done }
          ended: { title: { en: Ended, zh: 已结束 }, within: 2h, reached_when: outcome }
        facts:
          kind: { title: { en: Kind, zh: 类型 }, type: choice, values: [small, large] }
        start: report
        steps:
          report:
            title: { en: Report, zh: 报告 }
            owner: on_site
            done_within: 5m
            escalate:
              - { after: 2m, notify: [tech_lead] }
              - { after: 4m, reassign: tech_lead }
            next: assess
          assess:
            title: { en: Assess, zh: 研判 }
            owner: commander
            grade: true
            record: [kind]
            checklist:
              - { id: look, en: Look, zh: 查看 }
            done_within: 5m
            next:
              - { when: kind == large, goto: shutdown }
              - { else: choose }
          choose:
            title: { en: Choose, zh: 选择 }
            owner: commander
            decide:
              prompt: { en: Fix or watch?, zh: 修还是看？ }
              options:
                fix: { title: { en: Fix, zh: 修 }, goto: work }
                watch: { title: { en: Watch, zh: 看 }, goto: outcome.resolved }
              within: 10m
              on_expiry: fix
              notify: [commander]
          shutdown:
            title: { en: Shut down, zh: 关机 }
            owner: tech_lead
            approve: { by: commander, within: 10m, on_expiry: deny, then: { approved: work, denied: outcome.resolved } }
          work:
            title: { en: Work, zh: 工作 }
            parallel:
              tracks:
                fans: { title: { en: Fans, zh: 风扇 }, start: fans, steps: { fans: { title: { en: Fans, zh: 风扇 }, owner: on_site, done_within: 30m } } }
                watch: { title: { en: Watch, zh: 观察 }, start: watch, steps: { watch: { title: { en: Watch, zh: 观察 }, owner: tech_lead, done_within: 30m } } }
              join: any
            next: outcome.resolved
          written:
            title: { en: Written report, zh: 书面报告 }
            owner: commander
            phase: after_end
            done_within: 1d
        outcomes:
          resolved: { kind: success, title: { en: Resolved, zh: 已解决 } }
        """

    static let playbook: Playbook = {
        let result = PlaybookChecker.check(Array(text.utf8), file: "kit.yaml")
        guard let playbook = result.playbook else { fatalError("test playbook: \(result.diagnostics)") }
        return playbook
    }()
}

/// Drives an engine like the CLI does, folding every event into the state.
struct Driver {
    let engine = Engine(playbook: TestPlaybook.playbook)
    var events: [Event] = []
    var state = RunState()
    static let t0: Int64 = 1_700_000_000_000

    init(severity: String? = nil) {
        let start = RunStart(
            playbookID: "drill-kit", version: "1.0.0", playbookHash: "x", mode: .live, virtualClock: false,
            severity: severity, assignments: ["commander": "alice", "tech_lead": "carol", "on_site": "bob"])
        append(engine.start(start, at: Self.t0))
    }

    mutating func append(_ new: [Event]) {
        for event in new { state.apply(event) }
        events += new
    }

    /// Advances to `minutes` after the start and performs `kind` as `person`; returns the rejection, if any.
    @discardableResult
    mutating func act(_ person: String, _ kind: Command.Kind, atMinute minutes: Double) -> Rejection? {
        let now = Self.t0 + Int64(minutes * 60_000)
        append(engine.advance(state, to: now))
        switch engine.handle(Command(person: person, kind: kind), state: state, at: now) {
        case .success(let produced):
            append(produced)
            return nil
        case .failure(let rejection):
            return rejection
        }
    }

    mutating func advance(toMinute minutes: Double) {
        append(engine.advance(state, to: Self.t0 + Int64(minutes * 60_000)))
    }

    func types() -> [String] { events.map { EventCoding.type(of: $0.kind) } }
}

struct EngineTests {
    @Test func startActivatesTheStartStepWithAbsoluteDueInstants() {
        let driver = Driver()
        #expect(driver.state.activeOrder == ["report"])
        #expect(driver.state.active["report"]?.due.done == Driver.t0 + 5 * 60_000)
        #expect(driver.state.milestones["reported"]?.dueAt == Driver.t0 + 5 * 60_000)
        // `responded` uses a severity clock: until the run is graded, the strictest level's (fatal, 10m).
        #expect(driver.state.milestones["responded"]?.dueAt == Driver.t0 + 10 * 60_000)
    }

    @Test func actionsByTheWrongRoleOrOnInactiveStepsAreRefused() {
        var driver = Driver()
        #expect(driver.act("carol", .done(step: "report", items: []), atMinute: 1)?.reason == "wrong-role")
        #expect(driver.act("alice", .done(step: "assess", items: []), atMinute: 1)?.reason == "not-active")
        #expect(driver.act("bob", .done(step: "nowhere", items: []), atMinute: 1)?.reason == "invalid")
        #expect(driver.state.activeOrder == ["report"])
    }

    @Test func escalationsFireAtTheirInstantsAndKeepTheStepOpen() {
        var driver = Driver()
        driver.advance(toMinute: 1.99)
        #expect(!driver.types().contains("escalation.fired"))
        driver.advance(toMinute: 2)
        let fired = driver.events.filter { if case .escalationFired = $0.kind { return true } else { return false } }
        #expect(fired.map(\.at) == [Driver.t0 + 2 * 60_000])
        #expect(driver.state.active["report"] != nil)
        driver.advance(toMinute: 4)
        #expect(driver.state.active["report"]?.owner == "tech_lead")
        // Reassigned to the stand-in role: carol (tech lead) may now finish it, bob no longer.
        #expect(driver.act("bob", .done(step: "report", items: []), atMinute: 4.5)?.reason == "wrong-role")
        #expect(driver.act("carol", .done(step: "report", items: []), atMinute: 4.5) == nil)
        #expect(driver.state.milestones["reported"]?.margin == 30_000)
    }

    @Test func doneRequiresChecklistFactsAndGrading() {
        var driver = Driver()
        driver.act("bob", .done(step: "report", items: []), atMinute: 1)
        #expect(driver.act("alice", .done(step: "assess", items: []), atMinute: 2)?.list("items") == ["look"])
        #expect(driver.act("alice", .record(fact: "kind", value: "huge"), atMinute: 2)?.reason == "invalid")
        #expect(driver.act("alice", .record(fact: "kind", value: "small"), atMinute: 2) == nil)
        #expect(driver.act("alice", .done(step: "assess", items: ["look"]), atMinute: 2)?.code == .gradeFirst)
        #expect(driver.act("alice", .grade(level: "fatal", why: nil), atMinute: 3) == nil)
        #expect(driver.state.milestones["responded"]?.dueAt == Driver.t0 + 10 * 60_000)
        #expect(driver.act("alice", .done(step: "assess", items: ["look"]), atMinute: 3) == nil)
        #expect(driver.state.activeOrder == ["choose"])
    }

    @Test func decisionExpiryTakesTheDefaultSafeOptionAtItsInstant() {
        var driver = Driver(severity: "general")
        driver.act("bob", .done(step: "report", items: []), atMinute: 1)
        driver.act("alice", .record(fact: "kind", value: "small"), atMinute: 1)
        driver.act("alice", .done(step: "assess", items: ["look"]), atMinute: 2)
        driver.advance(toMinute: 12)
        let defaulted = driver.events.first { if case .decisionDefaulted = $0.kind { return true } else { return false } }
        #expect(defaulted?.kind == .decisionDefaulted(step: "choose", option: "fix"))
        #expect(defaulted?.at == Driver.t0 + 12 * 60_000)
        #expect(driver.state.activeOrder.contains("work"))
        #expect(Set(driver.state.activeOrder) == ["work", "fans", "watch"])
    }

    @Test func joinAnyCancelsTheOtherTrackAndGoesOn() {
        var driver = Driver(severity: "fatal")
        driver.act("bob", .done(step: "report", items: []), atMinute: 1)
        driver.act("alice", .record(fact: "kind", value: "small"), atMinute: 1)
        driver.act("alice", .done(step: "assess", items: ["look"]), atMinute: 2)
        driver.act("alice", .decide(step: "choose", option: "fix", why: "hot"), atMinute: 3)
        #expect(driver.act("carol", .done(step: "watch", items: []), atMinute: 10) == nil)
        #expect(driver.types().contains("step.cancelled"))
        #expect(driver.state.outcome?.id == "resolved")
        #expect(driver.state.activeOrder == ["written"])
        #expect(driver.act("alice", .done(step: "written", items: []), atMinute: 60) == nil)
        #expect(driver.state.closed)
    }

    @Test func approvalExpiryDeniesWhenSoWritten() {
        var driver = Driver(severity: "fatal")
        driver.act("bob", .done(step: "report", items: []), atMinute: 1)
        driver.act("alice", .record(fact: "kind", value: "large"), atMinute: 1)
        driver.act("alice", .done(step: "assess", items: ["look"]), atMinute: 2)
        #expect(driver.state.activeOrder == ["shutdown"])
        #expect(driver.act("carol", .approve(step: "shutdown", why: nil), atMinute: 3)?.reason == "wrong-role")
        driver.advance(toMinute: 12)
        #expect(driver.types().contains("approval.expired"))
        #expect(driver.state.outcome?.id == "resolved")
    }

    @Test func regradeRecomputesMilestones() {
        var driver = Driver(severity: "general")
        #expect(driver.state.milestones["responded"]?.dueAt == Driver.t0 + 30 * 60_000)
        #expect(driver.act("alice", .regrade(level: "fatal", why: "core down"), atMinute: 1) == nil)
        #expect(driver.state.milestones["responded"]?.dueAt == Driver.t0 + 10 * 60_000)
        #expect(driver.types().contains("milestone.recomputed"))
        #expect(driver.act("bob", .regrade(level: "general", why: "x"), atMinute: 2)?.reason == "wrong-role")
    }

    @Test func anOutcomeReachesOutcomeMilestonesButAnAbortDoesNot() {
        var resolved = Driver(severity: "general")
        #expect(resolved.act("bob", .done(step: "report", items: []), atMinute: 1) == nil)
        #expect(resolved.act("alice", .record(fact: "kind", value: "small"), atMinute: 2) == nil)
        #expect(resolved.act("alice", .done(step: "assess", items: ["look"]), atMinute: 3) == nil)
        #expect(resolved.act("alice", .decide(step: "choose", option: "watch", why: nil), atMinute: 4) == nil)
        #expect(resolved.state.outcome?.id == "resolved")
        #expect(resolved.state.milestones["ended"]?.reachedAt == Driver.t0 + 4 * 60_000)

        // A false alarm called off is not an incident ended in time: the milestone stays unreached.
        var aborted = Driver(severity: "general")
        #expect(aborted.act("alice", .abort(why: "false alarm"), atMinute: 1) == nil)
        #expect(aborted.state.aborted)
        #expect(aborted.state.milestones["ended"]?.reachedAt == nil)
        #expect(!aborted.types().contains("milestone.reached"))
    }

    @Test func standInActsForAnUnassignedRole() {
        let engine = Engine(playbook: TestPlaybook.playbook)
        let start = RunStart(playbookID: "drill-kit", version: "1", playbookHash: "x", mode: .live,
                             virtualClock: false, severity: "fatal", assignments: ["tech_lead": "carol", "on_site": "bob"])
        var state = RunState.fold(engine.start(start, at: 0))
        for event in try! engine.handle(Command(person: "bob", kind: .done(step: "report", items: [])), state: state, at: 1).get() {
            state.apply(event)
        }
        // The commander is unassigned: the tech lead, as stand-in, may act on the commander's step.
        let result = engine.handle(Command(person: "carol", kind: .record(fact: "kind", value: "small")), state: state, at: 2)
        #expect((try? result.get()) != nil)
    }

    @Test func staleCommandsAreRefused() {
        var driver = Driver()
        let seen = driver.state.eventCount
        driver.act("bob", .acknowledge(step: "report"), atMinute: 1)
        let stale = driver.engine.handle(
            Command(person: "bob", kind: .done(step: "report", items: []), expectSeq: seen), state: driver.state,
            at: Driver.t0 + 90_000)
        if case .failure(let rejection) = stale { #expect(rejection.reason == "stale") } else { Issue.record("not stale") }
    }

    @Test func foldingTheEventsGivesTheEngineState() {
        var driver = Driver(severity: "fatal")
        driver.act("bob", .done(step: "report", items: []), atMinute: 1)
        driver.act("alice", .record(fact: "kind", value: "large"), atMinute: 1)
        driver.act("alice", .done(step: "assess", items: ["look"]), atMinute: 2)
        driver.act("alice", .approve(step: "shutdown", why: "hot"), atMinute: 3)
        driver.advance(toMinute: 45)
        #expect(RunState.fold(driver.events) == driver.state)
    }

    @Test func everyEventSurvivesTheJournalCoding() throws {
        var driver = Driver(severity: "fatal")
        driver.act("bob", .done(step: "report", items: []), atMinute: 1)
        driver.act("alice", .record(fact: "kind", value: "large"), atMinute: 1)
        driver.act("alice", .done(step: "assess", items: ["look"]), atMinute: 2)
        driver.advance(toMinute: 45)
        for event in driver.events {
            let (type, data) = EventCoding.encode(event.kind)
            #expect(try EventCoding.decode(type: type, data: .object(data)) == event.kind)
        }
    }
}

/// A run's start decodes only with a speed a drill can be given (1 to 3 600): no instant computed from a forged
/// speed can overflow.
struct RunStartSpeedTests {
    static func start(speed: Int) -> RunStart {
        RunStart(playbookID: "p", version: "1", playbookHash: "h", mode: .drill, virtualClock: false, severity: nil,
                 assignments: [:], speed: speed)
    }

    @Test(arguments: [(1, true), (3_600, true), (0, false), (3_601, false), (Int.max, false), (-5, false)])
    func aSpeedDecodesOnlyInItsRange(speed: Int, decodes: Bool) throws {
        let (type, data) = EventCoding.encode(.runStarted(Self.start(speed: speed)))
        #expect(((try? EventCoding.decode(type: type, data: .object(data))) != nil) == decodes)
    }
}
