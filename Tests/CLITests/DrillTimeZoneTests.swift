import Foundation
import Testing

/// `--tz` on every drill subcommand that prints times (`start`, `advance`, `inject`, `run`, `due`), `TZ` when it
/// is not given: local times with their offset, never UTC alone.
struct DrillTimeZoneTests {
    let directory: TemporaryDirectory
    init() throws {
        directory = try TemporaryDirectory()
        let scenario = try Fixtures.text("../../../Playbooks/drills/water-leak-late-report.yaml")
            .replacingOccurrences(of: "user_leadership: grace }\n",
                                  with: "user_leadership: grace }\nstaff:\n  controllers: [wang]\n")
        try directory.write("drills/staffed.yaml", Array(scenario.utf8))
    }

    /// The wall clock: 2026-12-06 16:00:00Z.
    static let wall: Int64 = 1_796_544_000_000

    func muster(_ arguments: [String], environment: [String: String] = [:]) throws -> MusterProcess.Result {
        try MusterProcess.run(arguments, in: directory.url, environment: [
            "MUSTER_PLAYBOOKS": Fixtures.repository.appendingPathComponent("Playbooks").path,
            "MUSTER_NOW": String(Self.wall), "TZ": "UTC",
        ].merging(environment) { $1 })
    }

    @Test func startAdvanceAndInjectSayLocalTimes() throws {
        // The scenario starts at 2026-01-05 09:00:00Z: 17:00 in Shanghai.
        let started = try muster(["drill", "start", "drills/staffed.yaml", "--run-id", "z", "--tz", "Asia/Shanghai"])
        #expect(started.status == 0, "\(started.stderr)")
        #expect(started.stderr.contains("inject water-seen → on_site @ 2026-01-05 17:00:00 +08:00: "),
                "\(started.stderr)")
        let advanced = try muster(["drill", "advance", "z", "3m", "--tz", "Asia/Shanghai"])
        #expect(advanced.status == 0, "\(advanced.stderr)")
        #expect(advanced.stdout.contains("inject water-reminder → tech_lead @ 2026-01-05 17:03:00 +08:00: "),
                "\(advanced.stdout)")
        #expect(advanced.stdout.contains("advanced 3m to 2026-01-05 17:03:00 +08:00; "), "\(advanced.stdout)")
        // TZ when --tz is not given; in Chinese the span and the role in words.
        let chinese = try muster(["drill", "advance", "z", "2m", "--lang", "zh"],
                                 environment: ["TZ": "America/New_York"])
        #expect(chinese.stdout.contains("已拨快 2分钟 至 2026-01-05 04:05:00 -05:00；"), "\(chinese.stdout)")
        let injected = try muster(["drill", "inject", "z", "ac-confirmed", "--as", "wang", "--tz", "Asia/Shanghai"])
        #expect(injected.status == 0, "\(injected.stderr)")
        #expect(injected.stdout.contains("inject ac-confirmed → commander @ 2026-01-05 17:05:00 +08:00: "),
                "\(injected.stdout)")
        for output in [started.stderr, advanced.stdout, chinese.stdout, injected.stdout] {
            #expect(output.range(of: #"\d\d:\d\d:\d\dZ"#, options: .regularExpression) == nil, "\(output)")
        }
    }

    @Test func dueSaysWhenEachDrillWasHeldInLocalTime() throws {
        #expect(try muster(["drill", "start", "drills/staffed.yaml", "--run-id", "held"]).status == 0)
        let due = try muster(["drill", "due", "--tz", "Asia/Shanghai", "--lang", "zh"])
        #expect(due.status == 1, "nothing was completed with people: overdue, for cron")
        #expect(due.stdout.contains("桌面推演"), "\(due.stdout)")
        #expect(due.stdout.contains("机房漏水应急预案"), "\(due.stdout)")
        #expect(!due.stdout.contains("tabletop") && !due.stdout.contains("water-leak "), "\(due.stdout)")
        let english = try muster(["drill", "due", "--tz", "Asia/Shanghai"])
        #expect(english.stdout.contains("due now"), "\(english.stdout)")
        let unknown = try muster(["drill", "due", "--tz", "Nowhere/Atlantis"])
        #expect(unknown.status == 2, "\(unknown.stderr)")
    }
}
