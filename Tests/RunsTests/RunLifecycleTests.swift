import Drills
import Foundation
import Hashing
import Journaling
import PlaybookLanguage
import RunEngine
import Runs
import Testing

/// What a command does with a run from its start to its export, in-process: starting a live run or a drill,
/// playing one unattended, verifying, exporting and listing; refusals said in English and Chinese, nothing left
/// behind by a start that is refused.
struct RunLifecycleTests {
    static let t0 = RunsTests.t0

    static func tiny() throws -> (Playbook, [UInt8]) {
        let bytes = Array(RunsTests.playbook.utf8)
        return (try #require(PlaybookChecker.check(bytes, file: "playbook.yaml").playbook), bytes)
    }

    @Test func aLiveStartRefusesARoleOrALevelThePlaybookHasNotAndWritesNothing() throws {
        let runs = try DrillByHandTests.runsDirectory()
        defer { RunsTests.remove(runs) }
        let (playbook, bytes) = try Self.tiny()
        do {
            _ = try runs.startLive("r", playbook: playbook, bytes: bytes, severity: nil,
                                   assignments: ["chief": "alice"], faultAt: nil, title: nil, now: Self.t0)
            Issue.record("a role the playbook has not was assigned")
        } catch {
            #expect(error.message == "role 'chief' is not defined in 'tiny'; roles: commander")
            #expect(error.text(.zh) == "预案 'tiny' 中没有角色 'chief'；角色有：commander")
        }
        #expect(throws: RunFailure.self) {
            try runs.startLive("r", playbook: playbook, bytes: bytes, severity: "low", assignments: [:], faultAt: nil,
                               title: nil, now: Self.t0)
        }
        #expect(runs.runIDs().isEmpty)
        let state = try runs.startLive("r", playbook: playbook, bytes: bytes, severity: "high",
                                       assignments: ["commander": "alice"], faultAt: Self.t0 - 60_000,
                                       title: "Leak in hall 2", now: Self.t0)
        #expect(state.severity == "high" && state.holders["commander"] == "alice")
        #expect(state.start?.faultAt == Self.t0 - 60_000 && state.start?.title == "Leak in hall 2")
        // The same id again is refused: a run is never overwritten.
        do {
            _ = try runs.startLive("r", playbook: playbook, bytes: bytes, severity: nil, assignments: [:], faultAt: nil,
                                   title: nil, now: Self.t0)
            Issue.record("a run was started over another")
        } catch {
            #expect(error.message == "run 'r' exists already; give another --run-id")
        }
        // Only the first start was written: the refused one left the run as it was.
        let lines = try RunSession("r", in: runs, now: Self.t0).read().contents.lines
        #expect(lines.count > 1 && lines.allSatisfy { $0.event.at == Self.t0 })
    }

    @Test func anIntactRunVerifiesAndAnEditedOneNamesItsLine() throws {
        let runs = try RunsTests.startedRun()
        defer { RunsTests.remove(runs) }
        let read = try RunSession("r", in: runs, now: Self.t0).read().contents
        let head = read.head
        guard case .intact(let verified, nil) = try RunVerification.of("r", in: runs, head: head) else {
            Issue.record("an intact run did not verify")
            return
        }
        #expect(verified.lines.count == read.lines.count && verified.head == head)
        // A head that was never in the chain: cut or rewritten.
        guard case .failed(nil, let english, let chinese) = try RunVerification.of("r", in: runs, head: "ab" + head.dropFirst(2))
        else {
            Issue.record("a head not in the chain was accepted")
            return
        }
        #expect(english.contains("is not in the chain") && chinese.contains("不在链中"))
        // One byte changed in line 2.
        let path = runs.path + "/r/journal.jsonl"
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let second = try #require(bytes.firstIndex(of: UInt8(ascii: "\n"))) + 10
        bytes[second] = bytes[second] == UInt8(ascii: "a") ? UInt8(ascii: "b") : UInt8(ascii: "a")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        guard case .failed(let line, _, _) = try RunVerification.of("r", in: runs, head: nil) else {
            Issue.record("an edited journal verified")
            return
        }
        #expect(line == 2)
        #expect(try runs.listing().map { $0.state == nil } == [true])
        #expect(throws: RunFailure.self) { try runs.export("r") }
    }

