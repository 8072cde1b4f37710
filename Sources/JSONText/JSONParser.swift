extension JSONValue {
    /// Parses JSON text given as UTF-8 bytes.
    ///
    /// Parsing is strict RFC 8259: the input must hold exactly one value, optionally surrounded by whitespace
    /// (space, tab, line feed, carriage return). Rejected, with the byte offset of the problem: trailing commas,
    /// comments, leading zeros, `NaN` and `Infinity`, numbers too large for `Double`, control characters and
    /// invalid UTF-8 in strings, invalid escapes, lone UTF-16 surrogates in `\u` escapes (pairs are combined),
    /// duplicate keys within one object, a byte-order mark, and anything after the value.
    ///
    /// Numbers written without fraction or exponent that fit in `Int64` become `.integer`; all others become
    /// `.number`, including `-0` (as `-0.0`, since an integer cannot carry the sign of zero) and integers beyond
    /// the `Int64` range (rounded to the nearest `Double`). Numbers whose magnitude overflows `Double`, such as
    /// `1e400`, are rejected; numbers that underflow become zero.
    ///
    /// Arrays and objects may nest at most `maxDepth` levels deep; deeper input is rejected rather than risk
    /// exhausting the stack (the parser itself is iterative, but destroying, comparing and writing values is
    /// recursive, so keep the limit in the thousands at most). Any input, however malformed, produces either
    /// a value or a `JSONParseError`; it never traps.
    ///
    /// The bytes are read in a single pass; contiguous collections such as `[UInt8]`, `ArraySlice<UInt8>` and
    /// native strings' `utf8` views are read in place, others are copied into an array first.
    public static func parse(
        _ bytes: some Collection<UInt8>,
        maxDepth: Int = 512
    ) throws(JSONParseError) -> JSONValue {
        let contiguous = bytes.withContiguousStorageIfAvailable { buffer in
            JSONParser.parse(buffer, maxDepth: maxDepth)
        }
        let result = contiguous ?? Array(bytes).withUnsafeBufferPointer { buffer in
            JSONParser.parse(buffer, maxDepth: maxDepth)
        }
        return try result.get()
    }

    /// Parses JSON text given as a string.
    ///
    /// This reads the string's UTF-8 form and follows exactly the rules of `parse(_:maxDepth:)` for bytes; error
    /// offsets are UTF-8 byte offsets into `text`.
    public static func parse(_ text: String, maxDepth: Int = 512) throws(JSONParseError) -> JSONValue {
        try parse(text.utf8, maxDepth: maxDepth)
    }
}

/// A single-pass, iterative parser over a contiguous buffer of UTF-8 bytes.
///
/// Containers under construction live on explicit stacks rather than the call stack, so nesting depth is bounded
/// only by `maxDepth`. Every read of `input` is guarded by a check against `end`.
internal struct JSONParser {
    /// A container that has been opened but not yet closed.
    private struct Frame {
        var isObject: Bool
        /// Where this container's elements (or member values) start in the value stack.
        var valueStart: Int
        /// Where this object's keys start in the key stack.
        var keyStart: Int
        /// The keys seen so far, built only once an object grows large, to keep duplicate checks linear.
        var keyIndex: Set<String>?
    }

    /// Objects with more members than this check for duplicate keys with a set rather than a linear scan.
    private static let linearKeyCheckLimit = 16

    let input: UnsafeBufferPointer<UInt8>
    let end: Int
    let maxDepth: Int
    var position = 0
    /// Reused buffer for decoding strings that contain escapes.
    var scratch: [UInt8] = []

    private init(input: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
        self.input = input
        self.end = input.count
        self.maxDepth = maxDepth
    }

    /// Parses a whole document from `input`.
    static func parse(_ input: UnsafeBufferPointer<UInt8>, maxDepth: Int) -> Result<JSONValue, JSONParseError> {
        var parser = JSONParser(input: input, maxDepth: maxDepth)
        do throws(JSONParseError) {
            return .success(try parser.parseDocument())
        } catch {
            return .failure(error)
        }
    }

