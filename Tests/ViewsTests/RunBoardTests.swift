import Foundation
import PlaybookLanguage
import Reporting
import RunEngine
import Testing
import Views

/// The run board: what is active, who owns it, how long is left, milestones; in English and Chinese.
struct RunBoardTests {
    @Test func aFreshRunShowsItsStartStepWithOwnerAndTimeLeft() {
        let run = LeakKit.Run()
        let board = RunBoard(runID: "leak-1", playbook: LeakKit.playbook, state: run.state,
                             now: LeakKit.at(minute: 1), language: .en).render()
        #expect(board == """
            run leak-1 · Leak kit (leak-kit 1.0.0) · live
            severity: not graded · started 2023-11-14 22:13:20 +00:00 · seq \(run.state.eventCount)
            people: commander=alice, on_site=bob, tech_lead=carol

            active steps:
              report  Report the leak  [owner: on_site (bob)]  due in 4m  (not acknowledged)

            milestones:
              reported  Reported  due in 4m
              responded  Responded  due in 9m (not graded: the strictest level's clock)

            """)
    }

    @Test func theBoardsInstantsAreLocalTimesWithTheirOffset() {
        let shanghai = LocalTime(TimeZone(identifier: "Asia/Shanghai")!)
        let board = RunBoard(runID: "leak-1", playbook: LeakKit.playbook, state: LeakKit.Run().state,
                             now: LeakKit.at(minute: 1), language: .zh, time: shanghai).render()
        #expect(board.contains("2023-11-15 06:13:20 +08:00"))
        #expect(!board.contains("22:13:20"))
    }

    @Test func aLateStepIsOverdueAndAMetMilestoneSaysByHowMuch() throws {
        var run = LeakKit.Run()
        try run.act("bob", .done(step: "report", items: []), atMinute: 3)
        try run.act("alice", .grade(level: "fatal", why: nil), atMinute: 4)
        run.advance(toMinute: 10)
        let board = RunBoard(runID: "leak-1", playbook: LeakKit.playbook, state: run.state,
                             now: LeakKit.at(minute: 10), language: .en).render()
        #expect(board.contains("severity: fatal (Fatal) · "))
        #expect(board.contains("  assess  Assess  [owner: commander (alice)]  overdue by 2m"))
        #expect(board.contains("  reported  Reported  met, 2m early\n"))
        #expect(board.contains("  responded  Responded  missed\n"))
    }

    @Test func inChineseEveryWordOfTheBoardIsChinese() throws {
        var run = LeakKit.Run()
        try run.act("bob", .acknowledge(step: "report"), atMinute: 1)
        let board = RunBoard(runID: "leak-1", playbook: LeakKit.playbook, state: run.state,
                             now: LeakKit.at(minute: 1), language: .zh).render()
        #expect(board.hasPrefix("运行 leak-1 · 漏水演示 (leak-kit 1.0.0) · 实战\n严重级别: 未定级 · 开始 2023-11-14 22:13:20 +00:00"))
        #expect(board.contains("  report  报告漏水  [负责人: 现场 (bob)]  剩余 4分钟\n"))
        #expect(!board.contains("not acknowledged") && !board.contains("未确认"))
        #expect(board.contains("  responded  已响应  剩余 9分钟（尚未定级，按最严级别计）\n"), "\(board)")
    }

    /// A name in a forged journal (the engine refuses such a name) cannot reach the terminal raw: the board shows
    /// its control characters as escapes.
    @Test func aNameFromAForgedJournalReachesTheBoardEscaped() {
        var run = LeakKit.Run()
        run.apply([Event(at: LeakKit.at(minute: 1), actor: .person("alice", role: "commander"),
                         kind: .handover(role: "on_site", from: "bob", to: "eve\u{1B}]0;OWNED\u{7}\u{202E}"))])
        let board = RunBoard(runID: "leak-1", playbook: LeakKit.playbook, state: run.state,
                             now: LeakKit.at(minute: 1), language: .en).render()
        #expect(!board.contains("\u{1B}") && !board.contains("\u{7}") && !board.contains("\u{202E}"))
        #expect(board.contains("on_site=eve\\u{1B}]0;OWNED\\u{7}\\u{202E}"), "\(board)")
        #expect(board.contains("[owner: on_site (eve\\u{1B}]0;OWNED\\u{7}\\u{202E})]"), "\(board)")
    }
}
