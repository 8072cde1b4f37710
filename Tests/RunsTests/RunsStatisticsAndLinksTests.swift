import Foundation
import RunEngine
import Runs
import Testing
import Views

/// The statistics of a runs directory read in-process, an unreadable run listed rather than counted; and a run
/// that continues in another playbook given its linked run from the playbooks directory.
struct RunsStatisticsAndLinksTests {
    static let t0 = RunsTests.t0
    static let playbooks = ScenarioLoadingTests.playbooks

    @Test func everyRunIsReadForTheStatisticsAndAnUnreadableOneIsListed() throws {
        let runs = try RunsTests.startedRun()
        defer { RunsTests.remove(runs) }
        try FileManager.default.createDirectory(atPath: runs.path + "/empty", withIntermediateDirectories: true)
        let summary = StatsSummary(runs: runs, now: Self.t0 + 60_000, since: nil)
        #expect(summary.unreadable.map(\.run) == ["empty"])
        #expect(summary.unreadable.first?.reason == "no journal.jsonl")
        let json = StatsRendering(summary: summary, language: .en).json().serialized(pretty: false)
        #expect(json.contains("\"tiny\""))
    }

    @Test func aRunThatContinuesGetsItsLinkedRunFromThePlaybooksDirectory() throws {
        let runs = try DrillByHandTests.runsDirectory()
        defer { RunsTests.remove(runs) }
        let aircon = try PlaybookFiles.load("aircon", playbooksDirectory: Self.playbooks)
        _ = try runs.startLive("a", playbook: aircon.playbook, bytes: aircon.bytes, severity: "fatal",
                               assignments: ["commander": "alice", "on_site": "bob"], faultAt: nil, title: nil,
                               now: Self.t0)
        let commands = [
            Command(person: "bob", kind: .record(fact: "units_down", value: "all_units")),
            Command(person: "bob", kind: .done(step: "report", items: [])),
            Command(person: "alice", kind: .done(step: "power_handover", items: [])),
        ]
        for (minute, command) in commands.enumerated() {
            let outcome = try RunSession("a", in: runs, now: Self.t0 + Int64(minute + 1) * 60_000).perform(command)
            try #require(outcome.rejection == nil, "\(String(describing: outcome.rejection))")
        }
        let now = Self.t0 + 4 * 60_000
        #expect(try RunSession("a", in: runs, now: now).read().state.awaitsLinkedRun)
        do {
            try LinkedRuns(runs: runs, now: now).complete("a", playbooksDirectory: "nowhere")
            Issue.record("a linked run was started without its playbook")
        } catch {
            #expect(error.message == "no playbook 'power-loss' in 'nowhere'")
            #expect(error.text(.zh) == "'nowhere' 中没有预案 'power-loss'")
        }
        #expect(runs.runIDs() == ["a"])
        let link = try LinkedRuns(runs: runs, now: now).complete("a", playbooksDirectory: Self.playbooks)
        #expect(link?.run == "a-power-loss" && link?.playbook == "power-loss")
        #expect(runs.runIDs() == ["a", "a-power-loss"])
        #expect(try !RunSession("a", in: runs, now: now).read().state.awaitsLinkedRun)
        #expect(try LinkedRuns(runs: runs, now: now).complete("a", playbooksDirectory: Self.playbooks) == nil)
    }
}
