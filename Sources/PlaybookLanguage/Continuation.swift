public import Diagnostics

/// Where a run goes on when a step says to continue in another playbook (`continue_in:` on an action step): a
/// linked run of that playbook, started at one of its steps (or at its start) with the facts it needs.
///
/// When the step is done the run asks for the linked run (`run.continue_requested`) and goes straight to its
/// outcome; its milestones not reached yet and its after-end obligations are handed over to the linked run, not
/// missed. Both journals point at each other (`run.continued_in` here, `continued_from` in the other's
/// `run.started`).
public struct Continuation: Sendable, Hashable {
    /// One fact the linked run starts with: its id in the other playbook, and its value as written.
    public struct FactSetting: Sendable, Hashable {
        /// The fact's id in the other playbook.
        public var fact: Located<String>
        /// The value as written (`line_fault`, `true`, `40`), read by the other playbook's fact type.
        public var value: Located<String>
    }

    /// The other playbook's id.
    public var playbook: Located<String>
    /// The step of the other playbook the linked run starts at; `nil` for its `start`.
    public var step: Located<String>?
    /// The facts the linked run starts with, in file order.
    public var facts: [FactSetting]
    /// Where `continue_in` is written.
    public var location: SourceLocation
}
