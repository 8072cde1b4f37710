import Foundation
import Testing

/// `muster new ID [--out FILE]`: a commented starting playbook that passes `muster check --strict`.
struct NewCommandTests {
    @Test func writesAPlaybookThatPassesTheStrictCheck() throws {
        let result = try MusterProcess.run(["new", "my-plan"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.contains("\nid: my-plan\n"))
        let directory = try TemporaryDirectory()
        try directory.write("my-plan.yaml", Array(result.stdout.utf8))
        let check = try MusterProcess.run(["check", "--strict", "my-plan.yaml"], in: directory.url)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout == "checked 1 file: no problems\n")
    }

    @Test func showsEveryConcept() throws {
        let text = try MusterProcess.run(["new", "my-plan"]).stdout
        let concepts = [
            "stand_in: tech_lead", "fatal: {", "severe: {", "general: {", "respond: 10m", "respond: 15m",
            "respond: 30m", "within: 5m\n    reached_when: report.done", "facts:", "type: choice", "  report:\n",
            "grade: true", "- { when: ", "- { else: ", "decide:", "on_expiry: not_yet", "approve:",
            "on_expiry: deny", "parallel:", "join: all", "wait:", "signal: vendor_arrived",
            "phase: after_end\n    done_within: 1d", "outcomes:", "kind: success",
        ]
        for concept in concepts {
            #expect(text.contains(concept), "no '\(concept)'")
        }
    }

    @Test func commentsInEnglishAndChinese() throws {
        let text = try MusterProcess.run(["new", "my-plan"]).stdout
        let comments = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.hasPrefix("#") }
        let chinese = comments.filter { line in line.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } }
        let english = comments.filter { line in !chinese.contains(line) }
        #expect(chinese.count >= 12)
        #expect(english.count >= 12)
        for section in ["roles:", "severity:", "milestones:", "facts:", "steps:", "outcomes:"] {
            let lines = text.components(separatedBy: "\n")
            let index = try #require(lines.firstIndex(of: section))
            #expect(index >= 2 && lines[index - 1].hasPrefix("#"), "no comment above '\(section)'")
        }
    }

    @Test func quotesAnIDThatYAMLToolsReadAsABoolean() throws {
        let result = try MusterProcess.run(["new", "yes"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("\nid: \"yes\"\n"))
        let directory = try TemporaryDirectory()
        try directory.write("yes.yaml", Array(result.stdout.utf8))
        #expect(try MusterProcess.run(["check", "--strict", "yes.yaml"], in: directory.url).status == 0)
    }

    @Test func outWritesTheFileAndRefusesToOverwriteIt() throws {
        let directory = try TemporaryDirectory()
        let first = try MusterProcess.run(["new", "plan", "--out", "plan.yaml"], in: directory.url)
        #expect(first.status == 0)
        #expect(first.stdout.isEmpty)
        let file = directory.url.appendingPathComponent("plan.yaml")
        let written = try Data(contentsOf: file)
        #expect(String(decoding: written, as: UTF8.self) == (try MusterProcess.run(["new", "plan"]).stdout))
        #expect(try MusterProcess.run(["check", "--strict", "plan.yaml"], in: directory.url).status == 0)

        try Data("keep me\n".utf8).write(to: file)
        let second = try MusterProcess.run(["new", "other", "--out", "plan.yaml"], in: directory.url)
        #expect(second.status == 1)
        #expect(second.stdout.isEmpty)
        #expect(second.stderr.contains("'plan.yaml' already exists"))
        #expect(try Data(contentsOf: file) == Data("keep me\n".utf8))
    }

    @Test func outFailsWhenTheDirectoryDoesNotExist() throws {
        let directory = try TemporaryDirectory()
        let result = try MusterProcess.run(["new", "plan", "--out", "missing/plan.yaml"], in: directory.url)
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot create 'missing/plan.yaml'"))
        #expect(try directory.listing().isEmpty)
    }

    @Test(arguments: ["1plan", "_plan", "my plan", "plan.yaml", "plan/x", "计划", ""])
    func aBadIDIsAUsageError(_ id: String) throws {
        let directory = try TemporaryDirectory()
        let result = try MusterProcess.run(["new", id, "--out", "plan.yaml"], in: directory.url)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("must start with a letter"))
        #expect(try directory.listing().isEmpty)
    }

    @Test(arguments: [[String](), ["a", "b"]])
    func needsExactlyOneID(_ arguments: [String]) throws {
        let result = try MusterProcess.run(["new"] + arguments)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
    }
}
