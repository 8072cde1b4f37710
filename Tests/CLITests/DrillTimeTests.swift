#if canImport(Glibc)
    import Glibc
#endif
import Foundation
import JSONText
import Testing

/// Drill time from the command line: a controller-driven drill counts from its own clock everywhere, each thing
/// that falls due is journaled at its own instant and said by the command that moved the clock, and the scenario
/// is part of the record.
struct DrillTimeTests {
    let directory: TemporaryDirectory
    init() throws { directory = try TemporaryDirectory() }

    /// The wall clock: 2026-12-06, eleven months after the shipped scenarios' virtual start.
    static let wall: Int64 = 1_796_544_000_000

    func muster(_ arguments: [String], now: Int64 = wall, environment: [String: String] = [:]) throws
        -> MusterProcess.Result
    {
        try MusterProcess.run(arguments, in: directory.url, environment: [
            "MUSTER_PLAYBOOKS": Fixtures.repository.appendingPathComponent("Playbooks").path,
            "MUSTER_NOW": String(now),
        ].merging(environment) { $1 })
    }

    func log(_ runID: String) throws -> [JSONValue] {
        try JSONValue.parse(try muster(["log", runID, "--format", "json"]).stdout).arrayValue ?? []
    }

    /// B1: the board of a drill on a virtual clock counts from the drill's instant, not the wall clock.
    @Test func theBoardCountsFromTheDrillsClock() throws {
        #expect(try muster(["drill", "start", "water-leak-on-time", "--run-id", "b1"]).status == 0)
        let board = try muster(["status", "b1"]).stdout
        #expect(!board.contains("overdue"), "\(board)")
        #expect(board.contains("5m"), "\(board)")
        let zh = try muster(["status", "b1", "--lang", "zh"]).stdout
        #expect(!zh.contains("逾期"), "\(zh)")
    }

