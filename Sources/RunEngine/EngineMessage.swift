/// What the engine says of its own accord (a notification's text, why a step ended without being done) as a code
/// naming what happened and the ids and numbers it is about, never a sentence: the views say it in English or
/// Chinese with the playbook's titles (`EngineMessageWords` in Reporting).
///
/// The journal keeps the code (`code` and `parameters`) beside the words the engine wrote with it (`message` /
/// `why` and their `_zh`), which the notifier sends and readers of older versions show; a line written before the
/// engine wrote codes has only the words, and is shown in them.
public struct EngineMessage: Sendable, Hashable {
    /// Every message the engine writes, by the name the journal records. Names never change; new ones are added.
    /// The comment on each names its parameters.
    public enum Code: String, Sendable, Hashable, CaseIterable {
        // Notifications
        /// `step` is not done `after` milliseconds after it started: an escalation rung tells its roles.
        case stepNotDone = "step-not-done"
        /// `step` is now the reader's: an escalation gave it to them, or (with `level`) the severity is now `level`.
        case stepNowYours = "step-now-yours"
        /// `step` was not acknowledged in time: its owner is told.
        case stepNotAcknowledged = "step-not-acknowledged"
        /// `step` is not done by its deadline: its owner is told.
        case stepOverdue = "step-overdue"
        /// Nobody decided `step` in time: its default `option` was taken.
        case decisionDefaulted = "decision-defaulted"

        // Why a step was cancelled
        /// Escalation rung `rung` (from 1) of the step went to step `to`.
        case escalationWentTo = "escalation-went-to"
        /// The join of the parallel step `step` is satisfied: what is open in its tracks ends.
        case joinSatisfied = "join-satisfied"
        /// The run continues in playbook `playbook`: what is open is handed over.
        case handedOver = "handed-over"
        /// The run reached outcome `outcome`.
        case outcomeReached = "outcome-reached"

        // Why a step was reassigned
        /// Escalation rung `rung` (from 1) of the step gave it to another role.
        case reassignedByEscalation = "reassigned-by-escalation"
        /// The severity is now `level`, whose owner of the step is another role.
        case reassignedBySeverity = "reassigned-by-severity"
    }

    /// What happened; its raw value is what the journal records.
    public let code: Code
    /// The ids and numbers the message names, by parameter name.
    public let parameters: [String: Rejection.Value]

    /// Creates a message with `code`, naming `parameters`; a `nil` parameter is left out.
    public init(_ code: Code, _ parameters: [String: Rejection.Value?] = [:]) {
        self.code = code
        self.parameters = parameters.compactMapValues { $0 }
    }

    /// The text parameter `name` (a number is given as its digits), if any.
    public func text(_ name: String) -> String? {
        switch parameters[name] {
        case .text(let text): text
        case .number(let number): String(number)
        case .list, nil: nil
        }
    }

    /// The number parameter `name`, if any.
    public func number(_ name: String) -> Int? {
        if case .number(let number) = parameters[name] { return number }
        return nil
    }
}
