import Foundation
import Testing

/// What a responder reads when a command fails is in their language too: `--lang zh` (or `MUSTER_LANG=zh`) gives
/// the Chinese message after the same `muster: error:` prefix and the same exit status, English stays the default.
struct FailureLanguageTests {
    let run: RunCommandTests
    init() throws { run = try RunCommandTests() }

    /// Each failure, its English and its Chinese.
    @Test(arguments: [
        (["ack", "nope", "report"], "no run 'nope' (see 'muster runs')", "没有运行 'nope'（见 'muster runs'）"),
        (["start", "water-leak", "--assign", "commandr=alice"], "role 'commandr' is not defined in 'water-leak'",
         "预案 'water-leak' 中没有角色 'commandr'"),
        (["start", "water-leak", "--severity", "huge"], "severity level 'huge' is not defined in 'water-leak'",
         "预案 'water-leak' 中没有严重级别 'huge'"),
        (["start", "water-leak", "--run-id", "wl"], "run 'wl' exists already", "运行 'wl' 已存在"),
        (["start", "no-such-plan"], "no playbook 'no-such-plan'", "没有预案 'no-such-plan'"),
        (["drill", "advance", "wl", "5m"], "run 'wl' is not on a virtual clock", "运行 'wl' 不在虚拟时钟上"),
    ])
    func aFailureIsSaidInTheResponderLanguage(arguments: [String], english: String, chinese: String) throws {
        try run.startWaterLeak()
        let inEnglish = try run.muster(arguments, as: "bob")
        #expect(inEnglish.status == 1)
        #expect(inEnglish.stderr.contains("muster: error: " + english), "\(inEnglish.stderr)")
        let inChinese = try run.muster(arguments + ["--lang", "zh"], as: "bob")
        #expect(inChinese.status == 1)
        #expect(inChinese.stderr.contains("muster: error: " + chinese), "\(inChinese.stderr)")
    }

    /// A damaged journal refuses the write in Chinese with `MUSTER_LANG=zh`, naming the line, and nothing is
    /// written.
    @Test func aDamagedJournalRefusesInChinese() throws {
        try run.startWaterLeak()
        #expect(try run.muster(["note", "wl", "one"], minute: 1, as: "alice").status == 0)
        let journal = run.directory.url.appendingPathComponent("runs/wl/journal.jsonl")
        var bytes = Array(try Data(contentsOf: journal))
        let secondLine = try #require(bytes.firstIndex(of: 0x0A)) + 1
        bytes[secondLine + 40] ^= 0x01
        try Data(bytes).write(to: journal)
        let refused = try MusterProcess.run(
            ["note", "wl", "two", "--as", "alice"], in: run.directory.url,
            environment: ["MUSTER_NOW": String(RunCommandTests.t0 + 120_000), "MUSTER_LANG": "zh"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("muster: error: 运行 'wl' 的日志第 2 行已损坏"), "\(refused.stderr)")
        #expect(refused.stderr.contains("在操作员处理之前，拒绝一切写入"), "\(refused.stderr)")
        #expect(Array(try Data(contentsOf: journal)) == bytes)
        let verify = try MusterProcess.run(["verify", "wl"], in: run.directory.url, environment: ["MUSTER_LANG": "zh"])
        #expect(verify.status == 1)
        #expect(verify.stderr.hasPrefix("muster: 校验失败：第 2 行："), "\(verify.stderr)")
    }

    /// `verify` of an intact run says so in Chinese.
    @Test func verifySpeaksChinese() throws {
        try run.startWaterLeak()
        let verify = try run.muster(["verify", "wl", "--lang", "zh"])
        #expect(verify.status == 0)
        #expect(verify.stdout.hasPrefix("正常：共 "), "\(verify.stdout)")
        #expect(try run.muster(["verify", "wl"]).stdout.hasPrefix("ok: "))
    }
}
