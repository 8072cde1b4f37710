import Foundation
import JSONText
import Runs
import Testing

/// The drill report's HTML has every section and column its Markdown has: strengths, areas for improvement,
/// the injects delivered, and each objective's target beside its rating.
struct DrillReportSectionsTests {
    @Test(arguments: ["en", "zh"])
    func theHTMLHasTheSectionsAndTheTargetsTheMarkdownHas(_ language: String) throws {
        let runs = try DrillByHandTests.runsDirectory()
        defer { try? FileManager.default.removeItem(atPath: runs.path) }
        let session = try PracticeDateTests.playUnattended("water-leak-late-report", in: runs)
        let report = try session.drillRecord(language: language == "zh" ? .zh : .en).report
        let (markdown, html) = (report.markdown(), report.html())
        // Every heading of the Markdown, and the labels of each objective's strengths and areas for improvement.
        var headings = markdown.split(separator: "\n").filter { $0.hasPrefix("## ") }.map { String($0.dropFirst(3)) }
        #expect(headings.count >= 6, "\(headings)")
        headings += language == "zh" ? ["优点", "待改进之处", "指标"] : ["Strengths", "Areas for improvement", "target"]
        for heading in headings {
            #expect(markdown.contains(heading), "md: \(heading)")
            #expect(html.contains(heading), "html: \(heading)")
        }
        let targets = report.json()["objectives"]?.arrayValue?.compactMap { $0["target"]?.stringValue } ?? []
        #expect(targets.count == 3)
        for target in targets {
            #expect(markdown.contains(target), "md: \(target)")
            #expect(html.contains(target), "html: \(target)")
        }
        // Every inject delivered, as the Markdown lists it (in Chinese by its message alone, without its id).
        let injectsHeading = language == "zh" ? "## 已发布的情景注入" : "## Injects delivered"
        let section = markdown.components(separatedBy: injectsHeading).last?.components(separatedBy: "\n## ").first ?? ""
        let injects = section.split(separator: "\n").filter { $0.hasPrefix("- #") }.map { String($0.dropFirst(2)) }
        #expect(injects.count == 3, "\(injects)")
        for inject in injects {
            #expect(html.contains(Self.escaped(inject)), "html: \(inject)")
        }
        #expect(markdown.contains("water-reminder") == html.contains("water-reminder"))
    }

    /// `text` as HTML shows it.
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }
}
