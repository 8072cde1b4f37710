/// A condition over recorded facts and the severity level, e.g. `outage_kind == ups_fault and hottest_c > 40`.
///
/// The language is deliberately tiny and statically typed: operands are declared facts, `severity`, numbers,
/// `true`/`false`, names (choice values and severity levels) and double-quoted text; operators are `==`, `!=`,
/// `<`, `<=`, `>`, `>=`, `in [a, b]`, `and`, `or`, `not` and parentheses. For `severity`, greater means more
/// severe: `severity >= severe` holds at `severe` and `fatal`. A fact that has not been recorded makes every
/// comparison with it false, so the branch's `else` is taken.
public indirect enum Condition: Sendable, Hashable {
    /// Both hold.
    case and(Condition, Condition)
    /// Either holds.
    case or(Condition, Condition)
    /// It does not hold.
    case not(Condition)
    /// A comparison of a fact or `severity` with a value.
    case compare(Subject, Comparison, [Literal])
    /// A flag fact is true.
    case isTrue(Subject)

    /// What a comparison looks at.
    public enum Subject: Sendable, Hashable, CustomStringConvertible {
        /// A declared fact.
        case fact(String)
        /// The run's current severity level.
        case severity

        public var description: String {
            switch self {
            case .fact(let id): id
            case .severity: "severity"
            }
        }
    }

    /// A comparison operator.
    public enum Comparison: String, Sendable, Hashable {
        case equal = "=="
        case notEqual = "!="
        case less = "<"
        case lessOrEqual = "<="
        case greater = ">"
        case greaterOrEqual = ">="
        case oneOf = "in"
    }

    /// A value written in a condition.
    public enum Literal: Sendable, Hashable, CustomStringConvertible {
        /// A bare name: a choice value or a severity level.
        case name(String)
        /// A number.
        case number(Double)
        /// Double-quoted text.
        case text(String)
        /// `true` or `false`.
        case flag(Bool)

        public var description: String {
            switch self {
            case .name(let name): name
            case .number(let number):
                abs(number) < 1e15 && number == Double(Int64(number)) ? String(Int64(number)) : String(number)
            case .text(let text): "\"\(text)\""
            case .flag(let flag): String(flag)
            }
        }
    }

    /// Every subject the condition looks at.
    public var subjects: [Subject] {
        switch self {
        case .and(let left, let right), .or(let left, let right): left.subjects + right.subjects
        case .not(let inner): inner.subjects
        case .compare(let subject, _, _), .isTrue(let subject): [subject]
        }
    }
}
