import Foundation
import JSONText
import Testing

/// A drill people play, from the command line: scripted players for the roles nobody plays, the injects on the
/// players' boards, a pause that holds a real clock's timers, and the drill report in local time.
struct LiveDrillPlayTests {
    let directory: TemporaryDirectory
    /// The wall clock: 2026-12-06 08:00:00Z.
    static let wall: Int64 = 1_796_544_000_000

    init() throws {
        directory = try TemporaryDirectory()
        let scenario = try Fixtures.text("../../../Playbooks/drills/water-leak-late-report.yaml")
            .replacingOccurrences(of: "user_leadership: grace }\n",
                                  with: "user_leadership: grace }\nstaff:\n  controllers: [wang]\n  evaluators: [zhao]\n")
        try directory.write("drills/staffed.yaml", Array(scenario.utf8))
    }

    func muster(_ arguments: [String], now: Int64 = wall, as person: String? = nil) throws -> MusterProcess.Result {
        try MusterProcess.run(arguments + (person.map { ["--as", $0] } ?? []), in: directory.url, environment: [
            "MUSTER_PLAYBOOKS": Fixtures.repository.appendingPathComponent("Playbooks").path,
            "MUSTER_NOW": String(now),
        ])
    }

    func log(_ runID: String) throws -> [JSONValue] {
        try JSONValue.parse(try muster(["log", runID, "--format", "json"]).stdout).arrayValue ?? []
    }

    func report(_ runID: String, _ extra: [String] = []) throws -> JSONValue {
        try JSONValue.parse(try muster(["drill", "report", runID, "--format", "json"] + extra).stdout)
    }

    /// Every role scripted and the clock moved by hand: the same ratings as the unattended run, each scripted
    /// action journaled as scripted, and the report says which roles the scripted players played.
    @Test func everyRoleScriptedIsRatedAsTheUnattendedRun() throws {
        #expect(try muster(["drill", "run", "water-leak-late-report", "--run-id", "u"]).status == 0)
        let started = try muster(["drill", "start", "water-leak-late-report", "--run-id", "h", "--scripted", "all"])
        #expect(started.status == 0, "\(started.stderr)")
        for _ in 0..<80 where try muster(["drill", "advance", "h", "--to-next"]).status == 0 {}
        func ratings(_ json: JSONValue) -> [String] {
            json["objectives"]?.arrayValue?.map { "\($0["id"]?.stringValue ?? "")=\($0["rating"]?.stringValue ?? "")" } ?? []
        }
        let byHand = try report("h")
        #expect(ratings(byHand) == ratings(try report("u")))
        #expect(ratings(byHand).count == 3)
        #expect(byHand["scripted_roles"]?.arrayValue?.contains("on_site") == true)
        let lines = try log("h")
        #expect(lines.first?["data"]?["scripted"]?.arrayValue?.count == 5)
        let scripted = lines.filter { $0["scripted"] != nil }
        #expect(scripted.contains { $0["type"] == "step.completed" && $0["actor"]?["person"] == "bob" })
        #expect(try muster(["log", "h"]).stdout.contains("bob (on_site), scripted"))
        #expect(try muster(["drill", "report", "h"]).stdout.contains("| Roles played by scripted players | Commander, "))
        #expect(try muster(["drill", "report", "h", "--lang", "zh"]).stdout.contains("由脚本人员扮演的角色"))
        #expect(try muster(["verify", "h"]).status == 0)
    }

