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
            // A value's title, in either language, stands for the value: people type what they read.
            if !values.contains(text), let value = values.first(where: { value in
                fact.valueTitles[value].map { $0.english == text || $0.chinese == text } ?? false
            }) {
                return .success(.choice(value))
            }
            guard values.contains(text) else {
                return .failure(FactValueError(
                    message: "'\(text)' is not a value of '\(fact.id)'; its values: \(values.joined(separator: ", "))"))
            }
            return .success(.choice(text))
        case .number:
            // Decimal as documented: `0x10`, `inf` and `nan` are not numbers here, and a value too large or too small
            // to keep is refused rather than rounded to infinity or zero.
            let mantissa = text.prefix { $0 != "e" && $0 != "E" }
            guard Self.isDecimal(text), let number = Double(text), number.isFinite,
                number != 0 || !mantissa.contains(where: { ("1"..."9").contains($0) })
            else {
                return .failure(FactValueError(message: "'\(fact.id)' takes a decimal number like 42 or -3.5, not '\(text)'"))
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

    /// Whether `text` is a decimal number: a sign, digits, a fraction, an exponent.
    static func isDecimal(_ text: String) -> Bool {
        var characters = Array(text.utf8)[...]
        if characters.first == UInt8(ascii: "+") || characters.first == UInt8(ascii: "-") { characters = characters.dropFirst() }
        func digits() -> Int {
            let count = characters.prefix { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }.count
            characters = characters.dropFirst(count)
            return count
        }
        var count = digits()
        if characters.first == UInt8(ascii: ".") {
            characters = characters.dropFirst()
            count += digits()
        }
        guard count > 0 else { return false }
        if characters.first == UInt8(ascii: "e") || characters.first == UInt8(ascii: "E") {
            characters = characters.dropFirst()
            if characters.first == UInt8(ascii: "+") || characters.first == UInt8(ascii: "-") { characters = characters.dropFirst() }
            guard digits() > 0 else { return false }
        }
        return characters.isEmpty
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
