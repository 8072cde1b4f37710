import Foundation
import Journaling
import PlaybookLanguage
import Reporting
import RunEngine
import Runs
import Testing
import Views

/// What the command layer hands to `Runs` and `Views`: the fault instant and a drill clock's speed read, a run
/// verified with its links, the names a shell completes, the lines a piped watch prints, a pending linked run
/// completed, and the page bell of a watch.
struct CommandWorkMovedOutTests {
    static let t0 = RunsTests.t0

    @Test(arguments: [("2026-01-01T00:00Z", RunsTests.t0), ("25m ago", RunsTests.t0 - 25 * 60_000)])
    func aFaultInstantIsAnInstantOrALengthBeforeNow(_ text: String, _ instant: Int64) throws {
        #expect(try FaultInstant.parse(text, now: Self.t0 + 0) == instant)
    }

    @Test func aFaultInstantThatIsNotOneOrIsAheadIsAUsageFailureInBothLanguages() {
        for text in ["soon", "2026-01-01T00:01Z"] {
            do {
                _ = try FaultInstant.parse(text, now: Self.t0)
                Issue.record("'\(text)' was taken")
            } catch {
                #expect(error.isUsage)
                #expect(error.message.hasPrefix("--fault-at "))
                #expect(error.chinese?.hasPrefix("--fault-at ") == true)
            }
        }
    }

    @Test func aDrillClockSpeedIsOneByDefaultAndGoesWithARealClockOnly() throws {
        #expect(try DrillClockSpeed.parse(nil, virtualClock: true) == 1)
        #expect(try DrillClockSpeed.parse("60", virtualClock: false) == 60)
        #expect(throws: RunFailure.self) { try DrillClockSpeed.parse("60", virtualClock: true) }
        #expect(throws: RunFailure.self) { try DrillClockSpeed.parse("3601", virtualClock: false) }
        #expect(throws: RunFailure.self) { try DrillClockSpeed.parse("fast", virtualClock: false) }
    }

    @Test func aNewRunIsNamedByWhatItRunsAndWhenUnlessANameIsGiven() {
        #expect(RunsDirectory.newRunID(given: nil, of: "water-leak", at: Self.t0) == "water-leak-20260101-000000")
        #expect(RunsDirectory.newRunID(given: "mine", of: "water-leak", at: Self.t0) == "mine")
    }

    @Test func theDrillProgrammeCoversThePlaybooksOfTheDirectoryWithTheirTitles() throws {
        let runs = try RunsTests.startedRun()
        defer { RunsTests.remove(runs) }
        let (programme, titles) = runs.drillProgramme(playbooksDirectory: ScenarioLoadingTests.playbooks, now: Self.t0)
        #expect(titles["aircon"]?.text(.zh).isEmpty == false)
        // No drill was ever held here: every required drill is due.
        #expect(programme.anyOverdue)
    }

    @Test func aVerifiedRunIsIntactAndFollowsItsLinksOrNamesItsFirstBadLine() throws {
        let runs = try RunsTests.startedRun()
        defer { RunsTests.remove(runs) }
        let verified = try VerifiedRun("r", bundle: nil, runs: runs, head: nil)
        #expect(verified.runID == "r")
        guard case .intact = verified.found else { Issue.record("\(verified.found)"); return }
        #expect(verified.links.isEmpty)
        let stale = try VerifiedRun("r", bundle: nil, runs: runs, head: String(repeating: "0", count: 64))
        guard case .failed = stale.found else { Issue.record("a head never recorded passed"); return }
        #expect(throws: RunFailure.self) { try VerifiedRun("nope", bundle: nil, runs: runs, head: nil) }
    }

    @Test func aShellCompletesRunsStepsAndPlaybooksAndNothingElse() throws {
        let runs = try RunsTests.startedRun()
        defer { RunsTests.remove(runs) }
        let playbooks = ScenarioLoadingTests.playbooks
        #expect(CompletionNames.names(["runs"], runs: runs, playbooksDirectory: playbooks) == ["r"])
        #expect(CompletionNames.names(["steps", "r"], runs: runs, playbooksDirectory: playbooks) == ["act"])
        #expect(CompletionNames.names(["steps", "gone"], runs: runs, playbooksDirectory: playbooks) == [])
        #expect(CompletionNames.names(["playbooks"], runs: runs, playbooksDirectory: playbooks)?.contains("aircon") == true)
        #expect(CompletionNames.names(["roles"], runs: runs, playbooksDirectory: playbooks) == nil)
        #expect(CompletionNames.names(["runs", "r"], runs: runs, playbooksDirectory: playbooks) == nil)
    }