    /// `--assign` names who plays; every other role the scenario scripts is played by its scripted player, which
    /// acts at its instant when the controller moves the clock, around what people do.
    @Test func assignedPeoplePlayAndTheOtherRolesAreScripted() throws {
        let started = try muster(["drill", "start", "water-leak-late-report", "--run-id", "m", "--assign", "on_site=chen"])
        #expect(started.status == 0, "\(started.stderr)")
        let first = try log("m").first
        #expect(first?["data"]?["assignments"]?["on_site"] == "chen")
        #expect(first?["data"]?["scripted"]?.arrayValue?.contains("on_site") == false)
        #expect(first?["data"]?["scripted"]?.arrayValue?.contains("commander") == true)
        #expect(try muster(["status", "m"]).stdout.contains("commander=alice (scripted)"))
        // chen reports by hand at +1m; the commander's scripted player assesses at assess +3m, during the advance.
        #expect(try muster(["drill", "advance", "m", "1m"]).status == 0)
        let done = try muster(["done", "m", "report"], as: "chen")
        #expect(done.status == 0, "\(done.stderr)")
        #expect(try muster(["drill", "advance", "m", "10m"]).status == 0)
        let lines = try log("m")
        let scriptedPeople = Set(lines.filter { $0["scripted"] != nil }.compactMap { $0["actor"]?["person"]?.stringValue })
        #expect(scriptedPeople.contains("alice"))
        #expect(!scriptedPeople.contains("chen"))
        // A role no scripted player acts for cannot be scripted.
        let refused = try muster(["drill", "start", "water-leak-late-report", "--run-id", "x", "--scripted", "tech_lead"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("no scripted player of scenario 'water-leak-late-report' acts for role 'tech_lead'"),
                "\(refused.stderr)")
    }

    /// A controller hands a role to its scripted player mid-drill; nobody else may.
    @Test func aControllerHandsARoleToItsScriptedPlayer() throws {
        #expect(try muster(["drill", "start", "drills/staffed.yaml", "--run-id", "c"]).status == 0)
        let refused = try muster(["drill", "script", "c", "on_site"], as: "bob")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("not a controller"), "\(refused.stderr)")
        #expect(try muster(["drill", "script", "c", "on_site"], as: "wang").status == 0)
        #expect(try muster(["drill", "script", "c", "on_site"], as: "wang").status == 1)
        #expect(try muster(["drill", "advance", "c", "8m"]).status == 0)
        let lines = try log("c")
        #expect(lines.contains { $0["type"] == "drill.scripted" && $0["data"]?["role"] == "on_site" })
        #expect(lines.contains { $0["type"] == "step.completed" && $0["data"]?["step"] == "report" && $0["scripted"] != nil })
        #expect(try muster(["log", "c"]).stdout.contains("drill.scripted"))
    }

