import Testing
@testable import JSONText

struct JSONParserRejectionTests {
    /// Parses `bytes` expecting failure and returns the error, or `nil` (recorded as an issue) if it parsed.
    private func failure(_ bytes: [UInt8], maxDepth: Int = 512) -> JSONParseError? {
        do {
            let value = try JSONValue.parse(bytes, maxDepth: maxDepth)
            Issue.record("expected an error, parsed \(value)")
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: [
        // Empty input, structure and whitespace.
        ("", 0, "expected value"),
        ("  \n ", 4, "expected value"),
        ("[", 1, "expected value"),
        ("[1,,2]", 3, "expected value"),
        ("{", 1, "expected string key"),
        ("{,}", 1, "expected string key"),
        ("{1:2}", 1, "expected string key"),
        ("{'a':1}", 1, "expected string key"),
        (#"{"a"}"#, 4, "expected ':' after object key"),
        (#"{"a" 1}"#, 5, "expected ':' after object key"),
        (#"{"a":}"#, 5, "expected value"),
        ("[1", 2, "expected ',' or ']' after array element"),
        ("[1 2]", 3, "expected ',' or ']' after array element"),
        ("[1}", 2, "expected ',' or ']' after array element"),
        (#"{"a":1"#, 6, "expected ',' or '}' after object member"),
        (#"{"a":1 "b":2}"#, 7, "expected ',' or '}' after object member"),
        (#"{"a":1]"#, 6, "expected ',' or '}' after object member"),
        ("1 2", 2, "unexpected data after top-level value"),
        ("{} {}", 3, "unexpected data after top-level value"),
        ("truex", 4, "unexpected data after top-level value"),
        ("\u{FEFF}1", 0, "expected value"),
        ("'single'", 0, "expected value"),
        ("undefined", 0, "expected value"),
        // Trailing commas.
        ("[1,]", 3, "trailing comma is not allowed"),
        ("[1, ]", 4, "trailing comma is not allowed"),
        (#"{"a":1,}"#, 7, "trailing comma is not allowed"),
        // Comments.
        ("// note\n1", 0, "comments are not allowed"),
        ("/* note */ 1", 0, "comments are not allowed"),
        ("[1 /* note */]", 3, "comments are not allowed"),
        ("1 // note", 2, "comments are not allowed"),
        (#"{/*k*/"a":1}"#, 1, "comments are not allowed"),
        // Literals.
        ("tru", 0, "invalid literal, expected 'true'"),
        ("fals", 0, "invalid literal, expected 'false'"),
        ("[nul]", 1, "invalid literal, expected 'null'"),
        ("True", 0, "expected value"),
        ("NaN", 0, "nan and infinity are not allowed"),
        ("Infinity", 0, "nan and infinity are not allowed"),
        ("-Infinity", 0, "nan and infinity are not allowed"),
        ("[1,NaN]", 3, "nan and infinity are not allowed"),
        // Numbers.
        ("01", 0, "leading zeros are not allowed"),
        ("00", 0, "leading zeros are not allowed"),
        ("-01", 1, "leading zeros are not allowed"),
        ("[0.5, 007]", 6, "leading zeros are not allowed"),
        ("-", 1, "expected digit after '-'"),
        ("-a", 1, "expected digit after '-'"),
        ("--1", 1, "expected digit after '-'"),
        ("+1", 0, "expected value"),
        (".5", 0, "expected value"),
        ("1.", 2, "expected digit after decimal point"),
        ("1.e5", 2, "expected digit after decimal point"),
        ("1e", 2, "expected digit in exponent"),
        ("1e+", 3, "expected digit in exponent"),
        ("1E-x", 3, "expected digit in exponent"),
        ("0x10", 1, "unexpected data after top-level value"),
        ("1e400", 0, "number out of range"),
        ("-1e400", 0, "number out of range"),
        ("[1.8e308]", 1, "number out of range"),
        // Strings.
        ("\"abc", 4, "unterminated string"),
        ("\"abc\\", 5, "unterminated string"),
        ("\"abc\\\"", 6, "unterminated string"),
        ("\"a\tb\"", 2, "control character in string"),
        ("\"a\nb\"", 2, "control character in string"),
        ("\"\u{00}\"", 1, "control character in string"),
        ("\"\\u0041\u{1F}\"", 7, "control character in string"),
        (#""\x""#, 1, "invalid escape sequence"),
        (#""ok\'""#, 3, "invalid escape sequence"),
        (#""\U0041""#, 1, "invalid escape sequence"),
        (#""\u12""#, 1, "invalid unicode escape"),
        (#""\u12G4""#, 1, "invalid unicode escape"),
        (#""\u""#, 1, "invalid unicode escape"),
        (#""\uD800""#, 1, "lone surrogate in unicode escape"),
        (#""\uDC00""#, 1, "lone surrogate in unicode escape"),
        (#""\uDFFF\uD800""#, 1, "lone surrogate in unicode escape"),
        (#""\uD800\u0041""#, 1, "lone surrogate in unicode escape"),
        (#""\uD800\uD800""#, 1, "lone surrogate in unicode escape"),
        (#""x\uD83Dy""#, 2, "lone surrogate in unicode escape"),
        (#""\uD800\uZZZZ""#, 7, "invalid unicode escape"),
        // Keys.
        (#"{"a":1,"a":2}"#, 7, "duplicate key in object"),
        (#"{"a":{"b":1},"c":{"b":2},"a":3}"#, 25, "duplicate key in object"),
    ])
    func rejectsInvalidTextAtTheOffendingByte(text: String, offset: Int, message: String) {
        let error = failure(Array(text.utf8))
        #expect(error == JSONParseError(offset: offset, message: message), "\(text.debugDescription)")
    }

    @Test(arguments: [
        ([0x22, 0xFF, 0x22], 1),  // Byte that never occurs in UTF-8.
        ([0x22, 0x80, 0x22], 1),  // Stray continuation byte.
        ([0x22, 0xC0, 0x80, 0x22], 1),  // Overlong encoding of U+0000.
        ([0x22, 0xC1, 0xBF, 0x22], 1),  // Overlong two-byte form.
        ([0x22, 0xE0, 0x9F, 0xBF, 0x22], 1),  // Overlong three-byte form.
        ([0x22, 0xF0, 0x8F, 0xBF, 0xBF, 0x22], 1),  // Overlong four-byte form.
        ([0x22, 0xED, 0xA0, 0x80, 0x22], 1),  // Encoded surrogate U+D800.
        ([0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], 1),  // Above U+10FFFF.
        ([0x22, 0xF5, 0x80, 0x80, 0x80, 0x22], 1),  // Lead byte beyond the Unicode range.
        ([0x22, 0x61, 0xC3, 0x22], 2),  // Sequence cut short by the closing quote.
        ([0x22, 0x61, 0xE2, 0x82], 2),  // Sequence cut short by the end of input.
        ([0x22, 0x5C, 0x6E, 0xE4, 0xB8, 0x22], 3),  // Bad UTF-8 after an escape.
        ([0x7B, 0x22, 0xFF, 0x22, 0x3A, 0x31, 0x7D], 2),  // Bad UTF-8 in a key.
    ] as [([UInt8], Int)])
    func rejectsInvalidUTF8InStrings(bytes: [UInt8], offset: Int) {
        #expect(failure(bytes) == JSONParseError(offset: offset, message: "invalid utf-8 in string"))
    }

    @Test func rejectsNonASCIIBytesOutsideStrings() {
        #expect(failure([0xFF]) == JSONParseError(offset: 0, message: "expected value"))
        #expect(failure([0x5B, 0x31, 0x5D, 0xC3, 0xA9]) == JSONParseError(
            offset: 3, message: "unexpected data after top-level value"))
    }

    @Test func acceptsEveryWellFormedUTF8Boundary() throws {
        let scalars: [Unicode.Scalar] = ["\u{80}", "\u{7FF}", "\u{800}", "\u{D7FF}", "\u{E000}", "\u{FFFD}",
                                         "\u{FFFF}", "\u{10000}", "\u{10FFFF}"]
        for scalar in scalars {
            let text = String(Character(scalar))
            #expect(try JSONValue.parse("\"\(text)\"") == .string(text))
        }
    }

    @Test func rejectsNestingBeyondTheDefaultLimitOfFiveHundredTwelve() {
        let arrays = String(repeating: "[", count: 513) + String(repeating: "]", count: 513)
        #expect(failure(Array(arrays.utf8)) == JSONParseError(offset: 512, message: "nesting too deep"))
        let objects = String(repeating: #"{"a":"#, count: 513) + "1" + String(repeating: "}", count: 513)
        #expect(failure(Array(objects.utf8)) == JSONParseError(offset: 512 * 5, message: "nesting too deep"))
    }

    @Test func rejectsNestingBeyondACustomLimit() {
        #expect(failure(Array("[[[1]]]".utf8), maxDepth: 2) == JSONParseError(offset: 2, message: "nesting too deep"))
        #expect(failure(Array("[]".utf8), maxDepth: 0) == JSONParseError(offset: 0, message: "nesting too deep"))
        #expect(failure(Array("{}".utf8), maxDepth: -1) == JSONParseError(offset: 0, message: "nesting too deep"))
    }

    @Test func survivesHugelyDeepInputWithoutExhaustingTheStack() {
        let bytes = [UInt8](repeating: UInt8(ascii: "["), count: 1_000_000)
        #expect(failure(bytes) == JSONParseError(offset: 512, message: "nesting too deep"))
        let unclosed = String(repeating: "[", count: 500)
        #expect(failure(Array(unclosed.utf8)) == JSONParseError(offset: 500, message: "expected value"))
    }

    @Test func detectsDuplicateKeysInLargeObjects() {
        let members = (0..<100).map { #""k\#($0)":0"# }.joined(separator: ",")
        let text = "{\(members),\"k50\":1}"
        let offset = text.utf8.count - 8
        #expect(failure(Array(text.utf8)) == JSONParseError(offset: offset, message: "duplicate key in object"))
    }

    @Test func stringInputReportsUTF8ByteOffsets() {
        #expect(throws: JSONParseError(offset: 10, message: "expected ',' or ']' after array element")) {
            try JSONValue.parse(#"["é😀" 1]"#)
        }
    }

    @Test func errorDescriptionNamesMessageAndOffset() {
        let error = JSONParseError(offset: 3, message: "expected value")
        #expect(error.description == "expected value at byte offset 3")
    }
}
