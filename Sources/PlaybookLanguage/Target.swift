/// Where a transition goes: another step, or an outcome (written `outcome.NAME`).
public enum Target: Sendable, Hashable, CustomStringConvertible {
    /// A step of the same step list.
    case step(String)
    /// An outcome of the playbook; reaching it ends the run's main phase.
    case outcome(String)

    /// Reads `outcome.NAME` as an outcome, anything else as a step id.
    public init(parsing text: String) {
        if text.hasPrefix("outcome.") {
            self = .outcome(String(text.dropFirst("outcome.".count)))
        } else {
            self = .step(text)
        }
    }

    public var description: String {
        switch self {
        case .step(let id): id
        case .outcome(let id): "outcome.\(id)"
        }
    }
}
