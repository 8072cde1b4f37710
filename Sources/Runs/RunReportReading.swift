public import Reporting

extension RunSession {
    /// The run's report, from its verified journal and pinned playbook: a drill on a virtual clock as of its last
    /// event, a run on the real clock as of `realNow` (or its last event, if later).
    ///
    /// - Throws: `RunFailure` when the run cannot be read.
    public func report(realNow: Int64) throws(RunFailure) -> RunReport {
        let (contents, playbook, _, _) = try read()
        let entries = contents.lines.map { JournalEntry(seq: $0.seq, event: $0.event, relative: $0.relative) }
        let lastEvent = entries.last?.event.at ?? 0
        var asOf = max(realNow, lastEvent)
        if case .runStarted(let start)? = entries.first?.event.kind, start.virtualClock { asOf = lastEvent }
        return RunReport(playbook: playbook, entries: entries,
                         integrity: Integrity(head: contents.head, lines: contents.lines.count, verified: true),
                         runID: runID, asOf: asOf)
    }
}
