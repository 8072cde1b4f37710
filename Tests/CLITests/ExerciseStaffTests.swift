import Foundation
import JSONText
import Testing

/// Exercise staff from the command line: controllers and evaluators declared in the scenario, what each may do,
/// and the after-action report they feed (the same content in Markdown, HTML and JSON, fully Chinese with zh).
struct ExerciseStaffTests {
    let directory: TemporaryDirectory
    init() throws {
        directory = try TemporaryDirectory()
        let scenario = try Fixtures.text("../../../Playbooks/drills/water-leak-late-report.yaml")
            .replacingOccurrences(of: "user_leadership: grace }\n",
                                  with: """
                user_leadership: grace }
                staff:
                  controllers: [wang]
                  evaluators: [zhao]
                  simulated: { patrol: { en: Building patrol, zh: 大楼巡检 } }

                """)
            .replacingOccurrences(of: "    at: 0s\n    to: on_site\n", with: "    at: 0s\n    to: [on_site, tech_lead]\n    from: patrol\n    via: phone\n")
        try directory.write("drills/staffed.yaml", Array(scenario.utf8))
    }

    func muster(_ arguments: [String], as person: String? = nil) throws -> MusterProcess.Result {
        try MusterProcess.run(arguments + (person.map { ["--as", $0] } ?? []), in: directory.url, environment: [
            "MUSTER_PLAYBOOKS": Fixtures.repository.appendingPathComponent("Playbooks").path,
            "MUSTER_NOW": "1796544000000",
        ])
    }

    func report(_ runID: String, _ extra: [String] = []) throws -> JSONValue {
        try JSONValue.parse(try muster(["drill", "report", runID, "--format", "json"] + extra).stdout)
    }

    @Test func theScenarioDeclaresStaffAndInjectsNameSenderMeansAndSeveralRoles() throws {
        #expect(try muster(["check", "--strict", "drills/staffed.yaml"]).status == 0)
        let started = try muster(["drill", "start", "drills/staffed.yaml", "--run-id", "s"])
        #expect(started.status == 0, "\(started.stderr)")
        // Both roles see the inject in their inbox.
        #expect(try muster(["inbox"], as: "carol").stdout.contains("inject water-seen (by phone, from Building patrol)"))
        #expect(try muster(["inbox"], as: "bob").stdout.contains("inject water-seen"))
        let json = try report("s")
        #expect(json["staff"]?["controllers"] == .array(["wang"]))
        #expect(json["injects"]?.arrayValue?.first?.stringValue?.contains("water-seen → On-site responder, Tech lead (by phone, from Building patrol)") == true)
    }

