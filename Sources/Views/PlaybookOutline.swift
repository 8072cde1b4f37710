import PlaybookLanguage

/// A playbook seen by a reviewer, in one language: the parts `muster show` prints and `muster graph` draws, with
/// durations resolved per severity level, every way out of each step, and the worst case of each milestone.
///
/// The renderings (`text`, `json`, the graph) only lay out what this type works out.
public struct PlaybookOutline: Sendable {
    /// A deadline of a step, e.g. "done within respond".
    struct Deadline {
        /// What the deadline bounds.
        enum Kind: String {
            case ack, done, progress, decide, answer, wait
        }

        var kind: Kind
        var duration: Duration
        /// The named instant it counts from, when not the step's activation (a wait's `from`).
        var from: RunInstant? = nil
        /// The length at each severity level, most severe first, when the duration is a clock.
        var perLevel: [(level: String, milliseconds: Int64?)]
    }

    /// One way out of a step: where it leads, and on which edge.
    struct Exit {
        /// The kinds of edge, as `muster graph` names them.
        enum Kind: String, CaseIterable {
            case next, branch, option, expiry, approved, denied, escalation
        }

        var kind: Kind
        var target: Target
        /// The branch's condition (`nil` on `else` and on other kinds).
        var condition: Condition? = nil
        /// Whether this is a branch's `else`.
        var isElse = false
        /// The decision's option.
        var option: Decision.Option? = nil
        /// The time after which the edge is taken: an escalation's `after`, or an expiry's bound.
        var after: Duration? = nil
        /// Whether this option or answer is what the step's expiry takes.
        var takenOnExpiry = false
    }

    /// A milestone's worst case at one severity level.
    struct MilestoneCase {
        var level: SeverityLevel
        /// The milestone's limit at this level.
        var limit: Int64?
        var worst: OutlineTiming.WorstCase?

        /// Whether the worst case is within the limit (`nil` when either is unknown).
        var met: Bool? {
            guard let limit, let worst else { return nil }
            return worst.at <= limit
        }
    }

    /// The playbook outlined.
    public let playbook: Playbook
    /// The language of the outline's words and of the playbook's texts.
    public let language: Language
    let labels: PlaybookOutlineLabels
    private let stepsByID: [String: Step]

