import Foundation
import JSONText
import Testing

/// The JSON a notify command reads on stdin carries the message in English and, beside it, in Chinese.
struct NotifierLanguageTests {
    static let t0: Int64 = 1_767_225_600_000  // 2026-01-01 00:00:00Z

    let directory: TemporaryDirectory
    init() throws { directory = try TemporaryDirectory() }

    func muster(_ arguments: [String], second: Int64, environment: [String: String] = [:]) throws
        -> MusterProcess.Result
    {
        try MusterProcess.run(arguments, in: directory.url,
                              environment: environment.merging(["MUSTER_NOW": String(Self.t0 + second * 1000)]) { $1 })
    }

    @Test func theNotificationCarriesItsChineseNextToItsEnglish() throws {
        let playbook = Fixtures.directory.appendingPathComponent("runs-basic/quick.yaml").path
        let started = try muster(["start", playbook, "--run-id", "q", "--assign", "commander=alice"], second: 0)
        #expect(started.status == 0, "\(started.stderr)")
        let received = directory.url.appendingPathComponent("received.jsonl").path
        let script = try directory.write("notify.sh", Array("#!/bin/sh\ncat >> '\(received)'\n".utf8))
        chmod(script.path, 0o755)
        // At 3s the escalation (1s) and the deadline (2s) of 'act' have passed: alice is told twice.
        let noted = try muster(["note", "q", "still on it"], second: 3,
                               environment: ["MUSTER_AS": "alice", "MUSTER_NOTIFY": script.path])
        #expect(noted.status == 0, "\(noted.stderr)")
        let lines = try String(contentsOfFile: received, encoding: .utf8).split(separator: "\n")
        let payloads = try lines.map { try JSONValue.parse(String($0)) }
        // The person paged reads the step by its title, in either language; the machine fields keep the ids.
        #expect(payloads.map { $0["message"]?.stringValue } == [
            "step 'Act $(touch INJECTED)' is not done after 1s", "step 'Act $(touch INJECTED)' is overdue",
        ])
        #expect(payloads.map { $0["message_zh"]?.stringValue } == ["步骤「行动」已过 1秒 仍未完成", "步骤「行动」已逾期"])
        #expect(payloads.map { $0["step"]?.stringValue } == ["act", "act"])
        #expect(payloads.map { $0["roles"]?.arrayValue?.first?.stringValue } == ["commander", "commander"])
        // The Chinese stands next to the English, with the key a gateway drops repeats by (run, request line,
        // person), the attempt and whether it is a drill.
        #expect(payloads.first?.objectValue?.keys == ["id", "key", "run", "to", "roles", "message", "message_zh", "step",
                                                      "requested_at", "attempt", "drill"])
        #expect(payloads.first?["key"]?.stringValue?.hasPrefix("q/") == true)
        #expect(payloads.first?["key"]?.stringValue?.hasSuffix("/alice") == true)
    }
}

extension NotifierLanguageTests {
    /// A notification that could not be delivered says why in both languages: in the journal (`why`, `why_zh`)
    /// and in the Chinese report.
    @Test func aFailedDeliverySaysWhyInChineseToo() throws {
        let playbook = Fixtures.directory.appendingPathComponent("runs-basic/quick.yaml").path
        let started = try muster(["start", playbook, "--run-id", "q", "--assign", "commander=alice"], second: 0)
        #expect(started.status == 0, "\(started.stderr)")
        let script = try directory.write("notify.sh", Array("#!/bin/sh\ncat > /dev/null\nexit 3\n".utf8))
        chmod(script.path, 0o755)
        let noted = try muster(["note", "q", "still on it"], second: 3,
                               environment: ["MUSTER_AS": "alice", "MUSTER_NOTIFY": script.path])
        #expect(noted.status == 0, "\(noted.stderr)")
        let log = try JSONValue.parse(try muster(["log", "q", "--format", "json"], second: 4).stdout)
        let failed = log.arrayValue?.filter { $0["type"] == "notification.failed" } ?? []
        #expect(failed.count == 2)
        #expect(failed.first?["data"]?["why"]?.stringValue == "'\(script.path)' exited with status 3")
        #expect(failed.first?["data"]?["why_zh"]?.stringValue == "'\(script.path)' 以状态 3 退出")
        let report = try muster(["report", "q", "--lang", "zh"], second: 5)
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("alice：'\(script.path)' 以状态 3 退出"), "\(report.stdout)")
        #expect(!report.stdout.contains("exited with status"))
    }
}

extension NotifierLanguageTests {
    /// A notify command that does not exist: the run goes on, and the journal says why in both languages.
    @Test func aMissingNotifyCommandIsReportedInBothLanguages() throws {
        let playbook = Fixtures.directory.appendingPathComponent("runs-basic/quick.yaml").path
        #expect(try muster(["start", playbook, "--run-id", "q", "--assign", "commander=alice"], second: 0).status == 0)
        let missing = directory.url.appendingPathComponent("no-such-notifier").path
        let noted = try muster(["note", "q", "still on it"], second: 3,
                               environment: ["MUSTER_AS": "alice", "MUSTER_NOTIFY": missing])
        #expect(noted.status == 0, "\(noted.stderr)")
        let log = try JSONValue.parse(try muster(["log", "q", "--format", "json"], second: 4).stdout)
        let failed = try #require(log.arrayValue?.first { $0["type"] == "notification.failed" })
        #expect(failed["data"]?["why"]?.stringValue == "cannot run '\(missing)': No such file or directory")
        #expect(failed["data"]?["why_zh"]?.stringValue == "无法运行 '\(missing)'：没有这个文件")
    }
}
