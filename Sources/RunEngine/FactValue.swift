public import PlaybookLanguage

/// A recorded fact's value, typed by its declaration.
public enum FactValue: Sendable, Hashable, CustomStringConvertible {
    case choice(String)
    case number(Double)
    case text(String)
    case flag(Bool)

    /// Reads `text` as a value of `fact`'s type; `nil` (with the reason) when it does not fit.
    public static func parse(_ text: String, for fact: Fact) -> Result<FactValue, FactValueError> {
        switch fact.kind {
        case .choice(let values):
            guard values.contains(text) else {
                return .failure(FactValueError(
                    message: "'\(text)' is not a value of '\(fact.id)'; its values: \(values.joined(separator: ", "))"))
            }
            return .success(.choice(text))
        case .number:
            guard let number = Double(text), number.isFinite else {
                return .failure(FactValueError(message: "'\(fact.id)' takes a number, not '\(text)'"))
            }
            return .success(.number(number))
        case .text:
            return .success(.text(text))
        case .flag:
            // What `show` tells people to type (yes or no, 是或否) is accepted beside true and false.
            switch text.lowercased() {
            case "true", "yes", "是": return .success(.flag(true))
            case "false", "no", "否": return .success(.flag(false))
            default: return .failure(FactValueError(message: "'\(fact.id)' takes yes or no (true or false), not '\(text)'"))
            }
        }
    }

    public var description: String {
        switch self {
        case .choice(let value), .text(let value): value
        case .number(let number):
            abs(number) < 1e15 && number == Double(Int64(number)) ? String(Int64(number)) : String(number)
        case .flag(let flag): String(flag)
        }
    }
}

/// Why a value does not fit a fact.
public struct FactValueError: Error, Sendable, Hashable {
    public var message: String
}
