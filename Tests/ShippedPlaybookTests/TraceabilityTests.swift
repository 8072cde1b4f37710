import Foundation
import PlaybookLanguage
import Testing

/// The traceability table of `Playbooks/README.md` and the `source:` of every shipped step, checked both ways.
///
/// The convention (the README's Traceability section states it for authors):
/// - a clause id is `§`, a section (`2`, `3.4`, `4.1`), a space and a slug of lower-case letters, digits and `-`;
/// - a step's `source:` is citations separated by `; `; a citation is a clause id of the table, alone or followed by
///   `: ` or ` (` and readable text without `;` or `§`;
/// - a clause's "carried by" cell lists, as `` `playbook:step` ``, exactly the steps that cite it; a clause that no
///   step carries gives the reason it is left out; a clause has one or the other, never neither.
enum Traceability {
    /// One row of the table.
    struct Clause: Equatable {
        var id: String
        /// The steps that carry it, as `playbook:step`.
        var carriedBy: [String]
        /// Why it is left out; empty when it is carried.
        var reason: String
    }

    /// The README's Traceability section.
    static let readme = ShippedPlaybooks.directory.appendingPathComponent("README.md")

    /// The rows of the table in the Traceability section of `text`, or a problem with its shape.
    static func table(in text: String) -> (clauses: [Clause], problems: [String]) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let section = lines.firstIndex(of: "## Traceability") else {
            return ([], ["the README has no '## Traceability' section"])
        }
        guard let header = lines[section...].firstIndex(where: { $0.hasPrefix("| clause |") }) else {
            return ([], ["the Traceability section has no table with a '| clause |' header"])
        }
        var clauses: [Clause] = []
        var problems: [String] = []
        for (offset, line) in lines[(header + 2)...].enumerated() {
            guard line.hasPrefix("|") else { break }
            let row = "table row \(offset + 1)"
            var cells = line.split(separator: "|", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == 6, cells.first == "", cells.last == "" else {
                problems.append("\(row) does not have 4 cells: \(line)")
                continue
            }
            cells = Array(cells.dropFirst().dropLast())
            guard cells[0].hasPrefix("`"), cells[0].hasSuffix("`"), cells[0].count > 2 else {
                problems.append("\(row): the clause id is not written in backticks: \(cells[0])")
                continue
            }
            let id = String(cells[0].dropFirst().dropLast())
            if !isClauseID(id) { problems.append("\(row): '\(id)' is not a clause id (§SECTION slug)") }
            var carriedBy: [String] = []
            if !cells[2].isEmpty {
                for item in cells[2].components(separatedBy: ", ") {
                    guard item.hasPrefix("`"), item.hasSuffix("`"), item.count > 2,
                        item.dropFirst().dropLast().split(separator: ":").count == 2
                    else {
                        problems.append("clause '\(id)': '\(item)' is not written as `playbook:step`")
                        continue
                    }
                    carriedBy.append(String(item.dropFirst().dropLast()))
                }
            }
            clauses.append(Clause(id: id, carriedBy: carriedBy, reason: cells[3]))
        }
        if clauses.isEmpty { problems.append("the traceability table has no rows") }
        return (clauses, problems)
    }

