import Foundation
import JSONText
import Testing

/// A drill that reaches a step continuing in another playbook (`continue_in`) starts the linked run itself, as a
/// live `done` does: played unattended (`drill run`) or moved by a controller (`drill advance`).
struct LinkedDrillRunTests {
    static let t0: Int64 = 1_767_225_600_000  // 2026-01-01 00:00:00Z

    let directory: TemporaryDirectory
    init() throws { directory = try TemporaryDirectory() }

    func muster(_ arguments: [String], in folder: URL? = nil, minute: Double = 0) throws -> MusterProcess.Result {
        let environment = ["MUSTER_PLAYBOOKS": Fixtures.repository.appendingPathComponent("Playbooks").path,
                           "MUSTER_NOW": String(Self.t0 + Int64(minute * 60_000)), "MUSTER_AS": "alice"]
        return try MusterProcess.run(arguments, in: folder ?? directory.url, environment: environment)
    }

    func status(_ run: String, in folder: URL? = nil) throws -> JSONValue {
        let shown = try muster(["status", run, "--format", "json"], in: folder)
        try #require(shown.status == 0, "\(shown.stderr)")
        return try JSONValue.parse(shown.stdout)
    }

    /// Both runs point at each other, `verify` follows the link both ways, and the first run's limits are handed
    /// over, not missed.
    func expectLinked(_ first: String, in folder: URL? = nil) throws {
        let second = first + "-power-loss"
        let from = try status(first, in: folder)
        #expect(from["continued_in"]?["run"]?.stringValue == second)
        #expect(from["closed"]?.boolValue == true)
        for milestone in ["standby_started", "responded", "repaired"] {
            #expect(from["milestones"]?[milestone]?["handed_over"]?.boolValue == true, "\(milestone)")
            #expect(from["milestones"]?[milestone]?["missed"]?.boolValue == false, "\(milestone)")
        }
        let to = try status(second, in: folder)
        #expect(to["continued_from"]?["run"]?.stringValue == first)
        #expect(to["active"]?.arrayValue?.first?["step"]?.stringValue == "line_fault_measures")
        #expect(to["facts"]?["outage_kind"]?.stringValue == "line_fault")
        for run in [first, second] {
            let verified = try muster(["verify", run], in: folder)
            #expect(verified.status == 0, "\(verified.stderr)")
            #expect(verified.stdout.contains("link: "), "\(verified.stdout)")
        }
    }

    @Test func anUnattendedDrillStartsTheLinkedRunAndPlaysTheSameWhenever() throws {
        let played = try muster(["drill", "run", "aircon-all-units-down", "--run-id", "d"])
        #expect(played.status == 0, "\(played.stderr)")
        #expect(played.stderr.contains("continued in power-loss: linked run d-power-loss"), "\(played.stderr)")
        #expect(!played.stderr.contains("refused"), "\(played.stderr)")
        try expectLinked("d")

        // Practice, played again another day elsewhere: both journals are the same, byte for byte.
        let other = try TemporaryDirectory()
        let again = try muster(["drill", "run", "aircon-all-units-down", "--run-id", "d"], in: other.url, minute: 9_000)
        #expect(again.status == 0, "\(again.stderr)")
        for run in ["d", "d-power-loss"] {
            let path = "runs/\(run)/journal.jsonl"
            #expect(try Data(contentsOf: directory.url.appendingPathComponent(path))
                == Data(contentsOf: other.url.appendingPathComponent(path)), "\(run)")
        }
        let log = try muster(["log", "d-power-loss", "--format", "jsonl"])
        #expect(log.stdout.contains("\"unattended\":true"), "\(log.stdout)")
        #expect(!log.stdout.contains("real_at"), "\(log.stdout)")
    }

    @Test func aDrillAdvancedPastTheHandOverStartsTheLinkedRunWhoseClockThenMoves() throws {
        let started = try muster(["drill", "start", "aircon-all-units-down", "--run-id", "d", "--scripted", "all"])
        try #require(started.status == 0, "\(started.stderr)")
        let advanced = try muster(["drill", "advance", "d", "10m"])
        #expect(advanced.status == 0, "\(advanced.stderr)")
        #expect(advanced.stderr.contains("continued in power-loss: linked run d-power-loss"), "\(advanced.stderr)")
        try expectLinked("d")

        // The linked run has no scenario of its own: a controller moves its clock, and its timers fall due.
        let linked = try muster(["drill", "advance", "d-power-loss", "20m"])
        #expect(linked.status == 0, "\(linked.stderr)")
        let log = try muster(["log", "d-power-loss", "--format", "jsonl"])
        #expect(log.stdout.contains("\"type\":\"clock.advanced\""), "\(log.stdout)")
        #expect(log.stdout.contains("\"type\":\"step.overdue\""), "\(log.stdout)")
    }

    /// Where people read a milestone handed over, they read it in words; JSON keeps its machine value.
    /// A trainer asking for the drill report of the linked run gets the report of the drill it continues (its
    /// objectives are the drill's), told so first; a live run is still no drill.
    @Test func theDrillReportOfALinkedRunIsTheReportOfItsDrill() throws {
        #expect(try muster(["drill", "run", "aircon-all-units-down", "--run-id", "d"]).status == 0)
        let drill = try muster(["drill", "report", "d"])
        #expect(drill.status == 0, "\(drill.stderr)")
        let linked = try muster(["drill", "report", "d-power-loss"])
        #expect(linked.status == 0, "\(linked.stderr)")
        #expect(linked.stdout == drill.stdout)
        #expect(linked.stderr.contains("run 'd-power-loss' is a linked run that drill 'd' continued in"), "\(linked.stderr)")
        let chinese = try muster(["drill", "report", "d-power-loss", "--lang", "zh", "--format", "json"])
        #expect(chinese.status == 0, "\(chinese.stderr)")
        #expect(try JSONValue.parse(chinese.stdout)["scenario"] == "aircon-all-units-down")
        #expect(chinese.stderr.contains("以下是演练 'd' 的报告"), "\(chinese.stderr)")
        #expect(try muster(["start", "water-leak", "--run-id", "live"]).status == 0)
        let live = try muster(["drill", "report", "live"])
        #expect(live.status == 1)
        #expect(live.stderr.contains("run 'live' is not a drill"), "\(live.stderr)")
    }

    @Test func aMilestoneHandedOverReadsInWords() throws {
        try #require(try muster(["drill", "run", "aircon-all-units-down", "--run-id", "d"]).status == 0)
        for arguments in [["status", "d"], ["status", "d", "--format", "html"], ["report", "d"],
                          ["report", "d", "--format", "html"]] {
            let shown = try muster(arguments)
            #expect(shown.status == 0, "\(arguments): \(shown.stderr)")
            #expect(!shown.stdout.contains("handed-over"), "\(arguments): \(shown.stdout)")
            #expect(shown.stdout.contains("handed over to the linked run"), "\(arguments)")
            let chinese = try muster(arguments + ["--lang", "zh"])
            #expect(chinese.stdout.contains("已移交关联运行"), "\(arguments)")
        }
        let json = try JSONValue.parse(try muster(["report", "d", "--format", "json"]).stdout)
        let statuses = json["milestones"]?.arrayValue?.compactMap { $0["status"]?.stringValue } ?? []
        #expect(statuses.contains("handed-over"))
        #expect(json["summary"]?.stringValue?.contains("handed over to the linked run") == true)
    }
}
