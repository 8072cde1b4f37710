public import Diagnostics

/// A playbook: the executable form of one emergency plan, decoded and validated.
///
/// Lists keep the order of the file (severity levels most severe first). Names that refer to other parts of
/// the playbook keep their location so that every later check can point at them.
public struct Playbook: Sendable, Hashable {
    /// The playbook's id, e.g. `power-loss`.
    public var id: String
    /// The playbook's version, e.g. `1.0.0`.
    public var version: String
    /// The title.
    public var title: LocalizedText
    /// A longer description, if any.
    public var summary: LocalizedText?
    /// The roles that own steps.
    public var roles: [Role]
    /// The severity levels, most severe first.
    public var severities: [SeverityLevel]
    /// The deadlines judged in the report.
    public var milestones: [Milestone]
    /// The values people record.
    public var facts: [Fact]
    /// The first step of the main phase.
    public var start: Located<String>
    /// Every top-level step, in file order (the steps of parallel tracks are inside their parallel step).
    public var steps: [Step]
    /// The ways a run can end.
    public var outcomes: [Outcome]
    /// The chains of steps a responder may start at any time while the run is live (`at_any_time:`), such as an
    /// emergency shutdown.
    public var anyTime: [AnyTimeChain] = []

    /// The standing instruction with `id`, raised by whichever step declares it.
    public func standingInstruction(_ id: String) -> StandingInstruction? {
        for step in allSteps {
            if let found = step.standing.first(where: { $0.id == id }) { return found }
        }
        return nil
    }

    /// The at-any-time chain with `id`.
    public func anyTimeChain(_ id: String) -> AnyTimeChain? { anyTime.first { $0.id == id } }

    /// The role with `id`.
    public func role(_ id: String) -> Role? { roles.first { $0.id == id } }
    /// The severity level with `id`.
    public func severity(_ id: String) -> SeverityLevel? { severities.first { $0.id == id } }
    /// The id of the severity level named `name`: its id or one of its aliases.
    public func severityID(named name: String) -> String? {
        severities.first { $0.id == name || $0.aliases.contains { $0.value == name } }?.id
    }
    /// The fact with `id`.
    public func fact(_ id: String) -> Fact? { facts.first { $0.id == id } }
    /// The outcome with `id`.
    public func outcome(_ id: String) -> Outcome? { outcomes.first { $0.id == id } }

    /// What people read for `value`, recorded for fact `id`, in `language`: a choice value's title when the playbook
    /// gives one, else the value as written.
    public func valueText(fact id: String, _ value: String, _ language: Language) -> String {
        fact(id)?.valueTitles[value]?.text(language) ?? value
    }

    /// Every step, parallel tracks' steps included, depth first in file order.
    public var allSteps: [Step] {
        var found: [Step] = []
        func visit(_ steps: [Step]) {
            for step in steps {
                found.append(step)
                if case .parallel(let parallel) = step.kind {
                    for track in parallel.tracks { visit(track.steps) }
                }
            }
        }
        visit(steps)
        for chain in anyTime { visit(chain.steps) }
        return found
    }
}

/// A chain of steps that a holder of one of its roles may start at any time while the run has not reached its
/// outcome (`muster raise RUN CHAIN`), such as an emergency shutdown (紧急关闭) or raising that an event has grown
/// serious. It runs beside the main flow like a track: its steps lead to each other or to an outcome, and it ends
/// at a step without `next`; once ended it may be raised again.
public struct AnyTimeChain: Sendable, Hashable {
    /// The chain's id, used on the command line.
    public var id: String
    /// The title.
    public var title: LocalizedText
    /// The roles whose holders (or stand-ins) may raise it.
    public var by: [Located<String>]
    /// The chain's first step.
    public var start: Located<String>
    /// The chain's steps.
    public var steps: [Step]
    /// Where the chain is defined.
    public var location: SourceLocation
}

/// A named instant of a run that a wait's bound can count from instead of its step's activation.
public enum RunInstant: String, Sendable, Hashable, CaseIterable {
    /// The run's start.
    case start
    /// The instant of the fault: given at `muster start --fault-at`, else the run's start.
    case fault
}

/// A role that owns steps, e.g. the commander.
public struct Role: Sendable, Hashable {
    /// The role's id, e.g. `commander`.
    public var id: String
    /// The title, e.g. "Commander" / "应急总指挥".
    public var title: LocalizedText
    /// The role that acts when this role's holder is absent.
    public var standIn: Located<String>?
    /// Where the role is defined.
    public var location: SourceLocation
}

