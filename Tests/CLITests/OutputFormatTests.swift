import Foundation
import JSONText
import Testing

/// `muster check` in each output format, on a playbook with one error and one warning.
struct OutputFormatTests {
    func check(_ format: String?) throws -> MusterProcess.Result {
        let directory = try TemporaryDirectory()
        try directory.write("broken.yaml", try Fixtures.bytes("broken.yaml"))
        return try MusterProcess.run(["check", "broken.yaml"] + (format.map { ["--format", $0] } ?? []),
                                     in: directory.url)
    }

    @Test func textShowsTheLineACaretAndAHintOnStderr() throws {
        let result = try check(nil)
        #expect(result.status == 1)
        #expect(result.stderr == """
            broken.yaml:13:12: error: the owner of step 'first': role 'comander' is not defined; did you mean 'commander'? [undefined-role]
             13 |     owner: comander
                |            ^
                = hint: fix the spelling, or define the role under 'roles:'
            broken.yaml:16:3: warning: the title of outcome 'done' has no Chinese text [missing-chinese]
             16 |   done: { kind: success, title: Done }
                |   ^
                = hint: write it as '{ en: …, zh: … }'

            """)
        #expect(result.stdout == "checked 1 file: 1 error, 1 warning\n")
    }

    @Test func jsonListsEveryDiagnosticOnStdout() throws {
        let result = try check("json")
        #expect(result.status == 1)
        let report = try JSONValue.parse(result.stdout)
        let diagnostics = try #require(report["diagnostics"]?.arrayValue)
        #expect(diagnostics.count == 2)
        #expect(diagnostics[0]["id"] == "undefined-role")
        #expect(diagnostics[0]["severity"] == "error")
        #expect(diagnostics[0]["line"] == 13)
        #expect(diagnostics[0]["column"] == 12)
        #expect(diagnostics[0]["hint"] == "fix the spelling, or define the role under 'roles:'")
        #expect(diagnostics[1]["severity"] == "warning")
        #expect(report["summary"]?["errors"] == 1)
        #expect(report["summary"]?["warnings"] == 1)
        #expect(result.stderr.isEmpty)
    }

    @Test func sarifHasOneRunWithRulesResultsAndRegions() throws {
        let result = try check("sarif")
        #expect(result.status == 1)
        let log = try JSONValue.parse(result.stdout)
        #expect(log["version"] == "2.1.0")
        let run = try #require(log["runs"]?.arrayValue?.first)
        #expect(run["tool"]?["driver"]?["name"] == "muster")
        let rules = try #require(run["tool"]?["driver"]?["rules"]?.arrayValue)
        #expect(rules.map { $0["id"]?.stringValue } == ["undefined-role", "missing-chinese"])
        let results = try #require(run["results"]?.arrayValue)
        #expect(results.count == 2)
        #expect(results[0]["ruleId"] == "undefined-role")
        #expect(results[0]["level"] == "error")
        #expect(results[1]["level"] == "warning")
        let region = results[0]["locations"]?.arrayValue?.first?["physicalLocation"]?["region"]
        #expect(region?["startLine"] == 13)
        #expect(region?["startColumn"] == 12)
        #expect(run["columnKind"] == "unicodeCodePoints")
    }

    @Test func strictTurnsWarningsIntoErrors() throws {
        let directory = try TemporaryDirectory()
        let text = try Fixtures.text("broken.yaml").replacingOccurrences(of: "owner: comander", with: "owner: commander")
        try directory.write("warned.yaml", Array(text.utf8))
        #expect(try MusterProcess.run(["check", "warned.yaml"], in: directory.url).status == 0)
        let strict = try MusterProcess.run(["check", "--strict", "warned.yaml"], in: directory.url)
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("error: the title of outcome 'done' has no Chinese text [missing-chinese]"))
    }

    @Test(arguments: [
        (["chek"], "unknown command 'chek'; did you mean 'check'?"),
        (["check", "--stric"], "unknown option '--stric'; did you mean '--strict'?"),
        (["check", "--format", "xml"], "this command takes --format text|json|sarif, not 'xml'"),
        (["check", "--lang"], "option '--lang' needs a value (LANG)"),
    ])
    func usageErrorsExitTwo(_ arguments: [String], _ message: String) throws {
        let result = try MusterProcess.run(arguments)
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func helpAndVersion() throws {
        let help = try MusterProcess.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("usage: muster <command>"))
        #expect(try MusterProcess.run(["help", "check"]).stdout.hasPrefix("usage: muster check"))
        #expect(try MusterProcess.run(["check", "--help"]).stdout.hasPrefix("usage: muster check"))
        #expect(try MusterProcess.run(["--version"]).stdout.hasPrefix("muster "))
    }

    @Test func theShippedPlaybooksPassStrictly() throws {
        let result = try MusterProcess.run(["check", "--strict"], in: Fixtures.repository)
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func unreadablePathIsAnErrorNotACrash() throws {
        let result = try MusterProcess.run(["check", "/nonexistent/playbook.yaml"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("/nonexistent/playbook.yaml: error: cannot read the file: no such file or directory [file-unreadable]"))
    }
}