    /// The outline of `playbook` in `language`.
    public init(_ playbook: Playbook, language: Language) {
        self.playbook = playbook
        self.language = language
        self.labels = PlaybookOutlineLabels.forLanguage(language)
        self.stepsByID = Dictionary(playbook.allSteps.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// A text in the outline's language; in Chinese without the spaces YAML's folding put between two sentences.
    func text(_ text: LocalizedText?) -> String {
        let shown = text?.text(language) ?? ""
        return language == .zh ? ChineseSpacing.closingFoldedSpaces(shown) : shown
    }

    /// The step with `id`, tracks' steps included.
    func step(_ id: String) -> Step? { stepsByID[id] }

    /// The title of what a target names, in the outline's language.
    func title(of target: Target) -> String? {
        switch target {
        case .step(let id): stepsByID[id].map { text($0.title) }
        case .outcome(let id): playbook.outcome(id).map { text($0.title) }
        }
    }

    /// The owner of a step whose owner depends on the severity, level by level, most severe first; empty for a
    /// plain owner.
    func ownersByLevel(of step: Step) -> [(level: SeverityLevel, role: String)] {
        guard step.owner == nil, !step.ownersBySeverity.isEmpty else { return [] }
        let levels = playbook.severities.map(\.id)
        return playbook.severities.compactMap { level in
            step.resolvedOwner(atSeverity: level.id, levels: levels).map { (level, $0) }
        }
    }

    /// The title of a role, in the outline's language.
    func roleTitle(_ id: String) -> String? {
        playbook.role(id).map { text($0.title) }
    }

    // MARK: Order

    /// The main phase's top-level steps: `start` first, then the others in file order.
    var mainSteps: [Step] {
        let main = playbook.steps.filter { $0.phase == .main }
        let first = main.filter { $0.id == playbook.start.value }
        return first + main.filter { $0.id != playbook.start.value }
    }

    /// `steps` with `start` first, then the others in file order.
    func ordered(_ steps: [Step], start: String) -> [Step] {
        steps.filter { $0.id == start } + steps.filter { $0.id != start }
    }

    /// The after-end steps, in file order.
    var afterEndSteps: [Step] {
        playbook.steps.filter { $0.phase == .afterEnd }
    }

    // MARK: Durations

    /// A duration at every severity level: one length for a fixed duration, one per level for a clock.
    func perLevel(_ duration: Duration) -> [(level: String, milliseconds: Int64?)] {
        guard case .clock = duration else { return [] }
        return playbook.severities.map { ($0.id, OutlineTiming.resolve(duration, $0)) }
    }

    /// `5m`, or `respond (10m/15m/30m)` for a clock, one length per level, most severe first.
    func describe(_ duration: Duration) -> String {
        let levels = perLevel(duration)
        guard !levels.isEmpty else { return duration.description }
        let lengths = levels.map { $0.milliseconds.map { Duration.format(milliseconds: $0) } ?? "?" }
        return duration.description + labels.openGloss + lengths.joined(separator: "/") + labels.closeGloss
    }

    /// The step's deadlines, in the order they come due.
    func deadlines(of step: Step) -> [Deadline] {
        var found: [(Deadline.Kind, Duration, RunInstant?)] = []
        if let ack = step.ackWithin?.value { found.append((.ack, ack, nil)) }
        switch step.kind {
        case .decide(let decision): if let within = decision.within?.value { found.append((.decide, within, nil)) }
        case .approve(let approval): if let within = approval.within?.value { found.append((.answer, within, nil)) }
        case .wait(let wait): found.append((.wait, wait.within.value, wait.from?.value))
        case .action, .parallel: break
        }
        if let done = step.doneWithin?.value { found.append((.done, done, nil)) }
        if let every = step.reportEvery?.value { found.append((.progress, every, nil)) }
        return found.map { Deadline(kind: $0.0, duration: $0.1, from: $0.2, perLevel: perLevel($0.1)) }
    }

    /// What a milestone's or a wait's time counts from: "from the start", "from the fault", "from the outcome".
    func fromPhrase(_ anchor: Milestone.Anchor) -> String {
        switch anchor {
        case .start: labels.fromStart
        case .fault: labels.fromFault
        case .outcome: labels.fromOutcome
        }
    }

    /// " from the fault" after a deadline counted from a named instant; empty for one counted from the step.
    func fromSuffix(_ deadline: Deadline) -> String {
        guard let from = deadline.from else { return "" }
        return " " + fromPhrase(from == .fault ? .fault : .start)
    }

    /// The phrase of a deadline's kind: "done within".
    func phrase(_ kind: Deadline.Kind) -> String {
        switch kind {
        case .ack: labels.ackWithin
        case .done: labels.doneWithin
        case .progress: labels.progressEvery
        case .decide: labels.decideWithin
        case .answer: labels.answerWithin
        case .wait: labels.waitAtMost
        }
    }

    // MARK: Exits

    /// Every way out of a step, in the order a reader meets them: transitions, then the kind's own edges, then
    /// escalation gotos. (A parallel step's tracks and join are not exits; the graph draws them itself.)
    func exits(of step: Step) -> [Exit] {
        var exits: [Exit] = []
        switch step.kind {
        case .action, .parallel:
            break
        case .decide(let decision):
            for option in decision.options {
                exits.append(Exit(
                    kind: .option, target: option.target.value, option: option,
                    after: option.id == decision.onExpiry?.value ? decision.within?.value : nil,
                    takenOnExpiry: option.id == decision.onExpiry?.value))
            }
        case .approve(let approval):
            let expires = approval.within != nil
            exits.append(Exit(
                kind: .approved, target: approval.approved.value,
                after: expires && approval.approveOnExpiry ? approval.within?.value : nil,
                takenOnExpiry: expires && approval.approveOnExpiry))
            exits.append(Exit(
                kind: .denied, target: approval.denied.value,
                after: expires && !approval.approveOnExpiry ? approval.within?.value : nil,
                takenOnExpiry: expires && !approval.approveOnExpiry))
        case .wait(let wait):
            if let expiry = wait.onExpiry {
                exits.append(Exit(kind: .expiry, target: expiry.value, after: wait.within.value))
            }
        }
        switch step.next {
        case .always(let target):
            exits.insert(Exit(kind: .next, target: target.value), at: 0)
        case .branches(let branches, let otherwise):
            var transitions = branches.map { Exit(kind: .branch, target: $0.target.value, condition: $0.condition) }
            transitions.append(Exit(kind: .branch, target: otherwise.value, isElse: true))
            exits.insert(contentsOf: transitions, at: 0)
        case nil:
            break
        }
        for rung in step.escalations {
            if let goto = rung.goto {
                exits.append(Exit(kind: .escalation, target: goto.value, after: rung.after.value))
            }
        }
        return exits
    }

    // MARK: Milestones

    /// The worst case of `milestone` at each severity level, most severe first.
    func cases(of milestone: Milestone, timing: OutlineTiming) -> [MilestoneCase] {
        playbook.severities.map { level in
            MilestoneCase(
                level: level, limit: OutlineTiming.resolve(milestone.within.value, level),
                worst: timing.worstCase(milestone, at: level))
        }
    }

    /// The steps a milestone's slowest path passes with no deadline, at one level.
    func undeadlined(_ worst: OutlineTiming.WorstCase, of milestone: Milestone) -> [String] {
        let onPath = Set(worst.path)
        return Set(worst.undeadlined).filter { onPath.contains($0) || milestone.reachedWhen.step?.value == $0 }
            .sorted()
    }
}
