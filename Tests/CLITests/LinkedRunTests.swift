import Foundation
import JSONText
import Testing

/// Continuing in another playbook (`continue_in`): the shipped aircon playbook, every unit down, goes on in a
/// linked run of power-loss; both journals point at each other, the first run's limits are handed over, and a
/// failure between the two writes is finished by the next command on the first run.
struct LinkedRunTests {
    static let t0: Int64 = 1_767_225_600_000  // 2026-01-01 00:00:00Z

    let directory: TemporaryDirectory
    init() throws { directory = try TemporaryDirectory() }

    func muster(_ arguments: [String], fault: String? = nil, minute: Double = 0, as person: String = "alice",
                playbooks: String? = nil) throws -> MusterProcess.Result {
        var environment = ["MUSTER_PLAYBOOKS": playbooks ?? Fixtures.repository.appendingPathComponent("Playbooks").path,
                           "MUSTER_NOW": String(Self.t0 + Int64(minute * 60_000)), "MUSTER_AS": person]
        if let fault { environment["MUSTER_TEST_FAULT"] = fault }
        return try MusterProcess.run(arguments, in: directory.url, environment: environment)
    }

    /// Starts aircon run `a`, records every unit down and reports it: `power_handover` is open.
    func reachHandover() throws {
        let started = try muster(["start", "aircon", "--run-id", "a", "--severity", "fatal",
                                  "--assign", "commander=alice", "--assign", "on_site=bob"])
        try #require(started.status == 0, "\(started.stderr)")
        let recorded = try muster(["record", "a", "units_down=all_units"], minute: 1, as: "bob")
        try #require(recorded.status == 0, "\(recorded.stderr)")
        let reported = try muster(["done", "a", "report"], minute: 2, as: "bob")
        try #require(reported.status == 0, "\(reported.stderr)")
    }

    func status(_ run: String, minute: Double = 4) throws -> JSONValue {
        let shown = try muster(["status", run, "--format", "json"], minute: minute)
        try #require(shown.status == 0, "\(shown.stderr)")
        return try JSONValue.parse(shown.stdout)
    }

