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
        if let recorder = command.recordedBy { try refuse(EnteredText.nameProblem(recorder)) }
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

extension Transaction {
    /// An action recorded for someone else (reported by phone) is taken from a person on the run, for a person
    /// on the run; a signature and the acknowledgement of a page are only ever one's own.
    func checkRecorder(_ command: Command) throws {
        guard let recorder = command.recordedBy, recorder != command.person else { return }
        switch command.kind {
        case .signoff, .received:
            throw Rejection("invalid", "\(command.kind.name) is only ever one's own: \(recorder) cannot give it for "
                + command.person, "\(command.kind.name) 只能由本人进行：\(recorder) 不能代 \(command.person) 进行")
        default: break
        }
        guard state.holders.values.contains(recorder) else {
            throw Rejection("wrong-role", "\(recorder) holds no role on this run and cannot record for others",
                            "\(recorder) 在本次运行中未担任任何角色，不能代他人记录")
        }
    }
}
