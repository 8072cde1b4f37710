import Drills
import Foundation
import PlaybookLanguage
import Reporting
import RunEngine
import Runs
import Testing

/// What the drill commands print for a controller, in the zone they read times in (`--tz`, `TZ`, the host's):
/// local times with their offset, never UTC alone; in Chinese, the kinds' and playbooks' names, never their ids,
/// and spans in Chinese words.
struct DrillLocalTimeTests {
    static let shanghai = LocalTime(TimeZone(identifier: "Asia/Shanghai")!)
    /// 2027-01-15 08:00:00Z.
    static let now: Int64 = 1_800_000_000_000

    @Test func theInjectsAreAnnouncedAtLocalTimeAndToTheRolesByTitleInChinese() throws {
        let loaded = try DrillByHandTests.load("water-leak-on-time")
        let (_, events) = try UnattendedRunTests.play("water-leak-on-time")
        let plan = DrillPlan(scenario: loaded.scenario, playbook: loaded.playbook)
        let first = try #require(events.first { if case .injectDelivered = $0.kind { true } else { false } })
        guard case .injectDelivered(let id, let role?, _) = first.kind else {
            Issue.record("the first inject goes to no role")
            return
        }
        let roleTitle = try #require(loaded.playbook.role(role)?.title.text(Language.zh))
        let chinese = plan.announcements(of: [first], language: .zh, time: Self.shanghai)
        #expect(chinese.hasPrefix("注入 \(id) → \(roleTitle) @ \(Self.shanghai.instant(first.at)): "), "\(chinese)")
        #expect(chinese.contains("+08:00") && !chinese.contains("Z:") && !chinese.contains(" \(role) "))
        let english = plan.announcements(of: [first], language: .en, time: Self.shanghai)
        #expect(english.hasPrefix("inject \(id) → \(role) @ \(Self.shanghai.instant(first.at)): "), "\(english)")
    }

    @Test func theProgrammeInChineseNamesKindsAndPlaybooksAndSaysLocalTimes() {
        let held = [
            DrillProgramme.HeldDrill(runID: "aircon-1", kind: .attackDefence, playbook: "aircon",
                                     held: Self.now - 100 * 86_400_000, counts: true),
            DrillProgramme.HeldDrill(runID: "leak-1", kind: .live, playbook: "water-leak",
                                     held: Self.now - 2 * 86_400_000, counts: true),
        ]
        let titles = ["water-leak": LocalizedText(english: "Water leak", chinese: "机房漏水应急预案"),
                      "fire": LocalizedText(english: "Fire", chinese: "机房火灾应急预案")]
        let programme = DrillProgramme(drills: held, playbooks: ["fire", "water-leak"], now: Self.now)
        let chinese = programme.text(language: .zh, time: Self.shanghai, titles: titles)
        for id in ["live", "tabletop", "unscripted", "attack_defence", "restore", "water-leak", "fire"] {
            #expect(!chinese.contains(" \(id) ") && !chinese.hasPrefix(id) && !chinese.contains("\n\(id)")
                        && !chinese.contains(", \(id))"), "\(id) in \(chinese)")
        }
        #expect(chinese.contains("全面实战演练"))
        #expect(chinese.contains("攻防演练"))
        // Held 2027-01-13 08:00Z: 16:00 in Shanghai; the quarterly exercise is nine days overdue.
        #expect(chinese.contains("上次 2027-01-13 16:00:00 +08:00 (leak-1); "), "\(chinese)")
        #expect(chinese.contains("已逾期 9天（应于 "), "\(chinese)")
        #expect(chinese.contains("  机房漏水应急预案  上次 2027-01-13 16:00:00 +08:00 (leak-1, 全面实战演练)\n"), "\(chinese)")
        #expect(chinese.contains("  机房火灾应急预案  从未演练\n"), "\(chinese)")
        // A playbook without a title keeps its id; instants never show UTC alone.
        #expect(chinese.contains("  aircon"))
        #expect(chinese.range(of: #"\d\d:\d\d:\d\dZ"#, options: .regularExpression) == nil)
        let english = programme.text(language: .en, time: Self.shanghai, titles: titles)
        #expect(english.contains("live           a full drill at least yearly: last 2027-01-13 16:00:00 +08:00 "
                                     + "(leak-1); "), "\(english)")
        #expect(english.contains("overdue by 9d (due by "))
        #expect(english.contains("  water-leak  last drilled 2027-01-13 16:00:00 +08:00 (leak-1, live)\n"),
                "\(english)")
    }
}
