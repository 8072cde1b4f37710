import Foundation
import JSONText
import Testing

/// Drills from the command line: unattended scenarios, determinism, the controller's virtual clock, the programme.
struct DrillTests {
    let directory: TemporaryDirectory
    init() throws { directory = try TemporaryDirectory() }

    func muster(_ arguments: [String], now: Int64 = 1_767_225_600_000) throws -> MusterProcess.Result {
        try MusterProcess.run(arguments, in: directory.url, environment: [
            "MUSTER_PLAYBOOKS": Fixtures.repository.appendingPathComponent("Playbooks").path,
            "MUSTER_NOW": String(now),
        ])
    }

    /// Every shipped scenario with the rating expected for each of its objectives. A contingency inject downgrades
    /// only the objective whose target is the step it waited for (the review's B20): in water-leak-late-report the
    /// late report's contingency no longer makes "water cleared" S, in virus-unplug-late the late unplugging's no
    /// longer makes the report and the isolation S.
    static let expectedRatings: [(String, [String: String])] = [
        ("water-leak-on-time", ["report_in_time": "P", "level1_response": "P", "water_cleared": "P"]),
        ("water-leak-late-report", ["report_in_time": "M", "level1_response": "P", "water_cleared": "P"]),
        ("power-loss-on-time", ["report_in_time": "P", "level1_response": "P", "hot_spot_contained": "P",
                                "written_report_in_time": "P"]),
        ("power-loss-generator-late", ["report_in_time": "P", "level1_response": "P", "users_warned": "P",
                                       "generator_running": "M"]),
        ("fire-on-time", ["evacuated": "P", "report_in_time": "P", "level2_response": "P", "fire_out": "P"]),
        ("fire-data-rescue-late", ["report_in_time": "P", "level1_response": "P", "tenants_contacted": "P",
                                   "data_restored": "M"]),
        ("virus-on-time", ["cable_pulled": "P", "report_in_time": "P", "level2_response": "P", "segment_isolated": "P"]),
        ("virus-unplug-late", ["cable_pulled": "M", "report_in_time": "P", "level2_response": "P",
                               "segment_isolated": "P"]),
        ("network-outage-on-time", ["report_in_time": "P", "level2_response": "P", "area_isolated": "P",
                                    "network_restored": "P"]),
        ("network-outage-assess-late", ["report_in_time": "P", "level1_response": "S", "area_isolated": "P",
                                        "network_restored": "M"]),
        ("core-hardware-on-time", ["report_in_time": "P", "level1_response": "P", "backup_running": "P", "running": "P"]),
        ("core-hardware-vendor-late", ["report_in_time": "P", "level1_response": "P", "backup_running": "M",
                                       "running": "P"]),
        ("server-software-on-time", ["report_in_time": "P", "level2_response": "P", "system_back": "P"]),
        ("server-software-fallback-late", ["report_in_time": "P", "level1_response": "P", "business_told": "P",
                                           "system_back": "M"]),
        ("aircon-on-time", ["report_in_time": "P", "standby_in_time": "P", "level2_response": "P", "unit_repaired": "P"]),
        ("aircon-standby-late", ["report_in_time": "P", "standby_in_time": "M", "level2_response": "P",
                                 "unit_repaired": "S"]),
        ("aircon-all-units-down", ["report_in_time": "P", "handed_over": "P"]),
        ("equipment-theft-on-time", ["report_in_time": "P", "security_in_time": "P", "level2_response": "P",
                                     "losses_recorded": "P"]),
        ("equipment-theft-security-late", ["report_in_time": "P", "security_in_time": "M", "level2_response": "P",
                                           "losses_recorded": "P"]),
        ("security-incident-on-time", ["report_in_time": "P", "contained_in_time": "P", "client_in_time": "P",
                                       "level1_response": "P"]),
        ("security-incident-containment-late", ["report_in_time": "P", "contained_in_time": "S", "client_in_time": "M",
                                                "level1_response": "P"]),
    ]

