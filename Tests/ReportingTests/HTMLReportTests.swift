import PlaybookLanguage
import Foundation
import Reporting
import RunEngine
import Testing

extension String {
    func occurrences(of needle: String) -> Int { components(separatedBy: needle).count - 1 }
}

struct HTMLReportTests {
    static let languages: [Language] = [.en, .zh]

    static func render(_ report: RunReport, _ language: Language, _ kind: ReportKind) -> String {
        HTMLReport(report, language: language).render(kind)
    }

    @Test(arguments: languages, ReportKind.allCases)
    func markupFromAPlaybookOrAPersonIsEscapedEverywhere(_ language: Language, _ kind: ReportKind) throws {
        let run = ReportRun.cooling(signed: true, playbook: ReportKit.hostilePlaybook, note: ReportKit.hostile,
                                    signer: ReportKit.hostile)
        let report = run.report(playbook: ReportKit.hostilePlaybook)
        let html = Self.render(report, language, kind)
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img src=x&gt;"))
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.lowercased().contains("<img"))
        // In the document's title, the header, and the signature (a person's name).
        let word = ReportWords(language: language)(
            kind == .full ? "Run report" : kind == .fault ? "Fault report" : "Emergency work report")
        #expect(html.contains("<title>\(word): Cooling failure in machine room B</title>"))
        #expect(html.contains("<p class=\"subtitle\">\(language == .zh ? "预案：" : "Playbook: ")&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img src=x&gt; "))
        #expect(html.contains("<strong><bdi>&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img src=x&gt;</bdi></strong>"))
        try MarkupBalance.check(html)
        // The step title is in the chart's labels too, escaped (its first lane under the band of key moments).
        #expect(html.contains("<text class=\"label\" x=\"12\" y=\"83\">&lt;script&gt;"))
        if kind == .fault {
            // The note is filed under handling, which the fault report shows.
            #expect(html.contains("\"><bdi>&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img src=x&gt;</bdi></td>"))
        }
    }

    @Test func escapeCoversTextAndAttributes() {
        #expect(HTMLReport.escape("a & b < c > d \" e ' f") == "a &amp; b &lt; c &gt; d &quot; e &#39; f")
        #expect(HTMLReport.escape("机房 ✓") == "机房 ✓")
    }

    /// The response is drawn from the start to the outcome; the after-end obligations on a chart of their own (not
    /// in the fault report, which is about the fault).
    @Test(arguments: languages, ReportKind.allCases)
    func theChartHasOneBarPerActivatedStep(_ language: Language, _ kind: ReportKind) {
        for signed in [true, false] {
            let report = ReportRun.cooling(signed: signed).report()
            let html = Self.render(report, language, kind)
            let drawn = kind == .fault ? report.steps.filter { $0.phase == .main } : report.steps
            #expect(html.occurrences(of: "<svg class=\"timeline-chart\"") == (kind == .fault ? 1 : 2))
            #expect(html.occurrences(of: "class=\"bar") == drawn.count)
            #expect(html.occurrences(of: "data-step=\"") == drawn.count)
            for row in drawn { #expect(html.contains("data-step=\"\(row.step)\"")) }
            let cancelled = report.steps.filter { if case .cancelled = $0.ending { true } else { false } }
            #expect(html.occurrences(of: "class=\"bar cancelled") == cancelled.count)
            #expect(cancelled.map(\.step) == ["fans"])
            // Overdue: 'assess' and 'restore' were done late; in the open run the obligation is not overdue yet.
            #expect(html.occurrences(of: " overdue\" data-step=") == 2)
            #expect(html.contains("class=\"bar done overdue\" data-step=\"restore\""))
            // One milestone lane each: filled diamonds for the met, hollow for the missed and late.
            let milestones = kind == .fault ? report.milestones.filter { $0.milestone != "written_report" } : report.milestones
            #expect(html.occurrences(of: "<g class=\"milestone ") == milestones.count)
            #expect(html.occurrences(of: "<g class=\"milestone met\"") == milestones.filter { $0.status == .met }.count)
            #expect(html.occurrences(of: "<g class=\"milestone missed\"") == 1)
            #expect(html.occurrences(of: "<g class=\"milestone late missed\"") == 1)
            // A deadline line per step whose deadline is on the chart; the obligation's (a day after the outcome) is
            // an arrow on the after-end chart, and so is its milestone's until it is met (a met one is drawn where it
            // was reached).
            #expect(html.occurrences(of: "class=\"due-beyond\"") == (kind == .fault ? 0 : signed ? 1 : 2))
        }
    }

    @Test(arguments: languages, ReportKind.allCases)
    func theDocumentIsSelfContained(_ language: Language, _ kind: ReportKind) {
        let html = Self.render(ReportRun.cooling(signed: true).report(), language, kind)
        for forbidden in ["<script", "<link", "<iframe", "<img", "src=", "href=\"http", "@import", "@font-face", "url(http",
                          "http://", "https://"] {
            #expect(!html.contains(forbidden), "\(forbidden)")
        }
        #expect(html.hasPrefix("<!doctype html>\n<html lang=\"\(language == .zh ? "zh-CN" : "en")\">"))
        #expect(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
        #expect(html.contains("@media print"))
        #expect(html.contains("@media screen and (max-width: 640px)"))
        #expect(html.contains("section#timeline { break-before: page;"))
        // On paper every page says what it is, its number and how many there are.
        #expect(html.contains("@bottom-right { content: \(language == .zh ? "\"第 \" counter(page) \" 页，共 \" counter(pages) \" 页\"" : "\"page \" counter(page) \" of \" counter(pages)")"))
        #expect(html.contains(".signature { break-inside: avoid;"))
        #expect(html.contains("<footer id=\"integrity\" class=\"integrity\">"))
        #expect(html.contains(ReportRun.head))
    }

    @Test(arguments: languages, ReportKind.allCases)
    func theMarkupIsBalanced(_ language: Language, _ kind: ReportKind) throws {
        for signed in [true, false] {
            let html = Self.render(ReportRun.cooling(signed: signed).report(), language, kind)
            try MarkupBalance.check(html)
        }
    }

    @Test(arguments: ReportKind.allCases)
    func theSignatureBlockSaysWhetherTheUserSigned(_ kind: ReportKind) {
        let signed = ReportRun.cooling(signed: true).report()
        let open = ReportRun.cooling(signed: false).report()
        #expect(Self.render(signed, .en, kind).contains("Signed by <strong><bdi>wang.fang</bdi></strong> · <span class=\"time\">2026-01-01 01:25:00 +00:00</span>"))
        // The printed sign-off block: reporter, reviewer, and the user, whose journaled signature fills the name and date.
        #expect(Self.render(signed, .en, kind).contains("<tr><th scope=\"row\">Accepted by the user</th><td class=\"blank\"><bdi>wang.fang</bdi></td><td class=\"blank\"></td><td class=\"blank\">2026-01-01</td></tr>"))
        #expect(!Self.render(signed, .en, kind).contains("Not signed by the user yet."))
        #expect(Self.render(open, .en, kind).contains("<p class=\"unsigned\">Not signed by the user yet.</p>"))
        #expect(Self.render(open, .zh, kind).contains("<p class=\"unsigned\">用户尚未签收。</p>"))
        for role in ["报告人", "审核人", "用户签收"] {
            #expect(Self.render(open, .zh, kind).contains("<tr><th scope=\"row\">\(role)</th><td class=\"blank\"></td><td class=\"blank\"></td><td class=\"blank\"></td></tr>"))
        }
    }

    @Test func theKindsHaveTheirSections() {
        let report = ReportRun.cooling(signed: true).report()
        let full = Self.render(report, .zh, .full)
        for heading in ["人员", "级别变更", "步骤", "里程碑", "决策", "审批", "升级与通知", "交接", "记录的事实", "备注",
                        "善后工作", "被拒绝的命令", "时间线", "用户签收", "完整性"] {
            #expect(full.contains("<h2>\(heading)</h2>"), "\(heading)")
        }
        let fault = Self.render(report, .zh, .fault)
        for heading in ["故障现象", "影响", "原因", "处理过程及结果", "预防与改进措施", "里程碑", "用户签收", "完整性"] {
            #expect(fault.contains("<h2>\(heading)</h2>"), "\(heading)")
        }
        let work = Self.render(report, .en, .work)
        for heading in ["Participants", "Key actions", "Decisions", "Approvals", "Milestones", "Obligations after the end",
                        "Signature", "Integrity"] {
            #expect(work.contains("<h2>\(heading)</h2>"), "\(heading)")
        }
        // Nothing is listed twice: lessons are among the notes, not in a section of their own.
        #expect(!full.contains("<h2>经验教训</h2>"))
        // The incident's own title heads every report; the playbook's is under it.
        #expect(work.contains("<h1><bdi>Cooling failure in machine room B</bdi></h1>"))
        #expect(work.contains("<p class=\"subtitle\">Playbook: Machine-room cooling failure "))
        #expect(full.contains("<h1><bdi>Cooling failure in machine room B</bdi></h1>"))
        #expect(full.contains("<p class=\"subtitle\">预案：机房空调故障应急预案 "))
        // Chart labels are the steps' titles in the report's language.
        #expect(full.contains(">查明故障部件<tspan"))
        #expect(work.contains(">Find what failed<tspan"))
    }

    @Test func theAxisIsRunRelative() {
        let html = Self.render(ReportRun.cooling(signed: false).report(), .en, .full)
        // The response chart runs from the start to the outcome (46 minutes): ticks every 10 minutes, up to +00:50;
        // the after-end chart counts from the outcome.
        for label in ["+00:00", "+00:10", "+00:50"] {
            #expect(html.contains(">\(label)</text>"), "\(label)")
        }
        #expect(!html.contains(">+01:00</text>"))
    }
}