    @Test func anEvaluatorObservesAndRatesWithAJustification() throws {
        #expect(try muster(["drill", "start", "drills/staffed.yaml", "--run-id", "e"]).status == 0)
        // A player is not an evaluator: refused, and the refusal is journaled.
        let refused = try muster(["drill", "observe", "e", "report_in_time", "looked fine"], as: "bob")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("bob is not an evaluator of this drill"), "\(refused.stderr)")
        #expect(try muster(["log", "e"]).stdout.contains("command.rejected"))
        #expect(try muster(["drill", "observe", "e", "report_in_time", "Clear first report to the duty phone", "--strength"],
                           as: "zhao").status == 0)
        #expect(try muster(["drill", "observe", "e", "No one checked the drain", "--improvement"], as: "zhao").status == 0)
        #expect(try muster(["drill", "rate", "e", "report_in_time", "S"], as: "zhao").status == 1)  // no --why
        #expect(try muster(["drill", "rate", "e", "nonsense", "S", "--why", "x"], as: "zhao").status == 1)
        #expect(try muster(["drill", "advance", "e", "7m"]).status == 0)
        #expect(try muster(["done", "e", "report"], as: "bob").status == 0)
        let rated = try muster(["drill", "rate", "e", "report_in_time", "S", "--why", "late, but the report was complete"],
                               as: "zhao")
        #expect(rated.status == 0, "\(rated.stderr)")
        let json = try report("e")
        let objective = json["objectives"]?.arrayValue?.first { $0["id"] == "report_in_time" }
        #expect(objective?["rating"] == "S")
        #expect(objective?["suggested"] == "M")
        #expect(objective?["evaluator"]?["why"] == "late, but the report was complete")
        #expect(objective?["strengths"]?.arrayValue?.contains("Clear first report to the duty phone (zhao)") == true)
        #expect(json["hot_wash"]?.arrayValue?.contains("No one checked the drain (zhao)") == true)
        // The same content in Markdown and HTML.
        let markdown = try muster(["drill", "report", "e"]).stdout
        let html = try muster(["drill", "report", "e", "--format", "html"]).stdout
        for text in ["Clear first report to the duty phone", "No one checked the drain", "late, but the report was complete",
                     "Strengths", "Areas for improvement", "Injects delivered", "Improvement plan", "Signatures",
                     "water-reminder"] {
            #expect(markdown.contains(text), "md: \(text)")
            #expect(html.contains(text), "html: \(text)")
        }
    }

    /// What an evaluator writes reaches the Markdown report as text: no HTML a viewer would run, no line that
    /// starts a heading of its own.
    @Test func anObservationCannotInjectHTMLOrAHeadingIntoTheMarkdownReport() throws {
        #expect(try muster(["drill", "start", "drills/staffed.yaml", "--run-id", "h"]).status == 0)
        let hostile = "<img src=x onerror=alert(1)>\n# Forged heading"
        #expect(try muster(["drill", "observe", "h", "report_in_time", hostile, "--strength"], as: "zhao").status == 0)
        let markdown = try muster(["drill", "report", "h"]).stdout
        #expect(markdown.contains("&lt;img src=x onerror=alert(1)&gt; # Forged heading"), "\(markdown)")
        #expect(!markdown.contains("<img") && !markdown.contains("\n# Forged"))
    }

    @Test func aControllerSendsCancelsPausesAndMarks() throws {
        #expect(try muster(["drill", "start", "drills/staffed.yaml", "--run-id", "c"]).status == 0)
        #expect(try muster(["drill", "mark", "c", "startex"], as: "zhao").status == 1)  // not a controller
        #expect(try muster(["drill", "mark", "c", "startex"], as: "wang").status == 0)
        #expect(try muster(["drill", "mark", "c", "startex"], as: "wang").status == 1)  // once
        // Cancelled, the contingency is never delivered.
        #expect(try muster(["drill", "cancel", "c", "water-reminder", "--why", "the team is on it"], as: "wang").status == 0)
        // Paused, the clock does not move.
        #expect(try muster(["drill", "mark", "c", "pause"], as: "wang").status == 0)
        let paused = try muster(["drill", "advance", "c", "5m"])
        #expect(paused.status == 1)
        #expect(paused.stderr.contains("paused"), "\(paused.stderr)")
        #expect(try muster(["drill", "mark", "c", "resume"], as: "wang").status == 0)
        let advanced = try muster(["drill", "advance", "c", "10m"])
        #expect(advanced.status == 0)
        #expect(!advanced.stdout.contains("water-reminder"))
        // An ad hoc inject, and a scenario inject sent now.
        let adhoc = try muster(["drill", "inject", "c", "--to", "commander", "--text", "A journalist calls"], as: "wang")
        #expect(adhoc.status == 0, "\(adhoc.stderr)")
        #expect(adhoc.stdout.contains("inject adhoc-1 → commander"), "\(adhoc.stdout)")
        let now = try muster(["drill", "inject", "c", "ac-confirmed"], as: "wang")
        #expect(now.stdout.contains("inject ac-confirmed → commander"), "\(now.stdout)")
        #expect(try muster(["drill", "inject", "c", "ac-confirmed"], as: "wang").status == 1)  // already delivered
        #expect(try muster(["drill", "mark", "c", "endex"], as: "wang").status == 0)
        let log = try muster(["log", "c"]).stdout
        #expect(log.contains("drill.mark") && log.contains("drill.inject_cancelled"))
        #expect(!log.contains("inject water-reminder"))
    }

    @Test func theImprovementPlanIsEditedByAJournaledCommand() throws {
        #expect(try muster(["drill", "run", "drills/staffed.yaml", "--run-id", "i"]).status == 0)
        let set = try muster(["drill", "improve", "i", "report_in_time", "--action", "Put the duty phone number on rack B",
                              "--owner", "bob", "--due", "2027-01-31", "--status", "in_progress"], as: "wang")
        #expect(set.status == 0, "\(set.stderr)")
        #expect(try muster(["drill", "improve", "i", "report_in_time", "--action", "x", "--owner", "bob",
                            "--due", "2027-02-30"], as: "wang").status == 2)
        let plan = try report("i")["improvement_plan"]?.arrayValue ?? []
        let action = plan.first { $0["objective"] == "report_in_time" }
        #expect(action?["action"] == "Put the duty phone number on rack B")
        #expect(action?["owner"] == "bob")
        #expect(action?["status"] == "in_progress")
        #expect(action?["journaled"] == true)
        #expect(action?["due_at"] == .integer(1_801_353_600_000))
    }

    /// B16: the Chinese report is Chinese: reasons and spans, targets, actions with the objective's title and the
    /// owner's role, the outcome's title, inject messages in the list and in the evidence (not "EN / ZH", and no
    /// inject or role id), the scenario and the playbook by their titles, local time.
    @Test func theChineseReportIsChinese() throws {
        #expect(try muster(["drill", "run", "drills/staffed.yaml", "--run-id", "z"]).status == 0)
        let markdown = try muster(["drill", "report", "z", "--lang", "zh", "--tz", "Asia/Shanghai"]).stdout
        for english in ["late by", "on time", "to spare", "Practise", "Patrol sees", "The duty phone", "| report_in_time |",
                        "超时 2m", "2h 内", "water-reminder", "water-seen", "(on_site)", "water-leak"] {
            #expect(!markdown.contains(english), "\(english)")
        }
        #expect(markdown.contains("超时 2分钟，且在应急注入之后"), "\(markdown)")
        #expect(markdown.contains("| 2小时内完成“清除积水” |"), "\(markdown)")
        #expect(markdown.contains("注入 → 应急技术经理：值班电话再次响起"), "\(markdown)")
        #expect(markdown.contains("| 5分钟内上报 | 针对“5分钟内上报”加强训练"), "\(markdown)")
        #expect(markdown.contains("| 现场应急负责人 |"), "\(markdown)")
        #expect(markdown.contains("| 预案 | 机房漏水应急预案（版本 0.2.0） |"), "\(markdown)")
        #expect(markdown.contains("| 结果 | 漏水已处置 |"), "\(markdown)")
        #expect(markdown.contains("2026-01-05 17:00:00 +08:00"), "\(markdown)")
        #expect(markdown.contains("巡检发现"))
        let html = try muster(["drill", "report", "z", "--lang", "zh", "--format", "html"]).stdout
        #expect(html.contains("<td data-label=\"责任人\">现场应急负责人</td>") && !html.contains("The duty phone"))
        #expect(!html.contains("water-reminder") && !html.contains("(on_site)"))
    }
}