    @Test(arguments: expectedRatings)
    func unattendedScenariosGiveTheirRatings(_ scenario: String, _ ratings: [String: String]) throws {
        let result = try muster(["drill", "run", scenario, "--run-id", "r", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let evaluation = try JSONValue.parse(result.stdout)
        var got: [String: String] = [:]
        for objective in evaluation["objectives"]?.arrayValue ?? [] {
            got[objective["id"]?.stringValue ?? ""] = objective["rating"]?.stringValue
        }
        #expect(got == ratings)
        // Every action the scenario scripts comes due: it plays what really happens.
        #expect(!result.stderr.contains("never came due"), "\(result.stderr)")
        #expect(try muster(["verify", "r"]).status == 0)
    }

    @Test func theSameScenarioAndRunIDGiveByteIdenticalJournals() throws {
        #expect(try muster(["drill", "run", "water-leak-late-report", "--run-id", "a"]).status == 0)
        #expect(try muster(["drill", "run", "water-leak-late-report", "--run-id", "a2"], now: 1_800_000_000_000).status == 0)
        // Same run id in two runs directories: byte for byte the same journal.
        let other = try TemporaryDirectory()
        let again = try MusterProcess.run(["drill", "run", "water-leak-late-report", "--run-id", "a"], in: other.url,
                                          environment: ["MUSTER_PLAYBOOKS": Fixtures.repository.appendingPathComponent("Playbooks").path])
        #expect(again.status == 0)
        let first = try Data(contentsOf: directory.url.appendingPathComponent("runs/a/journal.jsonl"))
        let second = try Data(contentsOf: other.url.appendingPathComponent("runs/a/journal.jsonl"))
        #expect(first == second)
    }

    @Test func failBelowTurnsALowRatingIntoExitOne() throws {
        #expect(try muster(["drill", "run", "water-leak-late-report", "--run-id", "f1", "--fail-below", "M"]).status == 0)
        #expect(try muster(["drill", "run", "water-leak-late-report", "--run-id", "f2", "--fail-below", "S"]).status == 1)
        #expect(try muster(["drill", "run", "water-leak-on-time", "--run-id", "f3", "--fail-below", "P"]).status == 0)
    }

    @Test func aControllerMovesTheVirtualClockAndPeopleActWithTheOrdinaryCommands() throws {
        let started = try muster(["drill", "start", "water-leak-on-time", "--run-id", "c"])
        #expect(started.stdout == "c\n")
        // The first inject is delivered at the start; two minutes later the on-site responder reports.
        #expect(try muster(["log", "c"]).stdout.contains("drill.inject"))
        let advanced = try muster(["drill", "advance", "c", "2m", "--tz", "UTC"])
        #expect(advanced.status == 0, "\(advanced.stderr)")
        #expect(advanced.stdout.contains("advanced 2m to 2026-01-05 09:02:00 +00:00"))
        #expect(try muster(["done", "c", "report", "--as", "bob"]).status == 0)
        let status = try JSONValue.parse(try muster(["status", "c", "--format", "json"]).stdout)
        #expect(status["milestones"]?["reported"]?["margin_ms"] == 180_000)
        // The next inject falls due one minute after the assessment starts.
        let next = try muster(["drill", "advance", "c", "--to-next", "--lang", "zh"])
        #expect(next.stdout.hasPrefix("已拨快 "), "\(next.stdout)")
        #expect(next.stdout.contains("注入 ac-confirmed → 应急总指挥"), "\(next.stdout)")
        #expect(try muster(["drill", "report", "c"]).stdout.contains("# Drill report"))
        let html = try muster(["drill", "report", "c", "--format", "html", "--lang", "zh"]).stdout
        #expect(html.hasPrefix("<!doctype html>") && html.contains("演练报告") && !html.contains("<script"))
        // Printed, every page says which report it is and "page N of M", like a run report.
        #expect(html.contains("@bottom-right { content: \"第 \" counter(page) \" 页，共 \" counter(pages) \" 页\""))
        #expect(html.contains("@bottom-left { content: \"演练报告 · "))
        let english = try muster(["drill", "report", "c", "--format", "html"]).stdout
        #expect(english.contains("@bottom-right { content: \"page \" counter(page) \" of \" counter(pages)"))
    }

    /// A scenario player records a choice by the value's title, in English or in Chinese, as `muster record`
    /// takes it: the journal keeps the value's id and the drill rates as with the id.
    @Test(arguments: ["All units down", "全部空调故障"])
    func aScriptedPlayerRecordsAValueByItsTitle(_ title: String) throws {
        let shipped = Fixtures.repository.appendingPathComponent("Playbooks")
        let scenario = try String(contentsOf: shipped.appendingPathComponent("drills/aircon-all-units-down.yaml"),
                                  encoding: .utf8)
        #expect(scenario.contains("record: units_down=all_units"))
        let copy = try directory.write("playbooks/aircon.yaml",
                                       Array(try Data(contentsOf: shipped.appendingPathComponent("aircon.yaml"))))
            .deletingLastPathComponent()
        // All units down continues in power-loss's overheating path: the linked run needs that playbook too.
        try directory.write("playbooks/power-loss.yaml",
                            Array(try Data(contentsOf: shipped.appendingPathComponent("power-loss.yaml"))))
        try directory.write("playbooks/drills/aircon-all-units-down.yaml",
                            Array(scenario.replacingOccurrences(of: "units_down=all_units", with: "units_down=\(title)").utf8))
        let environment = ["MUSTER_PLAYBOOKS": copy.path, "MUSTER_NOW": "1767225600000"]
        let result = try MusterProcess.run(["drill", "run", "aircon-all-units-down", "--run-id", "t", "--format", "json"],
                                           in: directory.url, environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        let evaluation = try JSONValue.parse(result.stdout)
        let ratings = (evaluation["objectives"]?.arrayValue ?? []).map { $0["rating"]?.stringValue }
        #expect(ratings == ["P", "P"])
        let log = try MusterProcess.run(["log", "t", "--format", "json"], in: directory.url, environment: environment)
        let recorded = try JSONValue.parse(log.stdout).arrayValue?.first { $0["type"] == "fact.recorded"
            && $0["data"]?["fact"] == "units_down" }
        #expect(recorded?["data"]?["value"]?["choice"] == "all_units")
    }

    @Test func aRealClockDrillCanRunFasterThanRealTime() throws {
        let started = try muster(["drill", "start", "water-leak-on-time", "--clock", "real", "--speed", "60",
                                  "--run-id", "fast"], now: 1_767_225_600_000)
        #expect(started.status == 0, "\(started.stderr)")
        // Ten real seconds later is ten minutes into the run: the report step's 5-minute deadline has passed.
        let status = try JSONValue.parse(try muster(["status", "fast", "--format", "json"], now: 1_767_225_610_000).stdout)
        #expect(status["milestones"]?["reported"]?["missed"] == true)
        #expect(try muster(["drill", "start", "water-leak-on-time", "--speed", "5"]).status == 2)
    }

    /// A one-step playbook and a tabletop scenario of it (its kind quoted and commented, as YAML allows), so that
    /// a drill held with people reaches its outcome with one command.
    func writeTinyDrill() throws {
        _ = try directory.write("tiny.yaml", Array("""
            muster: 1
            id: tiny
            version: 1.0.0
            title: { en: Tiny, zh: 小 }
            roles:
              commander: { title: { en: Commander, zh: 总指挥 } }
            severity:
              general: { title: { en: General, zh: 一般 } }
            start: act
            steps:
              act:
                title: { en: Act, zh: 行动 }
                owner: commander
                done_within: 10m
                next: outcome.done
            outcomes:
              done: { kind: success, title: { en: Done, zh: 完成 } }

            """.utf8))
        _ = try directory.write("tiny-drill.yaml", Array("""
            drill: 1
            id: tiny-drill
            title: { en: Tiny drill, zh: 小演练 }
            kind: "tabletop"   # the monthly exercise
            playbook: tiny
            starts_at: "2027-03-01T09:00:00Z"
            participants: { commander: alice }
            objectives:
              acted: { title: { en: Acted, zh: 已行动 }, step: act, within: 10m, owner: commander }
            injects: []

            """.utf8))
    }

    func tiny(_ arguments: [String], now: Int64) throws -> MusterProcess.Result {
        try MusterProcess.run(arguments + ["--playbooks", "."], in: directory.url, environment: ["MUSTER_NOW": String(now)])
    }

    /// B6, B7, B8: a drill counts by the real date it was held (not the scenario's invented start), only when it
    /// was held with people and completed; its kind is read as YAML reads it.
    @Test func theProgrammeCountsCompletedDrillsWithPeopleByTheirRealDate() throws {
        try writeTinyDrill()
        let held: Int64 = 1_780_000_000_000  // 2026-05-28, before the scenario's invented 2027-03-01
        #expect(try tiny(["drill", "start", "tiny-drill.yaml", "--run-id", "held"], now: held).status == 0)
        #expect(try tiny(["done", "held", "act", "--as", "alice"], now: held + 60_000).status == 0)
        #expect(try tiny(["drill", "start", "tiny-drill.yaml", "--run-id", "aborted"], now: held + 86_400_000).status == 0)
        #expect(try tiny(["abort", "aborted", "--why", "test", "--as", "alice"], now: held + 86_400_000).status == 0)
        #expect(try tiny(["drill", "run", "tiny-drill.yaml", "--run-id", "practice"], now: held + 2 * 86_400_000).status == 0)
        let ten = held + 10 * 86_400_000
        let due = try tiny(["drill", "due", "--format", "json"], now: ten)
        let rows = try JSONValue.parse(due.stdout)["programme"]?.arrayValue ?? []
        let tabletop = rows.first { $0["kind"] == "tabletop" }
        #expect(tabletop?["last_run"] == "held")
        #expect(tabletop?["last"] == .integer(held))
        #expect(tabletop?["overdue"] == false)
        #expect(tabletop?["not_counted"] == 2)
        #expect(try JSONValue.parse(due.stdout)["coverage"]?["tiny"]?["run"] == "held")
        // Forty days on, the monthly tabletop is overdue by ten days, and 'drill due' says so and exits 1.
        let late = try tiny(["drill", "due"], now: held + 40 * 86_400_000)
        #expect(late.status == 1)
        #expect(late.stdout.contains("tabletop") && late.stdout.contains("overdue by 10d"), "\(late.stdout)")
    }

    @Test func theProgrammeSaysWhatIsDue() throws {
        _ = try muster(["drill", "run", "water-leak-on-time", "--run-id", "t"])
        let due = try muster(["drill", "due", "--format", "json"], now: 1_767_830_400_000)
        // Something is overdue (nothing was held with people): exit 1, for cron.
        #expect(due.status == 1)
        let rows = try JSONValue.parse(due.stdout)["programme"]?.arrayValue ?? []
        #expect(rows.count == 5)
        let tabletop = rows.first { $0["kind"] == "tabletop" }
        // B7: an unattended run is practice; it does not count.
        #expect(tabletop?["last_run"] == .null)
        #expect(tabletop?["not_counted"] == 1)
        #expect(rows.first { $0["kind"] == "attack_defence" }?["every_days"] == 91)
    }
    @Test func scenariosAreCheckedWithTheirPlaybook() throws {
        let broken = try Fixtures.text("../../../Playbooks/drills/water-leak-on-time.yaml")
            .replacingOccurrences(of: "done: clear_water", with: "done: clear_watr")
        try directory.write("drills/broken.yaml", Array(broken.utf8))
        let result = try muster(["check", "drills/broken.yaml"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("a player action: 'water-leak' has no step 'clear_watr'; did you mean 'clear_water'? [undefined-step]"))
    }
}

/// A `drill advance` that would write more than a bounded number of events is refused, whole: a slip of the finger
/// (`1h` for `1m`) on a playbook with many timers writes nothing.
struct DrillAdvanceBoundTests {
    @Test func anAdvanceThatWouldWriteTooManyEventsIsRefused() throws {
        let directory = try TemporaryDirectory()
        let rungs = (1...900).map { "                - { after: \($0)s, notify: [commander] }\n" }.joined()
        let tracks = (0..<4).map { track in
            """
                    t\(track):
                      title: { en: T\(track), zh: 轨\(track) }
                      start: s\(track)
                      steps:
                        s\(track):
                          title: { en: S\(track), zh: 步\(track) }
                          owner: commander
                          done_within: 1h
                          escalate:

            """ + rungs
        }.joined()
        _ = try directory.write("bulk.yaml", Array("""
            muster: 1
            id: bulk
            version: 1.0.0
            title: { en: Bulk, zh: 批量 }
            roles:
              commander: { title: { en: Commander, zh: 总指挥 } }
            severity:
              general: { title: { en: General, zh: 一般 } }
            start: work
            steps:
              work:
                title: { en: Work, zh: 工作 }
                parallel:
                  tracks:

            """.utf8) + Array(tracks.utf8) + Array("""
                  join: all
                next: outcome.done
            outcomes:
              done: { kind: success, title: { en: Done, zh: 完成 } }

            """.utf8))
        _ = try directory.write("bulk-drill.yaml", Array("""
            drill: 1
            id: bulk-drill
            title: { en: Bulk, zh: 批量 }
            kind: tabletop
            playbook: bulk
            starts_at: "2026-01-05T09:00:00Z"
            participants: { commander: alice }
            objectives:
              done: { title: { en: Done, zh: 完成 }, step: work, within: 2h, owner: commander }
            injects: []

            """.utf8))
        let started = try MusterProcess.run(["drill", "start", "bulk-drill.yaml", "--playbooks", ".", "--run-id", "b"],
                                            in: directory.url)
        #expect(started.status == 0, "\(started.stderr)")
        let journal = directory.url.appendingPathComponent("runs/b/journal.jsonl")
        let before = try Data(contentsOf: journal)
        let refused = try MusterProcess.run(["drill", "advance", "b", "1h", "--playbooks", "."], in: directory.url)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("advancing run 'b' by 1h would write more than 10000 events"),
                "\(refused.stderr)")
        #expect(try Data(contentsOf: journal) == before)
        let small = try MusterProcess.run(["drill", "advance", "b", "2s", "--playbooks", "."], in: directory.url)
        #expect(small.status == 0, "\(small.stderr)")
    }
}
