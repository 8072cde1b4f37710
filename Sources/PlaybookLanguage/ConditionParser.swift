/// Parses the condition language (see `Condition`) from text, reporting the offset of the first problem.
struct ConditionParser {
    /// A parse failure: what and where (0-based offset in Unicode scalars).
    struct Failure: Error {
        var message: String
        var offset: Int
    }

    private enum Token: Equatable {
        case word(String)
        case number(Double)
        case text(String)
        case symbol(String)
        case end
    }

    private var tokens: [(token: Token, offset: Int)] = []
    private var position = 0
    /// The `not`s and parentheses open where the parser is.
    private var open = 0

    /// How deeply a condition may nest: each `not`, each parenthesis and each further part joined by `and` or
    /// `or` counts a level. Far beyond any plan's conditions, and shallow enough that nothing that walks a
    /// condition (the parser itself, comparing, evaluating, storing, freeing) can run out of stack on a hostile
    /// file.
    static let maxDepth = 100

    /// Parses `text` into a condition.
    static func parse(_ text: String) throws(Failure) -> Condition {
        var parser = ConditionParser()
        try parser.tokenize(Array(text.unicodeScalars))
        let (condition, _) = try parser.parseOr()
        if parser.current != .end {
            throw Failure(message: "unexpected \(parser.describe(parser.current)) after the condition",
                          offset: parser.currentOffset)
        }
        return condition
    }

    private var current: Token { tokens[position].token }
    private var currentOffset: Int { tokens[position].offset }

