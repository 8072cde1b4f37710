import PlaybookLanguage

/// Evaluates a checked condition against a run's facts and severity.
///
/// A comparison with a fact that has not been recorded is false (so that `else` is taken); `not` negates what
/// it wraps as written, so `not (kind == a)` holds when `kind` is unrecorded.
struct ConditionEvaluator {
    let state: RunState
    let playbook: Playbook

    func holds(_ condition: Condition) -> Bool {
        switch condition {
        case .and(let left, let right): return holds(left) && holds(right)
        case .or(let left, let right): return holds(left) || holds(right)
        case .not(let inner): return !holds(inner)
        case .isTrue(let subject):
            if case .fact(let id) = subject, case .flag(let value) = state.facts[id] { return value }
            return false
        case .compare(let subject, let comparison, let literals):
            return literals.contains { literal in compare(subject, comparison, literal) }
        }
    }

    private func compare(_ subject: Condition.Subject, _ comparison: Condition.Comparison,
                         _ literal: Condition.Literal) -> Bool {
        switch comparison {
        case .equal, .oneOf: return equal(subject, literal)
        case .notEqual: return hasValue(subject) && !equal(subject, literal)
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            guard let left = rank(subject), let right = rank(literal, of: subject) else { return false }
            switch comparison {
            case .less: return left < right
            case .lessOrEqual: return left <= right
            case .greater: return left > right
            default: return left >= right
            }
        }
    }

    private func hasValue(_ subject: Condition.Subject) -> Bool {
        switch subject {
        case .severity: state.severity != nil
        case .fact(let id): state.facts[id] != nil
        }
    }

    private func equal(_ subject: Condition.Subject, _ literal: Condition.Literal) -> Bool {
        switch (subject, literal) {
        case (.severity, .name(let level)): return state.severity == level
        case (.fact(let id), _):
            switch (state.facts[id], literal) {
            case (.choice(let value)?, .name(let name)): return value == name
            case (.number(let value)?, .number(let number)): return value == number
            case (.text(let value)?, .text(let text)): return value == text
            case (.flag(let value)?, .flag(let flag)): return value == flag
            default: return false
            }
        default: return false
        }
    }

    /// An orderable value: numbers as they are; severity levels ranked so that more severe is greater.
    private func rank(_ subject: Condition.Subject) -> Double? {
        switch subject {
        case .severity: return state.severity.flatMap(severityRank)
        case .fact(let id):
            if case .number(let value)? = state.facts[id] { return value }
            return nil
        }
    }

    private func rank(_ literal: Condition.Literal, of subject: Condition.Subject) -> Double? {
        switch (subject, literal) {
        case (.severity, .name(let level)): severityRank(level)
        case (.fact, .number(let number)): number
        default: nil
        }
    }

    private func severityRank(_ level: String) -> Double? {
        guard let index = playbook.severities.firstIndex(where: { $0.id == level }) else { return nil }
        return Double(playbook.severities.count - index)
    }
}
