import Foundation
import JSONText
import PlaybookLanguage
import Reporting
import RunEngine
import Testing

/// What the run report says once and by name: a notification retried until it gave up is one line with its count,
/// each service level is named by its milestone, tracks and notifications are named by what people read, and a
/// refused command by the command people typed.
struct SaidOnceTests {
    static let languages: [Language] = [.en, .zh]

    /// The report of `events`, as `muster report` builds it from their journal.
    static func report(_ events: [Event]) -> RunReport {
        let entries = events.enumerated().map {
            JournalEntry(seq: $0.offset + 1, event: $0.element, relative: $0.element.at - events[0].at)
        }
        return RunReport(playbook: ReportKit.playbook, entries: entries,
                         integrity: Integrity(head: ReportRun.head, lines: entries.count, verified: true),
                         runID: "cooling", asOf: ReportRun.instant(90))
    }

    /// The text of the section with `id` in an HTML report.
    static func section(_ id: String, of html: String) -> String {
        guard let start = html.range(of: "<section id=\"\(id)\"") else { return "" }
        let rest = html[start.lowerBound...]
        return String(rest[..<(rest.range(of: "</section>")?.upperBound ?? rest.endIndex)])
    }

    /// The cooling run in which the notifier retried the escalation's notification to alice four more times.
    static func retriedReport() -> RunReport {
        var events = ReportRun.cooling(signed: true).events
        let first = events.firstIndex {
            if case .notificationFailed(id: _, to: "alice", why: _, whyChinese: _, final: _) = $0.kind { true } else { false }
        }!
        let retry = events[first]
        events.insert(contentsOf: Array(repeating: retry, count: 4), at: first + 1)
        return report(events)
    }

    @Test(arguments: languages)
    func aRetriedNotificationIsListedOnceWithItsCount(_ language: Language) {
        let zh = language == .zh
        let report = Self.retriedReport()
        let failure = zh ? "未送达 alice：'/bin/sh' 以状态 1 退出" : "not delivered to alice: '/bin/sh' exited with status 1"
        let markdown = MarkdownReport(report, language: language).render(.full)
        // The escalation's notification (five attempts) and the overdue step's (one): one line each.
        #expect(markdown.contains(failure + (zh ? "（共 5 次尝试）" : " (5 attempts)")))
        #expect(markdown.occurrences(of: failure) == 2)
        let html = Self.section("escalations", of: HTMLReport(report, language: language).render(.full))
        #expect(html.occurrences(of: zh ? "以状态 1 退出" : "exited with status 1") == 2)
        #expect(html.contains(zh ? "（共 5 次尝试）" : " (5 attempts)"))
        // The JSON report keeps every attempt.
        let rows = ReportJSON(report, language: language).render(.full)["notifications"]?.arrayValue ?? []
        #expect(rows.map { $0["failed"]?.arrayValue?.count ?? 0 } == [5, 1, 0])
    }

    @Test(arguments: languages, ReportKind.allCases)
    func eachServiceLevelIsNamedByItsMilestone(_ language: Language, _ kind: ReportKind) {
        let zh = language == .zh
        let markdown = MarkdownReport(ReportRun.cooling(signed: true).report(), language: language).render(kind)
        // Two milestones measure reporting: each is said by its own title, never both as "Reporting".
        #expect(markdown.contains(zh ? "已上报应急小组：2分30秒，时限 5分钟：按时。" : "Reported to the emergency team: 2m30s against 5m: met."))
        #expect(markdown.contains(zh ? "已提交书面报告：34分钟，时限 1天：按时。" : "Written report delivered: 34m against 1d: met."))
        #expect(!markdown.contains(zh ? "。报告：" : ". Reporting: "))
    }

    @Test(arguments: languages)
    func theTimelineNamesTracksByTitleAndNotificationsByWhom(_ language: Language) {
        let zh = language == .zh
        let report = ReportRun.cooling(signed: true).report()
        let html = Self.section("timeline", of: HTMLReport(report, language: language).render(.full))
        let markdown = MarkdownReport(report, language: language).render(.full)
        for (document, escape) in [(html, HTMLReport.escape), (markdown, { $0 })] {
            #expect(document.contains(escape(zh ? "「机房降温」分支「风扇」开始" : "track 'Fans' of 'Cool the room' started")))
            #expect(document.contains(escape(zh ? "「机房降温」分支「备用空调」结束" : "track 'Spare unit' of 'Cool the room' ended")))
            #expect(document.contains(zh ? "已通知到 erin" : "notification sent to erin"))
            for id in ["分支 fans", "分支 spare", "track fans", "track spare", "通知 n", "notification n1", "notification n2",
                       "notification n3"] {
                #expect(!document.contains(id), "'\(id)' shows")
            }
        }
    }

