public import PlaybookLanguage

/// The titles of what a playbook defines, by kind and id: what a message built from codes says for the ids in its
/// parameters (a step, a role, a severity level, an option of a decision, a value of a fact…), so that a report
/// names them as the playbook's readers know them, in English or in Chinese.
public struct PlaybookNames: Sendable, Hashable {
    /// What an id names.
    public enum Kind: Sendable, Hashable {
        case step, role, severity, outcome, milestone, fact, chain, instruction
        /// A checklist item of a step.
        case item(step: String)
        /// An option of a decision step.
        case option(step: String)
        /// A value of a choice fact.
        case value(fact: String)
        /// Where a transition goes: a step, or `outcome.NAME`.
        case target
    }

    private var titles: [String: LocalizedText] = [:]

    /// No titles: every id is said as it is.
    public init() {}

    /// The titles of `playbook` (the first of two things with one id wins, as the playbook's own lookups do).
    public init(_ playbook: Playbook) {
        func add(_ kind: String, _ id: String, _ title: LocalizedText) {
            let key = kind + "\u{0}" + id
            if titles[key] == nil { titles[key] = title }
        }
        for step in playbook.allSteps {
            add("step", step.id, step.title)
            for item in step.checklist { add("item\u{0}" + step.id, item.id, item.text) }
            if case .decide(let decision) = step.kind {
                for option in decision.options { add("option\u{0}" + step.id, option.id, option.title) }
            }
            for instruction in step.standing { add("instruction", instruction.id, instruction.text) }
        }
        for role in playbook.roles { add("role", role.id, role.title) }
        for level in playbook.severities { add("severity", level.id, level.title) }
        for outcome in playbook.outcomes { add("outcome", outcome.id, outcome.title) }
        for milestone in playbook.milestones { add("milestone", milestone.id, milestone.title) }
        for chain in playbook.anyTime { add("chain", chain.id, chain.title) }
        for fact in playbook.facts {
            add("fact", fact.id, fact.title)
            for (value, title) in fact.valueTitles { add("value\u{0}" + fact.id, value, title) }
        }
    }

    /// The title of `id` as a `kind`, if the playbook gives it one.
    public func title(_ kind: Kind, _ id: String) -> LocalizedText? {
        switch kind {
        case .step: titles["step\u{0}" + id]
        case .role: titles["role\u{0}" + id]
        case .severity: titles["severity\u{0}" + id]
        case .outcome: titles["outcome\u{0}" + id]
        case .milestone: titles["milestone\u{0}" + id]
        case .fact: titles["fact\u{0}" + id]
        case .chain: titles["chain\u{0}" + id]
        case .instruction: titles["instruction\u{0}" + id]
        case .item(let step): titles["item\u{0}" + step + "\u{0}" + id]
        case .option(let step): titles["option\u{0}" + step + "\u{0}" + id]
        case .value(let fact): titles["value\u{0}" + fact + "\u{0}" + id]
        case .target:
            switch Target(parsing: id) {
            case .step(let step): titles["step\u{0}" + step]
            case .outcome(let outcome): titles["outcome\u{0}" + outcome]
            }
        }
    }

    /// `id` as a `kind` in `language`: its title, or the id itself when the playbook gives it none.
    public func name(_ kind: Kind, _ id: String, _ language: Language) -> String {
        title(kind, id)?.text(language) ?? id
    }

    /// Whether no title is known: messages then say ids, as typed.
    public var isEmpty: Bool { titles.isEmpty }
}
