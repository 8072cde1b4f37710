public import Diagnostics

/// A step of a playbook: something a role does, decides, approves, waits for, or a set of parallel tracks.
public struct Step: Sendable, Hashable {
    /// When a step runs.
    public enum Phase: String, Sendable, Hashable {
        /// Before the outcome: reached from `start` through transitions.
        case main
        /// After the outcome: an obligation such as the one-day written report, activated when the run ends.
        case afterEnd = "after_end"
    }

    /// What kind of step this is.
    public enum Kind: Sendable, Hashable {
        /// Do something: instructions, an optional checklist, optional facts to record.
        case action
        /// Pick one of named options.
        case decide(Decision)
        /// One role asks, another approves or denies.
        case approve(Approval)
        /// Tracks that run at once, joined.
        case parallel(ParallelBlock)
        /// Wait, boundedly, for something to happen.
        case wait(Wait)

        /// `action`, `decide`, `approve`, `parallel` or `wait`.
        public var name: String {
            switch self {
            case .action: "action"
            case .decide: "decide"
            case .approve: "approve"
            case .parallel: "parallel"
            case .wait: "wait"
            }
        }
    }

    /// The step's id, unique in the playbook.
    public var id: String
    /// Where the step is defined (its key).
    public var location: SourceLocation
    /// The title.
    public var title: LocalizedText
    /// What to do, for the responder.
    public var instructions: LocalizedText?
    /// The role that owns the step; parallel steps have none. Absent too when the owner depends on the severity
    /// (`ownersBySeverity`).
    public var owner: Located<String>?
    /// The plan clause the step comes from, e.g. "§4.1 power loss / utility line fault".
    public var source: String?
    /// When the step runs.
    public var phase: Phase
    /// The step's kind and its kind-specific fields.
    public var kind: Kind
    /// Items ticked one by one before the step is done.
    public var checklist: [ChecklistItem]
    /// Facts recorded in this step (required before it is done).
    public var records: [Located<String>]
    /// Whether this step sets the run's severity level.
    public var grades: Bool
    /// The time to acknowledge the step, from its activation.
    public var ackWithin: Located<Duration>?
    /// The progress heartbeat while the step is open.
    public var reportEvery: Located<Duration>?
    /// The time to finish the step, from its activation.
    public var doneWithin: Located<Duration>?
    /// The escalation ladder, in increasing `after`.
    public var escalations: [Escalation]
    /// Where the step leads when done (absent on decide and approve steps, whose branches say it).
    public var next: Transition?
    /// Where `next` is written, if it is (also when it could not be read).
    public var nextLocation: SourceLocation?
    /// Standing instructions raised when the step starts, which stay on every board until released.
    public var standing: [StandingInstruction] = []
    /// A second role that signs the step with its owner (一同核实审定): the step is done when a holder of each has
    /// said `done`, two different people.
    public var togetherWith: Located<String>? = nil
    /// The owner per severity level (`owner: { fatal: commander, default: on_site }`), in file order: a level's
    /// id, or `default` for the levels not named, mapped to a role.
    public var ownersBySeverity: [SeverityOwner] = []
    /// The other playbook the run continues in when this step is done (`continue_in`), if any.
    public var continueIn: Continuation? = nil

    /// Every role that may own the step, whatever the severity.
    public var possibleOwners: [String] {
        if let owner { return [owner.value] }
        var roles: [String] = []
        for entry in ownersBySeverity where !roles.contains(entry.role.value) { roles.append(entry.role.value) }
        return roles
    }

    /// The role that owns the step at severity level `level`, the playbook's levels being `levels` (most severe
    /// first): the plain owner; else the level's entry, else `default`. A run not graded yet (`level` nil) takes the
    /// most severe level's owner, the rule milestones follow too.
    public func resolvedOwner(atSeverity level: String?, levels: [String]) -> String? {
        if let owner { return owner.value }
        guard !ownersBySeverity.isEmpty else { return nil }
        let resolved = level ?? levels.first
        return (ownersBySeverity.first { $0.level.value == resolved }
            ?? ownersBySeverity.first { $0.level.value == SeverityOwner.defaultLevel })?.role.value
    }
}

