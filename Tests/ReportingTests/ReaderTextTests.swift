import Foundation
import PlaybookLanguage
import Reporting
import RunEngine
import Testing

/// What a reader of a report sees of text that people wrote: shown as written (a right-to-left override cannot
/// reorder it), isolated from the words around it, and in a Chinese report no English word of the report's own.
struct ReaderTextTests {
    static let languages: [Language] = [.en, .zh]
    /// A file name that a right-to-left override would show as `photo_exe.png`.
    static let spoof = "photo_\u{202E}gnp.exe"

    /// A name in a right-to-left script, which names may be.
    static let arabicName = "\u{0623}\u{062D}\u{0645}\u{062F}"

    /// The cooling run with `spoof` in a note (handling: the run and fault reports show it and every kind's
    /// timeline or notes) and a right-to-left name as the signer's (every kind shows it).
    static func spoofedReport() -> RunReport {
        ReportRun.cooling(signed: true, note: "Restored from " + spoof, signer: arabicName).report()
    }

    @Test(arguments: languages, ReportKind.allCases)
    func anOverrideShowsAsAVisibleEscapeInMarkdownAndHTML(_ language: Language, _ kind: ReportKind) {
        let report = Self.spoofedReport()
        let markdown = MarkdownReport(report, language: language).render(kind)
        let html = HTMLReport(report, language: language).render(kind)
        for document in [markdown, html] {
            #expect(!document.unicodeScalars.contains("\u{202E}"))
        }
        // In HTML, what a person wrote is isolated from the words around it: the name cannot pull them right to left.
        #expect(html.contains("<bdi>\(Self.arabicName)</bdi>"))
        if kind != .work {
            #expect(markdown.contains("Restored from photo_\\u{202E}gnp.exe"))
            #expect(html.contains("<bdi>Restored from photo_\\u{202E}gnp.exe</bdi>"))
        }
    }

    @Test func everyControlAndBidiCharacterIsShownButLineBreaksStay() {
        let text = "a\u{1B}[2Jb\u{7}c\u{85}d\u{2066}e\u{200F}f\u{061C}g\nh\ti"
        #expect(HTMLReport.escape(text) == "a\\u{1B}[2Jb\\u{7}c\\u{85}d\\u{2066}e\\u{200F}f\\u{61C}g\nh\ti")
        // Chinese, accents and punctuation are left as they are.
        #expect(HTMLReport.escape("机房 °C – “ok” · →") == "机房 °C – “ok” · →")
        #expect(HTMLReport.isolate("<b>") == "<bdi>&lt;b&gt;</bdi>")
    }

    @Test func thePrintedFooterCarriesNoOverride() {
        var run = ReportRun.cooling(signed: false)
        run.act("alice", .retitle("Leak \u{202E}gnp.exe"), at: 48.5)
        let html = HTMLReport(run.report(), language: .en).render(.fault)
        #expect(!html.unicodeScalars.contains("\u{202E}"))
        #expect(html.contains("counter(page) \" of \" counter(pages)"))
        let zh = HTMLReport(run.report(), language: .zh).render(.fault)
        #expect(zh.contains("\"第 \" counter(page) \" 页，共 \" counter(pages) \" 页\""))
    }

    @Test(arguments: languages)
    func whatWasRecordedForOthersIsSaidInTheReportsLanguage(_ language: Language) {
        let run = ReportRun.cooling(signed: true)
        var events = run.events
        // bob phoned in that the report was done; alice typed it.
        let index = events.firstIndex { if case .stepCompleted("report") = $0.kind { true } else { false } }!
        events[index].recordedBy = "alice"
        let entries = events.enumerated().map { JournalEntry(seq: $0.offset + 1, event: $0.element,
                                                             relative: $0.element.at - events[0].at) }
        let report = RunReport(playbook: ReportKit.playbook, entries: entries,
                               integrity: Integrity(head: ReportRun.head, lines: entries.count, verified: true))
        let html = HTMLReport(report, language: language).render(.full)
        let markdown = MarkdownReport(report, language: language).render(.full)
        for document in [html, markdown] {
            #expect(!document.contains("step.completed"))
            #expect(document.contains(language == .zh ? "步骤「报告机房温度过高」完成" : "Report the overheating"))
        }
    }

    @Test func aRefusedCommandIsNamedInChinese() {
        let report = ReportRun.cooling(signed: true).report()
        let html = HTMLReport(report, language: .zh).render(.full)
        #expect(html.contains("data-label=\"事件\">审批</td>"))
        #expect(MarkdownReport(report, language: .zh).render(.full).contains("| 审批 |"))
    }

    @Test(arguments: languages)
    func theChartMarksSeverityChangesHandoversAndEscalations(_ language: Language) {
        let html = HTMLReport(ReportRun.cooling(signed: true).report(), language: language).render(.full)
        // The cooling run: an escalation at 2m, graded at 4m, regraded at 7m, a handover at 20m.
        for kind in ["severity", "handover", "escalation"] {
            #expect(html.contains("<g class=\"marker \(kind)\">"))
        }
        let zh = language == .zh
        #expect(html.contains("<ol class=\"chart-markers\">"))
        #expect(html.contains(zh ? "级别由「严重」调整为「致命」" : "severity changed from Severe to Fatal"))
        #expect(html.contains(zh ? "应急技术经理由 carol 交接给 erin" : "Tech lead handed over from carol to erin"))
        #expect(html.contains(zh ? "第 1 级升级" : "escalation 1 of"))
        #expect(html.contains(zh ? "级别变更</li>" : "severity change</li>"))
        // Numbered in time order: the escalation first.
        #expect(html.contains("<g class=\"marker escalation\"><title>1. +00:02:00"))
        #expect(!html.lowercased().contains("<script"))
    }
}
