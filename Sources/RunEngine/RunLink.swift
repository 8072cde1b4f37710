/// One end of a link between two runs, as the other run's journal records it: the run's id, its playbook and the
/// SHA-256 (hex) of its `run.started` line, so that `verify` and reports can follow the link and tell the run
/// they find from another one with the same id.
public struct RunLink: Sendable, Hashable {
    /// The linked run's id.
    public var run: String
    /// The linked run's playbook id.
    public var playbook: String
    /// The SHA-256 of the linked run's first line (`run.started`), hex.
    public var startedHash: String

    /// Creates a link.
    public init(run: String, playbook: String, startedHash: String) {
        self.run = run
        self.playbook = playbook
        self.startedHash = startedHash
    }
}

/// What a run asks for when a step that continues in another playbook is done (`continue_in`): a linked run of
/// that playbook, at one of its steps or its start, with facts written as text (the other playbook's types read
/// them). The engine only asks; the edge starts the linked run and journals `run.continued_in`.
public struct ContinuationRequest: Sendable, Hashable {
    /// The step that asked.
    public var step: String
    /// The other playbook's id.
    public var playbook: String
    /// The step of the other playbook to start at; `nil` for its start.
    public var entry: String?
    /// The facts to start with, by id, as written in the playbook.
    public var facts: [String: String]

    /// Creates a request.
    public init(step: String, playbook: String, entry: String?, facts: [String: String]) {
        self.step = step
        self.playbook = playbook
        self.entry = entry
        self.facts = facts
    }
}
