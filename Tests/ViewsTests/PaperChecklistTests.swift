import PlaybookLanguage
import Testing
@testable import Views

/// `muster print`: the paper checklist a Chinese reader gets shows titles, never ids; the English one keeps the ids
/// for the authors; the HTML breaks long words, numbers its printed pages and keeps headings with what follows.
struct PaperChecklistTests {
    static func markdown(_ language: Language) -> String {
        PaperChecklistMarkdown(checklist: PaperChecklist(PaperKit.playbook, language: language)).render()
    }

    static func html(_ language: Language) -> String {
        PaperChecklistHTML(checklist: PaperChecklist(PaperKit.playbook, language: language)).render()
    }

    @Test func theChinesePaperShowsTitlesNotIDs() {
        let paper = Self.markdown(.zh)
        for id in ["commander", "tech_lead", "on_site", "leadership", "report", "assess", "approve_end", "power_off",
                   "repair", "give_up", "outcome.", "resolve", "respond", "written_report", "fatal", "general"] {
            #expect(!paper.contains("`" + id), "the id \(id) on the Chinese paper")
        }
        #expect(paper.contains("### [ ] 1. 报告漏水\n"))
        #expect(paper.contains("- **负责人**：现场负责人\n"))
        #expect(paper.contains("- **总指挥**；代理：技术经理；"))
        #expect(paper.contains("  - [ ] 已断电\n"))
        #expect(paper.contains("  - [ ] **组织修复** → 批准结束\n"))
        #expect(paper.contains("  - [ ] **放弃** → 已放弃\n"))
        #expect(paper.contains("超时未决策时 30分钟：采用 组织修复"))
        #expect(paper.contains("时限 响应：致命 10分钟 / 一般 30分钟"))
        #expect(paper.contains("达成条件 「报告漏水」完成"))
        #expect(paper.contains("| 致命 | 响应 10分钟、解决 4小时 |"))
        #expect(paper.contains("- [ ] **已解决**（"))
        // Folded Chinese sentences are joined as Chinese is written.
        #expect(paper.contains("查明漏水来源。空调漏水时处理空调。"))
    }

    @Test func theEnglishPaperKeepsTheIDsForAuthors() {
        let paper = Self.markdown(.en)
        #expect(paper.contains("### [ ] 1. `report` Report the leak\n"))
        #expect(paper.contains("- **Owner**: On site `on_site`\n"))
        #expect(paper.contains("  - [ ] **Repair it** `repair` → `approve_end` Approve the end\n"))
        #expect(paper.contains("within `respond`: fatal 10 minutes / general 30 minutes"))
        #expect(paper.contains("reached when `report.done` (Report the leak)"))
        #expect(paper.contains("| `fatal` | Fatal |"))
    }

    @Test func theChineseHTMLHasNoCodeButTheDocumentsOwnID() {
        let page = Self.html(.zh)
        let codes = page.components(separatedBy: "<code>").dropFirst().map { $0.prefix { $0 != "<" } }
        #expect(codes == ["paper-kit", "1.0.0"])
        #expect(page.contains("<h3><span class=\"box\"></span>1. 报告漏水</h3>"))
    }

    @Test(arguments: [Language.en, .zh])
    func longWordsBreakOnScreenAndOnPaper(_ language: Language) {
        let page = Self.html(language)
        #expect(page.contains("overflow-wrap:anywhere"))
        if language == .en { #expect(page.contains(PaperKit.longPath)) }
    }

    @Test func everyPrintedPageSaysWhichChecklistAndWhichPage() {
        let english = Self.html(.en)
        #expect(english.contains("@bottom-left { content: \"Paper kit — Paper checklist\""))
        #expect(english.contains("\"page \" counter(page) \" of \" counter(pages)"))
        let chinese = Self.html(.zh)
        #expect(chinese.contains("@bottom-left { content: \"纸质演示 — 纸质检查单\""))
        #expect(chinese.contains("\"第 \" counter(page) \" 页，共 \" counter(pages) \" 页\""))
    }

    @Test func aHeadingAndItsIntroductionStayWithTheFirstStep() throws {
        let page = Self.html(.zh)
        #expect(page.contains("h2,h3,h4,h5,.intro{break-after:avoid"))
        #expect(page.contains(".keep{break-inside:avoid"))
        let afterEnd = try #require(page.range(of: "<div class=\"keep\">\n<h2>结束后的步骤</h2>\n<p class=\"intro\">"))
        let step = try #require(page.range(of: "<div class=\"step\" id=\"step-written_report\">"))
        let closing = try #require(page.range(of: "</div>\n</div>\n", range: step.upperBound..<page.endIndex))
        // The step sits inside the kept block: no page break between the heading and the step.
        #expect(afterEnd.upperBound < step.lowerBound)
        #expect(!page[afterEnd.upperBound..<step.lowerBound].contains("</div>"))
        #expect(closing.lowerBound > step.upperBound)
    }
}
