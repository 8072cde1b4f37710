import Foundation
import JSONText
import Testing

/// A refused action is explained in the responder's language: `--lang zh` (or `MUSTER_LANG=zh`) prints the refusal
/// in Chinese, `--format json` carries both, and the journal keeps the English.
struct RefusalLanguageTests {
    let directory: TemporaryDirectory
    init() throws { directory = try TemporaryDirectory() }

    func muster(_ arguments: [String], minute: Double = 0, as person: String? = nil,
                environment extra: [String: String] = [:]) throws -> MusterProcess.Result {
        var environment = ["MUSTER_PLAYBOOKS": Fixtures.repository.appendingPathComponent("Playbooks").path,
                           "MUSTER_NOW": String(RunCommandTests.t0 + Int64(minute * 60_000))]
        if let person { environment["MUSTER_AS"] = person }
        environment.merge(extra) { _, new in new }
        return try MusterProcess.run(arguments, in: directory.url, environment: environment)
    }

    func startWaterLeak() throws {
        let started = try muster(["start", "water-leak", "--run-id", "wl", "--assign", "commander=alice",
                                  "--assign", "on_site=bob", "--assign", "tech_lead=carol",
                                  "--assign", "leadership=dana"])
        #expect(started.status == 0, "\(started.stderr)")
    }

    static func hasChinese(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
    }

    @Test func aRefusalWithLangZhIsPrintedInChinese() throws {
        try startWaterLeak()
        let wrongRole = try muster(["done", "wl", "report", "--lang", "zh"], minute: 1, as: "alice")
        #expect(wrongRole.status == 1)
        #expect(wrongRole.stdout.isEmpty)
        #expect(wrongRole.stderr.hasPrefix("muster: 已拒绝 (角色不符): alice 不能以 'on_site' 的身份操作（该角色由 bob 担任）"),
                "\(wrongRole.stderr)")
        #expect(!wrongRole.stderr.contains("refused"))
        #expect(!wrongRole.stderr.contains("may not act"))

        let notActive = try muster(["done", "wl", "assess", "--lang", "zh"], minute: 1, as: "alice")
        #expect(notActive.status == 1)
        #expect(notActive.stderr == "muster: 已拒绝 (步骤未在进行中): 步骤 'assess' 不在进行中；进行中的步骤：report\n")

        let badValue = try muster(["record", "wl", "leak_source=roof", "--lang", "zh"], minute: 1, as: "alice")
        #expect(badValue.status == 1)
        #expect(badValue.stderr.hasPrefix("muster: 已拒绝 (无效): 'roof' 不是 'leak_source' 的可选值；可选值："),
                "\(badValue.stderr)")
    }

    @Test func musterLangInTheEnvironmentGivesAChineseRefusal() throws {
        try startWaterLeak()
        let stale = try muster(["done", "wl", "report", "--expect-seq", "1"], minute: 1, as: "bob",
                               environment: ["MUSTER_LANG": "zh"])
        #expect(stale.status == 1)
        #expect(stale.stderr.hasPrefix("muster: 已拒绝 (情况已变化): 本次运行在序号 1 之后已有变化："), "\(stale.stderr)")
        #expect(stale.stderr.contains("'muster status'"))
    }

    @Test func englishStaysTheDefault() throws {
        try startWaterLeak()
        let wrongRole = try muster(["done", "wl", "report"], minute: 1, as: "alice")
        #expect(wrongRole.status == 1)
        #expect(wrongRole.stderr.hasPrefix("muster: refused (wrong-role): alice may not act as 'on_site' (held by bob)"))
        #expect(!Self.hasChinese(wrongRole.stderr))
    }

    @Test(arguments: [["--format", "json"], ["--format", "json", "--lang", "zh"]])
    func jsonCarriesTheEnglishMessageAndTheChinese(_ options: [String]) throws {
        try startWaterLeak()
        let refused = try muster(["done", "wl", "report"] + options, minute: 1, as: "alice")
        #expect(refused.status == 1)
        let object = try JSONValue.parse(refused.stdout)
        #expect(object["ok"] == false)
        #expect(object["reason"] == "wrong-role")
        let message = try #require(object["message"]?.stringValue)
        let chinese = try #require(object["message_zh"]?.stringValue)
        #expect(message.hasPrefix("alice may not act as 'on_site' (held by bob)"))
        #expect(chinese.hasPrefix("alice 不能以 'on_site' 的身份操作（该角色由 bob 担任）"))
        #expect(object["code"] == "not-your-role")
        #expect(object["parameters"]?["person"] == "alice" && object["parameters"]?["holder"] == "bob")
    }

    @Test func anAcceptedActionHasNoMessage() throws {
        try startWaterLeak()
        let done = try muster(["done", "wl", "report", "--format", "json", "--lang", "zh"], minute: 1, as: "bob")
        #expect(done.status == 0, "\(done.stderr)")
        let object = try JSONValue.parse(done.stdout)
        #expect(object["ok"] == true)
        #expect(object["message"] == nil)
        #expect(object["message_zh"] == nil)
    }

    @Test func theJournalKeepsTheCodeAndTheReportSaysItInEitherLanguage() throws {
        try startWaterLeak()
        #expect(try muster(["done", "wl", "report", "--lang", "zh"], minute: 1, as: "alice").status == 1)
        let log = try JSONValue.parse(try muster(["log", "wl", "--format", "json"]).stdout)
        let rejected = try #require(log.arrayValue?.first { $0["type"] == "command.rejected" })
        #expect(rejected["data"]?["code"] == "not-your-role")
        #expect(rejected["data"]?["parameters"]?["role"] == "on_site")
        #expect(rejected["data"]?["reason"] == nil)

        let english = try muster(["report", "wl"], minute: 2).stdout
        // The report names the role by its title; the command line (which people type ids into) by its id.
        #expect(english.contains("wrong-role: alice may not act as 'On-site responder' (held by bob)"), "\(english)")
        let chinese = try muster(["report", "wl", "--lang", "zh"], minute: 2).stdout
        #expect(chinese.contains("alice 不能以「现场应急负责人」的身份操作（该角色由 bob 担任）"), "\(chinese)")
        #expect(!chinese.contains("may not act"))
    }
}
