import PlaybookLanguage

/// A condition written back as the playbook language spells it, with parentheses where they are needed and around
/// an `and` inside an `or`.
enum ConditionText {
    /// The text of `condition`, e.g. `hottest_c >= 40 or (severity >= severe and outage_kind in [a, b])`.
    static func text(_ condition: Condition) -> String {
        text(condition, binding: .or)
    }

    /// How tightly an expression binds: `or` loosest, then `and`, then `not` and single comparisons.
    private enum Binding: Int, Comparable {
        case or, and, unary

        static func < (left: Binding, right: Binding) -> Bool { left.rawValue < right.rawValue }
    }

    private static func text(_ condition: Condition, binding context: Binding) -> String {
        let own: Binding
        let body: String
        switch condition {
        case .or(let left, let right):
            // `and` binds tighter, but a reader of `a or (b and c)` should not need to know it.
            own = .or
            body = text(left, binding: left.isAnd ? .unary : .or) + " or "
                + text(right, binding: right.isAnd ? .unary : .and)
        case .and(let left, let right):
            own = .and
            body = text(left, binding: .and) + " and " + text(right, binding: .unary)
        case .not(let inner):
            own = .unary
            body = "not " + text(inner, binding: .unary)
        case .compare(let subject, .oneOf, let literals):
            own = .unary
            body = "\(subject) in [" + literals.map(\.description).joined(separator: ", ") + "]"
        case .compare(let subject, let comparison, let literals):
            own = .unary
            body = "\(subject) \(comparison.rawValue) " + literals.map(\.description).joined(separator: ", ")
        case .isTrue(let subject):
            own = .unary
            body = subject.description
        }
        return own < context ? "(" + body + ")" : body
    }
}

extension Condition {
    fileprivate var isAnd: Bool {
        if case .and = self { return true }
        return false
    }
}
