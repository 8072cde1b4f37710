public import Journaling
import RunEngine

/// What `verify` found in a run's journal (or in an archive of it): intact, or the first thing wrong.
public enum RunVerification: Sendable {
    /// Every checksum and the chain intact, the head record agreeing, a drill's scenario the one it started with:
    /// the verified journal, for what else is checked of it (its links to other runs).
    case intact(contents: Journal.Contents, unfinished: Journal.UnfinishedWrite?)
    /// What is wrong, on which line when it is one line's fault, in English and Chinese.
    case failed(line: Int?, english: String, chinese: String)

    /// Verifies run `runID` of `runs` from a consistent snapshot (others may be writing), its pinned scenario,
    /// and, given `head` (a chain head recorded earlier), that this line is still in the chain.
    ///
    /// - Throws: `RunFailure` when `runID` is not a run id or no such run exists, or it cannot be read.
    public static func of(_ runID: String, in runs: RunsDirectory, head: String?) throws(RunFailure) -> Self {
        let journal = Journal(directory: try runs.runPath(runID))
        let snapshot: Journal.Snapshot
        do throws(JournalError) {
            snapshot = try journal.snapshot()
        } catch {
            throw RunFailure(error, runID: runID)
        }
        return try check(snapshot, runID: runID, scenario: RunSession.pinnedScenario(in: journal.directory), head: head)
    }

    /// Verifies the run an archive written by `muster export` holds, on any machine.
    public static func of(bundle: RunBundleFile, head: String?) throws(RunFailure) -> Self {
        try check(bundle.snapshot, runID: bundle.runID, scenario: bundle.scenario, head: head)
    }

    /// Verifies another run an archive holds (a run linked to the one exported), as `of(bundle:head:)` does.
    public static func of(linked runID: String, in bundle: RunBundleFile) throws(RunFailure) -> Self? {
        guard let run = bundle.linked[runID] else { return nil }
        return try check(run.snapshot, runID: runID, scenario: run.scenario, head: nil)
    }

    private static func check(
        _ snapshot: Journal.Snapshot, runID: String, scenario: [UInt8]?, head expected: String?
    ) throws(RunFailure) -> Self {
        let contents: Journal.Contents
        let unfinished: Journal.UnfinishedWrite?
        do throws(JournalError) {
            (contents, unfinished) = try Journal.verify(snapshot)
        } catch .damaged(let line, let reason) {
            return .failed(line: line, english: reason, chinese: reason)
        } catch .badHeadRecord {
            return .failed(line: nil, english: JournalError.badHeadRecord.description,
                           chinese: RunFailure(.badHeadRecord, runID: runID).text(.zh))
        } catch {
            throw RunFailure(error, runID: runID)
        }
        // A drill's pinned scenario is part of the record, as the playbook is: its hash is in line 1.
        if case .runStarted(let start)? = contents.lines.first?.event.kind, start.scenarioHash != nil {
            let problem = scenario.map { RunSession.scenarioProblem($0, events: contents.events) }
                ?? ("the pinned scenario.yaml is missing", "固定的 scenario.yaml 不见了")
            if let problem { return .failed(line: 1, english: problem.english, chinese: problem.chinese) }
        }
        if let expected = expected?.lowercased() {
            let hashes = Set(contents.lines.dropFirst().map(\.previous) + [contents.head])
            guard hashes.contains(expected) else {
                return .failed(
                    line: nil,
                    english: "the head recorded earlier (\(expected.prefix(12))…) is not in the chain: "
                        + "the journal was cut or rewritten after it",
                    chinese: "之前记录的链头（\(expected.prefix(12))…）不在链中：日志在那之后被截断或改写过")
            }
        }
        return .intact(contents: contents, unfinished: unfinished)
    }
}
