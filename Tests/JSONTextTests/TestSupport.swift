@testable import JSONText

/// A small deterministic random number generator (SplitMix64), so randomised tests are reproducible.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}

/// Builds random JSON values covering every case, for round-trip and fuzz tests.
struct RandomValueMaker {
    var generator: SeededGenerator

    /// Text fragments chosen to exercise escaping and UTF-8 handling.
    static let fragments = [
        "a", "key", " ", "\"", "\\", "/", "\n", "\r", "\t", "\u{08}", "\u{0C}", "\u{00}", "\u{1F}", "\u{7F}",
        "\u{2028}", "\u{2029}", "é", "中文", "😀", "👩‍👩‍👧", "\u{FEFF}", "\u{10FFFF}", "{", "]", ",", ":",
    ]

    mutating func string() -> String {
        let count = Int.random(in: 0...6, using: &generator)
        var text = ""
        for _ in 0..<count {
            text += Self.fragments.randomElement(using: &generator) ?? ""
        }
        return text
    }

    mutating func number() -> Double {
        switch Int.random(in: 0...3, using: &generator) {
        case 0:
            return Double(Int.random(in: -1000...1000, using: &generator)) / 8
        case 1:
            return Double(bitPattern: generator.next())
        case 2:
            return Double.random(in: -1e-300...1e-300, using: &generator)
        default:
            return Double.random(in: -1e20...1e20, using: &generator)
        }
    }

    mutating func value(depth: Int = 0) -> JSONValue {
        let choice = Int.random(in: 0...(depth < 4 ? 7 : 5), using: &generator)
        switch choice {
        case 0:
            return .null
        case 1:
            return .bool(Bool.random(using: &generator))
        case 2:
            return .integer(Int64(bitPattern: generator.next()) >> Int64.random(in: 0...63, using: &generator))
        case 3:
            let number = number()
            return number.isFinite ? .number(number) : .number(0.5)
        case 4, 5:
            return .string(string())
        case 6:
            let count = Int.random(in: 0...4, using: &generator)
            return .array((0..<count).map { _ in value(depth: depth + 1) })
        default:
            var object = JSONObject()
            for _ in 0..<Int.random(in: 0...4, using: &generator) {
                object.append(string(), value(depth: depth + 1))
            }
            return .object(object)
        }
    }
}

extension JSONValue {
    /// Whether two values are identical, comparing doubles by bit pattern so that `-0.0` differs from `0.0`.
    func isIdentical(to other: JSONValue) -> Bool {
        switch (self, other) {
        case (.number(let left), .number(let right)):
            return left.bitPattern == right.bitPattern
        case (.array(let left), .array(let right)):
            return left.count == right.count && zip(left, right).allSatisfy { $0.isIdentical(to: $1) }
        case (.object(let left), .object(let right)):
            return left.keys == right.keys
                && zip(left.values, right.values).allSatisfy { $0.isIdentical(to: $1) }
        default:
            return self == other
        }
    }
}
