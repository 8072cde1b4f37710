import Drills
import Foundation
import JSONText
import Reporting
import Runs
import Testing

/// An unattended `drill run` keeps its real date beside its journal, not in it; the drill report shows it as the
/// date held, marked as practice, and `drill due` dates the practice by it rather than by the scenario's clock.
struct PracticeDateTests {
    /// 2027-01-15 08:00:00Z (16:00 in UTC+8), far from every shipped scenario's virtual start.
    static let played: Int64 = 1_800_000_000_000

    static func playUnattended(_ id: String, in runs: RunsDirectory) throws -> RunSession {
        let loaded = try DrillByHandTests.load(id)
        try runs.playUnattended("u", CheckedScenario(scenario: loaded.scenario, scenarioBytes: loaded.scenarioBytes,
                                                     playbook: loaded.playbook, playbookBytes: loaded.playbookBytes),
                                heldAt: Self.played)
        return try RunSession("u", in: runs, now: Self.played + 3_600_000)
    }

    @Test func theReportOfAnUnattendedRunShowsWhenItWasPlayedAsPractice() throws {
        let runs = try DrillByHandTests.runsDirectory()
        defer { try? FileManager.default.removeItem(atPath: runs.path) }
        let session = try Self.playUnattended("water-leak-late-report", in: runs)
        let english = try session.drillRecord(language: .en).report
        #expect(english.heldAt == Self.played)
        #expect(english.markdown().contains("| Held (real time) | 2027-01-15 08:00:00 +00:00 (practice, unattended) |"),
                "\(english.markdown())")
        #expect(english.html().contains("2027-01-15 08:00:00 +00:00 (practice, unattended)"))
        let json = english.json()
        #expect(json["held_at"] == .integer(Self.played))
        #expect(json["held"] == "2027-01-15 08:00:00 +00:00 (practice, unattended)")
        #expect(json["unattended"] == true)
        let chinese = try session.drillRecord(language: .zh, time: LocalTime(TimeZone(secondsFromGMT: 8 * 3600)!)).report
        #expect(chinese.markdown().contains("| 实际举行时间 | 2027-01-15 16:00:00 +08:00（练习，无人值守） |"),
                "\(chinese.markdown())")
    }

    @Test func drillDueDatesAPracticeByWhenItWasPlayed() throws {
        let runs = try DrillByHandTests.runsDirectory()
        defer { try? FileManager.default.removeItem(atPath: runs.path) }
        _ = try Self.playUnattended("water-leak-on-time", in: runs)
        let drills = runs.heldDrills()
        #expect(drills.map(\.held) == [Self.played])
        #expect(drills.map(\.counts) == [false])
    }
}
