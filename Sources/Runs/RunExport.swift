import Journaling
import RunEngine

/// A run as one archive that anyone verifies on any machine (`muster verify --bundle`).
public struct RunExport: Sendable {
    /// The tar archive: the journal, the pinned playbook, the head record and (for a drill) the scenario, for the
    /// run and for each run linked to it.
    public var archive: [UInt8]
    /// How many lines the journal has.
    public var lines: Int
    /// The chain's head.
    public var head: String
    /// Whether the run is still going.
    public var open: Bool
    /// The linked runs the archive holds too, by id.
    public var linked: [String] = []
    /// The linked runs left out because they could not be read or are damaged, by id, with why.
    public var missing: [String: RunFailure] = [:]
}

extension RunsDirectory {
    /// The run's files, read under the journal's shared lock (a run still going can be exported too) and
    /// verified, as one tar archive whose members are under `RUN/`; the runs linked to it (`continue_in`, both
    /// ways, and theirs in turn) follow, each under its own folder, so that the archive holds the whole response.
    ///
    /// - Throws: `RunFailure` when the run cannot be read or is damaged (a damaged run is not exported).
    public func export(_ runID: String) throws(RunFailure) -> RunExport {
        let exported = try files(of: runID)
        var members = exported.members
        var included: Set<String> = [runID]
        var missing: [String: RunFailure] = [:]
        var waiting = Self.links(of: exported.contents)
        var lastEventAt = exported.state.lastEventAt
        while let next = waiting.first {
            waiting.removeFirst()
            guard !included.contains(next), missing[next] == nil else { continue }
            do throws(RunFailure) {
                let linked = try files(of: next)
                included.insert(next)
                members += linked.members
                waiting += Self.links(of: linked.contents)
                lastEventAt = max(lastEventAt, linked.state.lastEventAt)
            } catch {
                missing[next] = error
            }
        }
        return RunExport(archive: RunBundle.archive(members, modified: lastEventAt / 1000),
                         lines: exported.contents.lines.count, head: exported.contents.head,
                         open: !exported.state.closed, linked: included.subtracting([runID]).sorted(),
                         missing: missing)
    }

    /// One run's members under `RUN/`, its verified journal and its state.
    private func files(of runID: String) throws(RunFailure)
        -> (members: [RunBundle.Member], contents: Journal.Contents, state: RunState)
    {
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
        return (members, contents, RunState.fold(contents.events))
    }

    /// The runs a journal links to: the one it continues and those it continued in.
    static func links(of contents: Journal.Contents) -> [String] {
        var runs: [String] = []
        if case .runStarted(let start)? = contents.lines.first?.event.kind, let from = start.continuedFrom {
            runs.append(from.run)
        }
        for line in contents.lines {
            if case .continuedIn(let link) = line.event.kind { runs.append(link.run) }
        }
        return runs
    }
}
