import Diagnostics

/// Checks that a file's bytes are text YAML can hold, before libyaml sees them.
///
/// libyaml reports encoding problems as a byte offset with a terse message; this pass finds each one with its
/// line and column and says what exactly is wrong (a lone continuation byte, an overlong form, an encoded
/// surrogate, a NUL, a control character), so that the error reads like the rest. Lines end at LF, CRLF or a
/// lone CR; columns count Unicode scalars, the way libyaml does.
enum EncodingCheck {
    /// The problems in `bytes` (which must not include a byte order mark), at most `limit` of them plus a
    /// summary note on the last.
    static func problems(in bytes: UnsafeBufferPointer<UInt8>, file: String, limit: Int) -> [Diagnostic] {
        var found: [Diagnostic] = []
        var line = 1
        var column = 1
        var index = 0
        var suppressed = 0
        let count = bytes.count

        func report(_ rule: DiagnosticRule, _ message: String, hint: String) {
            if found.count < limit {
                found.append(.error(rule.id, message, file: file, at: SourceLocation(line: line, column: column),
                                    hint: hint))
            } else {
                suppressed += 1
            }
        }
        func isContinuation(_ offset: Int) -> Bool {
            offset < count && bytes[offset] & 0xC0 == 0x80
        }
        let utf8Hint = "save the file as UTF-8; the byte cannot be part of any character"

        let raw = UnsafeRawBufferPointer(bytes)
        while index < count {
            // Fast path: eight printable ASCII bytes at once (no high bit, nothing below 0x20, no DEL).
            if index + 8 <= count {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                let high: UInt64 = 0x8080_8080_8080_8080
                let ones: UInt64 = 0x0101_0101_0101_0101
                let below20 = (word &- 0x2020_2020_2020_2020) & ~word & high
                let delete = word ^ 0x7F7F_7F7F_7F7F_7F7F
                let isDelete = (delete &- ones) & ~delete & high
                if (word & high) | below20 | isDelete == 0 {
                    index += 8
                    column += 8
                    continue
                }
            }
            let byte = bytes[index]
            // Fast path for the common multi-byte characters that can never be a problem: two-byte ones above
            // U+00BF (C3..DF) and three-byte ones from U+1000 to U+CFFF (E1..EC, CJK among them).
            if byte >= 0xC3, byte <= 0xDF, index + 1 < count, bytes[index + 1] & 0xC0 == 0x80 {
                index += 2
                column += 1
                continue
            }
            if byte >= 0xE1, byte <= 0xEC, index + 2 < count, bytes[index + 1] & 0xC0 == 0x80,
                bytes[index + 2] & 0xC0 == 0x80
            {
                index += 3
                column += 1
                continue
            }
            if byte < 0x80 {
                switch byte {
                case 0x0A:
                    line += 1
                    column = 1
                    index += 1
                    continue
                case 0x0D:
                    line += 1
                    column = 1
                    index += (index + 1 < count && bytes[index + 1] == 0x0A) ? 2 : 1
                    continue
                case 0x00:
                    report(YAMLRules.nulCharacter, "NUL character (byte 0x00) in the text",
                           hint: "remove it; a NUL usually means a binary file or a UTF-16 file")
                case 0x09, 0x20...0x7E:
                    break
                default:
                    report(YAMLRules.controlCharacter,
                           "control character U+\(hex(UInt32(byte), width: 4)) is not allowed in YAML",
                           hint: "remove it or write it as an escape inside a double-quoted string")
                }
                index += 1
                column += 1
                continue
            }

            // A multi-byte sequence: work out its length and validity per RFC 3629.
            var length = 0
            var problem: String?
            switch byte {
            case 0x80...0xBF:
                problem = "unexpected continuation byte 0x\(hex(UInt32(byte), width: 2)) with no lead byte"
            case 0xC0, 0xC1:
                length = 2
                problem = "overlong encoding (lead byte 0x\(hex(UInt32(byte), width: 2)))"
            case 0xC2...0xDF:
                length = 2
            case 0xE0:
                length = 3
                if index + 1 < count, (0x80...0x9F).contains(bytes[index + 1]) { problem = "overlong encoding" }
            case 0xED:
                length = 3
                if index + 1 < count, (0xA0...0xBF).contains(bytes[index + 1]) {
                    problem = "encoded UTF-16 surrogate (U+D800 to U+DFFF cannot appear in UTF-8)"
                }
            case 0xE1...0xEF:
                length = 3
            case 0xF0:
                length = 4
                if index + 1 < count, (0x80...0x8F).contains(bytes[index + 1]) { problem = "overlong encoding" }
            case 0xF4:
                length = 4
                if index + 1 < count, (0x90...0xBF).contains(bytes[index + 1]) {
                    problem = "code point above U+10FFFF"
                }
            case 0xF1...0xF3:
                length = 4
            default:
                problem = "byte 0x\(hex(UInt32(byte), width: 2)) never appears in UTF-8"
            }
            if problem == nil {
                for offset in 1..<length where !isContinuation(index + offset) {
                    problem = "incomplete multi-byte sequence (lead byte 0x\(hex(UInt32(byte), width: 2)))"
                    length = offset
                    break
                }
            }
            if let problem {
                report(YAMLRules.invalidUTF8, "invalid UTF-8: " + problem, hint: utf8Hint)
                // The bad sequence counts as one character: skip its lead and the continuation bytes it claims.
                var skipped = 1
                while skipped < length, isContinuation(index + skipped) { skipped += 1 }
                index += skipped
                column += 1
                continue
            }
            var scalar = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for offset in 1..<length { scalar = scalar << 6 | UInt32(bytes[index + offset] & 0x3F) }
            if (0x80...0x9F).contains(scalar) && scalar != 0x85 || scalar == 0xFFFE || scalar == 0xFFFF {
                report(YAMLRules.controlCharacter,
                       "control character U+\(hex(scalar, width: 4)) is not allowed in YAML",
                       hint: "remove it; it is invisible in most editors")
            }
            index += length
            column += 1
        }
        if suppressed > 0, !found.isEmpty {
            found[found.count - 1].notes.append(.init("\(suppressed) more encoding problems not shown"))
        }
        return found
    }

    /// The location of the byte at `offset`, counted as `problems(in:)` counts.
    static func location(ofByte offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> SourceLocation {
        var line = 1
        var column = 1
        var index = 0
        let end = min(offset, bytes.count)
        while index < end {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D {
                line += 1
                column = 1
                if byte == 0x0D, index + 1 < end, bytes[index + 1] == 0x0A { index += 1 }
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        return SourceLocation(line: line, column: column)
    }

    private static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
