import PlaybookLanguage

extension Transaction {
    /// Refuses a command whose person's name or free text breaks `EnteredText`'s rules, before anything else:
    /// what reaches the journal is what every board, log and report can show.
    func checkEnteredText(_ command: Command) throws {
        func refuse(_ problem: (english: String, chinese: String)?) throws {
            guard let problem else { return }
            throw Rejection("invalid", problem.english, problem.chinese)
        }
        try refuse(EnteredText.nameProblem(command.person))
        func text(_ value: String?, _ what: String, _ chineseWhat: String) throws {
            guard let value else { return }
            try refuse(EnteredText.textProblem(value, what: what, chineseWhat: chineseWhat))
        }
        switch command.kind {
        case .progress(_, let note): try text(note, "a progress note", "进展说明")
        case .note(let note, _): try text(note, "a note", "备注")
        case .decide(_, _, let why), .approve(_, let why), .deny(_, let why), .grade(_, let why):
            try text(why, "a reason", "理由")
        case .regrade(_, let why), .abort(let why): try text(why, "a reason", "理由")
        case .record(_, let value): try text(value, "a recorded value", "记录的值")
        case .handover(_, let to): try refuse(EnteredText.nameProblem(to))
        default: break
        }
    }
}
