import Foundation
import JSONText
import Testing

/// The fault report lists a recorded fact in the section its playbook files it under (`section: cause`), as
/// `note --section` files notes: the review's B19, where a recorded "Cause of the fault" sat under Phenomenon and
/// the Cause section said nothing was recorded.
struct FaultReportSectionTests {
    static let t0: Int64 = 1_767_225_600_000  // 2026-01-01 00:00:00Z

    let directory: TemporaryDirectory
    init() throws { directory = try TemporaryDirectory() }

    @discardableResult
    func muster(_ arguments: [String], as person: String? = nil) throws -> MusterProcess.Result {
        var environment = ["MUSTER_PLAYBOOKS": Fixtures.repository.appendingPathComponent("Playbooks").path,
                           "MUSTER_NOW": String(Self.t0 + 60_000), "TZ": "UTC"]
        if let person { environment["MUSTER_AS"] = person }
        return try MusterProcess.run(arguments, in: directory.url, environment: environment)
    }

    /// The part of a Markdown report from heading `name` to the next `## ` heading.
    func section(_ markdown: String, _ name: String) throws -> String {
        let start = try #require(markdown.range(of: "## \(name)\n"))
        let rest = markdown[start.upperBound...]
        return String(rest[..<(rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex)])
    }

    /// A playbook whose `leak_source` is filed under the cause (`section:` given as `section`).
    func writePlaybook(section: String = "cause") throws {
        let playbook = try Fixtures.text("valid.yaml")
            .replacingOccurrences(of: "    values: [air_conditioning, wall_or_window]\n",
                                  with: "    values: [air_conditioning, wall_or_window]\n    section: \(section)\n")
        try directory.write("leak.yaml", Array(playbook.utf8))
    }

    @Test func aRecordedCauseIsInTheCauseSection() throws {
        try writePlaybook()
        #expect(try muster(["start", "leak.yaml", "--run-id", "n", "--assign", "on_site=bob",
                            "--assign", "commander=alice"]).status == 0)
        #expect(try muster(["done", "n", "report"], as: "bob").status == 0)
        let recorded = try muster(["record", "n", "leak_source=air_conditioning"], as: "alice")
        #expect(recorded.status == 0, "\(recorded.stderr)")
        let report = try muster(["report", "n", "--kind", "fault", "--format", "md"])
        #expect(report.status == 0, "\(report.stderr)")
        let cause = try section(report.stdout, "Cause")
        #expect(cause.contains("| Where the water comes from | air_conditioning | alice |"), "\(cause)")
        #expect(!cause.contains("Not recorded"), "\(cause)")
        #expect(!(try section(report.stdout, "Phenomenon")).contains("air_conditioning"))
        // The cause is there: the report no longer warns that it lacks one (the impact it still lacks).
        #expect(report.stderr.contains("the impact"), "\(report.stderr)")
        #expect(!report.stderr.contains("the cause"), "\(report.stderr)")
        let chinese = try muster(["report", "n", "--kind", "fault", "--format", "md", "--lang", "zh"]).stdout
        #expect(try section(chinese, "原因").contains("| 漏水来源 | air_conditioning | alice |"), "\(chinese)")
        let html = try muster(["report", "n", "--kind", "fault", "--format", "html"]).stdout
        let causeHTML = try #require(html.range(of: "id=\"cause\"")).upperBound
        let nextSection = html[causeHTML...].range(of: "<section")?.lowerBound ?? html.endIndex
        #expect(html[causeHTML..<nextSection].contains("air_conditioning"))
        let json = try JSONValue.parse(try muster(["report", "n", "--kind", "fault", "--format", "json"]).stdout)
        #expect(json["facts"]?.arrayValue?.first { $0["fact"] == "leak_source" }?["section"] == "cause")
    }

    @Test func aFactsSectionIsOneOfTheReportsSections() throws {
        try writePlaybook(section: "causes")
        let checked = try muster(["check", "leak.yaml"])
        #expect(checked.status == 1)
        let said = checked.stdout + checked.stderr
        #expect(said.contains("a fact's section is phenomenon, impact, cause, handling, prevention, not 'causes'"), "\(said)")
        #expect(said.contains("did you mean 'cause'"), "\(said)")
    }

    /// Every shipped fact that names a cause is filed under it.
    @Test(arguments: ["fire.yaml:fire_cause", "network-outage.yaml:fault_cause", "virus.yaml:virus_source",
                      "virus.yaml:attack_source", "security-incident.yaml:source_found"])
    func shippedCauseFactsAreFiledUnderTheCause(_ where: String) throws {
        let (file, fact) = (String(`where`.prefix { $0 != ":" }), String(`where`.drop { $0 != ":" }.dropFirst()))
        let text = try Fixtures.text("../../../Playbooks/" + file)
        let block = try #require(text.range(of: "\n  \(fact):\n"))
        let rest = text[block.upperBound...]
        let body = rest[..<(rest.range(of: "\n  [a-z]", options: .regularExpression)?.lowerBound ?? rest.endIndex)]
        #expect(body.contains("    section: cause"), "\(body)")
    }
}