    private mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        var frames: [Frame] = []
        var values: [JSONValue] = []
        var keys = KeyStack()
        // One allocation each covers typical documents; deeper or wider ones grow the stacks as usual.
        frames.reserveCapacity(8)
        values.reserveCapacity(32)

        parsing: while true {
            skipWhitespace()
            guard position < end else {
                throw JSONParseError(offset: position, message: "expected value")
            }
            var value: JSONValue
            switch input[position] {
            case ASCII.quote:
                value = .string(try parseString())
            case ASCII.leftBrace:
                guard frames.count < maxDepth else {
                    throw JSONParseError(offset: position, message: "nesting too deep")
                }
                position += 1
                skipWhitespace()
                if position < end && input[position] == ASCII.rightBrace {
                    position += 1
                    value = .object(JSONObject())
                } else {
                    frames.append(Frame(isObject: true, valueStart: values.count, keyStart: keys.strings.count))
                    try parseKey(frames: &frames, keys: &keys)
                    continue parsing
                }
            case ASCII.leftBracket:
                guard frames.count < maxDepth else {
                    throw JSONParseError(offset: position, message: "nesting too deep")
                }
                position += 1
                skipWhitespace()
                if position < end && input[position] == ASCII.rightBracket {
                    position += 1
                    value = .array([])
                } else {
                    frames.append(Frame(isObject: false, valueStart: values.count, keyStart: keys.strings.count))
                    continue parsing
                }
            case ASCII.minus, ASCII.zero...ASCII.nine:
                value = try parseNumber()
            case UInt8(ascii: "t"):
                try expectLiteral("true")
                value = .bool(true)
            case UInt8(ascii: "f"):
                try expectLiteral("false")
                value = .bool(false)
            case UInt8(ascii: "n"):
                try expectLiteral("null")
                value = .null
            default:
                if matches("NaN", at: position) || matches("Infinity", at: position) {
                    throw JSONParseError(offset: position, message: "nan and infinity are not allowed")
                }
                throw unexpected(at: position, expected: "expected value")
            }

            // A value is complete: add it to the open container, closing containers as their ends are reached.
            while !frames.isEmpty {
                // Read the innermost frame's fields without copying the frame, so that its key set stays uniquely
                // referenced and can grow in place.
                let isObject = frames[frames.count - 1].isObject
                let closer = isObject ? ASCII.rightBrace : ASCII.rightBracket
                values.append(value)
                skipWhitespace()
                guard position < end else {
                    throw JSONParseError(offset: position, message: Self.afterElementMessage(isObject: isObject))
                }
                let byte = input[position]
                if byte == ASCII.comma {
                    position += 1
                    skipWhitespace()
                    if position < end && input[position] == closer {
                        throw JSONParseError(offset: position, message: "trailing comma is not allowed")
                    }
                    if isObject {
                        try parseKey(frames: &frames, keys: &keys)
                    }
                    continue parsing
                }
                guard byte == closer else {
                    throw unexpected(at: position, expected: Self.afterElementMessage(isObject: isObject))
                }
                position += 1
                let frame = frames.removeLast()
                let elements = Array(values[frame.valueStart...])
                values.removeLast(values.count - frame.valueStart)
                if isObject {
                    let objectKeys = keys.popStrings(from: frame.keyStart)
                    value = .object(JSONObject(uncheckedKeys: objectKeys, values: elements))
                } else {
                    value = .array(elements)
                }
            }

            skipWhitespace()
            guard position == end else {
                throw unexpected(at: position, expected: "unexpected data after top-level value")
            }
            return value
        }
    }

    private static func afterElementMessage(isObject: Bool) -> String {
        isObject ? "expected ',' or '}' after object member" : "expected ',' or ']' after array element"
    }

    /// Parses `"key" :` for the innermost open object, rejecting a key it already has.
    private mutating func parseKey(frames: inout [Frame], keys: inout KeyStack) throws(JSONParseError) {
        skipWhitespace()
        guard position < end && input[position] == ASCII.quote else {
            throw unexpected(at: position, expected: "expected string key")
        }
        let keyOffset = position
        let key = try parseString()
        let top = frames.count - 1
        let keyStart = frames[top].keyStart
        let fingerprint = Self.fingerprint(of: key)
        let isDuplicate: Bool
        if keys.strings.count - keyStart < Self.linearKeyCheckLimit {
            isDuplicate = keys.contains(key, fingerprint: fingerprint, from: keyStart)
        } else {
            if frames[top].keyIndex == nil {
                frames[top].keyIndex = Set(keys.strings[keyStart...])
            }
            isDuplicate = !(frames[top].keyIndex?.insert(key).inserted ?? true)
        }
        guard !isDuplicate else {
            throw JSONParseError(offset: keyOffset, message: "duplicate key in object")
        }
        keys.append(key, fingerprint: fingerprint)
        skipWhitespace()
        guard position < end && input[position] == ASCII.colon else {
            throw unexpected(at: position, expected: "expected ':' after object key")
        }
        position += 1
    }

    /// The keys of all open objects, innermost last, each with a fingerprint that makes duplicate checks cheap.
    private struct KeyStack {
        var strings: [String] = []
        var fingerprints: [UInt64] = []

        init() {
            strings.reserveCapacity(32)
            fingerprints.reserveCapacity(32)
        }

        mutating func append(_ key: String, fingerprint: UInt64) {
            strings.append(key)
            fingerprints.append(fingerprint)
        }

        /// Whether `key` is among the keys from index `start` on; strings are compared only when fingerprints match.
        func contains(_ key: String, fingerprint: UInt64, from start: Int) -> Bool {
            for index in start..<fingerprints.count where fingerprints[index] == fingerprint && strings[index] == key {
                return true
            }
            return false
        }

        /// Removes and returns the keys from index `start` on.
        mutating func popStrings(from start: Int) -> [String] {
            let popped = Array(strings[start...])
            strings.removeLast(strings.count - start)
            fingerprints.removeLast(fingerprints.count - start)
            return popped
        }
    }

    /// A summary of a key's UTF-8 bytes (length, first four and last three bytes); equal keys have equal
    /// fingerprints, and keys of up to seven bytes are equal exactly when their fingerprints are.
    private static func fingerprint(of key: String) -> UInt64 {
        func summarise(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
            let count = bytes.count
            var summary = UInt64(truncatingIfNeeded: count) << 56
            for index in 0..<min(count, 4) {
                summary |= UInt64(bytes[index]) << (index * 8)
            }
            for index in 0..<min(count, 3) {
                summary |= UInt64(bytes[count - 1 - index]) << (32 + index * 8)
            }
            return summary
        }
        return key.utf8.withContiguousStorageIfAvailable(summarise)
            ?? Array(key.utf8).withUnsafeBufferPointer(summarise)
    }

    private mutating func skipWhitespace() {
        while position < end {
            switch input[position] {
            case ASCII.space, ASCII.lineFeed, ASCII.carriageReturn, ASCII.tab:
                position += 1
            default:
                return
            }
        }
    }

    /// Consumes `literal` at the current position or fails.
    private mutating func expectLiteral(_ literal: StaticString) throws(JSONParseError) {
        guard matches(literal, at: position) else {
            throw JSONParseError(offset: position, message: "invalid literal, expected '\(literal)'")
        }
        position += literal.utf8CodeUnitCount
    }

    /// Whether the input holds `literal` starting at `offset`.
    func matches(_ literal: StaticString, at offset: Int) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard offset >= 0 && end - offset >= count else {
            return false
        }
        let bytes = literal.utf8Start
        for index in 0..<count where input[offset + index] != bytes[index] {
            return false
        }
        return true
    }

    /// An error for an unexpected byte at `offset`, naming comments specifically since they are a common cause.
    func unexpected(at offset: Int, expected message: String) -> JSONParseError {
        if offset + 1 < end && input[offset] == ASCII.slash
            && (input[offset + 1] == ASCII.slash || input[offset + 1] == ASCII.asterisk) {
            return JSONParseError(offset: offset, message: "comments are not allowed")
        }
        return JSONParseError(offset: offset, message: message)
    }
}
