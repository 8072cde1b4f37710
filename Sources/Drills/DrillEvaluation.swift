public import PlaybookLanguage
public import RunEngine

/// How well the team met each objective of a drill, rated by stated rules from the journal alone.
///
/// The ratings follow exercise-evaluation practice (HSEEP): P performed without challenges, S performed with
/// some challenges, M performed with major challenges, U unable to be performed. The rules:
/// - U: the target was not reached (milestone missed or never reached, step never done) or a critical task was
///   never done;
/// - M: reached, but late by more than a quarter of the time allowed; or reached only after a contingency inject
///   *and* late;
/// - S: reached on time but only after a contingency inject for it; or late by at most a quarter of the time;
/// - P: reached on time with no contingency inject needed.
public struct DrillEvaluation: Sendable, Hashable {
    public enum Rating: String, Sendable, Hashable, Comparable, CaseIterable {
        case performed = "P"
        case someChallenges = "S"
        case majorChallenges = "M"
        case unable = "U"

        private var rank: Int {
            switch self {
            case .performed: 3
            case .someChallenges: 2
            case .majorChallenges: 1
            case .unable: 0
            }
        }

        public static func < (lhs: Rating, rhs: Rating) -> Bool { lhs.rank < rhs.rank }
    }

    /// One objective's rating with its evidence.
    public struct Result: Sendable, Hashable {
        public var objective: Scenario.Objective
        public var rating: Rating
        /// Why, in one line (English).
        public var reason: String
        /// Milliseconds before the target's deadline it was reached (negative: late), if reached.
        public var margin: Int64?
        /// The time allowed, in milliseconds.
        public var allowed: Int64?
        /// Contingency injects that fired for this objective's tasks.
        public var contingencies: [String]
        /// Sequence numbers of the journal lines that are the evidence.
        public var evidence: [Int]
    }

    public var scenario: Scenario
    public var results: [Result]

    /// The lowest rating of all objectives.
    public var overall: Rating { results.map(\.rating).min() ?? .performed }

    /// Rates every objective of `scenario` from the run's events (with their sequence numbers, 1-based).
    public init(scenario: Scenario, playbook: Playbook, events: [Event]) {
        self.scenario = scenario
        let state = RunState.fold(events)
        let moments = DrillPlan.Moments(events)
        func seq(where predicate: (EventKind) -> Bool) -> [Int] {
            events.enumerated().filter { predicate($0.element.kind) }.map { $0.offset + 1 }
        }
        results = scenario.objectives.map { objective in
            var tasks = Set(objective.criticalTasks)
            var margin: Int64?
            var allowed: Int64?
            var reached = false
            var evidence: [Int] = []
            switch objective.target {
            case .milestone(let id):
                let progress = state.milestones[id]
                if let dueAt = progress?.dueAt, let start = moments.start { allowed = dueAt - start }
                if let reachedAt = progress?.reachedAt, progress?.margin != nil {
                    reached = true
                    margin = progress?.margin
                    _ = reachedAt
                }
                evidence += seq { kind in
                    switch kind {
                    case .milestoneReached(let milestone, _), .milestoneMissed(let milestone),
                        .milestoneDue(let milestone, _):
                        milestone == id
                    default: false
                    }
                }
                if case .done(let step)? = playbook.milestones.first(where: { $0.id == id })?.reachedWhen {
                    tasks.insert(step.value)
                }
            case .stepDone(let step, let within):
                tasks.insert(step)
                allowed = within
                if let doneAt = moments.done[step], let start = moments.start {
                    reached = true
                    margin = start + within - doneAt
                }
                evidence += seq { kind in
                    if case .stepCompleted(let done) = kind { return done == step }
                    return false
                }
            }
            let contingencies = scenario.injects.filter { inject in
                guard let contingency = inject.contingency, let step = inject.expectStep else { return false }
                return tasks.contains(step) && moments.delivered[contingency.id] != nil
            }.compactMap { $0.contingency?.id }
            evidence += seq { kind in
                if case .injectDelivered(let id, _, _) = kind { return contingencies.contains(id) }
                return false
            }
            let missingTasks = objective.criticalTasks.filter { moments.done[$0] == nil }
            let rating: Rating
            let reason: String
            if !reached {
                rating = .unable
                reason = "target not reached"
            } else if !missingTasks.isEmpty {
                rating = .unable
                reason = "critical tasks not done: " + missingTasks.joined(separator: ", ")
            } else if let margin, margin < 0 {
                let late = -margin
                let quarter = (allowed ?? 0) / 4
                if late > quarter || !contingencies.isEmpty {
                    rating = .majorChallenges
                    reason = "late by \(Duration.format(milliseconds: late))"
                        + (contingencies.isEmpty ? ", more than a quarter of the time allowed" : ", after a contingency inject")
                } else {
                    rating = .someChallenges
                    reason = "late by \(Duration.format(milliseconds: late)), within a quarter of the time allowed"
                }
            } else if !contingencies.isEmpty {
                rating = .someChallenges
                reason = "on time, but only after contingency inject " + contingencies.joined(separator: ", ")
            } else {
                rating = .performed
                reason = "on time" + (margin.map { ", \(Duration.format(milliseconds: $0)) to spare" } ?? "")
            }
            return Result(objective: objective, rating: rating, reason: reason, margin: margin, allowed: allowed,
                          contingencies: contingencies, evidence: evidence.sorted())
        }
    }
}
