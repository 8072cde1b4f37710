import Journaling
import Reporting
public import Views

extension StatsSummary {
    /// The timeliness statistics of every run of `runs` (`muster stats`), each read and verified; a run that
    /// cannot be read is listed as unreadable, not counted. Deadlines are judged against `now`; with `since`, only
    /// runs started on or after that instant count.
    public init(runs: RunsDirectory, now: Int64, since: Int64?) {
        let inputs = runs.readAll().map { runID, read in
            read.map { contents, playbook in
                let entries = contents.lines.map { JournalEntry(seq: $0.seq, event: $0.event, relative: $0.relative) }
                return StatsSummary.RunInput(id: runID, entries: entries, head: contents.head, playbook: playbook)
            }.mapError { StatsReadError(run: runID, reason: $0.message) }
        }
        self.init(runsDirectory: runs.path, runs: inputs, now: now, since: since)
    }
}