    /// A controller hands a scripted role back to a person: journaled, the scripted player does nothing more, the
    /// person holds the role and acts; refused (and journaled as refused) for anyone but a controller and for a
    /// role the scripted players do not play, in English and Chinese.
    @Test func aControllerHandsAScriptedRoleBackToAPerson() throws {
        #expect(try muster(["drill", "start", "drills/staffed.yaml", "--run-id", "c", "--scripted", "on_site"]).status == 0)
        let notController = try muster(["drill", "unscript", "c", "on_site", "chen"], as: "bob")
        #expect(notController.status == 1)
        #expect(notController.stderr.contains("refused (wrong-role): bob is not a controller"), "\(notController.stderr)")
        let handedBack = try muster(["drill", "unscript", "c", "on_site", "chen"], as: "wang")
        #expect(handedBack.status == 0, "\(handedBack.stderr)")
        #expect(handedBack.stdout.hasPrefix("ok: seq "))
        let again = try muster(["drill", "unscript", "c", "on_site", "chen", "--lang", "zh"], as: "wang")
        #expect(again.status == 1)
        #expect(again.stderr.contains("已拒绝：角色 'on_site' 并非由脚本人员扮演"), "\(again.stderr)")
        let notScripted = try muster(["drill", "unscript", "c", "tech_lead", "chen"], as: "wang")
        #expect(notScripted.stderr.contains("refused (invalid): role 'tech_lead' is not played by the scripted players"),
                "\(notScripted.stderr)")
        // The scripted on_site would report at +7m; handed back, it does not, and chen reports by hand.
        #expect(try muster(["drill", "advance", "c", "8m"]).status == 0)
        var lines = try log("c")
        #expect(lines.contains { $0["type"] == "drill.unscripted" && $0["data"]?["role"] == "on_site" })
        #expect(lines.contains { $0["type"] == "person.joined" && $0["data"]?["person"] == "chen"
                    && $0["data"]?["role"] == "on_site" })
        #expect(!lines.contains { $0["type"] == "step.completed" && $0["data"]?["step"] == "report" })
        #expect(lines.filter { $0["type"] == "command.rejected" }.count == 3)
        #expect(try muster(["status", "c"]).stdout.contains("on_site=chen"))
        let done = try muster(["done", "c", "report"], as: "chen")
        #expect(done.status == 0, "\(done.stderr)")
        lines = try log("c")
        #expect(lines.contains { $0["type"] == "step.completed" && $0["data"]?["step"] == "report" && $0["scripted"] == nil })
        #expect(try muster(["log", "c"]).stdout.contains("drill.unscripted"))
        #expect(try muster(["drill", "report", "c"]).stdout.contains("On-site responder (handed back to a person at +00:00:00)"))
        #expect(try muster(["drill", "report", "c", "--lang", "zh"]).stdout.contains("现场应急负责人（+00:00:00 交回人员扮演）"))
        #expect(try muster(["verify", "c"]).status == 0)
    }

    /// B13: the players see the injects sent to their roles on the board itself, marked as a drill's, in English
    /// and Chinese, on the terminal and on the HTML page.
    @Test func theBoardShowsTheInjects() throws {
        #expect(try muster(["drill", "start", "water-leak-late-report", "--run-id", "b"]).status == 0)
        #expect(try muster(["drill", "advance", "b", "4m"]).status == 0)
        let board = try muster(["status", "b", "--tz", "UTC"]).stdout
        #expect(board.contains("drill injects:"), "\(board)")
        #expect(board.contains("2026-01-05 09:00:00 +00:00 → on_site  [DRILL] inject water-seen: Patrol sees water"),
                "\(board)")
        #expect(board.contains("09:03:00 +00:00 → tech_lead  [DRILL] inject water-reminder"), "\(board)")
        let zh = try muster(["status", "b", "--lang", "zh"]).stdout
        #expect(zh.contains("演练情景注入:"), "\(zh)")
        // A Chinese reader reads the role's title and the announcement, not ids.
        #expect(zh.contains("→ 现场应急负责人  【演练】情景注入：巡检发现"), "\(zh)")
        #expect(!zh.contains("water-seen") && !zh.contains("→ on_site  【演练】"), "\(zh)")
        let page = try muster(["status", "b", "--format", "html"]).stdout
        #expect(page.contains("<section class=\"injects\">"))
        #expect(page.contains("[DRILL] inject water-seen: Patrol sees water"))
        // A live run's board has no such section.
        #expect(try muster(["start", "water-leak", "--run-id", "l"]).status == 0)
        #expect(!(try muster(["status", "l"]).stdout.contains("drill injects")))
    }

    /// A person's own board (`status --as`, `inbox`, the person's page of `watch --html`) shows the injects sent
    /// to that person's roles, marked as a drill's, in English and Chinese; not those sent to others.
    @Test func aPersonsOwnBoardShowsTheInjectsToTheirRoles() throws {
        #expect(try muster(["drill", "start", "water-leak-late-report", "--run-id", "o"]).status == 0)
        #expect(try muster(["drill", "advance", "o", "4m"]).status == 0)
        // bob plays on_site (water-seen at +0); carol plays tech_lead (water-reminder at +3m).
        let bob = try muster(["status", "o", "--tz", "UTC"], as: "bob").stdout
        let own = String(bob[(try #require(bob.range(of: "bob's work on o"))).lowerBound...])
        #expect(own.contains("drill injects to your roles:"), "\(bob)")
        #expect(own.contains("2026-01-05 09:00:00 +00:00 → on_site  [DRILL] inject water-seen: Patrol sees water"), "\(own)")
        #expect(!own.contains("water-reminder"), "\(own)")
        let carol = try muster(["status", "o", "--lang", "zh", "--tz", "Asia/Shanghai"], as: "carol").stdout
        let carolOwn = String(carol[(try #require(carol.range(of: "carol 在运行 o"))).lowerBound...])
        #expect(carolOwn.contains("发给你的角色的演练情景注入:"), "\(carol)")
        #expect(carolOwn.contains("2026-01-05 17:03:00 +08:00 → 应急技术经理  【演练】情景注入：值班电话再次响起"), "\(carolOwn)")
        #expect(!carolOwn.contains("巡检发现"), "\(carolOwn)")
        // Without --as the board is the run's alone.
        #expect(!(try muster(["status", "o"]).stdout.contains("drill injects to your roles")))
        // The inbox, as text and JSON.
        #expect(try muster(["inbox", "--tz", "UTC"], as: "bob").stdout.contains("[DRILL] inject water-seen"))
        let inbox = try JSONValue.parse(try muster(["inbox", "--format", "json"], as: "bob").stdout)
        let injects = inbox.arrayValue?.first?["injects"]?.arrayValue ?? []
        #expect(injects.map { $0["id"]?.stringValue ?? "" } == ["water-seen"])
        #expect(injects.first?["text"]?.stringValue?.hasPrefix("[DRILL] ") == true)
        // The person's page: printed by status --as --format html, and written by watch --html.
        let page = try muster(["status", "o", "--format", "html"], as: "bob").stdout
        #expect(page.contains("Drill injects for you") && page.contains("[DRILL] inject water-seen"), "\(page)")
        let board = directory.url.appendingPathComponent("board")
        #expect(try muster(["watch", "o", "--html", board.path, "--exit-after", "1s"]).status == 0)
        let written = String(decoding: try Data(contentsOf: board.appendingPathComponent("person-carol.zh.html")),
                             as: UTF8.self)
        #expect(written.contains("发给你的演练情景注入") && written.contains("【演练】情景注入：值班电话再次响起"), "\(written)")
        #expect(!written.contains("巡检发现") && !written.contains("water-reminder"))
        // A live run's personal work has no such section.
        #expect(try muster(["start", "water-leak", "--run-id", "l", "--assign", "on_site=bob"]).status == 0)
        #expect(!(try muster(["status", "l"], as: "bob").stdout.contains("drill injects")))
    }

    /// While a controller has paused a drill on a real clock, no deadline fires and its clock stands; resumed, it
    /// goes on with the time that was left.
    @Test func aPauseHoldsTheTimersOfARealClock() throws {
        let minute: Int64 = 60_000
        #expect(try muster(["drill", "start", "drills/staffed.yaml", "--clock", "real", "--run-id", "p"]).status == 0)
        #expect(try muster(["drill", "mark", "p", "pause"], now: Self.wall + minute, as: "wang").status == 0)
        // Nine minutes paused: the report (due at +5m of play) is not overdue, and no inject or escalation fired.
        let paused = try muster(["status", "p"], now: Self.wall + 10 * minute).stdout
        #expect(paused.contains("Report the leak  [owner: on_site (bob)]  due in 4m"), "\(paused)")
        #expect(!(try log("p")).contains { $0["type"] == "step.overdue" || $0["type"] == "escalation.fired" })
        #expect(try muster(["drill", "mark", "p", "resume"], now: Self.wall + 10 * minute, as: "wang").status == 0)
        let resumed = try muster(["status", "p"], now: Self.wall + 11 * minute).stdout
        #expect(resumed.contains("due in 3m"), "\(resumed)")
        // The deadline falls due four minutes of play after the pause: at +14m of wall time, not +5m.
        _ = try muster(["status", "p"], now: Self.wall + 15 * minute)
        let overdue = try #require(try log("p").first { $0["type"] == "step.overdue" })
        #expect(overdue["at"] == .integer(Self.wall + 5 * minute))
        #expect(overdue["real"] == .integer(Self.wall + 15 * minute))
        #expect(try log("p").first { $0["type"] == "drill.inject" && $0["data"]?["id"] == "water-reminder" }?["at"]
                == .integer(Self.wall + 3 * minute))
    }

    /// The drill report gives real wall times with their offset, in the zone `--tz` names.
    @Test func theDrillReportIsInLocalTime() throws {
        #expect(try muster(["drill", "start", "water-leak-late-report", "--run-id", "t"]).status == 0)
        #expect(try muster(["drill", "advance", "t", "4m"], now: Self.wall + 3_600_000).status == 0)
        let markdown = try muster(["drill", "report", "t", "--tz", "Asia/Shanghai"]).stdout
        #expect(markdown.contains("| Held (real time) | 2026-12-06 16:00:00 +08:00 – 17:00:00 +08:00 |"), "\(markdown)")
        #expect(markdown.contains("(real time 2026-12-06 17:00:00 +08:00) water-reminder"), "\(markdown)")
        let chinese = try muster(["drill", "report", "t", "--tz", "Asia/Shanghai", "--lang", "zh", "--format", "html"]).stdout
        #expect(chinese.contains("2026-12-06 16:00:00 +08:00"))
        #expect(chinese.contains("实际时间 2026-12-06 17:00:00 +08:00"))
        let json = try report("t", ["--tz", "Asia/Shanghai"])
        #expect(json["time_zone"]?["name"] == "Asia/Shanghai")
        #expect(json["time_zone"]?["offset_at_start"] == "+08:00")
        #expect(json["held_until"] == .integer(Self.wall + 3_600_000))
        let bad = try muster(["drill", "report", "t", "--tz", "Mars/Olympus"])
        #expect(bad.status == 2)
    }
}
