import Foundation
import JSONText
import Testing

/// The report's cover through the CLI: the incident's title given at `start --title` and corrected by the
/// journaled `muster title`, local times with their offset from `--tz` (or `TZ`), and what the fault report
/// still lacks said on stderr.
struct ReportCoverTests {
    static let t0: Int64 = 1_767_225_600_000  // 2026-01-01 00:00:00Z

    let directory: TemporaryDirectory
    init() throws { directory = try TemporaryDirectory() }

    @discardableResult
    func muster(_ arguments: [String], minute: Double, as person: String? = nil,
                environment extra: [String: String] = [:]) throws -> MusterProcess.Result {
        var environment = ["MUSTER_PLAYBOOKS": Fixtures.repository.appendingPathComponent("Playbooks").path,
                           "MUSTER_NOW": String(Self.t0 + Int64(minute * 60_000)), "TZ": "UTC"]
        if let person { environment["MUSTER_AS"] = person }
        environment.merge(extra) { $1 }
        return try MusterProcess.run(arguments, in: directory.url, environment: environment)
    }

    func startRun() throws {
        let started = try muster(["start", "water-leak", "--run-id", "leak", "--assign", "on_site=bob",
                                  "--assign", "commander=alice", "--title", "Water under the floor, room 3"], minute: 0)
        #expect(started.status == 0, "\(started.stderr)")
    }

    @Test func theIncidentTitleHeadsTheReportAndIsCorrectedByAJournaledCommand() throws {
        try startRun()
        var html = try muster(["report", "leak", "--kind", "fault", "--format", "html"], minute: 1).stdout
        #expect(html.contains("<h1><bdi>Water under the floor, room 3</bdi></h1>"))
        let corrected = try muster(["title", "leak", "Water", "under", "the", "floor,", "machine", "room", "3"], minute: 2,
                                   as: "alice")
        #expect(corrected.status == 0, "\(corrected.stderr)")
        html = try muster(["report", "leak", "--kind", "fault", "--format", "html"], minute: 3).stdout
        #expect(html.contains("<h1><bdi>Water under the floor, machine room 3</bdi></h1>"))
        let log = try muster(["log", "leak", "--format", "json"], minute: 3).stdout
        #expect(log.contains("\"type\": \"run.titled\""))
        // Someone not on the run cannot retitle it; an empty title is refused at the start.
        #expect(try muster(["title", "leak", "Other"], minute: 4, as: "mallory").status == 1)
        #expect(try muster(["start", "water-leak", "--run-id", "x", "--title", " "], minute: 0).status == 2)
    }

    @Test func timesAreLocalWithTheirOffset() throws {
        try startRun()
        let shanghai = try muster(["report", "leak", "--format", "md", "--tz", "Asia/Shanghai"], minute: 1).stdout
        #expect(shanghai.contains("2026-01-01 08:00:00 +08:00"))
        #expect(!shanghai.contains("00:00:00Z"))
        // TZ is the default; --tz wins over it.
        let fromTZ = try muster(["report", "leak", "--format", "md"], minute: 1,
                                environment: ["TZ": "America/New_York"]).stdout
        #expect(fromTZ.contains("2025-12-31 19:00:00 -05:00"))
        let log = try muster(["log", "leak", "--tz", "Asia/Shanghai"], minute: 1).stdout
        #expect(log.contains("2026-01-01 08:00:00 +08:00"))
        let wrong = try muster(["report", "leak", "--tz", "Mars/Olympus"], minute: 1)
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("'Mars/Olympus' is not a time zone"))
    }

    @Test func theFaultReportSaysWhatItLacks() throws {
        try startRun()
        let report = try muster(["report", "leak", "--kind", "fault", "--format", "md"], minute: 1)
        #expect(report.status == 0)
        #expect(report.stderr.contains("the fault report lacks the impact"))
        #expect(report.stdout.contains("Not recorded: file it with 'muster note RUN --section cause TEXT'."))
        // An open run's report is as of now, and says so.
        #expect(report.stdout.contains("still open as of 2026-01-01 00:01:00 +00:00"))
    }
}