/// One entry of an owner that depends on the severity: at `level` (or `default`), `role` owns the step.
public struct SeverityOwner: Sendable, Hashable {
    /// The key that stands for every level not named.
    public static let defaultLevel = "default"
    /// A severity level's id, or `default`.
    public var level: Located<String>
    /// The role.
    public var role: Located<String>

    /// Creates an entry.
    public init(level: Located<String>, role: Located<String>) {
        self.level = level
        self.role = role
    }
}

/// An instruction that stands from the moment its step starts until a holder of `releasedBy` releases it
/// (`muster release RUN ID`), such as "protect the scene" (同时保护好现场): on every board and inbox meanwhile, and
/// the run does not close while it stands.
public struct StandingInstruction: Sendable, Hashable {
    /// The instruction's id, unique in the playbook, used on the command line.
    public var id: String
    /// What stands, for everyone on the run.
    public var text: LocalizedText
    /// The role whose holder (or stand-in) releases it.
    public var releasedBy: Located<String>
    /// Where it is defined.
    public var location: SourceLocation
}

extension Step {
    /// Whether the step says where it leads through its branches (decide and approve) rather than `next`.
    public var isBranching: Bool {
        switch kind {
        case .decide, .approve: true
        case .action, .parallel, .wait: false
        }
    }
}

/// One item of a step's checklist.
public struct ChecklistItem: Sendable, Hashable {
    /// The item's id, e.g. `precool`, used on the command line (`done --item precool`).
    public var id: String
    /// The text.
    public var text: LocalizedText
    /// Where the item is defined.
    public var location: SourceLocation
}

/// Where a step leads: one target, or conditional branches with a mandatory `else`.
public enum Transition: Sendable, Hashable {
    /// Always to this target.
    case always(Located<Target>)
    /// The first branch whose condition holds, else the `else` target.
    case branches([Branch], otherwise: Located<Target>)

    /// Every target the transition can lead to.
    public var targets: [Located<Target>] {
        switch self {
        case .always(let target): [target]
        case .branches(let branches, let otherwise): branches.map(\.target) + [otherwise]
        }
    }
}

/// One conditional branch: `{ when: CONDITION, goto: TARGET }`.
public struct Branch: Sendable, Hashable {
    /// The condition.
    public var condition: Condition
    /// Where the condition is written.
    public var conditionLocation: SourceLocation
    /// Where to go when it holds.
    public var target: Located<Target>
}

/// One rung of an escalation ladder: after a time from the step's activation, if the step is not done.
///
/// A rung with `goto` interrupts (the step is cancelled and the run goes on elsewhere); one with only `notify`
/// or `reassign` does not (the step stays open and its clocks keep running).
public struct Escalation: Sendable, Hashable {
    /// The time after the step's activation.
    public var after: Located<Duration>
    /// Roles to notify.
    public var notify: [Located<String>]
    /// The role the step is reassigned to.
    public var reassign: Located<String>?
    /// Where to go instead, interrupting the step.
    public var goto: Located<Target>?
    /// Where the rung is defined.
    public var location: SourceLocation

    /// Whether the rung leaves the step.
    public var interrupts: Bool { goto != nil }
}

extension Step {
    /// Where the step leads once it is done: its `next` (the step's records are written before it is done).
    public var targetsWhenDone: [Target] { next?.targets.map(\.value) ?? [] }

    /// Where the step leads other than by being done: an escalation's or an expiry's jump, a decision's options,
    /// an approval's outcomes, a parallel step's tracks.
    public var targetsOtherwise: [Target] {
        var targets = escalations.compactMap { $0.goto?.value }
        switch kind {
        case .action: break
        case .decide(let decision): targets += decision.options.map(\.target.value)
        case .approve(let approval): targets += [approval.approved.value, approval.denied.value]
        case .wait(let wait): if let expiry = wait.onExpiry { targets.append(expiry.value) }
        case .parallel(let parallel): targets += parallel.tracks.map { .step($0.start.value) }
        }
        return targets
    }
}
