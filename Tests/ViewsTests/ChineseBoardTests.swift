import Foundation
import PlaybookLanguage
import Reporting
import RunEngine
import Testing
import Views

/// The boards a Chinese responder reads (`status`, `watch`, their HTML pages, `inbox`): roles, the severity, facts,
/// their values and a decision's options by their titles, lengths of time in Chinese words, instants as local times
/// with their offset; no internal id and no English unit. The English boards keep their ids and units.
struct ChineseBoardTests {
    static let text = """
        muster: 1
        id: cellar
        version: 1.0.0
        title: { en: Cellar leak, zh: 地下室漏水 }
        roles:
          commander: { title: { en: Commander, zh: 总指挥 } }
          tech_lead: { title: { en: Tech lead, zh: 技术经理 } }
          on_site: { title: { en: On site, zh: 现场人员 } }
        severity:
          fatal: { title: { en: Fatal, zh: 致命 }, clocks: { respond: 10m } }
          general: { title: { en: General, zh: 一般 }, clocks: { respond: 30m } }
        milestones:
          reported: { title: { en: Reported, zh: 已报告 }, within: 5m, reached_when: report.done }
          responded: { title: { en: Responded, zh: 已响应 }, within: 4h, reached_when: choose.done }
        facts:
          source:
            title: { en: Where the water comes from, zh: 漏水来源 }
            type: choice
            values:
              pipe: { en: A pipe, zh: 水管破裂 }
              rain: { en: Rain, zh: 雨水渗入 }
        start: report
        steps:
          report:
            title: { en: Report the leak, zh: 报告漏水 }
            owner: on_site
            done_within: 5m
            next: assess
          assess:
            title: { en: Assess, zh: 研判 }
            owner: commander
            grade: true
            record: [source]
            done_within: 5m
            escalate:
              - { after: 2m, notify: [tech_lead] }
            next: choose
          choose:
            title: { en: Choose what to do, zh: 决定处置方式 }
            owner: commander
            decide:
              prompt: { en: Can the room stay up?, zh: 机房能否继续运行？ }
              options:
                keep_running: { title: { en: Keep running, zh: 继续运行 }, goto: outcome.resolved }
                shut_down: { title: { en: Shut down, zh: 紧急关闭 }, goto: outcome.resolved }
            done_within: 10m
        outcomes:
          resolved: { kind: success, title: { en: Resolved, zh: 已解决 } }
        """

    static let playbook: Playbook = {
        let result = PlaybookChecker.check(Array(text.utf8), file: "cellar.yaml")
        guard let playbook = result.playbook else { fatalError("test playbook: \(result.diagnostics)") }
        return playbook
    }()

    /// 2026-01-05 01:00:00Z, 09:00 in Shanghai.
    static let t0: Int64 = 1_767_574_800_000
    static func at(minute: Int64) -> Int64 { t0 + minute * 60_000 }
    static let shanghai = LocalTime(TimeZone(identifier: "Asia/Shanghai")!)

    /// A drill of the playbook: frank reports a minute early, alice grades it fatal and records the source but
    /// misses the assessment's limit by two minutes, tech lead carol is paged, and an inject went to the site;
    /// drawn at minute 11.
    static func state() throws -> RunState {
        let engine = Engine(playbook: playbook)
        var state = RunState()
        let start = RunStart(playbookID: "cellar", version: "1.0.0", playbookHash: "x", mode: .drill,
                             virtualClock: true, severity: nil,
                             assignments: ["commander": "alice", "tech_lead": "carol", "on_site": "frank"])
        func apply(_ events: [Event]) { for event in events { state.apply(event) } }
        func act(_ person: String, _ kind: Command.Kind, minute: Int64) throws {
            apply(engine.advance(state, to: at(minute: minute)))
            apply(try engine.handle(Command(person: person, kind: kind), state: state, at: at(minute: minute)).get())
        }
        apply(engine.start(start, at: t0))
        apply([Event(at: at(minute: 1), actor: .inject("water-seen"),
                     kind: .injectDelivered(id: "water-seen", role: "on_site", message: "地上有水"))])
        try act("frank", .done(step: "report", items: []), minute: 4)
        try act("alice", .grade(level: "fatal", why: nil), minute: 5)
        try act("alice", .record(fact: "source", value: "pipe"), minute: 6)
        apply(engine.advance(state, to: at(minute: 11)))
        return state
    }

