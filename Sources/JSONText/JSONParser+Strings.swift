extension JSONParser {
    /// Parses a string whose opening quote is at the current position and moves past its closing quote.
    ///
    /// Strings without escapes, the common case, are validated in place and turned into a `String` in one copy.
    mutating func parseString() throws(JSONParseError) -> String {
        let contentStart = position + 1
        var index = contentStart
        while index < end {
            let byte = input[index]
            if byte == ASCII.quote {
                position = index + 1
                return String(decoding: UnsafeBufferPointer(rebasing: input[contentStart..<index]), as: UTF8.self)
            }
            if byte == ASCII.backslash {
                return try parseEscapedString(contentStart: contentStart, firstEscape: index)
            }
            if byte < 0x20 {
                throw JSONParseError(offset: index, message: "control character in string")
            }
            if byte < 0x80 {
                index += 1
            } else {
                index += try validateUTF8Sequence(at: index)
            }
        }
        throw JSONParseError(offset: end, message: "unterminated string")
    }

    /// Continues parsing a string from its first backslash, decoding into the scratch buffer.
    private mutating func parseEscapedString(contentStart: Int, firstEscape: Int) throws(JSONParseError) -> String {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: input[contentStart..<firstEscape]))
        var index = firstEscape
        var runStart = index
        while index < end {
            let byte = input[index]
            if byte == ASCII.quote {
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart..<index]))
                position = index + 1
                return String(decoding: scratch, as: UTF8.self)
            }
            if byte == ASCII.backslash {
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart..<index]))
                index = try decodeEscape(at: index)
                runStart = index
                continue
            }
            if byte < 0x20 {
                throw JSONParseError(offset: index, message: "control character in string")
            }
            if byte < 0x80 {
                index += 1
            } else {
                index += try validateUTF8Sequence(at: index)
            }
        }
        throw JSONParseError(offset: end, message: "unterminated string")
    }

    /// Decodes the escape sequence whose backslash is at `start` into the scratch buffer; returns the index after it.
    private mutating func decodeEscape(at start: Int) throws(JSONParseError) -> Int {
        guard start + 1 < end else {
            throw JSONParseError(offset: end, message: "unterminated string")
        }
        let decoded: UInt8
        switch input[start + 1] {
        case ASCII.quote: decoded = ASCII.quote
        case ASCII.backslash: decoded = ASCII.backslash
        case ASCII.slash: decoded = ASCII.slash
        case UInt8(ascii: "b"): decoded = 0x08
        case UInt8(ascii: "f"): decoded = 0x0C
        case UInt8(ascii: "n"): decoded = ASCII.lineFeed
        case UInt8(ascii: "r"): decoded = ASCII.carriageReturn
        case UInt8(ascii: "t"): decoded = ASCII.tab
        case ASCII.lowerU:
            return try decodeUnicodeEscape(at: start)
        default:
            throw JSONParseError(offset: start, message: "invalid escape sequence")
        }
        scratch.append(decoded)
        return start + 2
    }

    /// Decodes `\uXXXX` at `start`, combining a surrogate pair written as two escapes; returns the index after it.
    private mutating func decodeUnicodeEscape(at start: Int) throws(JSONParseError) -> Int {
        guard let unit = hexQuad(at: start + 2) else {
            throw JSONParseError(offset: start, message: "invalid unicode escape")
        }
        var next = start + 6
        let scalar: UInt32
        switch unit {
        case 0xD800...0xDBFF:
            guard next + 1 < end && input[next] == ASCII.backslash && input[next + 1] == ASCII.lowerU else {
                throw JSONParseError(offset: start, message: "lone surrogate in unicode escape")
            }
            guard let low = hexQuad(at: next + 2) else {
                throw JSONParseError(offset: next, message: "invalid unicode escape")
            }
            guard (0xDC00...0xDFFF).contains(low) else {
                throw JSONParseError(offset: start, message: "lone surrogate in unicode escape")
            }
            scalar = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
            next += 6
        case 0xDC00...0xDFFF:
            throw JSONParseError(offset: start, message: "lone surrogate in unicode escape")
        default:
            scalar = unit
        }
        appendUTF8(scalar)
        return next
    }

    /// The value of four hexadecimal digits at `start`, or `nil` if there are not four there.
    private func hexQuad(at start: Int) -> UInt32? {
        guard start >= 0 && end - start >= 4 else {
            return nil
        }
        var value: UInt32 = 0
        for index in start..<(start + 4) {
            let byte = input[index]
            let digit: UInt8
            switch byte {
            case ASCII.zero...ASCII.nine: digit = byte &- ASCII.zero
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte &- UInt8(ascii: "a") &+ 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte &- UInt8(ascii: "A") &+ 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    /// Appends the UTF-8 encoding of a Unicode scalar value (never a surrogate) to the scratch buffer.
    private mutating func appendUTF8(_ scalar: UInt32) {
        switch scalar {
        case 0..<0x80:
            scratch.append(UInt8(truncatingIfNeeded: scalar))
        case 0x80..<0x800:
            scratch.append(0xC0 | UInt8(truncatingIfNeeded: scalar >> 6))
            scratch.append(0x80 | UInt8(truncatingIfNeeded: scalar) & 0x3F)
        case 0x800..<0x10000:
            scratch.append(0xE0 | UInt8(truncatingIfNeeded: scalar >> 12))
            scratch.append(0x80 | UInt8(truncatingIfNeeded: scalar >> 6) & 0x3F)
            scratch.append(0x80 | UInt8(truncatingIfNeeded: scalar) & 0x3F)
        default:
            scratch.append(0xF0 | UInt8(truncatingIfNeeded: scalar >> 18))
            scratch.append(0x80 | UInt8(truncatingIfNeeded: scalar >> 12) & 0x3F)
            scratch.append(0x80 | UInt8(truncatingIfNeeded: scalar >> 6) & 0x3F)
            scratch.append(0x80 | UInt8(truncatingIfNeeded: scalar) & 0x3F)
        }
    }

    /// Checks the multi-byte UTF-8 sequence starting at `start` and returns its length.
    ///
    /// Rejects stray continuation bytes, overlong forms, encoded surrogates, values above U+10FFFF and sequences
    /// cut short, as the Unicode standard's table of well-formed byte sequences requires.
    private func validateUTF8Sequence(at start: Int) throws(JSONParseError) -> Int {
        let lead = input[start]
        let length: Int
        var secondLow: UInt8 = 0x80
        var secondHigh: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF:
            length = 2
        case 0xE0:
            length = 3
            secondLow = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF:
            length = 3
        case 0xED:
            length = 3
            secondHigh = 0x9F
        case 0xF0:
            length = 4
            secondLow = 0x90
        case 0xF1...0xF3:
            length = 4
        case 0xF4:
            length = 4
            secondHigh = 0x8F
        default:
            throw JSONParseError(offset: start, message: "invalid utf-8 in string")
        }
        guard end - start >= length else {
            throw JSONParseError(offset: start, message: "invalid utf-8 in string")
        }
        let second = input[start + 1]
        guard second >= secondLow && second <= secondHigh else {
            throw JSONParseError(offset: start, message: "invalid utf-8 in string")
        }
        for index in (start + 2)..<(start + length) where input[index] & 0xC0 != 0x80 {
            throw JSONParseError(offset: start, message: "invalid utf-8 in string")
        }
        return length
    }
}
