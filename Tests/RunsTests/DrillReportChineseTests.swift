import Drills
import Foundation
import JSONText
import Journaling
import PlaybookLanguage
import Reporting
import RunEngine
import Runs
import Testing
import Views

/// The Chinese drill report of every shipped scenario names injects, roles, steps, the scenario and the playbook
/// by their titles and texts, in Markdown, HTML and the JSON's text fields; the ids stay in the machine fields.
struct DrillReportChineseTests {
    static let t0 = RunsTests.t0

    /// Every shipped scenario's id.
    static let scenarios: [String] = {
        let drills = DrillByHandTests.repository.appendingPathComponent("Playbooks/drills").path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: drills)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }()

    /// The words (runs of ASCII letters, digits, `_` and `-`) of `text`.
    static func words(_ text: String) -> Set<String> {
        var words: Set<String> = []
        var word = ""
        for scalar in text.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_"
                || scalar == "-"
            {
                word.unicodeScalars.append(scalar)
            } else {
                if !word.isEmpty { words.insert(word) }
                word = ""
            }
        }
        if !word.isEmpty { words.insert(word) }
        return words
    }

    /// The text a reader reads of an HTML page: no style, no code (hashes), no tags.
    static func readable(_ html: String) -> String {
        var text = html
        for (open, close) in [("<style>", "</style>"), ("<code>", "</code>")] {
            while let start = text.range(of: open), let end = text.range(of: close, range: start.upperBound..<text.endIndex) {
                text.removeSubrange(start.lowerBound..<end.upperBound)
            }
        }
        var out = ""
        var inTag = false
        for character in text {
            if character == "<" { inTag = true } else if character == ">" { inTag = false } else if !inTag { out.append(character) }
        }
        return out
    }

    /// The text a reader reads of a Markdown report: no code spans (hashes, the command that writes the run's
    /// report: typed as written, not read).
    static func readableMarkdown(_ markdown: String) -> String {
        markdown.split(separator: "`", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 0 }.map(\.element).joined(separator: " ")
    }

    @Test(arguments: scenarios)
    func theChineseDrillReportNamesNoInjectRoleStepOrScenarioByItsID(_ id: String) throws {
        #expect(Self.scenarios.count >= 21)
        let loaded = try DrillByHandTests.load(id)
        let drill = CheckedScenario(scenario: loaded.scenario, scenarioBytes: loaded.scenarioBytes,
                                    playbook: loaded.playbook, playbookBytes: loaded.playbookBytes)
        let runs = try DrillByHandTests.runsDirectory()
        defer { RunsTests.remove(runs) }
        try runs.playUnattended("p", drill, heldAt: Self.t0)
        let report = try RunSession("p", in: runs, now: Self.t0).drillRecord(language: .zh).report
        var ids: Set<String> = [loaded.scenario.id, loaded.playbook.id]
        for inject in loaded.scenario.injects {
            ids.insert(inject.id)
            if let contingency = inject.contingency { ids.insert(contingency.id) }
        }
        ids.formUnion(loaded.playbook.roles.map(\.id))
        ids.formUnion(loaded.playbook.allSteps.map(\.id))
        #expect(!ids.isEmpty)
        let json = report.json()
        var jsonText = ""
        for key in ["title", "held"] { jsonText += (json[key]?.stringValue ?? "") + "\n" }
        for key in ["injects", "hot_wash", "signatures"] {
            jsonText += (json[key]?.arrayValue ?? []).compactMap(\.stringValue).joined(separator: "\n") + "\n"
        }
        for objective in json["objectives"]?.arrayValue ?? [] {
            for key in ["title", "target", "why", "reason"] { jsonText += (objective[key]?.stringValue ?? "") + "\n" }
            for key in ["strengths", "areas_for_improvement"] {
                jsonText += (objective[key]?.arrayValue ?? []).compactMap(\.stringValue).joined(separator: "\n") + "\n"
            }
        }
        for action in json["improvement_plan"]?.arrayValue ?? [] { jsonText += (action["action"]?.stringValue ?? "") + "\n" }
        for (format, text) in [("md", Self.readableMarkdown(report.markdown())), ("html", Self.readable(report.html())), ("json", jsonText)] {
            let shown = Self.words(text).intersection(ids)
            #expect(shown.isEmpty, "\(id) \(format): \(shown.sorted())")
            // No English words of the report's own (SHA-256 names the hash; the rest is the scenario's text).
            for english in ["inject", "Scenario", "Playbook", "on time", "late by", "handed back"] {
                #expect(!text.contains(english), "\(id) \(format): \(english)")
            }
        }
        // The run report of the drill names no inject by its id either (its actor column, its description).
        let runReport = MarkdownReport(report.report, language: "zh").render()
        let injectIDs = Set(loaded.scenario.injects.flatMap { [$0.id] + ($0.contingency.map { [$0.id] } ?? []) })
        #expect(Self.words(runReport).intersection(injectIDs).isEmpty, "\(id) run report")
        #expect(!runReport.contains(" / "), "\(id) run report: an inject's text in both languages")
        // The machine fields keep the ids.
        #expect(json["scenario"]?.stringValue == loaded.scenario.id && json["playbook"]?.stringValue == loaded.playbook.id)
    }
}
