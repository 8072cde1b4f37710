/// Renders a run report as one self-contained HTML file (to be written: a placeholder that escapes properly).
public struct HTMLReport: Sendable {
    public let report: RunReport
    public let words: ReportWords

    public init(_ report: RunReport, language: String) {
        self.report = report
        self.words = ReportWords(language: language)
    }

    /// Escapes text for HTML content and attribute values.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    public func render(_ kind: ReportKind = .full) -> String {
        let markdown = MarkdownReport(report, language: words.language).render(kind)
        return "<!doctype html>\n<html lang=\"\(words.language)\"><meta charset=\"utf-8\"><title>"
            + Self.escape(words.text(report.playbook.title)) + "</title><pre>" + Self.escape(markdown) + "</pre></html>\n"
    }
}
