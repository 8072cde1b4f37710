public import PlaybookLanguage
public import RunEngine

/// The HTML board of one run as files (`watch --html`): `index.html` and `index.zh.html`, and a page per person
/// in each language.
public enum RunBoardPages {
    /// The pages of one run: file name and HTML, in English and Chinese.
    public static func pages(runID: String, playbook: Playbook, state: RunState, events: [(seq: Int, event: Event)],
                             now: Int64, times: LocalTimes, indexLink: String?) -> [(name: String, html: String)] {
        let recent = events.suffix(RunBoardHTML.recentShown).map { RunBoardHTML.RecentEvent(seq: $0.seq, event: $0.event) }
        var pages: [(String, String)] = []
        // Everyone who ever held a role or was paged: a person who handed over keeps an up-to-date page that says
        // nothing waits for them, rather than an old one that still lists their steps.
        var people = Set(state.holders.values)
        for delivery in state.outbox.deliveries { if let person = delivery.recipient { people.insert(person) } }
        for line in events {
            switch line.event.kind {
            case .runStarted(let start): people.formUnion(start.assignments.values)
            case .personJoined(let person, _): people.insert(person)
            case .handover(_, let from, let to): people.insert(to); if let from { people.insert(from) }
            default: break
            }
        }
        for language in Language.allCases {
            let board = RunBoardHTML(runID: runID, playbook: playbook, state: state, recent: recent, now: now,
                                     language: language, times: times, indexLink: indexLink)
            pages.append((language == .zh ? "index.zh.html" : "index.html", board.render()))
            for person in people.sorted() {
                let work = PersonalWork(runID: runID, playbook: playbook, state: state, person: person, now: now,
                                        language: language)
                pages.append((PersonalWorkHTML.fileName(person, language: language),
                              PersonalWorkHTML(work, times: times).render()))
            }
        }
        return pages
    }
}
