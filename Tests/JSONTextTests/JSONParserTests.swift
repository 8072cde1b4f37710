import Testing
@testable import JSONText

struct JSONParserTests {
    @Test(arguments: [
        ("null", JSONValue.null),
        ("true", true),
        ("false", false),
        ("0", 0),
        ("-12", -12),
        ("\"text\"", "text"),
        ("[]", []),
        ("{}", [:]),
        ("[1,[2,[3]]]", [1, [2, [3]]]),
        (#"{"a":{"b":{}}}"#, ["a": ["b": [:]]]),
    ] as [(String, JSONValue)])
    func parsesEachKindOfValue(text: String, expected: JSONValue) throws {
        #expect(try JSONValue.parse(text) == expected)
    }

    @Test func allowsTheFourWhitespaceCharactersAroundTokens() throws {
        let text = " \t\r\n{ \"a\" :\n[ 1 ,\t2 ] , \"b\"\r: { } }\n\n "
        #expect(try JSONValue.parse(text) == ["a": [1, 2], "b": [:]])
    }

    @Test func keepsObjectKeyOrderFromTheInput() throws {
        let value = try JSONValue.parse(#"{"zeta":1,"alpha":2,"mid":3}"#)
        #expect(value.objectValue?.keys == ["zeta", "alpha", "mid"])
    }

    @Test(arguments: [
        ("0", JSONValue.integer(0)),
        ("9223372036854775807", .integer(Int64.max)),
        ("-9223372036854775808", .integer(Int64.min)),
        ("9223372036854775808", .number(9223372036854775808.0)),
        ("-9223372036854775809", .number(-9223372036854775809.0)),
        ("123456789012345678901234567890", .number(1.2345678901234568e29)),
        ("1.0", .number(1.0)),
        ("2.5", .number(2.5)),
        ("0.1", .number(0.1)),
        ("-0.0", .number(-0.0)),
        ("1e2", .number(100)),
        ("1E2", .number(100)),
        ("1e+2", .number(100)),
        ("1e-2", .number(0.01)),
        ("0e0", .number(0)),
        ("0e99999999999999999999", .number(0)),
        ("1e-400", .number(0)),
        ("4.9e-324", .number(.leastNonzeroMagnitude)),
        ("1.7976931348623157e308", .number(1.7976931348623157e308)),
        ("0.30000000000000004", .number(0.30000000000000004)),
        ("9007199254740993", .integer(9007199254740993)),
        ("9007199254740993.0", .number(9007199254740992.0)),
    ])
    func parsesNumbersIntoIntegerOrDouble(text: String, expected: JSONValue) throws {
        let value = try JSONValue.parse(text)
        #expect(value.isIdentical(to: expected), "\(text) gave \(value)")
    }

    @Test func negativeZeroBecomesANegativeDoubleToKeepItsSign() throws {
        let value = try JSONValue.parse("-0")
        #expect(value.isIdentical(to: .number(-0.0)))
        #expect(value.doubleValue?.sign == .minus)
        #expect(value.intValue == 0)
    }

    @Test func decimalConversionMatchesTheStandardLibraryOnManyInputs() throws {
        var generator = SeededGenerator(seed: 0x5EED)
        for _ in 0..<5_000 {
            let integerDigits = String(UInt64.random(in: 0...999_999_999_999, using: &generator))
            let fractionDigits = String(UInt64.random(in: 0...UInt64.max, using: &generator))
                .prefix(Int.random(in: 1...20, using: &generator))
            let exponent = Int.random(in: -340...310, using: &generator)
            let text = "\(integerDigits).\(fractionDigits)e\(exponent)"
            guard let expected = Double(text), expected.isFinite else {
                continue
            }
            let parsed = try JSONValue.parse(text)
            #expect(parsed.doubleValue?.bitPattern == expected.bitPattern, "\(text)")
        }
    }

    @Test(arguments: [
        (#""\"\\\/\b\f\n\r\t""#, "\"\\/\u{08}\u{0C}\n\r\t"),
        (#""\u0041\u00e9\u4E2D""#, "Aé中"),
        (#""\u0000""#, "\u{00}"),
        (#""\ud83d\ude00""#, "😀"),
        (#""\uD83D\uDE00 and \u2028""#, "😀 and \u{2028}"),
        (#""\uDBFF\uDFFF""#, "\u{10FFFF}"),
        (#""prefix \n suffix""#, "prefix \n suffix"),
        ("\"中文 and 😀 raw\"", "中文 and 😀 raw"),
        ("\"\u{7F}\"", "\u{7F}"),
    ])
    func decodesEscapesAndRawUTF8InStrings(text: String, expected: String) throws {
        #expect(try JSONValue.parse(text) == .string(expected))
    }

    @Test func parsesJournalLikeLines() throws {
        let line = #"{"seq":42,"prev":"9f86d081884c7d65","kind":"task.done","ok":true,"ms":1.25,"tags":["a","b"]}"#
        let value = try JSONValue.parse(line)
        #expect(value["seq"] == 42)
        #expect(value["prev"]?.stringValue == "9f86d081884c7d65")
        #expect(value["ms"]?.doubleValue == 1.25)
        #expect(value["tags"] == ["a", "b"])
        #expect(value.serialized() == line)
    }

    @Test func parsesObjectsLargeEnoughToUseTheKeySet() throws {
        let members = (0..<200).map { #""k\#($0)":\#($0)"# }.joined(separator: ",")
        let value = try JSONValue.parse("{\(members)}")
        #expect(value.objectValue?.count == 200)
        #expect(value["k199"] == 199)
        #expect(value.objectValue?.keys.first == "k0")
    }

    @Test func acceptsContiguousAndNonContiguousByteCollections() throws {
        let bytes = Array(#"{"a":[1,"é"]}"#.utf8)
        let expected: JSONValue = ["a": [1, "é"]]
        #expect(try JSONValue.parse(bytes) == expected)
        #expect(try JSONValue.parse(bytes[...]) == expected)
        #expect(try JSONValue.parse(bytes.lazy.map { $0 }) == expected)
        #expect(try JSONValue.parse(Substring(#"{"a":[1,"é"]}"#).utf8) == expected)
    }

    @Test func nestingUpToTheDefaultLimitIsAccepted() throws {
        let text = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        var value = try JSONValue.parse(text)
        var depth = 0
        while let inner = value.arrayValue {
            depth += 1
            value = inner.first ?? .null
        }
        #expect(depth == 512)
    }

    @Test func customDepthLimitAllowsExactlyThatManyLevels() throws {
        #expect(try JSONValue.parse(#"[{"a":1}]"#, maxDepth: 2) == [["a": 1]])
        #expect(try JSONValue.parse("7", maxDepth: 0) == 7)
    }
}
