import Testing
@testable import JSONText

struct JSONWriterTests {
    @Test func compactOutputHasNoWhitespace() {
        let value: JSONValue = ["a": 1, "b": [true, nil], "c": ["d": "e"], "f": [], "g": [:]]
        #expect(value.serialized() == #"{"a":1,"b":[true,null],"c":{"d":"e"},"f":[],"g":{}}"#)
    }

    @Test func membersAreWrittenInInsertionOrder() {
        var object = JSONObject()
        for key in ["z", "y", "x", "a", "b"] {
            object[key] = .string(key)
        }
        #expect(JSONValue.object(object).serialized() == #"{"z":"z","y":"y","x":"x","a":"a","b":"b"}"#)
    }

    @Test(arguments: [
        ("plain", #""plain""#),
        ("quote \" here", #""quote \" here""#),
        ("back\\slash", #""back\\slash""#),
        ("slash / stays", #""slash / stays""#),
        ("line\nfeed", #""line\nfeed""#),
        ("carriage\rreturn", #""carriage\rreturn""#),
        ("tab\there", #""tab\there""#),
        ("back\u{08}space", #""back\bspace""#),
        ("form\u{0C}feed", #""form\ffeed""#),
        ("nul\u{00}byte", #""nul\u0000byte""#),
        ("unit\u{1F}separator", #""unit\u001fseparator""#),
        ("escape\u{1B}char", #""escape\u001bchar""#),
        ("delete\u{7F}stays", "\"delete\u{7F}stays\""),
        ("line\u{2028}separator", #""line\u2028separator""#),
        ("paragraph\u{2029}separator", #""paragraph\u2029separator""#),
        ("ellipsis\u{2026}stays", "\"ellipsis\u{2026}stays\""),
        ("café", "\"café\""),
        ("中文文本", "\"中文文本\""),
        ("emoji 😀👩‍👩‍👧", "\"emoji 😀👩‍👩‍👧\""),
        ("", #""""#),
    ])
    func stringsAreEscapedMinimally(text: String, expected: String) {
        #expect(JSONValue.string(text).serialized() == expected)
    }

    @Test func keysAreEscapedLikeStrings() {
        let value: JSONValue = ["a\"b\n\u{2028}": 1]
        #expect(value.serialized() == #"{"a\"b\n\u2028":1}"#)
    }

    @Test(arguments: [
        (Int64(0), "0"),
        (7, "7"),
        (-7, "-7"),
        (1_000_000, "1000000"),
        (Int64.max, "9223372036854775807"),
        (Int64.min, "-9223372036854775808"),
    ])
    func integersAreWrittenInDecimal(integer: Int64, expected: String) {
        #expect(JSONValue.integer(integer).serialized() == expected)
    }

    @Test(arguments: [
        (0.1, "0.1"),
        (2.0, "2.0"),
        (-2.0, "-2.0"),
        (0.0, "0.0"),
        (-0.0, "-0.0"),
        (1.5, "1.5"),
        (1e300, "1e+300"),
        (1.5e300, "1.5e+300"),
        (1e16, "1e+16"),
        (1e15, "1000000000000000.0"),
        (1e-7, "1e-7"),
        (1.25e-5, "1.25e-5"),
        (0.0001, "0.0001"),
        (Double.leastNonzeroMagnitude, "5e-324"),
        (Double.greatestFiniteMagnitude, "1.7976931348623157e+308"),
        (-Double.leastNormalMagnitude, "-2.2250738585072014e-308"),
        (9007199254740993.0, "9007199254740992.0"),
    ])
    func doublesUseTheShortestRoundTripText(number: Double, expected: String) throws {
        #expect(JSONValue.number(number).serialized() == expected)
        let reparsed = try JSONValue.parse(expected)
        #expect(reparsed.isIdentical(to: .number(number)))
    }

    @Test(arguments: [Double.nan, .infinity, -.infinity, .signalingNaN])
    func nonFiniteDoublesAreWrittenAsNull(number: Double) {
        #expect(JSONValue.number(number).serialized() == "null")
        #expect(JSONValue.array([.number(number)]).serialized() == "[null]")
    }

    @Test func scalarsAreWrittenAsLiterals() {
        #expect(JSONValue.null.serialized() == "null")
        #expect(JSONValue.bool(true).serialized() == "true")
        #expect(JSONValue.bool(false).serialized() == "false")
    }

    @Test func prettyOutputIndentsByTwoSpacesWithOneItemPerLine() {
        let value: JSONValue = [
            "name": "muster",
            "tags": ["a", 1, nil],
            "empty object": [:],
            "empty array": [],
            "nested": ["deep": [["x": 1.5]]],
        ]
        let expected = """
            {
              "name": "muster",
              "tags": [
                "a",
                1,
                null
              ],
              "empty object": {},
              "empty array": [],
              "nested": {
                "deep": [
                  {
                    "x": 1.5
                  }
                ]
              }
            }
            """
        #expect(value.serialized(pretty: true) == expected)
    }

    @Test(arguments: [
        (JSONValue.null, "null"),
        ([], "[]"),
        ([:], "{}"),
        ("a\nb", #""a\nb""#),
        ([[]], "[\n  []\n]"),
    ] as [(JSONValue, String)])
    func prettyOutputOfSmallValues(value: JSONValue, expected: String) {
        #expect(value.serialized(pretty: true) == expected)
    }

    @Test func writeAppendsToExistingBytesAndMatchesSerialized() {
        let value: JSONValue = ["k": ["v", 1, 2.5, true]]
        var output = Array("prefix ".utf8)
        value.write(to: &output)
        #expect(output == Array("prefix ".utf8) + Array(value.serialized().utf8))
        #expect(value.utf8Bytes == Array(value.serialized().utf8))
        var pretty: [UInt8] = []
        value.write(to: &pretty, pretty: true)
        #expect(pretty == Array(value.serialized(pretty: true).utf8))
    }

    @Test func serialisationIsDeterministicForEqualValues() {
        var first = JSONObject()
        first["b"] = [1, 2]
        first["a"] = "x"
        let second: JSONObject = ["b": [1, 2], "a": "x"]
        #expect(first == second)
        #expect(JSONValue.object(first).utf8Bytes == JSONValue.object(second).utf8Bytes)
    }
}