    /// Whether `text` is a well-formed clause id: `§4.1 ups-fault`.
    static func isClauseID(_ text: String) -> Bool {
        guard let space = text.firstIndex(of: " "), text.hasPrefix("§") else { return false }
        let section = text[text.index(after: text.startIndex)..<space]
        let slug = text[text.index(after: space)...]
        let parts = section.split(separator: ".", omittingEmptySubsequences: false)
        let sectionOK = (1...2).contains(parts.count)
            && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }
        let slugOK = !slug.isEmpty && !slug.hasPrefix("-") && !slug.hasSuffix("-") && !slug.contains("--")
            && slug.allSatisfy { $0.isASCIIDigit || ("a"..."z").contains($0) || $0 == "-" }
        return sectionOK && slugOK
    }

    /// The clause ids `source` cites, or the problems with how it is written; `known` are the table's ids.
    static func citations(_ source: String, known: Set<String>) -> (ids: [String], problems: [String]) {
        var ids: [String] = []
        var problems: [String] = []
        for citation in source.components(separatedBy: "; ") {
            // The longest known id the citation starts with, followed by the end, ': ' or ' ('.
            let match = known.filter { id in
                citation == id || citation.hasPrefix(id + ": ") || citation.hasPrefix(id + " (")
            }.max { $0.count < $1.count }
            guard let match else {
                problems.append("cites '\(citation)', which does not start with a clause id of the table")
                continue
            }
            if citation.dropFirst(match.count).contains("§") {
                problems.append("the citation '\(citation)' holds a second '§': separate citations with '; '")
            }
            if citation.contains(";") {
                problems.append("the citation '\(citation)' holds a ';' that is not a separator")
            }
            ids.append(match)
        }
        return (ids, problems)
    }

    /// Every problem between the table and the steps of `playbooks`; empty when they agree both ways.
    static func problems(clauses: [Clause], playbooks: [Playbook]) -> [String] {
        var problems: [String] = []
        var known: Set<String> = []
        for clause in clauses where !known.insert(clause.id).inserted {
            problems.append("clause '\(clause.id)' is listed twice")
        }
        // What the steps cite.
        var citing: [String: Set<String>] = [:]
        var steps: Set<String> = []
        for playbook in playbooks {
            for step in playbook.allSteps {
                let name = "\(playbook.id):\(step.id)"
                steps.insert(name)
                guard let source = step.source, !source.trimmingCharacters(in: .whitespaces).isEmpty else {
                    problems.append("step \(name) has no source")
                    continue
                }
                let cited = citations(source, known: known)
                problems += cited.problems.map { "step \(name) \($0)" }
                for id in cited.ids { citing[id, default: []].insert(name) }
            }
        }
        // What the table says, against it.
        for clause in clauses {
            let listed = Set(clause.carriedBy)
            let cited = citing[clause.id] ?? []
            if listed.isEmpty && clause.reason.isEmpty {
                problems.append("clause '\(clause.id)' has neither steps nor a reason it is left out")
            }
            if !listed.isEmpty && !clause.reason.isEmpty {
                problems.append("clause '\(clause.id)' lists steps and also a reason it is left out")
            }
            if listed.count != clause.carriedBy.count {
                problems.append("clause '\(clause.id)' lists a step twice")
            }
            for name in clause.carriedBy.sorted() where !cited.contains(name) {
                problems.append(steps.contains(name)
                    ? "clause '\(clause.id)' lists \(name), whose source does not cite it"
                    : "clause '\(clause.id)' lists \(name), which is not a step of a shipped playbook")
            }
            for name in cited.subtracting(listed).sorted() {
                problems.append("step \(name) cites '\(clause.id)', but the table does not list it there")
            }
        }
        return problems
    }
}

struct TraceabilityTests {
    @Test func theTableAndTheStepsAgreeBothWays() throws {
        let text = try String(contentsOf: Traceability.readme, encoding: .utf8)
        let table = Traceability.table(in: text)
        let playbooks = try ShippedPlaybooks.ids.map(ShippedPlaybooks.playbook)
        let problems = table.problems + Traceability.problems(clauses: table.clauses, playbooks: playbooks)
        #expect(problems.isEmpty, "\(problems.count) traceability problems:\n\(problems.joined(separator: "\n"))")
        // Every section of the digest that holds clauses has rows.
        for section in ["§1 ", "§2 ", "§3.1 ", "§3.8 ", "§3 ", "§4.1 ", "§4.2 ", "§4.3 ", "§4.4 ", "§4.5 ", "§8 "] {
            #expect(table.clauses.contains { $0.id.hasPrefix(section) }, "no clause of \(section)")
        }
    }

    @Test func theTableCountsAreStatedUnderIt() throws {
        let text = try String(contentsOf: Traceability.readme, encoding: .utf8)
        let clauses = Traceability.table(in: text).clauses
        let carried = clauses.filter { !$0.carriedBy.isEmpty }.count
        let summary = "\(clauses.count) clauses: \(carried) carried by steps, \(clauses.count - carried) left out."
        #expect(text.contains(summary), "the README should say: \(summary)")
    }

    // MARK: The check itself catches each kind of mistake

    static let sample = """
        muster: 1
        id: sample
        version: 1.0.0
        title: { en: Sample, zh: 样例 }
        roles:
          on_site: { title: { en: On site, zh: 现场 } }
        severity:
          general: { title: { en: General, zh: 一般 } }
        start: report
        steps:
          report:
            title: { en: Report, zh: 报告 }
            owner: on_site
            source: "§2 report-5min: within 5 minutes; §4.2 witness-reports"
            done_within: 5m
            next: clear
          clear:
            title: { en: Clear, zh: 清理 }
            owner: on_site
            SOURCE
            done_within: 1h
            next: outcome.done
        outcomes:
          done: { kind: success, title: { en: Done, zh: 完成 } }
        """

