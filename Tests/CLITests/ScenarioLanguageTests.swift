import Foundation
import JSONText
import Testing

/// The scenario language is strict and has a starting point: a duplicate inject id, an impossible date or a key
/// that would change nothing is an error, and `muster new ID --drill PLAYBOOK` writes a scenario that passes
/// `check --strict` and plays.
struct ScenarioLanguageTests {
    let directory: TemporaryDirectory
    init() throws { directory = try TemporaryDirectory() }

    func muster(_ arguments: [String]) throws -> MusterProcess.Result {
        try MusterProcess.run(arguments, in: directory.url, environment: [
            "MUSTER_PLAYBOOKS": Fixtures.repository.appendingPathComponent("Playbooks").path,
            "MUSTER_NOW": "1796544000000",
        ])
    }

    func shipped(_ id: String) throws -> String {
        try Fixtures.text("../../../Playbooks/drills/\(id).yaml")
    }

    func check(_ name: String, _ text: String) throws -> MusterProcess.Result {
        try directory.write(name, Array(text.utf8))
        return try muster(["check", "--strict", name])
    }

    /// B10: two injects with one id: the second would never be delivered.
    @Test func aDuplicateInjectIDIsAnError() throws {
        let text = try shipped("fire-on-time").replacingOccurrences(of: "  - id: flames-seen", with: "  - id: panel-alarm")
        let result = try check("dup.yaml", text)
        #expect(result.status == 1)
        #expect(result.stderr.contains("inject id 'panel-alarm' is used twice"), "\(result.stderr)")
        #expect(result.stderr.contains("[duplicate-inject]"))
    }

    /// B11: a day the month does not have is refused, not rolled over.
    @Test func anImpossibleDateIsAnError() throws {
        let text = try shipped("fire-on-time").replacingOccurrences(of: "2026-04-14T14", with: "2026-02-31T14")
        #expect(text.contains("2026-02-31"))
        let result = try check("feb31.yaml", text)
        #expect(result.status == 1)
        #expect(result.stderr.contains("'starts_at' must be a real instant"), "\(result.stderr)")
        // 29 February is a day in a leap year only.
        let leap = try shipped("fire-on-time").replacingOccurrences(of: "2026-04-14T14", with: "2028-02-29T14")
        #expect(try check("leap.yaml", leap).status == 0)
    }

    /// B12: keys that would change nothing are errors.
    @Test(arguments: [
        ("    milestone: reported\n", "    milestone: reported\n    step: report\n    within: 1m\n", "would be ignored"),
        ("    after: 5m\n    to: tech_lead\n", "    after: 5m\n    to: tech_lead\n    within: 1m\n",
         "gives 'within' but no 'expect'"),
    ])
    func aKeyThatWouldBeIgnoredIsAnError(_ original: String, _ replacement: String, _ message: String) throws {
        let source = try shipped("fire-on-time")
        let text = source.replacingOccurrences(of: original, with: replacement)
        #expect(text != source, "the fixture's text moved")
        let result = try check("ignored.yaml", text)
        #expect(result.status == 1)
        #expect(result.stderr.contains(message) && result.stderr.contains("[ignored-key]"), "\(result.stderr)")
    }

    static let playbooks = ["water-leak", "power-loss", "fire", "virus", "network-outage"]

    @Test(arguments: playbooks)
    func aNewScenarioPassesTheStrictCheckAndPlays(_ playbook: String) throws {
        let written = try muster(["new", "my-drill", "--drill", playbook, "--out", "my-drill.yaml"])
        #expect(written.status == 0, "\(written.stderr)")
        let checked = try muster(["check", "--strict", "my-drill.yaml"])
        #expect(checked.status == 0, "\(checked.stderr)")
        let played = try muster(["drill", "run", "my-drill.yaml", "--run-id", "p", "--format", "json"])
        #expect(played.status == 0, "\(played.stderr)")
        #expect(try JSONValue.parse(played.stdout)["objectives"]?.arrayValue?.isEmpty == false)
    }
}

/// `muster schema --drill`: the scenario language for editors.
struct ScenarioSchemaTests {
    @Test func theScenarioSchemaCoversTheLanguage() throws {
        let directory = try TemporaryDirectory()
        let printed = try MusterProcess.run(["schema", "--drill"], in: directory.url)
        #expect(printed.status == 0)
        let schema = try JSONValue.parse(printed.stdout)
        #expect(schema["title"] == "Muster drill scenario")
        #expect(schema["additionalProperties"] == false)
        #expect(schema["properties"]?["kind"]?["enum"]?.arrayValue?.contains("attack_defence") == true)
        #expect(schema["properties"]?["staff"]?["properties"]?["evaluators"] != nil)
        let inject = schema["properties"]?["injects"]?["items"]
        #expect(inject?["properties"]?["via"]?["enum"]?.arrayValue?.contains("phone") == true)
        #expect(inject?["additionalProperties"] == false)
        // The playbook schema is still the default.
        let playbook = try JSONValue.parse(try MusterProcess.run(["schema"], in: directory.url).stdout)
        #expect(playbook["title"] == "Muster playbook")
    }
}