    /// Role and fact ids, English units of a span, a UTC-only instant: what a Chinese reader must not meet.
    static func leaks(_ text: String) -> [String] {
        var found: [String] = []
        for id in ["commander", "tech_lead", "on_site", "fatal", "source=", "pipe", "keep_running", "shut_down"]
            where text.contains(id) { found.append(id) }
        if text.range(of: #"\d+[smhd]\b"#, options: .regularExpression) != nil { found.append("English unit") }
        if text.range(of: #"\d\d:\d\d:\d\dZ"#, options: .regularExpression) != nil { found.append("UTC instant") }
        return found
    }

    @Test func theTerminalBoardNamesEverythingByItsTitleAndSaysSpansInChinese() throws {
        let state = try Self.state()
        let board = TerminalBoard(runID: "c-1", playbook: Self.playbook, state: state, now: Self.at(minute: 11),
                                  language: .zh, delivering: false, time: Self.shanghai).render()
        #expect(Self.leaks(board) == [], "\(board)")
        #expect(board.contains("严重级别: 致命 · 开始 2026-01-05 09:00:00 +08:00"))
        #expect(board.contains("人员: 总指挥=alice, 现场人员=frank, 技术经理=carol\n"))
        #expect(board.contains("  assess  研判  [负责人: 总指挥 (alice)]  逾期 2分钟  (未确认)\n"), "\(board)")
        #expect(board.contains("  reported  已报告  已达成，提前 1分钟\n"))
        #expect(board.contains("  responded  已响应  剩余 3小时49分\n"))
        #expect(board.contains("事实: 漏水来源：水管破裂\n"))
        #expect(board.contains("  2026-01-05 09:01:00 +08:00 → 现场人员  【演练】"))
        #expect(board.contains("→ 技术经理: "))
        #expect(board.contains("（最久 5分钟）"))
    }

    @Test func theEnglishBoardKeepsItsIdsAndUnits() throws {
        let board = RunBoard(runID: "c-1", playbook: Self.playbook, state: try Self.state(), now: Self.at(minute: 11),
                             language: .en, time: Self.shanghai).render()
        #expect(board.contains("severity: fatal (Fatal) · "))
        #expect(board.contains("people: commander=alice, on_site=frank, tech_lead=carol\n"))
        #expect(board.contains("[owner: commander (alice)]  overdue by 2m  (not acknowledged)\n"))
        #expect(board.contains("facts: source=A pipe\n"))
        // The drill's injects in local time too, in either language.
        #expect(board.contains("  2026-01-05 09:01:00 +08:00 → on_site  [DRILL] "))
    }

    @Test func aDecisionOffersItsOptionsByTheirTitles() throws {
        var state = try Self.state()
        let engine = Engine(playbook: Self.playbook)
        for event in try engine.handle(Command(person: "alice", kind: .done(step: "assess", items: [])), state: state,
                                       at: Self.at(minute: 12)).get() { state.apply(event) }
        let chinese = RunBoard(runID: "c-1", playbook: Self.playbook, state: state, now: Self.at(minute: 12),
                               language: .zh, time: Self.shanghai).render()
        #expect(chinese.contains("请决定: 继续运行 | 紧急关闭"), "\(chinese)")
        #expect(Self.leaks(chinese) == [], "\(chinese)")
        let english = RunBoard(runID: "c-1", playbook: Self.playbook, state: state, now: Self.at(minute: 12),
                               language: .en, time: Self.shanghai).render()
        #expect(english.contains("decide: keep_running | shut_down"))
    }

    @Test func theChineseHTMLPagesNameRolesAndSeverityByTitle() throws {
        let state = try Self.state()
        let pages = RunBoardPages.pages(runID: "c-1", playbook: Self.playbook, state: state, events: [],
                                        now: Self.at(minute: 11), times: LocalTimes(Self.shanghai), indexLink: nil)
        for (name, html) in pages where name.hasSuffix(".zh.html") {
            // Ids stay in file names and links; a reader sees none of them.
            let text = html.replacingOccurrences(of: #"<[^>]*>"#, with: " ", options: .regularExpression)
            #expect(Self.leaks(text) == [], "\(name): \(text)")
        }
        let board = try #require(pages.first { $0.name == "index.zh.html" }?.html)
        #expect(board.contains("严重级别: 致命</span>"))
        #expect(board.contains("<span class=\"owner\">总指挥 · alice</span>"))
        #expect(board.contains("<span class=\"left overdue\">逾期 2分钟</span>"))
        #expect(board.contains("已达成，提前 1分钟"))
        #expect(board.contains(" → 技术经理</div>"))
        let english = try #require(pages.first { $0.name == "index.html" }?.html)
        #expect(english.contains("fatal · Fatal") && english.contains("commander · alice"))
        #expect(english.contains("overdue by 2m"))
    }

    @Test func theIndexOfAllRunsNamesTheSeverityByItsTitleInChinese() throws {
        let entries = [RunsIndexHTML.Entry(runID: "c-1", playbook: Self.playbook, state: try Self.state())]
        let chinese = RunsIndexHTML(entries: entries, now: Self.at(minute: 11), language: .zh,
                                    times: LocalTimes(Self.shanghai)).render()
        #expect(chinese.contains("严重级别: 致命</span>"), "\(chinese)")
        #expect(!chinese.contains("fatal"))
        let english = RunsIndexHTML(entries: entries, now: Self.at(minute: 11), language: .en,
                                    times: LocalTimes(Self.shanghai)).render()
        #expect(english.contains("severity: fatal</span>"), "\(english)")
    }

    @Test func theInboxSaysSpansInChineseAndRolesByTitle() throws {
        let state = try Self.state()
        let alice = PersonalWork(runID: "c-1", playbook: Self.playbook, state: state, person: "alice",
                                 now: Self.at(minute: 11), language: .zh, time: Self.shanghai).render()
        #expect(alice.contains("  完成 assess  研判  已逾期 2分钟\n"), "\(alice)")
        #expect(Self.leaks(alice) == [], "\(alice)")
        let frank = PersonalWork(runID: "c-1", playbook: Self.playbook, state: state, person: "frank",
                                 now: Self.at(minute: 11), language: .zh, time: Self.shanghai).render()
        #expect(frank.contains("    2026-01-05 09:01:00 +08:00 → 现场人员  【演练】"), "\(frank)")
        #expect(Self.leaks(frank) == [], "\(frank)")
        let english = PersonalWork(runID: "c-1", playbook: Self.playbook, state: state, person: "alice",
                                   now: Self.at(minute: 11), language: .en, time: Self.shanghai).render()
        #expect(english.contains("  do assess  Assess  overdue by 2m\n"))
    }
}