    @Test(arguments: languages)
    func aRefusedTickNamesTheCommandPeopleType(_ language: Language) {
        var run = ReportRun.cooling(signed: false)
        // bob ticks an item of the commander's step: refused, and the report says what he typed.
        run.refuse("bob", .checkItems(step: "confirm", items: ["stable"]), at: 45)
        let report = run.report()
        let html = HTMLReport(report, language: language).render(.full)
        let markdown = MarkdownReport(report, language: language).render(.full)
        if language == .zh {
            #expect(html.contains("data-label=\"事件\">勾选检查项</td>"))
            #expect(markdown.contains("拒绝命令「勾选检查项」"))
        } else {
            #expect(html.contains("data-label=\"event\">tick</td>"))
            #expect(markdown.contains("refused tick: "))
            #expect(!markdown.contains("refused check"))
        }
    }

    /// Every command a journal may name as refused, as its journal spells it.
    static let journaledCommands = [
        "ack", "progress", "check", "done", "record", "correct", "decide", "approve", "deny", "note", "join",
        "handover", "grade", "regrade", "signal", "abort", "signoff", "title", "received", "raise", "release",
        "drill observe", "drill rate", "drill inject", "drill cancel", "drill mark", "drill script",
        "drill unscript", "drill improve",
    ]

    @Test(arguments: journaledCommands)
    func everyRefusedCommandHasItsLabelInBothLanguages(_ name: String) {
        let chinese = ReportWords(language: .zh).command(name)
        #expect(!chinese.contains { $0.isASCII && $0.isLetter }, "'\(name)' reads '\(chinese)' in Chinese")
        // In English, the name people type: the journal's `check` is typed `tick`.
        #expect(ReportWords(language: .en).command(name) == (name == "check" ? "tick" : name))
    }

    @Test func namesAndCommandLabelsAreKeptWholeInNarrowColumns() {
        var run = ReportRun.cooling(signed: true)
        run.refuse("bob", .checkItems(step: "confirm", items: ["stable"]), at: 86)
        let html = HTMLReport(run.report(), language: .zh).render(.full)
        // The Notes' and the refused commands' people, and a refused command's label, are marked as short tokens …
        #expect(html.contains("<td class=\"who\" data-label=\"人员\"><bdi>alice</bdi></td>"))
        #expect(html.contains("<td class=\"token\" data-label=\"事件\">勾选检查项</td>"))
        // … which the style sheet keeps whole (a Chinese word unbroken, a name broken only when it cannot fit).
        #expect(html.contains("thead th, td.who, td.token, td.margin { word-break: keep-all; }"))
        #expect(html.contains("td.who, td.who *, td.token, td.token * { overflow-wrap: break-word; }"))
    }

    @Test(arguments: languages)
    func theTimelineListsARetriedDeliveryOnce(_ language: Language) {
        let zh = language == .zh
        var events = ReportRun.cooling(signed: true).events
        // Before giving up on alice, the notifier failed four times and said it would try again.
        let first = events.firstIndex {
            if case .notificationFailed(id: _, to: "alice", why: _, whyChinese: _, final: _) = $0.kind { true } else { false }
        }!
        guard case .notificationFailed(let id, let to, let why, let whyChinese, _) = events[first].kind else { return }
        let retry = Event(at: events[first].at, actor: .engine,
                          kind: .notificationFailed(id: id, to: to, why: why, whyChinese: whyChinese, final: false))
        events.insert(contentsOf: Array(repeating: retry, count: 4), at: first)
        let markdown = MarkdownReport(Self.report(events), language: language).render(.full)
        #expect(markdown.occurrences(of: zh ? "这次未能通知到 alice" : "notification to alice failed this time") == 1)
        #expect(markdown.contains(zh ? "通知重试仍未送达 3 次未列出" : "3 repeated failed delivery attempts not listed"))
        // The notification table counts every attempt.
        #expect(markdown.contains(zh ? "（共 5 次尝试）" : " (5 attempts)"))
    }
}
