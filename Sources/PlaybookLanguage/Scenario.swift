public import Diagnostics

/// A drill scenario: which playbook, who plays, what the team must achieve, and the master list of injects.
///
/// Scenario files live under `Playbooks/drills/` and start with `drill: 1`; `muster check` checks them with the
/// same loader and diagnostics as playbooks.
public struct Scenario: Sendable, Hashable {
    /// What kind of exercise the plans call for.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A discussion-based exercise, monthly (桌面推演).
        case tabletop
        /// A full live drill, at least yearly.
        case live
        /// An unscripted live drill, every six months (无脚本实战演练).
        case unscripted
        /// Practice restoring from backups, weekly.
        case restore
        /// An attack-and-defence (red team / blue team) security exercise, quarterly (攻防演练).
        case attackDefence = "attack_defence"
    }

    /// When something happens in a scenario: at a scenario time, or when a step is activated or done, or a fact
    /// recorded, optionally some time after that.
    public struct Trigger: Sendable, Hashable {
        public enum Event: Sendable, Hashable {
            /// The scenario's start.
            case start
            /// A step becoming active.
            case activated(String)
            /// A step being done.
            case done(String)
            /// A fact being recorded.
            case recorded(String)
        }

        public var event: Event
        /// Milliseconds after the event.
        public var after: Int64
    }

    /// A scripted message to a role, with what it expects the team to do and by when.
    public struct Inject: Sendable, Hashable {
        public var id: String
        public var trigger: Trigger
        /// The role it is addressed to (the first, when it goes to several).
        public var to: String? { roles.first }
        /// The roles it is addressed to.
        public var roles: [String] = []
        /// Who sends it, in the exercise's fiction: a simulated party's id (`staff.simulated`) or a role.
        public var from: String?
        /// How it reaches them: phone, radio, email, sms, in_person, system.
        public var via: String?
        public var message: LocalizedText
        /// The step expected to be done in answer.
        public var expectStep: String?
        /// How long the team has, in milliseconds from the inject.
        public var maxMilliseconds: Int64?
        /// What is sent if the expectation is not met in time.
        public var contingency: Contingency?
        public var location: SourceLocation
    }

    /// A contingency inject: delivered when an inject's expected action has not happened in time.
    public struct Contingency: Sendable, Hashable {
        public var id: String
        public var to: String?
        public var message: LocalizedText
        /// Who sends it and how, as for an inject.
        public var from: String?
        public var via: String?
    }

    /// The exercise staff: who controls the drill and who evaluates it, and the parties the controllers play
    /// (the simulation cell: the fire brigade, the carrier, a vendor). Staff are not players: they act with the
    /// `drill` commands, never on the playbook's steps.
    public struct Staff: Sendable, Hashable {
        /// People who move the clock, send or cancel injects and mark the exercise.
        public var controllers: [String] = []
        /// People who record observations and rate objectives.
        public var evaluators: [String] = []
        /// Simulated parties by id, with their titles.
        public var simulated: [String: LocalizedText] = [:]

        public init(controllers: [String] = [], evaluators: [String] = [], simulated: [String: LocalizedText] = [:]) {
            self.controllers = controllers
            self.evaluators = evaluators
            self.simulated = simulated
        }
    }

    /// The ways an inject may be delivered in the exercise's fiction.
    public static let deliveryMeans = ["phone", "radio", "email", "sms", "in_person", "system"]

    /// A capability target the team is evaluated against.
    public struct Objective: Sendable, Hashable {
        public enum Target: Sendable, Hashable {
            /// A milestone of the playbook met in time.
            case milestone(String)
            /// A step done within a time of the run's start.
            case stepDone(String, withinMilliseconds: Int64)
        }

        public var id: String
        public var title: LocalizedText
        public var target: Target
        /// Steps that must be done for the objective to count.
        public var criticalTasks: [String]
        /// The role that owns improvement actions on this objective.
        public var owner: String?
        public var location: SourceLocation
    }

    /// A scripted player's action in an unattended run.
    public struct PlayerAction: Sendable, Hashable {
        public enum Action: Sendable, Hashable {
            case acknowledge(step: String)
            case progress(step: String)
            case done(step: String)
            case record(fact: String, value: String)
            case decide(step: String, option: String)
            case approve(step: String)
            case deny(step: String)
            case grade(level: String)
            case signal(String)
            case note(String)
        }

        public var role: String
        public var trigger: Trigger
        public var action: Action
        public var location: SourceLocation
    }

    public var id: String
    public var title: LocalizedText
    public var kind: Kind
    /// The playbook's id.
    public var playbook: Located<String>
    /// The starting severity level.
    public var severity: String?
    /// Who plays each role.
    public var participants: [String: String]
    public var objectives: [Objective]
    public var injects: [Inject]
    public var players: [PlayerAction]
    /// The virtual clock's start, in milliseconds since the epoch (default 2026-01-01T00:00:00Z).
    public var startsAt: Int64
    /// The exercise staff.
    public var staff = Staff()
}

extension Scenario {
    /// A scenario with nothing in it for playbook `playbook`: no injects, players or objectives. It moves the
    /// virtual clock of a drill's linked run (`continue_in`), which people play and whose timers alone fall due.
    public static func unscripted(playbook: String, startsAt: Int64) -> Scenario {
        Scenario(id: playbook, title: LocalizedText(english: playbook, chinese: playbook), kind: .tabletop,
                 playbook: Located(playbook, at: .start), severity: nil, participants: [:], objectives: [],
                 injects: [], players: [], startsAt: startsAt)
    }
}
