import Foundation
import JSONText
import Testing

/// `muster stats` over a runs directory built with the CLI on an injected clock (`MUSTER_NOW`): runs with known
/// on-time and late milestones, a drill, a damaged journal.
///
/// The runs (t0 = 2026-01-01 00:00Z; the fixture `quick-fix` has respond 10m / resolve 1h at fatal, 30m / 4h at
/// general, the written report 1d after the outcome; `by-ids` is the same without `measures:`):
///
/// | run | playbook  | level   | response        | repair               | report                     | signed |
/// |-----|-----------|---------|-----------------|----------------------|----------------------------|--------|
/// | r1  | quick-fix | fatal   | 5m: on time     | 40m: on time         | done +2h: on time          | yes    |
/// | r2  | quick-fix | fatal   | 15m: late       | 2h: late             | done 1d1h after: late      | no     |
/// | r3  | quick-fix | general | 20m: on time    | 5h: late             | still open past due: late  | no     |
/// | r4  | quick-fix | general | 1m: on time     | due later: pending   | no outcome yet: not due    | —      |
/// | r5  | by-ids    | general | 2m: on time     | 3m: on time          | due later: pending         | no     |
/// | d1  | water-leak drill (left out) | | | | | |
/// | damaged | a journal whose first line was changed (unreadable) | | | | | |
///
/// r4 and r5 start on day 3 (2026-01-04); the statistics are taken at day 3 + 10 minutes.
struct StatsTests {
    static let t0: Int64 = 1_767_225_600_000  // 2026-01-01 00:00:00Z
    static let day3 = 3 * 1440.0
    static let asOf = day3 + 10

    let directory: TemporaryDirectory
    init() throws { directory = try TemporaryDirectory() }

    static func fixture(_ name: String) -> String {
        Fixtures.directory.appendingPathComponent("stats/\(name).yaml").path
    }

    @discardableResult
    func muster(_ arguments: [String], minute: Double, as person: String? = nil) throws -> MusterProcess.Result {
        var environment = ["MUSTER_PLAYBOOKS": Fixtures.repository.appendingPathComponent("Playbooks").path,
                           "MUSTER_NOW": String(Self.t0 + Int64(minute * 60_000))]
        if let person { environment["MUSTER_AS"] = person }
        return try MusterProcess.run(arguments, in: directory.url, environment: environment)
    }

    func act(_ arguments: [String], minute: Double, as person: String? = "alice") throws {
        let result = try muster(arguments, minute: minute, as: person)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
    }

    func start(_ run: String, _ playbook: String, _ level: String, minute: Double = 0) throws {
        try act(["start", Self.fixture(playbook), "--run-id", run, "--severity", level, "--assign", "commander=alice"],
                minute: minute, as: nil)
    }

    /// Builds the runs directory of the table above.
    func buildRuns() throws {
        try start("r1", "quick-fix", "fatal")
        try act(["done", "r1", "assess"], minute: 5)
        try act(["done", "r1", "fix"], minute: 40)
        try act(["done", "r1", "written_report"], minute: 120)
        try act(["signoff", "r1"], minute: 121, as: "user")

        try start("r2", "quick-fix", "fatal")
        try act(["done", "r2", "assess"], minute: 15)
        try act(["done", "r2", "fix"], minute: 120)
        try act(["done", "r2", "written_report"], minute: 120 + 1440 + 60)

        try start("r3", "quick-fix", "general")
        try act(["done", "r3", "assess"], minute: 20)
        try act(["done", "r3", "fix"], minute: 300)

        try start("r4", "quick-fix", "general", minute: Self.day3)
        try act(["done", "r4", "assess"], minute: Self.day3 + 1)

        try start("r5", "by-ids", "general", minute: Self.day3)
        try act(["done", "r5", "assess"], minute: Self.day3 + 2)
        try act(["done", "r5", "fix"], minute: Self.day3 + 3)

        let drill = try muster(["drill", "run", "water-leak-on-time", "--run-id", "d1"], minute: 0)
        #expect(drill.status == 0, "\(drill.stderr)")

        try start("damaged", "quick-fix", "fatal")
        let journal = directory.url.appendingPathComponent("runs/damaged/journal.jsonl")
        let text = try String(contentsOf: journal, encoding: .utf8)
        let first = text.range(of: "alice")!
        try text.replacingCharacters(in: first, with: "alicf").write(to: journal, atomically: false, encoding: .utf8)
    }

    func statsJSON(_ extra: [String] = []) throws -> JSONValue {
        let result = try muster(["stats", "--format", "json"] + extra, minute: Self.asOf)
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONValue.parse(result.stdout)
    }

    static func tally(_ counted: Int64, _ onTime: Int64, _ rate: Double?, pending: Int64 = 0) -> JSONValue {
        .object([
            "counted": .integer(counted), "on_time": .integer(onTime), "rate": rate.map(JSONValue.number) ?? .null,
            "pending": .integer(pending),
        ])
    }