    private mutating func tokenize(_ scalars: [Unicode.Scalar]) throws(Failure) {
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            let start = index
            if scalar == " " || scalar == "\t" || scalar == "\n" {
                index += 1
            } else if scalar.properties.isAlphabetic || scalar == "_" {
                var word = ""
                while index < scalars.count,
                    scalars[index].properties.isAlphabetic || scalars[index].properties.numericType != nil
                        || scalars[index] == "_" || scalars[index] == "-"
                {
                    word.unicodeScalars.append(scalars[index])
                    index += 1
                }
                tokens.append((.word(word), start))
            } else if ("0"..."9").contains(scalar) || (scalar == "-" && index + 1 < scalars.count
                && ("0"..."9").contains(scalars[index + 1]))
            {
                var number = String(scalar)
                index += 1
                while index < scalars.count, ("0"..."9").contains(scalars[index]) || scalars[index] == "." {
                    number.unicodeScalars.append(scalars[index])
                    index += 1
                }
                guard let value = Double(number) else {
                    throw Failure(message: "'\(number)' is not a number", offset: start)
                }
                tokens.append((.number(value), start))
            } else if scalar == "\"" {
                var text = ""
                index += 1
                while index < scalars.count, scalars[index] != "\"" {
                    text.unicodeScalars.append(scalars[index])
                    index += 1
                }
                guard index < scalars.count else {
                    throw Failure(message: "text in quotes is not closed", offset: start)
                }
                index += 1
                tokens.append((.text(text), start))
            } else {
                let two = index + 1 < scalars.count ? String(scalar) + String(scalars[index + 1]) : ""
                if ["==", "!=", "<=", ">="].contains(two) {
                    tokens.append((.symbol(two), start))
                    index += 2
                } else if ["<", ">", "(", ")", "[", "]", ","].contains(String(scalar)) {
                    tokens.append((.symbol(String(scalar)), start))
                    index += 1
                } else if scalar == "=" {
                    throw Failure(message: "'=' is not an operator; write '==' to compare", offset: start)
                } else {
                    throw Failure(message: "unexpected character '\(scalar)'", offset: start)
                }
            }
        }
        tokens.append((.end, scalars.count))
    }

    private mutating func advance() { if position < tokens.count - 1 { position += 1 } }

    // Each parse returns the condition and its depth in levels: a comparison is 0, and each `not` and further
    // `and`/`or` part adds one (parentheses are counted while open, by `enter`).

    private mutating func parseOr() throws(Failure) -> (Condition, Int) {
        var (left, depth) = try parseAnd()
        while current == .word("or") {
            advance()
            let (right, rightDepth) = try parseAnd()
            left = .or(left, right)
            depth = try deeper(max(depth, rightDepth))
        }
        return (left, depth)
    }

    private mutating func parseAnd() throws(Failure) -> (Condition, Int) {
        var (left, depth) = try parseNot()
        while current == .word("and") {
            advance()
            let (right, rightDepth) = try parseNot()
            left = .and(left, right)
            depth = try deeper(max(depth, rightDepth))
        }
        return (left, depth)
    }

    private mutating func parseNot() throws(Failure) -> (Condition, Int) {
        if current == .word("not") {
            try enter()
            defer { open -= 1 }
            advance()
            let (inner, depth) = try parseNot()
            return (.not(inner), try deeper(depth))
        }
        if current == .symbol("(") {
            try enter()
            defer { open -= 1 }
            advance()
            let inner = try parseOr()
            guard current == .symbol(")") else {
                throw Failure(message: "expected ')' but found \(describe(current))", offset: currentOffset)
            }
            advance()
            return inner
        }
        return (try parseComparison(), 0)
    }

    /// One more `not` or parenthesis open, refused beyond the limit before the parser goes deeper.
    private mutating func enter() throws(Failure) {
        open += 1
        guard open <= Self.maxDepth else { throw tooDeep() }
    }

    /// The depth of a condition one level above one of `depth`, refused beyond the limit.
    private func deeper(_ depth: Int) throws(Failure) -> Int {
        guard depth < Self.maxDepth else { throw tooDeep() }
        return depth + 1
    }

    private func tooDeep() -> Failure {
        Failure(message: "the condition nests more than \(Self.maxDepth) levels deep (each 'not', parenthesis and "
                    + "further 'and' or 'or' part is a level); split it into steps or facts",
                offset: currentOffset)
    }

    private mutating func parseComparison() throws(Failure) -> Condition {
        guard case .word(let name) = current, !["and", "or", "not", "in", "true", "false"].contains(name) else {
            throw Failure(message: "expected a fact name or 'severity' but found \(describe(current))",
                          offset: currentOffset)
        }
        let subject: Condition.Subject = name == "severity" ? .severity : .fact(name)
        advance()
        let comparison: Condition.Comparison
        switch current {
        case .symbol(let symbol) where Condition.Comparison(rawValue: symbol) != nil:
            comparison = Condition.Comparison(rawValue: symbol)!
        case .word("in"):
            comparison = .oneOf
        default:
            return .isTrue(subject)
        }
        advance()
        if comparison == .oneOf {
            guard current == .symbol("[") else {
                throw Failure(message: "expected '[' after 'in'", offset: currentOffset)
            }
            advance()
            var values: [Condition.Literal] = []
            while true {
                values.append(try parseLiteral())
                if current == .symbol(",") {
                    advance()
                    continue
                }
                guard current == .symbol("]") else {
                    throw Failure(message: "expected ',' or ']' but found \(describe(current))", offset: currentOffset)
                }
                advance()
                break
            }
            return .compare(subject, comparison, values)
        }
        return .compare(subject, comparison, [try parseLiteral()])
    }

    private mutating func parseLiteral() throws(Failure) -> Condition.Literal {
        defer { advance() }
        switch current {
        case .word("true"): return .flag(true)
        case .word("false"): return .flag(false)
        case .word(let name) where !["and", "or", "not", "in"].contains(name): return .name(name)
        case .number(let number): return .number(number)
        case .text(let text): return .text(text)
        default:
            throw Failure(message: "expected a value but found \(describe(current))", offset: currentOffset)
        }
    }

    private func describe(_ token: Token) -> String {
        switch token {
        case .word(let word): "'\(word)'"
        case .number(let number): "the number \(number)"
        case .text(let text): "\"\(text)\""
        case .symbol(let symbol): "'\(symbol)'"
        case .end: "the end"
        }
    }
}
