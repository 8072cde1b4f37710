import PlaybookLanguage

extension Transaction {
    /// Refuses a command whose person's name or free text breaks `EnteredText`'s rules, before anything else:
    /// what reaches the journal is what every board, log and report can show.
    func checkEnteredText(_ command: Command) throws {
        func refuse(_ issue: EnteredText.Issue?) throws {
            if let issue { throw Rejection(issue) }
        }
        try refuse(EnteredText.nameIssue(command.person))
        if let recorder = command.recordedBy { try refuse(EnteredText.nameIssue(recorder)) }
        func text(_ value: String?, _ field: EnteredText.Field) throws {
            guard let value else { return }
            try refuse(EnteredText.textIssue(value, field: field))
        }
        switch command.kind {
        case .progress(_, let note): try text(note, .progressNote)
        case .note(let note, _): try text(note, .note)
        case .decide(_, _, let why), .approve(_, let why), .deny(_, let why), .grade(_, let why): try text(why, .reason)
        case .regrade(_, let why), .abort(let why): try text(why, .reason)
        case .record(_, let value): try text(value, .value)
        case .correct(_, let value, let why):
            try text(value, .value)
            try text(why, .reason)
        case .handover(_, let to): try refuse(EnteredText.nameIssue(to))
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
            throw Rejection(.onlyOnesOwn, ["command": .text(command.kind.name), "recorder": .text(recorder),
                                           "person": .text(command.person)])
        default: break
        }
        guard state.holders.values.contains(recorder) else {
            throw Rejection(.recorderNotOnRun, ["recorder": .text(recorder)])
        }
    }
}