/// A severity level with its named clocks, e.g. `fatal` with `respond: 10m`.
public struct SeverityLevel: Sendable, Hashable {
    /// The level's id, e.g. `fatal`.
    public var id: String
    /// The title.
    public var title: LocalizedText
    /// The level's clocks by name, in milliseconds.
    public var clocks: [String: Int64]
    /// The order the clocks were written in.
    public var clockOrder: [String]
    /// Other names of the level, such as a source plan's grade (`Ⅲ级`), which `grade` and `regrade` accept.
    public var aliases: [Located<String>] = []
    /// Where the level is defined.
    public var location: SourceLocation
}

/// A deadline the report judges: reach something within a time of something else.
public struct Milestone: Sendable, Hashable {
    /// What starts a milestone's clock.
    public enum Anchor: String, Sendable, Hashable {
        /// The run's start.
        case start
        /// The instant the run reached its outcome (for after-end obligations).
        case outcome
        /// The instant of the fault: given at `muster start --fault-at`, else the run's start.
        case fault
    }

    /// What a milestone scores in the monthly statistics the plans' supervisors keep (考核指标).
    public enum Measure: String, Sendable, Hashable {
        /// Response timeliness (响应及时率).
        case response
        /// Repair timeliness (故障修复及时率).
        case repair
        /// Report timeliness.
        case report
    }

    /// What reaches a milestone.
    public enum Trigger: Sendable, Hashable, CustomStringConvertible {
        /// A step being activated.
        case activated(Located<String>)
        /// A step being acknowledged.
        case acknowledged(Located<String>)
        /// A step being done.
        case done(Located<String>)
        /// Any outcome being reached.
        case outcome

        /// The step named, if any.
        public var step: Located<String>? {
            switch self {
            case .activated(let step), .acknowledged(let step), .done(let step): step
            case .outcome: nil
            }
        }

        public var description: String {
            switch self {
            case .activated(let step): "\(step.value).activated"
            case .acknowledged(let step): "\(step.value).acknowledged"
            case .done(let step): "\(step.value).done"
            case .outcome: "outcome"
            }
        }
    }

    /// The milestone's id, e.g. `responded`.
    public var id: String
    /// The title.
    public var title: LocalizedText
    /// The time allowed.
    public var within: Located<Duration>
    /// What starts the clock.
    public var from: Anchor
    /// What reaches the milestone.
    public var reachedWhen: Trigger
    /// What the milestone scores in statistics, if anything.
    public var measures: Measure?
    /// Where the milestone is defined.
    public var location: SourceLocation
}

/// A typed value people record during a run, which conditions may test.
public struct Fact: Sendable, Hashable {
    /// The type of a fact.
    public enum Kind: Sendable, Hashable {
        /// One of a closed set of names.
        case choice([String])
        /// A decimal number, with an optional unit for display (`°C`).
        case number(unit: String?)
        /// Free text.
        case text
        /// True or false.
        case flag
    }

    /// The fact's id, e.g. `outage_kind`.
    public var id: String
    /// The title.
    public var title: LocalizedText
    /// The fact's type.
    public var kind: Kind
    /// Where the fact is defined.
    public var location: SourceLocation
    /// The titles of a choice fact's values, by value id, for those the playbook gives one
    /// (`values: { ok: { en: OK, zh: 正常 } }`).
    public var valueTitles: [String: LocalizedText] = [:]
    /// The fault report's section the fact is listed in (`section: cause`): one of `sections`.
    public var section: String = "phenomenon"

    /// The sections of the fault report a fact may be listed in, as `muster note --section` files notes.
    public static let sections = ["phenomenon", "impact", "cause", "handling", "prevention"]

    /// What people read for `value` in `language`: its title when the playbook gives one, else the value itself.
    public func valueTitle(_ value: String, _ language: Language) -> String {
        valueTitles[value]?.text(language) ?? value
    }

    /// The id of the choice value named `text`: the id itself, or a value whose title in either language is
    /// `text` (people, and scenario players, write what they read); `nil` when no value is so named.
    public func valueID(named text: String) -> String? {
        guard case .choice(let values) = kind else { return nil }
        if values.contains(text) { return text }
        return values.first { valueTitles[$0].map { $0.english == text || $0.chinese == text } ?? false }
    }
}

/// A way a run can end.
public struct Outcome: Sendable, Hashable {
    /// How an outcome counts in reports and statistics.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case success
        case partial
        case failure
        case aborted
    }

    /// The outcome's id, e.g. `resolved`.
    public var id: String
    /// The title.
    public var title: LocalizedText
    /// How it counts.
    public var kind: Kind
    /// Where the outcome is defined.
    public var location: SourceLocation
}
