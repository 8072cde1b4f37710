public import PlaybookLanguage
public import RunEngine
import Reporting

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
///
/// A contingency inject counts against the objective whose target is the step it waited for. An evaluator may
/// rate an objective (`drill rate`, with a written justification): that rating is the objective's, and the
/// rules' is kept as the suggested one.
public struct DrillEvaluation: Sendable {
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
        /// The rating: the evaluator's, when one rated the objective, else the rules'.
        public var rating: Rating
        /// The rating the rules suggest from the journal.
        public var suggested: Rating
        /// Why the rules suggest it, in one line (English).
        public var reason: String
        /// The same, in Chinese.
        public var reasonChinese: String
        /// The evaluator's rating, when one was journaled (the last one counts): who, and the justification.
        public var evaluator: (person: String, why: String)? {
            get { evaluatorPerson.map { ($0, evaluatorWhy ?? "") } }
            set {
                evaluatorPerson = newValue?.person
                evaluatorWhy = newValue?.why
            }
        }
        var evaluatorPerson: String?
        var evaluatorWhy: String?
        /// The evaluators' observations of the objective, in journal order.
        public var observations: [(person: String, kind: ExerciseRecord.ObservationKind, text: String)] {
            observationRecords.map { ($0.person, $0.kind, $0.text) }
        }
        var observationRecords: [Observation] = []

        /// The reason in `language` (`en` or `zh`).
        public func reason(_ language: Language) -> String { language == .zh ? reasonChinese : reason }