    @Test func anExportHoldsTheRunsFilesUnderItsIDAndVerifiesAsTheRun() throws {
        let runs = try RunsTests.startedRun()
        defer { RunsTests.remove(runs) }
        let count = try RunSession("r", in: runs, now: Self.t0).read().contents.lines.count
        let export = try runs.export("r")
        #expect(export.lines == count && export.open)
        let members = try RunBundle.members(export.archive)
        #expect(members.map(\.name) == ["r/playbook.yaml", "r/journal.jsonl", "r/journal.head"])
        let file = runs.path + "/r.tar"
        try Data(export.archive).write(to: URL(fileURLWithPath: file))
        guard case .intact(let verified, _) = try RunVerification.of(bundle: .open(file), head: nil) else {
            Issue.record("an exported run did not verify")
            return
        }
        #expect(verified.lines.count == count && verified.head == export.head)
        #expect(try runs.listing().map(\.runID) == ["r"])
    }

    @Test func anUnattendedDrillIsTheSameJournalWheneverItIsPlayedAndCountsAsPracticeOnly() throws {
        let loaded = try DrillByHandTests.load("water-leak-on-time")
        let drill = CheckedScenario(scenario: loaded.scenario, scenarioBytes: loaded.scenarioBytes,
                                    playbook: loaded.playbook, playbookBytes: loaded.playbookBytes)
        var journals: [[UInt8]] = []
        for heldAt in [Self.t0, Self.t0 + 86_400_000] {
            let runs = try DrillByHandTests.runsDirectory()
            defer { RunsTests.remove(runs) }
            try runs.playUnattended("p", drill, heldAt: heldAt)
            journals.append(Array(try Data(contentsOf: URL(fileURLWithPath: runs.path + "/p/journal.jsonl"))))
            let record = try RunSession("p", in: runs, now: heldAt).drillRecord(language: .en)
            let unattended = DrillEvaluation(
                scenario: loaded.scenario, playbook: loaded.playbook,
                events: DrillRunner(scenario: loaded.scenario, playbook: loaded.playbook)
                    .run(playbookHash: SHA256.hash(loaded.playbookBytes).hex,
                         scenarioHash: SHA256.hash(loaded.scenarioBytes).hex))
            #expect(record.evaluation.results.map(\.rating) == unattended.results.map(\.rating))
            #expect(record.reachedOutcome && record.refused == 0)
            let held = runs.heldDrills()
            #expect(held.map(\.runID) == ["p"] && held.map(\.counts) == [false])
            let programme = DrillProgramme(drills: held, playbooks: [], now: heldAt)
            #expect(programme.anyOverdue)
            #expect(programme.text(language: .en).contains("never held; due now; 1 more not counted"))
        }
        #expect(journals[0] == journals[1])
    }

    @Test func aDrillStartedForPeopleDeliversItsStartInjectsAndStandsBesideTheWallClock() throws {
        let loaded = try DrillByHandTests.load("water-leak-on-time")
        let drill = CheckedScenario(scenario: loaded.scenario, scenarioBytes: loaded.scenarioBytes,
                                    playbook: loaded.playbook, playbookBytes: loaded.playbookBytes)
        let runs = try DrillByHandTests.runsDirectory()
        defer { RunsTests.remove(runs) }
        let events = try runs.startDrill("d", drill, virtualClock: true, speed: 1, now: Self.t0)
        #expect(events.first?.at == loaded.scenario.startsAt)
        #expect(events.allSatisfy { $0.realAt == Self.t0 })
        let read = try RunSession("d", in: runs, now: Self.t0).read()
        #expect(read.contents.events == events)
        #expect(try RunSession("d", in: runs, now: Self.t0).drillPlan(playbook: read.playbook, events: events) != nil)
        #expect(throws: RunFailure.self) { try RunSession("d", in: runs, now: Self.t0).advanceDrillClock(by: nil, limit: 0) }
    }
}
