public import Diagnostics

/// A decision: the owner picks one of named options, each leading somewhere.
public struct Decision: Sendable, Hashable {
    /// One option.
    public struct Option: Sendable, Hashable {
        /// The option's id, used on the command line (`decide RUN STEP OPTION`).
        public var id: String
        /// The title.
        public var title: LocalizedText
        /// Where it leads.
        public var target: Located<Target>
    }

    /// The question.
    public var prompt: LocalizedText
    /// The options, in file order.
    public var options: [Option]
    /// The time to decide, from the step's activation.
    public var within: Located<Duration>?
    /// The option taken when the time runs out: the default-safe branch.
    public var onExpiry: Located<String>?
    /// Roles notified when the decision defaults.
    public var notifyOnExpiry: [Located<String>]
}

/// An approval gate: the step's owner asks, `by` approves or denies.
public struct Approval: Sendable, Hashable {
    /// The role that approves or denies.
    public var approver: Located<String>
    /// The time to answer, from the step's activation.
    public var within: Located<Duration>?
    /// What happens when the time runs out: `approve` or `deny`.
    public var approveOnExpiry: Bool
    /// Where an approval leads.
    public var approved: Located<Target>
    /// Where a denial leads.
    public var denied: Located<Target>
}

/// Tracks that run at once and a rule for when the step is done.
public struct ParallelBlock: Sendable, Hashable {
    /// When a parallel step is done.
    public enum Join: Sendable, Hashable, CustomStringConvertible {
        /// When every track has ended.
        case all
        /// When the first track ends (the others are cancelled).
        case any
        /// When this many tracks have ended (the others are cancelled).
        case count(Int)

        public var description: String {
            switch self {
            case .all: "all"
            case .any: "any"
            case .count(let count): "\(count) of the tracks"
            }
        }
    }

    /// The tracks, in file order.
    public var tracks: [Track]
    /// The join rule.
    public var join: Join
    /// Where the join rule is written.
    public var joinLocation: SourceLocation
}

/// One track of a parallel step: its own steps, which may not go to steps outside it.
public struct Track: Sendable, Hashable {
    /// The track's id.
    public var id: String
    /// The title.
    public var title: LocalizedText
    /// The track's first step.
    public var start: Located<String>
    /// The track's steps; a track ends when it reaches a step without `next`.
    public var steps: [Step]
    /// Where the track is defined.
    public var location: SourceLocation
}

/// A bounded wait for something to happen ("power is back"), ended by its owner or a signal, or by time.
public struct Wait: Sendable, Hashable {
    /// What is awaited, for the responder.
    public var until: LocalizedText?
    /// A signal name that ends the wait (`muster signal RUN NAME`, or a drill inject).
    public var signal: String?
    /// The bound.
    public var within: Located<Duration>
    /// Where the run goes when the bound is reached; without it, the step's `next`.
    public var onExpiry: Located<Target>?
    /// The instant the bound counts from, when not the step's activation (`from: fault` for "2 h after the
    /// fault"): the wait then ends at that instant plus `within`, at once if that has passed.
    public var from: Located<RunInstant>? = nil
}
