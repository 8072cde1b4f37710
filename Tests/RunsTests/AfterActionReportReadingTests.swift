import Drills
import Foundation
import JSONText
import PlaybookLanguage
import Reporting
import RunEngine
import Runs
import Testing

/// The after-action report as a trainer reads it: objectives by their titles in the evidence, due dates as dates,
/// the way to the run's full report, and a drill that ended at ENDEX before the playbook's outcome said so plainly.
struct AfterActionReportReadingTests {
    /// A staffed copy of the water-leak tabletop (controller wang, evaluator zhao), started by hand as run `h`.
    static func staffedDrill(in runs: RunsDirectory) throws -> RunSession {
        var loaded = try DrillByHandTests.load("water-leak-late-report")
        let text = String(decoding: loaded.scenarioBytes, as: UTF8.self)
            .replacingOccurrences(of: "user_leadership: grace }\n",
                                  with: "user_leadership: grace }\nstaff:\n  controllers: [wang]\n  evaluators: [zhao]\n")
        loaded.scenarioBytes = Array(text.utf8)
        let playbook = loaded.playbook
        loaded.scenario = try #require(ScenarioChecker.check(loaded.scenarioBytes, file: "s.yaml") { _ in playbook }.scenario)
        return try DrillByHandTests.start(loaded, in: runs)
    }

    /// The staffed drill, 7 minutes in: an evaluator's observation and rating of `report_in_time`, an improvement
    /// action for it due 2026-02-01 owned by `on_site`, and the controller's ENDEX, all before any outcome.
    static func endedAtEndex(in runs: RunsDirectory) throws -> RunSession {
        let session = try staffedDrill(in: runs)
        _ = try session.advanceDrillClock(by: 7 * 60_000, limit: 10_000)
        let dueAt = try #require(ScenarioChecker.instant("2026-02-01T00:00:00Z"))
        for (action, person) in [
            (RunSession.StaffAction.observe(objective: "report_in_time", kind: .improvement, text: "Bob hesitated"), "zhao"),
            (.rate(objective: "report_in_time", rating: "S", why: "slow but complete"), "zhao"),
            (.improve(objective: "report_in_time", action: "Drill the call-out", owner: "on_site", dueAt: dueAt,
                      status: "open"), "zhao"),
            (.mark(.endex), "wang"),
        ] {
            let outcome = try session.staff(action, by: person)
            #expect(outcome.refusal == nil, "\(action): \(outcome.refusal?.message ?? "")")
        }
        return session
    }

    static let shanghai = LocalTime(TimeZone(identifier: "Asia/Shanghai")!)
    static let newYork = LocalTime(TimeZone(identifier: "America/New_York")!)

    @Test func anEvaluatorsRecordNamesTheObjectiveByItsTitle() throws {
        let runs = try DrillByHandTests.runsDirectory()
        defer { RunsTests.remove(runs) }
        let session = try Self.endedAtEndex(in: runs)
        let zh = try session.drillRecord(language: .zh).report
        let en = try session.drillRecord(language: .en).report
        let zhJSON = zh.json()
        for text in [zh.markdown(), zh.html()] {
            #expect(text.contains("待改进（5分钟内上报）：Bob hesitated"))
            #expect(text.contains("评估员评定“5分钟内上报”为 S：slow but complete"))
            #expect(!text.contains("report_in_time"))
        }
        for text in [en.markdown(), en.html()] {
            #expect(text.contains("area for improvement (Report within 5 minutes): Bob hesitated"))
            #expect(text.contains("evaluator rated “Report within 5 minutes” S: slow but complete"))
            #expect(!text.contains("report_in_time"))
        }
        // The machine fields keep the ids.
        #expect(zhJSON["objectives"]?.arrayValue?.first?["id"] == "report_in_time")
        #expect(zhJSON["improvement_plan"]?.arrayValue?.first?["objective"] == "report_in_time")
    }

    @Test(arguments: [shanghai, newYork, LocalTime.utc])
    func aDueDateIsADate(_ time: LocalTime) throws {
        let runs = try DrillByHandTests.runsDirectory()
        defer { RunsTests.remove(runs) }
        let report = try Self.endedAtEndex(in: runs).drillRecord(language: .zh, time: time).report
        let markdown = report.markdown()
        // The date the evaluator gave, in any zone; the default actions' dates 30 days after, without a time.
        #expect(markdown.contains("| Drill the call-out | 现场应急负责人 | 2026-02-01 | 未开始 |"), "\(markdown)")
        let plan = markdown.split(separator: "\n").filter { $0.contains("加强训练") }
        #expect(plan.count == 2)
        for row in plan {
            #expect(row.contains("| 2026-02-04 |") || row.contains("| 2026-02-03 |"), "\(row)")
            #expect(!row.contains(":00 "), "\(row)")
        }
        #expect(!report.html().contains("2026-02-01 08:00"))
        let due = report.json()["improvement_plan"]?.arrayValue?.map { $0["due"]?.stringValue }
        #expect(due?.first == "2026-02-01")
        #expect(due?.allSatisfy { $0?.count == 10 } == true)
    }

