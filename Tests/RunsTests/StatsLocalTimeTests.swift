import Foundation
import Reporting
import Runs
import Testing
import Views

/// The statistics say their instants in the zone asked for, with its offset, like every other report.
struct StatsLocalTimeTests {
    static let t0 = RunsTests.t0

    /// The statistics page gives "as of" in local time with its offset and no runs directory; the text for the
    /// terminal does too, in the zone asked for.
    @Test func theStatisticsSayTheirTimesInTheZoneAskedForAndThePageNoDirectory() throws {
        let runs = try DrillByHandTests.runsDirectory()
        defer { RunsTests.remove(runs) }
        let loaded = try DrillByHandTests.load("water-leak-on-time")
        try runs.playUnattended("p", CheckedScenario(scenario: loaded.scenario, scenarioBytes: loaded.scenarioBytes,
                                                     playbook: loaded.playbook, playbookBytes: loaded.playbookBytes),
                                heldAt: Self.t0)
        let summary = StatsSummary(runs: runs, now: Self.t0, since: nil)
        let shanghai = LocalTime(try #require(TimeZone(identifier: "Asia/Shanghai")))
        let page = StatsHTML(summary: summary, language: .zh, time: shanghai).render()
        #expect(page.contains("截至 2026-01-01 08:00:00 +08:00"), "\(page)")
        #expect(page.contains("UTC+08:00") && !page.contains("Asia/Shanghai"), "\(page)")
        #expect(!page.contains(runs.path) && !page.contains("实战运行统计："), "\(page)")
        #expect(!page.contains("00:00:00Z"), "\(page)")
        let text = StatsRendering(summary: summary, language: .zh, time: shanghai).text()
        #expect(text.contains("截至 2026-01-01 08:00:00 +08:00"), "\(text)")
        #expect(!text.contains("00:00:00Z"), "\(text)")
        let english = StatsRendering(summary: summary, language: .en).text()
        #expect(english.contains("as of 2026-01-01 00:00:00 +00:00"), "\(english)")
    }
}
