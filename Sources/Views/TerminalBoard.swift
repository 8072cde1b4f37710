public import PlaybookLanguage
public import Reporting
public import RunEngine

/// A run's board as `status` and `watch` print it on a terminal: the run board, the notification panel under it,
/// and, when a person is named, that person's own work (see `PersonalWork`).
public struct TerminalBoard: Sendable {
    /// The run's id.
    public var runID: String
    /// The playbook the run follows.
    public var playbook: Playbook
    /// The run's state.
    public var state: RunState
    /// The instant shown (the run's clock: a drill's virtual time).
    public var now: Int64
    /// The language shown.
    public var language: Language
    /// Whether a notifier delivers the pending notifications (the panel says so).
    public var delivering: Bool
    /// How due times are shown.
    public var time: LocalTime
    /// Whose own work is shown under the panel, if anyone's.
    public var person: String?

    /// The board of run `runID` at `now`; `person`'s work under it when given (an empty name shows none).
    public init(runID: String, playbook: Playbook, state: RunState, now: Int64, language: Language, delivering: Bool,
                time: LocalTime = .utc, person: String? = nil) {
        self.runID = runID
        self.playbook = playbook
        self.state = state
        self.now = now
        self.language = language
        self.delivering = delivering
        self.time = time
        self.person = person?.isEmpty == true ? nil : person
    }

    /// The board, the panel and the person's work, as text.
    public func render() -> String {
        RunBoard(runID: runID, playbook: playbook, state: state, now: now, language: language, time: time).render()
            + NotificationPanel(outbox: state.outbox, now: now, language: language, delivering: delivering,
                                time: time, names: PlaybookNames(playbook)).render()
            + (person.map { person in
                "\n" + PersonalWork(runID: runID, playbook: playbook, state: state, person: person, now: now,
                                    language: language, time: time).render()
            } ?? "")
    }
}
