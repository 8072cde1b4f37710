public import PlaybookLanguage
public import Views

extension RunSession {
    /// The page `status --format html` prints of the run as it is now: the run's board, or, when `person` is
    /// named, that person's own page.
    ///
    /// - Throws: `RunFailure` when the run cannot be read.
    public func statusPage(person: String?, language: Language, times: LocalTimes) throws(RunFailure) -> String {
        let read = try read()
        if let person {
            return PersonalWorkHTML(PersonalWork(runID: runID, playbook: read.playbook, state: read.state, person: person,
                                                 now: runNow(read.state), language: language, time: times.time),
                                    times: times).render()
        }
        let recent = read.contents.lines.suffix(RunBoardHTML.recentShown).map {
            RunBoardHTML.RecentEvent(seq: $0.seq, event: $0.event)
        }
        return RunBoardHTML(runID: runID, playbook: read.playbook, state: read.state, recent: recent, now: now,
                            language: language, times: times).render()
    }
}