    @Test func aPipedWatchPrintsTheLinesAfterTheLastPrintedAndAtFirstOnlyTheTail() throws {
        let runs = try RunsTests.startedRun()
        defer { RunsTests.remove(runs) }
        let session = try RunSession("r", in: runs, now: Self.t0 + 60_000)
        for number in 1...30 {
            _ = try session.perform(Command(person: "alice", kind: .note("note \(number)", section: nil)))
        }
        let lines = try session.read().contents.lines
        let count = lines.count
        func text(after printed: Int, atFirst: Int? = nil, run: String? = nil) -> [Substring] {
            WatchedLines.text(lines, after: printed, now: session.now, time: .utc, atFirst: atFirst, run: run)
                .split(separator: "\n")
        }
        #expect(text(after: 0).count == count)
        #expect(text(after: 0, atFirst: 20).count == 21)
        #expect(text(after: 0, atFirst: 20).first?.hasPrefix("\(count - 20) ") == true)
        #expect(text(after: count - 2).count == 2)
        #expect(text(after: count - 1, run: "r").first?.hasPrefix("r \(count) ") == true)
        #expect(text(after: count).isEmpty)
    }

    @Test func aPendingLinkedRunIsStartedOrSaidWhyNotAndNothingIsSaidWithoutOne() throws {
        let runs = try DrillByHandTests.runsDirectory()
        defer { RunsTests.remove(runs) }
        let playbooks = ScenarioLoadingTests.playbooks
        let aircon = try PlaybookFiles.load("aircon", playbooksDirectory: playbooks)
        _ = try runs.startLive("a", playbook: aircon.playbook, bytes: aircon.bytes, severity: "fatal",
                               assignments: ["commander": "alice", "on_site": "bob"], faultAt: nil, title: nil,
                               now: Self.t0)
        let commands = [
            Command(person: "bob", kind: .record(fact: "units_down", value: "all_units")),
            Command(person: "bob", kind: .done(step: "report", items: [])),
            Command(person: "alice", kind: .done(step: "power_handover", items: [])),
        ]
        for (minute, command) in commands.enumerated() {
            _ = try RunSession("a", in: runs, now: Self.t0 + Int64(minute + 1) * 60_000).perform(command)
        }
        let now = Self.t0 + 4 * 60_000
        let state = try RunSession("a", in: runs, now: now).read().state
        let linker = LinkedRuns(runs: runs, now: now)
        let missing = linker.completePending("a", state: state, playbooksDirectory: "nowhere", language: .zh)
        #expect(!missing.started)
        #expect(missing.said.contains("未能启动转入预案 power-loss 的关联运行：'nowhere' 中没有预案 'power-loss'"))
        let started = linker.completePending("a", state: state, playbooksDirectory: playbooks, language: .en)
        #expect(started == .init(started: true, said: RunCommandLines.continued(
            in: "power-loss", linkedRun: "a-power-loss", language: .en)))
        let after = try RunSession("a", in: runs, now: now).read().state
        #expect(linker.completePending("a", state: after, playbooksDirectory: playbooks, language: .en)
            == .init(started: true, said: ""))
    }

    @Test func theBellRingsForAPageToThePersonOnlyWhenItIsNew() throws {
        let runs = try RunsTests.startedRun()
        defer { RunsTests.remove(runs) }
        var bell = PageBell()
        let before = try RunSession("r", in: runs, now: Self.t0).read().state
        // The step's escalation after 1s pages the commander, alice.
        let paged = try RunSession("r", in: runs, now: Self.t0 + 2_000).perform(nil).state
        try #require(paged.outbox.deliveries.contains { $0.recipient == "alice" })
        var rang: [Bool] = []
        for (state, person) in [(before, "alice"), (paged, "bob"), (paged, "alice"), (paged, "alice")] {
            rang.append(bell.seeNewPages(in: state, runID: "r", person: person))
        }
        #expect(rang == [false, false, true, false])
    }
}