/// A small check that every element opened in the document is closed, in order (void and self-closed elements
/// aside), and that no text holds a stray `<`: enough to catch a broken template or a missed escape.
enum MarkupBalance {
    struct Unbalanced: Error, CustomStringConvertible {
        var description: String
    }

    static let void: Set<String> = ["meta", "br", "hr", "input", "wbr"]

    static func check(_ html: String) throws {
        var stack: [String] = []
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else { throw Unbalanced(description: "unclosed tag") }
            let tag = rest[rest.index(after: open)..<close]
            rest = rest[rest.index(after: close)...]
            if tag.hasPrefix("!") { continue }
            if tag.hasPrefix("/") {
                let name = String(tag.dropFirst())
                guard stack.last == name else {
                    throw Unbalanced(description: "</\(name)> closes <\(stack.last ?? "nothing")>")
                }
                stack.removeLast()
                continue
            }
            let name = String(tag.prefix { $0.isLetter || $0.isNumber || $0 == "-" }).lowercased()
            guard !name.isEmpty else { throw Unbalanced(description: "stray '<' before '\(tag.prefix(20))'") }
            if tag.hasSuffix("/") || void.contains(name) { continue }
            if name == "style" {
                guard let end = rest.range(of: "</style>") else { throw Unbalanced(description: "unclosed style") }
                rest = rest[end.upperBound...]
                continue
            }
            stack.append(name)
        }
        guard stack.isEmpty else { throw Unbalanced(description: "unclosed: \(stack)") }
    }
}