    func group(_ stats: JSONValue, _ playbook: String, _ severity: String) -> JSONValue? {
        stats["groups"]?.arrayValue?.first { $0["playbook"]?.stringValue == playbook && $0["severity"]?.stringValue == severity }
    }

    @Test func ratesPerPlaybookAndSeverityLevelAreExact() throws {
        try buildRuns()
        let stats = try statsJSON()
        #expect(stats["counted"] == 5)
        let groups = stats["groups"]?.arrayValue ?? []
        #expect(groups.map { "\($0["playbook"]?.stringValue ?? "")/\($0["severity"]?.stringValue ?? "")" }
            == ["by-ids/general", "quick-fix/fatal", "quick-fix/general"])

        let fatal = group(stats, "quick-fix", "fatal")
        #expect(fatal?["runs"] == 2)
        #expect(fatal?["run_ids"] == ["r1", "r2"])
        #expect(fatal?["response"] == Self.tally(2, 1, 0.5))
        #expect(fatal?["repair"] == Self.tally(2, 1, 0.5))
        #expect(fatal?["report"] == Self.tally(2, 1, 0.5))

        let general = group(stats, "quick-fix", "general")
        #expect(general?["runs"] == 2)
        #expect(general?["response"] == Self.tally(2, 2, 1.0))
        // r3 repaired late; r4's repair is due later: pending, not counted.
        #expect(general?["repair"] == Self.tally(1, 0, 0.0, pending: 1))
        // r3's written report is open past its due instant: late. r4 has no outcome: its report is not due.
        #expect(general?["report"] == Self.tally(1, 0, 0.0))

        // No `measures:` in by-ids: `responded`, `resolved` and `written_report` stand in.
        let byIDs = group(stats, "by-ids", "general")
        #expect(byIDs?["response"] == Self.tally(1, 1, 1.0))
        #expect(byIDs?["repair"] == Self.tally(1, 1, 1.0))
        #expect(byIDs?["report"] == Self.tally(0, 0, nil, pending: 1))
        #expect(stats["measures_from_ids"] == ["by-ids"])

