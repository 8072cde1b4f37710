import Diagnostics
import Exploration
import Foundation
import PlaybookLanguage
import Testing
import YAMLLoading

/// The language reference (`Playbooks/README.md`) lists every diagnostic id with the rule's own summary, and
/// nothing else: this test keeps the table and the code in step.
struct ReferenceTableTests {
    static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Playbooks/README.md")

    /// The rows of the table under the `| id | what it catches |` header, as (id, text).
    static func tableRows() throws -> [(String, String)] {
        let lines = try String(contentsOf: readme, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        guard let header = lines.firstIndex(where: { $0.hasPrefix("| id | what it catches |") }) else { return [] }
        var rows: [(String, String)] = []
        for line in lines[(header + 2)...] {
            guard line.hasPrefix("|") else { break }
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 2 else { continue }
            rows.append((cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`")), cells[1]))
        }
        return rows
    }

    @Test func everyDiagnosticIDIsListedOnceWithItsSummary() throws {
        let rows = try Self.tableRows()
        let rules = YAMLRules.all + LanguageRules.all + ContinuationChecks.rules + ScenarioChecker.rules + ExplorationDiagnostics.rules
        #expect(rows.map(\.0) == rules.map(\.id))
        for (id, text) in rows {
            #expect(rules.first { $0.id == id }?.summary == text, "\(id)")
        }
    }
}