    /// B1: a drill sped up 60 times counts from its own clock: four real seconds are four minutes of the drill.
    @Test func theBoardOfAFastDrillCountsFromItsClock() throws {
        #expect(try muster(["drill", "start", "water-leak-late-report", "--clock", "real", "--speed", "60",
                            "--run-id", "rc2"]).status == 0)
        let board = try muster(["status", "rc2"], now: Self.wall + 4_000).stdout
        #expect(board.contains("Report the leak  [owner: on_site (bob)]  due in 1m"), "\(board)")
    }

    /// B2, B4: `drill advance` journals each thing that fell due during the jump at its own instant and says
    /// every inject it delivered, with its instant, in its own output.
    @Test func anAdvanceSaysEveryInjectAtItsInstant() throws {
        #expect(try muster(["drill", "start", "water-leak-late-report", "--run-id", "b2"]).status == 0)
        let advanced = try muster(["drill", "advance", "b2", "10m", "--tz", "UTC"])
        #expect(advanced.status == 0, "\(advanced.stderr)")
        #expect(advanced.stdout.contains("inject water-reminder → tech_lead @ 2026-01-05 09:03:00 +00:00"),
                "\(advanced.stdout)")
        let lines = try log("b2")
        func at(_ type: String) -> Int64? { lines.first { $0["type"]?.stringValue == type }?["t"]?.intValue }
        #expect(at("milestone.missed") == 300_000)
        #expect(at("step.overdue") == 300_000)
        #expect(lines.last?["type"] == "clock.advanced")
        #expect(lines.last?["t"] == 600_000)
        // The controller's command is written at the wall clock's instant, beside the virtual one.
        #expect(lines.last?["real"] == .integer(Self.wall))
    }

    /// B13: the STARTEX injects are said when the drill starts (on stderr: stdout carries the run id only).
    @Test func theStartSaysItsInjects() throws {
        let started = try muster(["drill", "start", "water-leak-late-report", "--run-id", "b13"])
        #expect(started.stdout == "b13\n")
        #expect(started.stderr.contains("inject water-seen → on_site"), "\(started.stderr)")
    }

    /// B5: the scenario is in the record: its hash in `run.started`, checked by `verify` and printed by the report.
    @Test func verifyChecksThePinnedScenario() throws {
        #expect(try muster(["drill", "run", "water-leak-late-report", "--run-id", "b5"]).status == 0)
        let first = try log("b5").first
        let hash = try #require(first?["data"]?["scenario_hash"]?.stringValue)
        #expect(first?["data"]?["unattended"] == true)
        #expect(try muster(["drill", "report", "b5"]).stdout.contains(hash))
        #expect(try muster(["verify", "b5"]).status == 0)
        let path = directory.url.appendingPathComponent("runs/b5/scenario.yaml")
        let edited = try String(contentsOf: path, encoding: .utf8).replacingOccurrences(of: "within: 3m", with: "within: 30m")
        try Data(edited.utf8).write(to: path)
        let verify = try muster(["verify", "b5"])
        #expect(verify.status == 1)
        #expect(verify.stderr.contains("line 1: the pinned scenario.yaml does not match"), "\(verify.stderr)")
        let report = try muster(["drill", "report", "b5"])
        #expect(report.status == 1)
        #expect(report.stdout.isEmpty)
    }

    /// B17: a controller-driven drill keeps real time beside the virtual instant; an unattended run keeps its real
    /// date beside the journal (`held`), so its journal stays the same byte for byte.
    @Test func realTimeIsKeptBesideTheVirtualInstant() throws {
        #expect(try muster(["drill", "start", "water-leak-on-time", "--run-id", "s1"]).status == 0)
        #expect(try muster(["done", "s1", "report", "--as", "bob"], now: Self.wall + 90_000).status == 0)
        let done = try log("s1").first { $0["type"] == "step.completed" }
        #expect(done?["real"] == .integer(Self.wall + 90_000))
        #expect(done?["at"] == .integer(1_767_603_600_000))
        let report = try muster(["drill", "report", "s1"]).stdout
        #expect(report.contains("Held (real time) | 2026-12-06"), "\(report)")
        #expect(try muster(["drill", "run", "water-leak-on-time", "--run-id", "u1"]).status == 0)
        let held = try String(contentsOf: directory.url.appendingPathComponent("runs/u1/held"), encoding: .utf8)
        #expect(held.hasPrefix("2026-12-06"))
        #expect(try log("u1").allSatisfy { $0["real"] == nil })
    }

    /// B17: a sign-off of a drill is dated by the wall clock when it was given, not the drill's virtual instant,
    /// and the drill report shows it, in English and Chinese.
    @Test func aSignOffOfADrillIsShownWithTheDateItWasGiven() throws {
        #expect(try muster(["drill", "run", "water-leak-on-time", "--run-id", "s2"]).status == 0)
        #expect(try muster(["signoff", "s2", "--as", "client-lead"], now: Self.wall + 3_600_000).status == 0)
        let report = try muster(["report", "s2", "--tz", "UTC"]).stdout
        #expect(report.contains("Signed by **client-lead** · 2026-12-06 09:00:00 +00:00"), "\(report)")
        let drill = try muster(["drill", "report", "s2", "--tz", "UTC"]).stdout
        #expect(drill.contains("- Signed by client-lead, 2026-12-06 09:00:00 +00:00"), "\(drill)")
        let chinese = try muster(["drill", "report", "s2", "--tz", "Asia/Shanghai", "--lang", "zh"]).stdout
        #expect(chinese.contains("- client-lead 签收，2026-12-06 17:00:00 +08:00"), "\(chinese)")
    }

    /// B13, B14: in a drill people play, injects and escalations go through the notifier, marked as a drill
    /// (a drill tests the call-out chain); `drill advance` delivers what its move made due; an unattended run
    /// pages nobody, whoever watches it.
    @Test func aControllerDrivenDrillTestsTheCallOutChain() throws {
        let received = directory.url.appendingPathComponent("received.jsonl").path
        let url = try directory.write("notify.sh", Array("#!/bin/sh\ncat >> '\(received)'\necho >> '\(received)'\n".utf8))
        #expect(chmod(url.path, 0o755) == 0)
        let notify = ["MUSTER_NOTIFY": url.path]
        #expect(try muster(["drill", "start", "water-leak-late-report", "--run-id", "b14"], environment: notify).status == 0)
        var text = (try? String(contentsOfFile: received, encoding: .utf8)) ?? ""
        #expect(text.contains("[DRILL] inject water-seen"), "\(text)")
        let advanced = try muster(["drill", "advance", "b14", "4m", "--notify-command", url.path])
        #expect(advanced.status == 0, "\(advanced.stderr)")
        text = (try? String(contentsOfFile: received, encoding: .utf8)) ?? ""
        #expect(text.contains("[DRILL] inject water-reminder"), "\(text)")
        #expect(text.contains("\"drill\":true"), "\(text)")
        // The on-site player sees the inject in their inbox.
        let inbox = try muster(["inbox", "--as", "bob"]).stdout
        #expect(inbox.contains("inject water-seen"), "\(inbox)")
        // An unattended run pages nobody.
        let before = text
        #expect(try muster(["drill", "run", "water-leak-late-report", "--run-id", "u14"], environment: notify).status == 0)
        #expect(try muster(["status", "u14"], environment: notify).status == 0)
        #expect(((try? String(contentsOfFile: received, encoding: .utf8)) ?? "") == before)
    }
}

/// The run kinds of the command-line contract: `runs` tells a drill people play from an unattended practice.
struct RunKindTests {
    @Test func runsTellsADrillFromPractice() throws {
        let directory = try TemporaryDirectory()
        let environment = ["MUSTER_PLAYBOOKS": Fixtures.repository.appendingPathComponent("Playbooks").path]
        #expect(try MusterProcess.run(["drill", "start", "fire-on-time", "--run-id", "d"], in: directory.url,
                                      environment: environment).status == 0)
        #expect(try MusterProcess.run(["drill", "run", "fire-on-time", "--run-id", "p"], in: directory.url,
                                      environment: environment).status == 0)
        let runs = try JSONValue.parse(try MusterProcess.run(["runs", "--format", "json"], in: directory.url,
                                                             environment: environment).stdout).arrayValue ?? []
        #expect(runs.first { $0["run"] == "d" }?["kind"] == "drill")
        #expect(runs.first { $0["run"] == "p" }?["kind"] == "practice")
    }
}
