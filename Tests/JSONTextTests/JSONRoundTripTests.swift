import Testing
@testable import JSONText

struct JSONRoundTripTests {
    @Test(arguments: [
        "null",
        "true",
        "[]",
        "{}",
        #"{"a":1,"b":[true,null]}"#,
        #"{"z":{"y":{"x":[1,-2,3.5,"four"]}},"a":[]}"#,
        #"[0,-1,9223372036854775807,-9223372036854775808]"#,
        #"[0.1,2.0,-0.0,1e+300,1e-7,5e-324,1.7976931348623157e+308]"#,
        #""\"\\\n\r\t\b\f\u0000\u001f\u2028\u2029 / é 中文 😀""#,
        #"{"":"","key with spaces":"value"}"#,
    ])
    func canonicalCompactTextSurvivesParseAndSerialise(text: String) throws {
        #expect(try JSONValue.parse(text).serialized() == text)
    }

    @Test(arguments: [
        (#"[1.50, 1E3, 0.0001e2, 10e-1]"#, "[1.5,1000.0,0.01,1.0]"),
        (#""\u0041\/\u00E9""#, #""A/é""#),
        (#"{ "a" : [ 1 , 2 ] }"#, #"{"a":[1,2]}"#),
        (#""\uD83D\uDE00""#, "\"😀\""),
    ])
    func nonCanonicalTextIsNormalised(text: String, expected: String) throws {
        #expect(try JSONValue.parse(text).serialized() == expected)
    }

    @Test func randomValuesSurviveCompactAndPrettyRoundTrips() throws {
        var maker = RandomValueMaker(generator: SeededGenerator(seed: 2024))
        for _ in 0..<500 {
            let value = maker.value()
            let compact = try JSONValue.parse(value.utf8Bytes)
            #expect(compact.isIdentical(to: value), "\(value)")
            let pretty = try JSONValue.parse(value.serialized(pretty: true))
            #expect(pretty.isIdentical(to: value), "\(value)")
            #expect(compact.utf8Bytes == value.utf8Bytes)
        }
    }

    @Test func keyOrderSurvivesARoundTrip() throws {
        var object = JSONObject()
        for key in ["delta", "alpha", "charlie", "bravo"] {
            object[key] = .string(key.uppercased())
        }
        let parsed = try JSONValue.parse(JSONValue.object(object).utf8Bytes)
        #expect(parsed.objectValue?.keys == ["delta", "alpha", "charlie", "bravo"])
        #expect(parsed == .object(object))
    }

    @Test(arguments: [Int64.min, Int64.min + 1, -1, 0, 1, Int64.max - 1, Int64.max])
    func integerExtremesRoundTripExactly(integer: Int64) throws {
        #expect(try JSONValue.parse(JSONValue.integer(integer).serialized()) == .integer(integer))
    }

    @Test func everyBMPAndAstralScalarSampleRoundTrips() throws {
        var text = ""
        for value in stride(from: UInt32(0), through: 0x10FFFF, by: 97) {
            if let scalar = Unicode.Scalar(value) {
                text.unicodeScalars.append(scalar)
            }
        }
        let value = JSONValue.string(text)
        #expect(try JSONValue.parse(value.utf8Bytes) == value)
    }
}