    @Test func theJournaledImprovementReadsWithTheRolesTitleAndADate() {
        let playbook = try? DrillByHandTests.load("water-leak-late-report").playbook
        let words = ReportWords(language: "zh", playbook: playbook, time: Self.shanghai)
        let text = words.describe(.improvement(objective: "report_in_time", action: "演练呼叫", owner: "on_site",
                                               dueAt: 1_769_904_000_000, status: "in_progress"),
                                  objectiveTitle: { $0 == "report_in_time" ? "5分钟内上报" : $0 })
        #expect(text == "改进措施（5分钟内上报）：演练呼叫（责任人 现场应急负责人，期限 2026-02-01，进行中）")
        #expect(words.describe(.scripted(role: "on_site")) == "角色“现场应急负责人”改由脚本人员扮演")
        #expect(words.describe(.unscripted(role: "on_site")) == "角色“现场应急负责人”交回由人员扮演")
    }

    @Test func theReportSaysHowToGetTheRunsFullReport() throws {
        let runs = try DrillByHandTests.runsDirectory()
        defer { RunsTests.remove(runs) }
        let session = try Self.endedAtEndex(in: runs)
        let zh = try session.drillRecord(language: .zh).report
        #expect(zh.markdown().contains("| 运行的完整报告 | `muster report h --lang zh` |"))
        #expect(zh.html().contains("<th>运行的完整报告</th><td><code>muster report h --format html --lang zh</code></td>"))
        let en = try session.drillRecord(language: .en).report
        #expect(en.markdown().contains("| The run's full report | `muster report h` |"))
        let json = en.json()
        #expect(json["run"] == "h")
        #expect(json["run_report"] == "muster report h --format json")
    }

    @Test func aDrillEndedBeforeTheOutcomeSaysSo() throws {
        let runs = try DrillByHandTests.runsDirectory()
        defer { RunsTests.remove(runs) }
        let session = try Self.endedAtEndex(in: runs)
        let zh = try session.drillRecord(language: .zh).report
        let en = try session.drillRecord(language: .en).report
        #expect(zh.endedBeforeOutcome)
        let zhOutcome = "无：演练在 +00:07:00 结束（ENDEX），预案尚未得出结果，运行仍未结束；届时未达成的目标评为 U"
        #expect(zh.markdown().contains("| 结果 | \(zhOutcome) |"))
        #expect(zh.html().contains("<th>结果</th><td>\(zhOutcome)</td>"))
        let enOutcome = "none: the exercise ended at ENDEX (+00:07:00) before the playbook reached an outcome; the run is "
            + "still open; objectives not reached by then are rated U"
        #expect(en.markdown().contains("| Outcome | \(enOutcome) |"))
        let json = en.json()
        #expect(json["outcome"] == .null)
        #expect(json["outcome_text"]?.stringValue == enOutcome)
        #expect(json["ended_before_outcome"] == .bool(true))
        #expect(json["run_open"] == .bool(true))
        let startsAt = try DrillByHandTests.load("water-leak-late-report").scenario.startsAt
        #expect(json["endex_at"] == .integer(startsAt + 7 * 60_000))
    }

    @Test func aDrillUnderWayOrFinishedIsNotCalledEndedEarly() throws {
        let runs = try DrillByHandTests.runsDirectory()
        defer { RunsTests.remove(runs) }
        let underWay = try Self.staffedDrill(in: runs).drillRecord(language: .en).report
        #expect(!underWay.endedBeforeOutcome)
        #expect(underWay.json()["outcome_text"]?.stringValue?.hasPrefix("none yet: the exercise has not ended") == true)
        let loaded = try DrillByHandTests.load("water-leak-late-report")
        let drill = CheckedScenario(scenario: loaded.scenario, scenarioBytes: loaded.scenarioBytes,
                                    playbook: loaded.playbook, playbookBytes: loaded.playbookBytes)
        try runs.playUnattended("u", drill, heldAt: RunsTests.t0)
        let finished = try RunSession("u", in: runs, now: RunsTests.t0).drillRecord(language: .zh).report
        let json = finished.json()
        #expect(!finished.endedBeforeOutcome)
        #expect(json["ended_before_outcome"] == .bool(false) && json["run_open"] == .bool(false))
        #expect(json["outcome"]?.stringValue != nil)
        #expect(!finished.markdown().contains("ENDEX"))
    }
}
