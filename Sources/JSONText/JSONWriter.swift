extension JSONValue {
    /// Returns the JSON text of this value, compact by default.
    ///
    /// The compact form has no whitespace at all: `{"a":1,"b":[true,null]}`. The pretty form puts one array
    /// element or object member per line, indents by two spaces per level, writes members as `"key": value`
    /// and empty containers as `{}` and `[]`. Neither form ends with a newline.
    ///
    /// Output is deterministic: equal values (with identical member order) always give identical text.
    /// Strings escape `"`, `\`, control characters (as `\n`, `\r`, `\t`, `\b`, `\f` or `\u00xx` with lower-case
    /// hex) and U+2028/U+2029; everything else, including `/` and non-ASCII text, is written as UTF-8.
    /// Integers are written in decimal. Doubles use the shortest text that reads back as the same `Double`,
    /// always with a fraction or an exponent so they stay distinct from integers: `2.0`, `0.1`, `-0.0`, `1e+16`,
    /// `1e-7`. NaN and the infinities have no JSON form and are written as `null`.
    public func serialized(pretty: Bool = false) -> String {
        var output: [UInt8] = []
        write(to: &output, pretty: pretty)
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends the UTF-8 JSON text of this value to `output`, compact by default.
    ///
    /// This is the fast path for writing many values into one buffer; the text is the same as `serialized(pretty:)`.
    public func write(to output: inout [UInt8], pretty: Bool = false) {
        if pretty {
            JSONWriter.writePretty(self, depth: 0, to: &output)
        } else {
            JSONWriter.writeCompact(self, to: &output)
        }
    }

    /// The compact JSON text of this value as UTF-8 bytes.
    public var utf8Bytes: [UInt8] {
        var output: [UInt8] = []
        write(to: &output)
        return output
    }
}

/// The serialisation routines behind `JSONValue.write(to:pretty:)`.
internal enum JSONWriter {
    static func writeCompact(_ value: JSONValue, to output: inout [UInt8]) {
        switch value {
        case .array(let elements):
            output.append(ASCII.leftBracket)
            for index in elements.indices {
                if index != 0 {
                    output.append(ASCII.comma)
                }
                writeCompact(elements[index], to: &output)
            }
            output.append(ASCII.rightBracket)
        case .object(let object):
            output.append(ASCII.leftBrace)
            let keys = object.keys
            let values = object.values
            for index in keys.indices {
                if index != 0 {
                    output.append(ASCII.comma)
                }
                writeString(keys[index], to: &output)
                output.append(ASCII.colon)
                writeCompact(values[index], to: &output)
            }
            output.append(ASCII.rightBrace)
        default:
            writeScalar(value, to: &output)
        }
    }

    static func writePretty(_ value: JSONValue, depth: Int, to output: inout [UInt8]) {
        switch value {
        case .array(let elements):
            guard !elements.isEmpty else {
                output.append(ASCII.leftBracket)
                output.append(ASCII.rightBracket)
                return
            }
            output.append(ASCII.leftBracket)
            for index in elements.indices {
                if index != 0 {
                    output.append(ASCII.comma)
                }
                writeNewline(depth: depth + 1, to: &output)
                writePretty(elements[index], depth: depth + 1, to: &output)
            }
            writeNewline(depth: depth, to: &output)
            output.append(ASCII.rightBracket)
        case .object(let object):
            guard !object.isEmpty else {
                output.append(ASCII.leftBrace)
                output.append(ASCII.rightBrace)
                return
            }
            output.append(ASCII.leftBrace)
            let keys = object.keys
            let values = object.values
            for index in keys.indices {
                if index != 0 {
                    output.append(ASCII.comma)
                }
                writeNewline(depth: depth + 1, to: &output)
                writeString(keys[index], to: &output)
                output.append(ASCII.colon)
                output.append(ASCII.space)
                writePretty(values[index], depth: depth + 1, to: &output)
            }
            writeNewline(depth: depth, to: &output)
            output.append(ASCII.rightBrace)
        default:
            writeScalar(value, to: &output)
        }
    }

    private static func writeNewline(depth: Int, to output: inout [UInt8]) {
        output.append(ASCII.lineFeed)
        output.append(contentsOf: repeatElement(ASCII.space, count: depth * 2))
    }

    private static func writeScalar(_ value: JSONValue, to output: inout [UInt8]) {
        switch value {
        case .null:
            output.append(contentsOf: "null".utf8)
        case .bool(let bool):
            output.append(contentsOf: bool ? "true".utf8 : "false".utf8)
        case .integer(let integer):
            writeInteger(integer, to: &output)
        case .number(let number):
            writeDouble(number, to: &output)
        case .string(let string):
            writeString(string, to: &output)
        case .array, .object:
            writeCompact(value, to: &output)
        }
    }

    static func writeInteger(_ integer: Int64, to output: inout [UInt8]) {
        if integer < 0 {
            output.append(ASCII.minus)
        }
        var magnitude = integer.magnitude
        let start = output.count
        repeat {
            let (quotient, remainder) = magnitude.quotientAndRemainder(dividingBy: 10)
            output.append(ASCII.zero &+ UInt8(truncatingIfNeeded: remainder))
            magnitude = quotient
        } while magnitude != 0
        output[start...].reverse()
    }

    static func writeDouble(_ number: Double, to output: inout [UInt8]) {
        guard number.isFinite else {
            output.append(contentsOf: "null".utf8)
            return
        }
        // Swift's description is the shortest text that reads back as the same Double, and is always valid JSON:
        // digits, an optional fraction, an optional exponent such as "e+16" or "e-07". Integral values keep ".0".
        let start = output.count
        output.append(contentsOf: number.description.utf8)
        guard let exponent = output[start...].firstIndex(of: ASCII.lowerE) else {
            return
        }
        // Drop the exponent's padding zeros ("1e-07" becomes "1e-7"), keeping at least one digit.
        var digits = exponent + 1
        if digits < output.count, output[digits] == ASCII.plus || output[digits] == ASCII.minus {
            digits += 1
        }
        var firstSignificant = digits
        while firstSignificant < output.count - 1, output[firstSignificant] == ASCII.zero {
            firstSignificant += 1
        }
        output.removeSubrange(digits..<firstSignificant)
    }

    static func writeString(_ string: String, to output: inout [UInt8]) {
        output.append(ASCII.quote)
        let written: Void? = string.utf8.withContiguousStorageIfAvailable { bytes in
            writeEscaped(bytes, to: &output)
        }
        if written == nil {
            Array(string.utf8).withUnsafeBufferPointer { bytes in
                writeEscaped(bytes, to: &output)
            }
        }
        output.append(ASCII.quote)
    }

    /// Appends `bytes` (valid UTF-8) with the characters JSON requires, or Muster prefers, escaped.
    private static func writeEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        var runStart = 0
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte >= 0x20 && byte != ASCII.quote && byte != ASCII.backslash && byte != 0xE2 {
                index += 1
                continue
            }
            let escape: StaticString
            var length = 1
            switch byte {
            case ASCII.quote: escape = "\\\""
            case ASCII.backslash: escape = "\\\\"
            case ASCII.lineFeed: escape = "\\n"
            case ASCII.carriageReturn: escape = "\\r"
            case ASCII.tab: escape = "\\t"
            case 0x08: escape = "\\b"
            case 0x0C: escape = "\\f"
            case 0xE2:
                // U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR are E2 80 A8 and E2 80 A9.
                guard index + 2 < count, bytes[index + 1] == 0x80, bytes[index + 2] & 0xFE == 0xA8 else {
                    index += 1
                    continue
                }
                escape = bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                length = 3
            default:
                escape = ""
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            if escape.utf8CodeUnitCount > 0 {
                output.append(contentsOf: UnsafeBufferPointer(start: escape.utf8Start, count: escape.utf8CodeUnitCount))
            } else {
                output.append(contentsOf: "\\u00".utf8)
                output.append(hexDigit(byte >> 4))
                output.append(hexDigit(byte & 0x0F))
            }
            index += length
            runStart = index
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<count]))
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? ASCII.zero &+ nibble : ASCII.lowerA &+ (nibble &- 10)
    }
}
