import Journaling
import RunEngine

/// A run as one archive that anyone verifies on any machine (`muster verify --bundle`).
public struct RunExport: Sendable {
    /// The tar archive: the journal, the pinned playbook, the head record and (for a drill) the scenario.
    public var archive: [UInt8]
    /// How many lines the journal has.
    public var lines: Int
    /// The chain's head.
    public var head: String
    /// Whether the run is still going.
    public var open: Bool
}

extension RunsDirectory {
    /// The run's files, read under the journal's shared lock (a run still going can be exported too) and
    /// verified, as one tar archive whose members are under `RUN/`.
    ///
    /// - Throws: `RunFailure` when the run cannot be read or is damaged (a damaged run is not exported).
    public func export(_ runID: String) throws(RunFailure) -> RunExport {
        let journal = Journal(directory: try runPath(runID))
        let snapshot: Journal.Snapshot
        let contents: Journal.Contents
        do throws(JournalError) {
            snapshot = try journal.snapshot()
            contents = try Journal.verify(snapshot).contents
        } catch {
            throw RunFailure(error, runID: runID)
        }
        var members = [
            RunBundle.Member(name: "\(runID)/playbook.yaml", bytes: snapshot.playbook),
            RunBundle.Member(name: "\(runID)/journal.jsonl", bytes: snapshot.journal),
        ]
        if let record = snapshot.headRecord { members.append(.init(name: "\(runID)/journal.head", bytes: record)) }
        if let scenario = RunSession.pinnedScenario(in: journal.directory) {
            members.append(.init(name: "\(runID)/scenario.yaml", bytes: scenario))
        }
        let state = RunState.fold(contents.events)
        return RunExport(archive: RunBundle.archive(members, modified: state.lastEventAt / 1000),
                      lines: contents.lines.count, head: contents.head, open: !state.closed)
    }
}