    func exists(_ run: String) -> Bool {
        FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("runs/\(run)/journal.jsonl").path)
    }

    /// Both runs point at each other, and verify follows the link both ways.
    func expectLinked() throws {
        let first = try status("a")
        #expect(first["continued_in"]?["run"]?.stringValue == "a-power-loss")
        #expect(first["continued_in"]?["playbook"]?.stringValue == "power-loss")
        let second = try status("a-power-loss")
        #expect(second["continued_from"]?["run"]?.stringValue == "a")
        #expect(second["continued_from"]?["playbook"]?.stringValue == "aircon")
        for run in ["a", "a-power-loss"] {
            let verified = try muster(["verify", run], minute: 4)
            #expect(verified.status == 0, "\(verified.stderr)")
            #expect(verified.stdout.contains("link: "), "\(verified.stdout)")
        }
    }

    @Test func doneOnTheContinuingStepStartsTheLinkedRunAndHandsTheLimitsOver() throws {
        try reachHandover()
        let done = try muster(["done", "a", "power_handover"], minute: 3)
        #expect(done.status == 0, "\(done.stderr)")
        #expect(done.stdout.contains("outcome: handed_over"))
        #expect(done.stderr.contains("continued in power-loss: linked run a-power-loss"))
        try expectLinked()

        let first = try status("a")
        #expect(first["closed"]?.boolValue == true)
        #expect(first["milestones"]?["reported"]?["reached_at"]?.intValue != nil)
        for milestone in ["standby_started", "responded", "repaired"] {
            #expect(first["milestones"]?[milestone]?["handed_over"]?.boolValue == true, "\(milestone)")
            #expect(first["milestones"]?[milestone]?["missed"]?.boolValue == false, "\(milestone)")
        }
        // Long after every limit of the first run: nothing is missed there.
        let later = try status("a", minute: 600)
        #expect(later["milestones"]?["repaired"]?["missed"]?.boolValue == false)

        let second = try status("a-power-loss")
        #expect(second["active"]?.arrayValue?.first?["step"]?.stringValue == "line_fault_measures")
        #expect(second["facts"]?["outage_kind"]?.stringValue == "line_fault")
        #expect(second["severity"]?.stringValue == "fatal")
        #expect(second["people"]?["on_site"]?.stringValue == "bob")
        // Reached only before the heat path: the first run holds them.
        #expect(second["milestones"]?["reported"]?["handed_over"]?.boolValue == true)
        #expect(second["milestones"]?["written_report"]?["handed_over"] == nil)

        let board = try muster(["status", "a", "--lang", "zh"], minute: 4)
        #expect(board.stdout.contains("→ 已转入运行 a-power-loss；其余时限已移交"), "\(board.stdout)")
        #expect(board.stdout.contains("已移交关联运行"))
        let otherBoard = try muster(["status", "a-power-loss"], minute: 4)
        #expect(otherBoard.stdout.contains("← continues run a (playbook aircon)"), "\(otherBoard.stdout)")
        let report = try muster(["report", "a"], minute: 4)
        #expect(report.stdout.contains("→ continued in run a-power-loss (playbook power-loss)"), "\(report.stdout)")
        let reportZh = try muster(["report", "a-power-loss", "--lang", "zh"], minute: 4)
        #expect(reportZh.stdout.contains("← 接续运行 a"), "\(reportZh.stdout)")
        // A Chinese reader meets the other playbook by the step that continues in it, never by its id.
        #expect(!reportZh.stdout.contains("预案 aircon"), "\(reportZh.stdout)")
        let handingOverZh = try muster(["report", "a", "--lang", "zh"], minute: 4)
        #expect(handingOverZh.stdout.contains("请求启动关联运行，转入另一预案继续"), "\(handingOverZh.stdout)")
        #expect(!handingOverZh.stdout.contains("预案 power-loss"), "\(handingOverZh.stdout)")
        #expect(!handingOverZh.stdout.contains("（power-loss）"), "\(handingOverZh.stdout)")
    }

    /// A crash before the linked run was made: the first run waits, says so, and the next command makes it.
    @Test func aLinkedRunThatCouldNotBeMadeIsMadeByTheNextCommand() throws {
        try reachHandover()
        let done = try muster(["done", "a", "power_handover"], fault: "mkdir:EACCES", minute: 3)
        #expect(done.status == 1)
        #expect(done.stderr.contains("the linked run in power-loss could not be started"), "\(done.stderr)")
        #expect(done.stderr.contains("any command on a"))
        #expect(!exists("a-power-loss"))
        let waiting = try muster(["log", "a", "--format", "json"], minute: 3)
        #expect(waiting.stdout.contains("run.continue_requested"))
        #expect(!waiting.stdout.contains("run.continued_in"))

        let shown = try muster(["status", "a"], minute: 4)
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stderr.contains("linked run a-power-loss"))
        try expectLinked()
    }

    /// A crash after the linked run was made but before the first run journaled it: the next command finds the
    /// linked run, which points back, and journals the link once, without making another.
    @Test func aLinkedRunMadeButNotJournaledIsTakenAsItIs() throws {
        try reachHandover()
        // The fifth opening for writing in this command is the first run's journal, for the link: the linked run
        // is made by then.
        let done = try muster(["done", "a", "power_handover"], fault: "open:EACCES@5", minute: 3)
        #expect(done.status == 1, "\(done.stderr)")
        #expect(exists("a-power-loss"))
        let journal = directory.url.appendingPathComponent("runs/a-power-loss/journal.jsonl")
        let before = try Data(contentsOf: journal)
        let waiting = try muster(["log", "a", "--format", "json"], minute: 3)
        #expect(!waiting.stdout.contains("run.continued_in"))

        try expectLinked()
        let log = try muster(["log", "a", "--format", "json"], minute: 5)
        #expect(log.stdout.components(separatedBy: "run.continued_in").count == 2)
        #expect(try Data(contentsOf: journal).prefix(before.count) == before)
    }

    /// `check` follows the link into the playbooks directory: the playbook, the step and the facts.
    @Test func checkFindsTheOtherPlaybookItsStepAndItsFacts() throws {
        let source = Fixtures.repository.appendingPathComponent("Playbooks")
        let aircon = try String(contentsOf: source.appendingPathComponent("aircon.yaml"), encoding: .utf8)
        let power = try String(contentsOf: source.appendingPathComponent("power-loss.yaml"), encoding: .utf8)
        try directory.write("books/power-loss.yaml", Array(power.utf8))
        let link = "continue_in: { playbook: power-loss, step: line_fault_measures, facts: { outage_kind: line_fault } }"
        #expect(aircon.contains(link))
        let broken = aircon.replacingOccurrences(
            of: link, with: "continue_in: { playbook: power-los, step: line_fault_measures, facts: { outage_kind: line_fault } }")
        try directory.write("books/aircon.yaml", Array(broken.utf8))
        let checked = try muster(["check", "books"], playbooks: "books")
        #expect(checked.status == 1)
        #expect(checked.stderr.contains("continues in playbook 'power-los', which is not in the playbooks directory; did you mean 'power-loss'?"), "\(checked.stderr)")
        #expect(checked.stderr.contains("[continue-in-playbook]"))

        let wrongStep = aircon.replacingOccurrences(
            of: link, with: "continue_in: { playbook: power-loss, step: line_fault_measure, facts: { outage_kind: line } }")
        try directory.write("books/aircon.yaml", Array(wrongStep.utf8))
        let again = try muster(["check", "books"], playbooks: "books")
        #expect(again.status == 1)
        #expect(again.stderr.contains("'power-loss' has no step 'line_fault_measure'; did you mean 'line_fault_measures'?"), "\(again.stderr)")
        #expect(again.stderr.contains("[continue-in-fact]"))

        try directory.write("books/aircon.yaml", Array(aircon.utf8))
        let good = try muster(["check", "--strict", "books"], playbooks: "books")
        #expect(good.status == 0, "\(good.stderr)")
    }
}
