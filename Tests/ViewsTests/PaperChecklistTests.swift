import PlaybookLanguage
import Testing
@testable import Views

/// `muster print`: the HTML breaks long words, numbers its printed pages and keeps headings with what follows.
struct PaperChecklistTests {
    static func markdown(_ language: Language) -> String {
        PaperChecklistMarkdown(checklist: PaperChecklist(PaperKit.playbook, language: language)).render()
    }

    static func html(_ language: Language) -> String {
        PaperChecklistHTML(checklist: PaperChecklist(PaperKit.playbook, language: language)).render()
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
