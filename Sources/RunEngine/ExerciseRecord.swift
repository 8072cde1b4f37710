/// What a drill's exercise staff journal beside the players' actions: an evaluator's observation or rating of
/// an objective, a controller's cancellation of an inject or mark in the exercise (start, end, pause, resume), and
/// the improvement plan's actions. The engine never reads them: they are the drill's own record (the evaluation
/// and the after-action report read them).
public enum ExerciseRecord: Sendable, Hashable {
    /// What an observation says about an objective.
    public enum ObservationKind: String, Sendable, Hashable, CaseIterable {
        /// Something done well.
        case strength
        /// An area for improvement.
        case improvement
        /// An observation, neither.
        case note
    }

    /// A mark a controller sets in the exercise.
    public enum Mark: String, Sendable, Hashable, CaseIterable {
        /// Start of exercise (STARTEX).
        case startex
        /// End of exercise (ENDEX).
        case endex
        /// Play stops: no inject is delivered and the virtual clock does not move until `resume`.
        case pause
        /// Play goes on.
        case resume
    }

    /// An evaluator's observation of an objective (`objective` nil: of the exercise as a whole).
    case observation(objective: String?, kind: ObservationKind, text: String)
    /// An evaluator's rating of an objective (P, S, M or U), overriding the rating the rules suggest, with the
    /// written justification.
    case rating(objective: String, rating: String, why: String)
    /// A controller cancelled an inject not yet delivered: it never will be.
    case injectCancelled(id: String, why: String?)
    /// A controller's mark.
    case mark(Mark)
    /// A controller hands a role to the scenario's scripted players: from now on they act for it at their
    /// instants (nobody plays it any more).
    case scripted(role: String)
    /// A controller hands a role back from the scenario's scripted players to a person: from now on its scripted
    /// player does nothing and the person plays it (the `person.joined` journaled with it says who).
    case unscripted(role: String)
    /// An action of the improvement plan for an objective: what, who owns it, by when (milliseconds since the
    /// epoch), and its status (open, in_progress, done). A later action for the same objective replaces it.
    case improvement(objective: String, action: String, owner: String, dueAt: Int64, status: String)
}