        public static func == (lhs: Result, rhs: Result) -> Bool {
            lhs.objective == rhs.objective && lhs.rating == rhs.rating && lhs.suggested == rhs.suggested
                && lhs.reason == rhs.reason && lhs.evaluatorPerson == rhs.evaluatorPerson
                && lhs.evaluatorWhy == rhs.evaluatorWhy && lhs.observationRecords == rhs.observationRecords
                && lhs.margin == rhs.margin && lhs.contingencies == rhs.contingencies && lhs.evidence == rhs.evidence
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(objective)
            hasher.combine(rating)
            hasher.combine(evidence)
        }
        /// Milliseconds before the target's deadline it was reached (negative: late), if reached.
        public var margin: Int64?
        /// The time allowed, in milliseconds.
        public var allowed: Int64?
        /// Contingency injects that fired for this objective's tasks.
        public var contingencies: [String]
        /// Sequence numbers of the journal lines that are the evidence.
        public var evidence: [Int]
    }

    /// An evaluator's observation.
    struct Observation: Sendable, Hashable {
        var person: String
        var kind: ExerciseRecord.ObservationKind
        var text: String
    }

    public var scenario: Scenario
    public var results: [Result]
    /// Observations of the exercise as a whole (no objective named): person, kind, text.
    public var generalObservations: [(person: String, kind: ExerciseRecord.ObservationKind, text: String)] = []

    /// The lowest rating of all objectives.
    public var overall: Rating { results.map(\.rating).min() ?? .performed }

    /// The step whose completion is an objective's target: a step objective's step, or the step that reaches a
    /// milestone objective's milestone.
    static func targetStep(_ objective: Scenario.Objective, playbook: Playbook) -> String? {
        switch objective.target {
        case .stepDone(let step, _): return step
        case .milestone(let id):
            if case .done(let step)? = playbook.milestones.first(where: { $0.id == id })?.reachedWhen { return step.value }
            return nil
        }
    }

    /// Rates every objective of `scenario` from the run's events (with their sequence numbers, 1-based); an
    /// evaluator's journaled rating of an objective overrides the rules' (kept as `suggested`).
    public init(scenario: Scenario, playbook: Playbook, events: [Event]) {
        self.scenario = scenario
        for event in events {
            if case .exercise(.observation(nil, let kind, let text)) = event.kind, case .person(let person, _) = event.actor {
                generalObservations.append((person, kind, text))
            }
        }
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
            // A contingency inject counts against the objective it belongs to: the one whose target is the step
            // the inject expected (a step objective, or a milestone that step reaches); only when no objective
            // has that target, against those that list the step as a critical task.
            let contingencies = scenario.injects.filter { inject in
                guard let contingency = inject.contingency, let step = inject.expectStep,
                    moments.delivered[contingency.id] != nil
                else { return false }
                let owners = scenario.objectives.filter { Self.targetStep($0, playbook: playbook) == step }
                return owners.isEmpty ? tasks.contains(step) : owners.contains { $0.id == objective.id }
            }.compactMap { $0.contingency?.id }
            evidence += seq { kind in
                if case .injectDelivered(let id, _, _) = kind { return contingencies.contains(id) }
                return false
            }
            let missingTasks = objective.criticalTasks.filter { moments.done[$0] == nil }
            let rating: Rating
            let reason: String
            let reasonChinese: String
            if !reached {
                rating = .unable
                reason = "target not reached"
                reasonChinese = "未达成指标"
            } else if !missingTasks.isEmpty {
                rating = .unable
                reason = "critical tasks not done: " + missingTasks.joined(separator: ", ")
                // A Chinese reader reads the steps by their titles.
                reasonChinese = "关键任务未完成：" + missingTasks.map { step in
                    playbook.allSteps.first { $0.id == step }.map { "“\($0.title.text(.zh))”" } ?? step
                }.joined(separator: "、")
            } else if let margin, margin < 0 {
                let late = Duration.format(milliseconds: -margin)
                let lateChinese = TimeText.chineseSpan(-margin)
                let quarter = (allowed ?? 0) / 4
                if -margin > quarter || !contingencies.isEmpty {
                    rating = .majorChallenges
                    reason = "late by \(late)"
                        + (contingencies.isEmpty ? ", more than a quarter of the time allowed" : ", after a contingency inject")
                    reasonChinese = "超时 \(lateChinese)，" + (contingencies.isEmpty ? "超过允许时间的四分之一" : "且在应急注入之后")
                } else {
                    rating = .someChallenges
                    reason = "late by \(late), within a quarter of the time allowed"
                    reasonChinese = "超时 \(lateChinese)，未超过允许时间的四分之一"
                }
            } else if !contingencies.isEmpty {
                rating = .someChallenges
                reason = "on time, but only after contingency inject " + contingencies.joined(separator: ", ")
                // The Chinese reader reads the contingency injects' announcements among the evidence, not their ids.
                reasonChinese = contingencies.count == 1 ? "按时完成，但在应急注入之后"
                    : "按时完成，但在 \(contingencies.count) 条应急注入之后"
            } else {
                rating = .performed
                reason = "on time" + (margin.map { ", \(Duration.format(milliseconds: $0)) to spare" } ?? "")
                reasonChinese = "按时完成" + (margin.map { "，提前 \(TimeText.chineseSpan($0))" } ?? "")
            }
            var result = Result(objective: objective, rating: rating, suggested: rating, reason: reason,
                                reasonChinese: reasonChinese, margin: margin, allowed: allowed,
                                contingencies: contingencies, evidence: evidence.sorted())
            // The evaluators' record: observations, and a rating that overrides the rules' (the last one counts).
            for (offset, event) in events.enumerated() {
                guard case .exercise(let record) = event.kind, case .person(let person, _) = event.actor else { continue }
                switch record {
                case .observation(objective.id?, let kind, let text):
                    result.observationRecords.append(Observation(person: person, kind: kind, text: text))
                    result.evidence.append(offset + 1)
                case .rating(objective.id, let given, let why):
                    if let given = Rating(rawValue: given) {
                        result.rating = given
                        result.evaluator = (person, why)
                        result.evidence.append(offset + 1)
                    }
                default: break
                }
            }
            result.evidence.sort()
            return result
        }
    }
}