        #expect(stats["total"]?["runs"] == 5)
        #expect(stats["total"]?["response"] == Self.tally(5, 4, 0.8))
        #expect(stats["total"]?["repair"] == Self.tally(4, 2, 0.5, pending: 1))
        #expect(stats["total"]?["report"] == Self.tally(3, 1, 1.0 / 3.0, pending: 1))
    }

    @Test func overdueAndUnsignedReportsAreListed() throws {
        try buildRuns()
        let stats = try statsJSON()
        let overdue = stats["overdue_reports"]?.arrayValue ?? []
        #expect(overdue.count == 2)
        // r2 wrote its report an hour after the one day it had.
        #expect(overdue.first == .object([
            "run": "r2", "playbook": "quick-fix", "severity": "fatal", "step": "written_report",
            "due_at": .integer(Self.t0 + (120 + 1440) * 60_000), "done_at": .integer(Self.t0 + (120 + 1440 + 60) * 60_000),
            "open": false, "overdue_ms": 3_600_000,
        ]))
        // r3's report is still open, due a day after its outcome at 5h.
        let dueR3 = Self.t0 + (300 + 1440) * 60_000
        #expect(overdue.last == .object([
            "run": "r3", "playbook": "quick-fix", "severity": "general", "step": "written_report",
            "due_at": .integer(dueR3), "done_at": .null, "open": true,
            "overdue_ms": .integer(Self.t0 + Int64(Self.asOf) * 60_000 - dueR3),
        ]))
        let unsigned = stats["unsigned"]?.arrayValue ?? []
        #expect(unsigned.map { $0["run"]?.stringValue ?? "" } == ["r2", "r3", "r5"])
        #expect(unsigned.first?["outcome"] == "fixed")
        #expect(unsigned.first?["ended_at"] == .integer(Self.t0 + 120 * 60_000))
    }

    @Test func drillsAreLeftOutAndDamagedJournalsAreUnreadable() throws {
        try buildRuns()
        let result = try muster(["stats", "--format", "json"], minute: Self.asOf)
        #expect(result.status == 0)
        let stats = try JSONValue.parse(result.stdout)
        #expect(stats["drills_excluded"] == ["d1"])
        #expect(stats["groups"]?.arrayValue?.contains { $0["playbook"] == "water-leak" } == false)
        let unreadable = stats["unreadable"]?.arrayValue ?? []
        #expect(unreadable.count == 1)
        #expect(unreadable.first?["run"] == "damaged")
        #expect(unreadable.first?["reason"]?.stringValue?.contains("damaged at line 1") == true)
        #expect(result.stderr.contains("run 'damaged' is not counted"))
        // Not counted anywhere: the five live runs are r1..r5.
        #expect(stats["total"]?["runs"] == 5)
    }

    @Test func sinceCountsRunsStartedOnOrAfterTheDay() throws {
        try buildRuns()
        let stats = try statsJSON(["--since", "2026-01-04"])
        #expect(stats["since"] == "2026-01-04")
        #expect(stats["counted"] == 2)
        #expect(stats["started_before_since"] == ["r1", "r2", "r3"])
        #expect(stats["total"]?["response"] == Self.tally(2, 2, 1.0))
        #expect(stats["unsigned"]?.arrayValue?.map { $0["run"]?.stringValue ?? "" } == ["r5"])
        #expect(stats["overdue_reports"] == [])
        let later = try statsJSON(["--since", "2026-01-05"])
        #expect(later["counted"] == 0)
        #expect(later["total"]?["response"] == Self.tally(0, 0, nil))
    }

    @Test func theTableShowsRatesAndTheLists() throws {
        try buildRuns()
        let text = try muster(["stats"], minute: Self.asOf)
        #expect(text.status == 0)
        let lines = text.stdout.split(separator: "\n").map { String($0) }
        func line(_ prefix: String) -> String? {
            lines.first { $0.trimmingCharacters(in: .whitespaces).hasPrefix(prefix) }
        }
        #expect(text.stdout.contains("counted: 5; drills left out: 1; unreadable: 1"))
        #expect(line("playbook")?.contains("response") == true)
        #expect(line("quick-fix fatal")?.contains("1/2 50%") == true, "\(text.stdout)")
        #expect(line("quick-fix general")?.contains("2/2 100%") == true)
        #expect(line("quick-fix general")?.contains("0/1 0% (+1 pending)") == true)
        #expect(line("all")?.contains("4/5 80%") == true)
        #expect(line("all")?.contains("1/3 33% (+1 pending)") == true)
        #expect(text.stdout.contains("Reports overdue (2)"))
        #expect(line("r2")?.contains("written_report") == true)
        #expect(line("r3")?.contains("still open") == true)
        #expect(text.stdout.contains("Reports not signed (3)"))
        #expect(text.stdout.contains("measures taken from milestone ids"))
        #expect(text.stdout.contains("damaged: the journal is damaged at line 1"))

        let chinese = try muster(["stats", "--lang", "zh"], minute: Self.asOf)
        #expect(chinese.stdout.contains("响应及时率"))
        #expect(chinese.stdout.contains("故障修复及时率"))
        #expect(chinese.stdout.contains("报告逾期（2）") || chinese.stdout.contains("报告逾期 (2)"))
        #expect(chinese.stdout.contains("报告未签收"))
        // A Chinese reader reads the playbook and the level by their titles, not their ids.
        let row = chinese.stdout.split(separator: "\n").first { $0.contains("快速修复") && $0.contains("致命") }
        #expect(row != nil, "\(chinese.stdout)")
        #expect(row?.contains("quick-fix") == false && row?.contains("fatal") == false)
    }

    /// The page a manager attaches: SVG charts per month, live runs and drills apart, no scripts.
    @Test func theHTMLPageChartsTimelinessLiveAndDrillsApart() throws {
        try buildRuns()
        let result = try muster(["stats", "--format", "html", "--tz", "UTC"], minute: Self.asOf)
        #expect(result.status == 0, "\(result.stderr)")
        let html = result.stdout
        #expect(html.hasPrefix("<!doctype html>"))
        #expect(!html.contains("<script"))
        #expect(html.components(separatedBy: "<svg class=\"stats-chart\"").count - 1 == 4)
        // Live, January 2026: response 4 of 5 on time; repair 2 of 4 counted (one pending).
        #expect(html.contains("<title>2026-01: 4/5</title>"))
        #expect(html.contains("<title>2026-01: 2/4</title>"))
        #expect(html.contains("<h2>Drills (never counted with the live runs)</h2>"))
        let chinese = try muster(["stats", "--format", "html", "--lang", "zh"], minute: Self.asOf).stdout
        #expect(chinese.contains("<h2>演练（不计入实战统计）</h2>"))
    }

    @Test func usageAndMissingDirectory() throws {
        let badDate = try muster(["stats", "--since", "2026-02-30"], minute: 0)
        #expect(badDate.status == 2)
        #expect(badDate.stderr.contains("--since takes a date YYYY-MM-DD (UTC), not '2026-02-30'"))
        #expect(try muster(["stats", "--format", "pdf"], minute: 0).status == 2)
        let missing = try muster(["stats", "--runs", "nowhere"], minute: 0)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no runs directory 'nowhere'"))
        try FileManager.default.createDirectory(at: directory.url.appendingPathComponent("runs"),
                                                withIntermediateDirectories: true)
        let empty = try muster(["stats"], minute: 0)
        #expect(empty.status == 0)
        #expect(empty.stdout.contains("No live runs."))
    }
}
