import PlaybookLanguage
import RunEngine

/// A two-step playbook and a run of it driven in process, for the views to show.
enum LeakKit {
    static let text = """
        muster: 1
        id: leak-kit
        version: 1.0.0
        title: { en: Leak kit, zh: 漏水演示 }
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
        start: report
        steps:
          report:
            title: { en: Report the leak, zh: 报告漏水 }
            owner: on_site
            done_within: 5m
            escalate:
              - { after: 2m, notify: [tech_lead] }
            next: assess
          assess:
            title: { en: Assess, zh: 研判 }
            owner: commander
            grade: true
            done_within: 5m
            next: outcome.resolved
        outcomes:
          resolved: { kind: success, title: { en: Resolved, zh: 已解决 } }
        """

    static let playbook: Playbook = {
        let result = PlaybookChecker.check(Array(text.utf8), file: "leak-kit.yaml")
        guard let playbook = result.playbook else { fatalError("test playbook: \(result.diagnostics)") }
        return playbook
    }()

    /// 2023-11-14 22:13:20Z, the run's start.
    static let t0: Int64 = 1_700_000_000_000

    /// Milliseconds of `minutes` after the start.
    static func at(minute minutes: Double) -> Int64 { t0 + Int64(minutes * 60_000) }

    /// A live run of the kit with alice commanding, bob on site and carol as tech lead.
    struct Run {
        let engine = Engine(playbook: LeakKit.playbook)
        var state = RunState()

        init() {
            let start = RunStart(
                playbookID: "leak-kit", version: "1.0.0", playbookHash: "x", mode: .live, virtualClock: false,
                severity: nil, assignments: ["commander": "alice", "tech_lead": "carol", "on_site": "bob"])
            apply(engine.start(start, at: LeakKit.t0))
        }

        /// Fires what fell due by `minutes` after the start, then performs `kind` as `person`.
        mutating func act(_ person: String, _ kind: Command.Kind, atMinute minutes: Double) throws {
            let now = LeakKit.at(minute: minutes)
            apply(engine.advance(state, to: now))
            apply(try engine.handle(Command(person: person, kind: kind), state: state, at: now).get())
        }

        /// Fires what fell due by `minutes` after the start.
        mutating func advance(toMinute minutes: Double) {
            apply(engine.advance(state, to: LeakKit.at(minute: minutes)))
        }

        mutating func apply(_ events: [Event]) {
            for event in events { state.apply(event) }
        }
    }
}
