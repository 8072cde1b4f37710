import Drills
import Foundation
import JSONText
import PlaybookLanguage
import Runs
import Testing

/// What `drill due` counts and when it fails for cron: a kind never held is due now, like an overdue one; a drill
/// in which no person played a role (every role left to the scripted players) is practice, not a drill with
/// people.
struct DrillProgrammeCountingTests {
    static let now: Int64 = 1_800_000_000_000

    static func held(_ kind: Scenario.Kind, daysAgo: Int64) -> DrillProgramme.HeldDrill {
        DrillProgramme.HeldDrill(runID: kind.rawValue, kind: kind, playbook: "water-leak",
                                 held: now - daysAgo * 86_400_000, counts: true)
    }

    @Test func aKindNeverHeldIsDueNowAndFailsForCron() throws {
        // Every kind held yesterday but restore practice, which never was.
        let recent = DrillProgramme.requirements.map(\.kind).filter { $0 != .restore }.map { Self.held($0, daysAgo: 1) }
        let programme = DrillProgramme(drills: recent, playbooks: [], now: Self.now)
        #expect(programme.anyOverdue)
        #expect(programme.text(language: .en).contains("restore practice weekly: never held; due now"))
        #expect(programme.text(language: .zh).contains("每周一次备份恢复演练: 从未举行; 现已到期"))
        let rows = programme.json()["programme"]?.arrayValue ?? []
        #expect(rows.first { $0["kind"] == "restore" }?["overdue"] == true)
        // Once it is held too, nothing is due: the exit is 0.
        let all = DrillProgramme(drills: recent + [Self.held(.restore, daysAgo: 1)], playbooks: [], now: Self.now)
        #expect(!all.anyOverdue)
    }

    @Test func aDrillWithEveryRoleScriptedIsPracticeAndOnePeoplePlayedCounts() throws {
        let loaded = try DrillByHandTests.load("water-leak-on-time")
        let scriptedRuns = try DrillByHandTests.runsDirectory()
        defer { try? FileManager.default.removeItem(atPath: scriptedRuns.path) }
        // `drill start --scripted all`, moved to its end by the controller alone.
        let scripted = try ScriptedPlayersTests.start(loaded, scripted: ["all"], in: scriptedRuns)
        try ScriptedPlayersTests.advanceToTheEnd(scripted)
        #expect(try scripted.read().state.outcome != nil, "the all-scripted drill did not complete")
        #expect(scriptedRuns.heldDrills().map(\.counts) == [false])
        let practice = DrillProgramme(drills: scriptedRuns.heldDrills(), playbooks: [], now: Self.now)
        #expect(practice.text(language: .en).contains("tabletop exercise monthly: never held; due now; 1 more not counted"))

        // The same scenario played by people, each acting with an ordinary command: a drill held with people.
        let peopleRuns = try DrillByHandTests.runsDirectory()
        defer { try? FileManager.default.removeItem(atPath: peopleRuns.path) }
        _ = try DrillByHandTests.playByHand(loaded, try DrillByHandTests.start(loaded, in: peopleRuns))
        #expect(peopleRuns.heldDrills().map(\.counts) == [true])
    }
}