    static func problems(clearSource: String, table: [Traceability.Clause]) throws -> [String] {
        let text = sample.replacingOccurrences(of: "SOURCE", with: clearSource)
        let result = PlaybookChecker.check(Array(text.utf8), file: "sample.yaml")
        let playbook = try #require(result.playbook, "\(result.diagnostics)")
        return Traceability.problems(clauses: table, playbooks: [playbook])
    }

    static let goodTable: [Traceability.Clause] = [
        .init(id: "§2 report-5min", carriedBy: ["sample:report"], reason: ""),
        .init(id: "§4.2 witness-reports", carriedBy: ["sample:report"], reason: ""),
        .init(id: "§4.2 aircon-leak", carriedBy: ["sample:clear"], reason: ""),
        .init(id: "§4.2 water-stains", carriedBy: [], reason: "routine patrol work"),
    ]

    @Test func aConsistentTableHasNoProblems() throws {
        let source = "source: \"§4.2 aircon-leak (清除积水)\""
        #expect(try Self.problems(clearSource: source, table: Self.goodTable) == [])
    }

    @Test func aStepWithoutSourceFails() throws {
        #expect(try Self.problems(clearSource: "", table: Self.goodTable) == [
            "step sample:clear has no source",
            "clause '§4.2 aircon-leak' lists sample:clear, whose source does not cite it",
        ])
    }

    @Test func aStepCitingAClauseNotInTheTableFails() throws {
        let problems = try Self.problems(clearSource: "source: \"§4.2 aircon-leak; §4.2 roof-leak: rain\"",
                                         table: Self.goodTable)
        #expect(problems == [
            "step sample:clear cites '§4.2 roof-leak: rain', which does not start with a clause id of the table",
        ])
        // A citation without an id, and two ids run together, are caught too.
        #expect(try Self.problems(clearSource: "source: \"§4.2 aircon-leak: clear it, §2 report-5min\"",
                                  table: Self.goodTable).first?.contains("second '§'") == true)
        #expect(try Self.problems(clearSource: "source: \"§4.2 aircon-leak; water leak\"", table: Self.goodTable)
            == ["step sample:clear cites 'water leak', which does not start with a clause id of the table"])
    }

    @Test func aTableListingAStepThatDoesNotCiteTheClauseFails() throws {
        var table = Self.goodTable
        table[0].carriedBy.append("sample:clear")
        table[2].carriedBy.append("sample:nowhere")
        #expect(try Self.problems(clearSource: "source: \"§4.2 aircon-leak\"", table: table) == [
            "clause '§2 report-5min' lists sample:clear, whose source does not cite it",
            "clause '§4.2 aircon-leak' lists sample:nowhere, which is not a step of a shipped playbook",
        ])
    }

    @Test func aStepCitingAClauseTheTableDoesNotListThereFails() throws {
        var table = Self.goodTable
        table[1].carriedBy = []
        table[1].reason = "left out"
        #expect(try Self.problems(clearSource: "source: \"§4.2 aircon-leak\"", table: table) == [
            "step sample:report cites '§4.2 witness-reports', but the table does not list it there",
        ])
    }

    @Test func aClauseWithNeitherStepsNorReasonFails() throws {
        var table = Self.goodTable
        table[3].reason = ""
        #expect(try Self.problems(clearSource: "source: \"§4.2 aircon-leak\"", table: table) == [
            "clause '§4.2 water-stains' has neither steps nor a reason it is left out",
        ])
    }

    @Test func theTableParserReadsTheREADMEShape() {
        let text = """
            ## Traceability

            | clause | what the plan says | carried by | left out because |
            |---|---|---|---|
            | `§2 report-5min` | report within 5 minutes | `fire:report`, `virus:report` |  |
            | `§1 contacts` | a contact directory |  | not a step |
            | `§9 Bad Id` | x | fire:report |  |

            after the table
            """
        let table = Traceability.table(in: text)
        #expect(table.clauses.prefix(2) == [
            .init(id: "§2 report-5min", carriedBy: ["fire:report", "virus:report"], reason: ""),
            .init(id: "§1 contacts", carriedBy: [], reason: "not a step"),
        ])
        #expect(table.problems == [
            "table row 3: '§9 Bad Id' is not a clause id (§SECTION slug)",
            "clause '§9 Bad Id': 'fire:report' is not written as `playbook:step`",
        ])
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
