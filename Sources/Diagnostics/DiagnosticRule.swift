/// A rule that can produce diagnostics: its stable id and a one-line explanation.
///
/// Every module that reports problems lists its rules, so that `muster check --format sarif` can describe
/// them, the language reference can table them and a test can keep the two in step.
public struct DiagnosticRule: Sendable, Hashable {
    /// The stable id, e.g. `yaml-duplicate-key`.
    public var id: String
    /// One line saying what the rule catches.
    public var summary: String

    /// Creates a rule.
    public init(_ id: String, _ summary: String) {
        self.id = id
        self.summary = summary
    }
}
