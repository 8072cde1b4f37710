import Hashing
import Journaling
import PlaybookLanguage
import RunEngine
import Runs
import Testing

/// What `verify` says of a run's links, in-process: a link both ways holds; a linked run that is missing, that is
/// another run under the same id, or that does not point back is named, in English and Chinese.
struct LinkVerificationTests {
    static let t0 = RunsTests.t0

    /// Run `r` of the tiny playbook, and the hash of its first line.
    static func firstRun() throws -> (RunsDirectory, String) {
        let runs = try RunsTests.startedRun()
        let first = try #require(try Journal(directory: runs.runPath("r")).read().contents.lines.first)
        return (runs, SHA256.hash(first.encoded()).hex)
    }

    /// Starts run `id` of the tiny playbook in `runs`, continuing `from` when given.
    static func start(_ id: String, in runs: RunsDirectory, continuing from: RunLink?) throws {
        let (playbook, bytes) = try RunLifecycleTests.tiny()
        var start = RunStart(playbookID: playbook.id, version: playbook.version, playbookHash: SHA256.hash(bytes).hex,
                             mode: .live, virtualClock: false, severity: nil, assignments: ["commander": "alice"])
        start.continuedFrom = from
        try Journal.create(directory: try runs.runPath(id), playbook: bytes,
                           events: Engine(playbook: playbook).start(start, at: t0))
    }

    /// Journals in run `runID` that it continued in `link`.
    static func recordContinuation(_ link: RunLink, in runID: String, runs: RunsDirectory) throws {
        _ = try Journal(directory: try runs.runPath(runID)).transact { _ in
            [Event(at: t0 + 1_000, actor: .engine, kind: .continuedIn(link))]
        }
    }

    static func findings(_ runID: String, _ runs: RunsDirectory) throws -> [LinkVerification.Finding] {
        let contents = try Journal(directory: try runs.runPath(runID)).read().contents
        return LinkVerification.follow(runID, contents: contents, runs: runs)
    }

    @Test func aRunWithoutLinksHasNothingToFollow() throws {
        let (runs, _) = try Self.firstRun()
        defer { RunsTests.remove(runs) }
        #expect(try Self.findings("r", runs).isEmpty)
    }

    @Test func aLinkBothWaysHoldsFromEitherEnd() throws {
        let (runs, hash) = try Self.firstRun()
        defer { RunsTests.remove(runs) }
        try Self.start("r-tiny", in: runs, continuing: RunLink(run: "r", playbook: "tiny", startedHash: hash))
        let linkedFirst = try #require(try Journal(directory: runs.runPath("r-tiny")).read().contents.lines.first)
        try Self.recordContinuation(
            RunLink(run: "r-tiny", playbook: "tiny", startedHash: SHA256.hash(linkedFirst.encoded()).hex),
            in: "r", runs: runs)

        let forward = try Self.findings("r", runs)
        #expect(forward.map(\.ok) == [true])
        #expect(forward.first?.run == "r-tiny")
        #expect(forward.first?.english == "continued in run r-tiny (tiny): first line matches, and it points back")
        #expect(forward.first?.chinese == "转入运行 r-tiny（tiny）：第 1 行相符，且指回本运行")

        let backward = try Self.findings("r-tiny", runs)
        #expect(backward.map(\.ok) == [true])
        #expect(backward.first?.english == "continues run r (tiny): first line matches, and it points back")
    }

    @Test func aMissingLinkedRunIsNamed() throws {
        let (runs, _) = try Self.firstRun()
        defer { RunsTests.remove(runs) }
        try Self.recordContinuation(RunLink(run: "gone", playbook: "tiny", startedHash: "00"), in: "r", runs: runs)
        let found = try Self.findings("r", runs)
        #expect(found == [LinkVerification.Finding(
            ok: false, english: "continued in run gone (tiny): the linked run cannot be read here",
            chinese: "转入运行 gone（tiny）：此处读不到该关联运行", run: "gone")])
    }

    @Test func anotherRunUnderTheLinkedIDIsNamed() throws {
        let (runs, _) = try Self.firstRun()
        defer { RunsTests.remove(runs) }
        try Self.start("other", in: runs, continuing: nil)
        try Self.recordContinuation(RunLink(run: "other", playbook: "tiny", startedHash: "00"), in: "r", runs: runs)
        let found = try Self.findings("r", runs)
        #expect(found.map(\.ok) == [false])
        #expect(found.first?.english.hasSuffix("its first line is not the one the link names (another run with that id)") == true)
    }

    @Test func aLinkedRunThatDoesNotPointBackIsNamed() throws {
        let (runs, _) = try Self.firstRun()
        defer { RunsTests.remove(runs) }
        try Self.start("other", in: runs, continuing: nil)
        let otherFirst = try #require(try Journal(directory: runs.runPath("other")).read().contents.lines.first)
        try Self.recordContinuation(
            RunLink(run: "other", playbook: "tiny", startedHash: SHA256.hash(otherFirst.encoded()).hex),
            in: "r", runs: runs)
        let found = try Self.findings("r", runs)
        #expect(found.map(\.ok) == [false])
        #expect(found.first?.english == "continued in run other (tiny): it does not point back at this run")
        #expect(found.first?.chinese == "转入运行 other（tiny）：它没有指回本运行")
    }
}
