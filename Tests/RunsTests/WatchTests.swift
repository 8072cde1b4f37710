import Foundation
import Journaling
import RunEngine
import Runs
import Testing
import Views

/// What a watcher does each wake, in-process: the timers that fell due journaled, what waits delivered and read
/// back, when to wake next; and the HTML board it keeps, written again only when the run moved on or the pages aged.
struct WatchTests {
    static let t0 = RunsTests.t0

    /// A notifier that accepts every notification (a program that reads its input and exits 0).
    static func acceptingNotifier(in runs: RunsDirectory) throws -> Notifier {
        let script = runs.path + "/notify.sh"
        #expect(FileManager.default.createFile(atPath: script, contents: Data("#!/bin/sh\ncat > /dev/null\n".utf8),
                                               attributes: [.posixPermissions: 0o755]))
        return Notifier(argv: [script], contacts: nil, timeout: 10)
    }

    @Test func aWakeJournalsWhatFellDueAndSaysWhenTheNextTimerIs() throws {
        let runs = try RunsTests.startedRun()
        defer { RunsTests.remove(runs) }
        let linesBefore = try RunSession("r", in: runs, now: Self.t0).read().contents.lines.count
        let session = try RunSession("r", in: runs, now: Self.t0 + 5_000)
        let woke = try session.wake(notifier: nil, clock: { Self.t0 + 5_000 }) { Issue.record("warned: \($0)") }
        #expect(woke.delivered == 0)
        #expect(woke.contents.lines.count > linesBefore)
        #expect(woke.state.eventCount == woke.contents.lines.count)
        #expect(woke.state.outbox.pending.count == 1)
        // The escalation after 1s fired; the step's own deadline, 10 minutes after the start, is next.
        let next = try #require(woke.nextDue)
        #expect(next > Self.t0 + 5_000 && next <= Self.t0 + 600_000)
        #expect(try session.read().contents.head == woke.contents.head)
    }

    @Test func aWakeDeliversWhatWaitsAndReadsTheResultsBack() throws {
        let runs = try RunsTests.startedRun()
        defer { RunsTests.remove(runs) }
        let notifier = try Self.acceptingNotifier(in: runs)
        let session = try RunSession("r", in: runs, now: Self.t0 + 5_000)
        let woke = try session.wake(notifier: notifier, clock: { Self.t0 + 5_000 }) { Issue.record("warned: \($0)") }
        #expect(woke.delivered == 1)
        #expect(woke.state.outbox.pending.isEmpty)
        let read = try session.read()
        #expect(woke.contents.lines.count == read.contents.lines.count)
        #expect(woke.state.eventCount == read.state.eventCount)
        // Nothing is due again on the next wake.
        let again = try session.wake(notifier: notifier, clock: { Self.t0 + 6_000 }) { Issue.record("warned: \($0)") }
        #expect(again.delivered == 0 && again.contents.lines.count == read.contents.lines.count)
    }

    @Test func watchingEveryRunWakesALiveRunAndOnlyReadsAClosedOne() throws {
        let runs = try RunsTests.startedRun()
        defer { RunsTests.remove(runs) }
        let live = try RunSession("r", in: runs, now: Self.t0 + 5_000)
            .watchEvery(notifier: nil, clock: { Self.t0 + 5_000 }) { Issue.record("warned: \($0)") }
        #expect(live.woken && live.nextDue != nil)
        #expect(live.state.outbox.pending.count == 1)
        let aborted = try RunSession("r", in: runs, now: Self.t0 + 6_000)
            .perform(Command(person: "alice", kind: .abort(why: "drill over")))
        #expect(aborted.state.closed)
        let before = try RunSession("r", in: runs, now: Self.t0).read().contents
        // Long after the step's deadline: a closed run fires nothing and is not written.
        let closed = try RunSession("r", in: runs, now: Self.t0 + 3_600_000)
            .watchEvery(notifier: nil, clock: { Self.t0 + 3_600_000 }) { Issue.record("warned: \($0)") }
        #expect(!closed.woken && closed.nextDue == nil && closed.delivered == 0)
        #expect(closed.contents.head == before.head && closed.contents.lines.count == before.lines.count)
        #expect(try RunSession("r", in: runs, now: Self.t0).read().contents.head == before.head)
    }

    @Test func theBoardIsWrittenAgainOnlyWhenTheRunMovedOnOrThePagesAged() throws {
        let runs = try RunsTests.startedRun()
        defer { RunsTests.remove(runs) }
        let directory = runs.path + "/board"
        var board = HTMLBoard(directory: directory, times: .utc)
        try board.prepare(runsDirectory: runs.path)
        let session = try RunSession("r", in: runs, now: Self.t0)
        let read = try session.read()
        func update(at now: Int64, lines: [JournalLine], whenOld: Bool = true) throws -> Bool {
            try board.update(run: "r", playbook: read.playbook, state: read.state, lines: lines, now: now,
                             runDirectory: session.journal.directory, ownDirectory: false, whenOld: whenOld)
        }
        #expect(try update(at: Self.t0, lines: read.contents.lines))
        let page = try String(contentsOfFile: directory + "/index.html", encoding: .utf8)
        #expect(page.contains("<html") && page.contains("Tiny"))
        #expect(FileManager.default.fileExists(atPath: directory + "/index.zh.html"))
        #expect(try !update(at: Self.t0 + 1_000, lines: read.contents.lines))
        #expect(try !update(at: Self.t0 + HTMLBoard.rewriteAfter, lines: read.contents.lines, whenOld: false))
        #expect(try update(at: Self.t0 + HTMLBoard.rewriteAfter, lines: read.contents.lines))
        #expect(try update(at: Self.t0 + HTMLBoard.rewriteAfter + 1, lines: Array(read.contents.lines.dropLast())))
    }

    @Test func aBoardOfEveryRunHasADirectoryPerRunAndAnIndex() throws {
        let runs = try RunsTests.startedRun()
        defer { RunsTests.remove(runs) }
        let directory = runs.path + "/board"
        var board = HTMLBoard(directory: directory, times: .utc)
        try board.prepare(runsDirectory: runs.path)
        let session = try RunSession("r", in: runs, now: Self.t0)
        let read = try session.read()
        #expect(try board.update(run: "r", playbook: read.playbook, state: read.state, lines: read.contents.lines,
                                 now: Self.t0, runDirectory: session.journal.directory, ownDirectory: true))
        let page = try String(contentsOfFile: directory + "/r/index.html", encoding: .utf8)
        #expect(page.contains("../index.html"))
        let entries = [RunsIndexHTML.Entry(runID: "r", title: read.playbook.title, state: read.state)]
        #expect(try board.updateIndex(entries, now: Self.t0, runsDirectory: runs.path))
        let index = try String(contentsOfFile: directory + "/index.html", encoding: .utf8)
        #expect(index.contains("r/index.html"))
        #expect(FileManager.default.fileExists(atPath: directory + "/index.zh.html"))
        #expect(try !board.updateIndex(entries, now: Self.t0 + 1_000, runsDirectory: runs.path))
        #expect(try board.updateIndex(entries + [.init(runID: "gone", title: nil, state: nil)], now: Self.t0 + 2_000,
                                      runsDirectory: runs.path))
    }

    @Test func thePagesTakeTheRunDirectorysGroupBitsAndNothingForOthers() throws {
        let runs = try RunsTests.startedRun()
        defer { RunsTests.remove(runs) }
        let runDirectory = try runs.runPath("r")
        try FileManager.default.setAttributes([.posixPermissions: 0o750], ofItemAtPath: runDirectory)
        #expect(HTMLBoard.Access(of: runDirectory).file == 0o640)
        #expect(HTMLBoard.Access(of: runDirectory).directory == 0o750)
        #expect(HTMLBoard.Access(of: runs.path + "/missing") == HTMLBoard.Access(file: 0o660, directory: 0o770, group: nil))
    }
}
