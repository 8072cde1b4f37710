import Testing
@testable import JSONText

struct JSONValueAccessorTests {
    static let samples: [JSONValue] = [.null, true, 7, 2.5, "s", [1], ["k": "v"]]

    @Test func eachAccessorAnswersOnlyForItsOwnCase() {
        let accessors: [(JSONValue) -> Bool] = [
            { $0.boolValue != nil },
            { $0.stringValue != nil },
            { $0.arrayValue != nil },
            { $0.objectValue != nil },
        ]
        let owners: [JSONValue] = [true, "s", [1], ["k": "v"]]
        for (accessor, owner) in zip(accessors, owners) {
            for sample in Self.samples {
                #expect(accessor(sample) == (sample == owner), "\(sample)")
            }
        }
    }

    @Test func accessorsReturnThePayload() {
        #expect(JSONValue.bool(false).boolValue == false)
        #expect(JSONValue.string("text").stringValue == "text")
        #expect(JSONValue.array([1, 2]).arrayValue == [1, 2])
        #expect(JSONValue.object(["a": 1]).objectValue == ["a": 1])
        #expect(JSONValue.integer(-5).intValue == -5)
        #expect(JSONValue.number(0.25).doubleValue == 0.25)
    }

    @Test(arguments: [
        (JSONValue.integer(Int64.max), Int64?.some(Int64.max)),
        (.number(2.0), 2),
        (.number(-0.0), 0),
        (.number(2.5), nil),
        (.number(1e300), nil),
        (.number(-0x1p63), Int64.min),
        (.number(0x1p63), nil),
        (.number(.nan), nil),
        (.number(.infinity), nil),
        (.string("3"), nil),
        (.null, nil),
    ])
    func intValueAcceptsIntegersAndIntegralNumbersInRange(value: JSONValue, expected: Int64?) {
        #expect(value.intValue == expected)
    }

    @Test func doubleValueConvertsIntegersAndRejectsOtherCases() {
        #expect(JSONValue.integer(3).doubleValue == 3.0)
        #expect(JSONValue.integer(Int64.max).doubleValue == 0x1p63)
        #expect(JSONValue.string("1").doubleValue == nil)
        #expect(JSONValue.bool(true).doubleValue == nil)
    }

    @Test func keySubscriptLooksUpObjectMembers() {
        let value: JSONValue = ["name": "muster", "gone": nil, "nested": ["depth": 2]]
        #expect(value["name"] == "muster")
        #expect(value["gone"] == .null)
        #expect(value["missing"] == nil)
        #expect(value["nested"]?["depth"]?.intValue == 2)
        #expect(JSONValue.array([1])["name"] == nil)
        #expect(JSONValue.string("name")["name"] == nil)
    }

    @Test func literalsBuildTheMatchingCases() {
        let null: JSONValue = nil
        let bool: JSONValue = true
        let integer: JSONValue = -42
        let number: JSONValue = 1.5
        let string: JSONValue = "hi"
        let array: JSONValue = [1, "two", nil]
        let object: JSONValue = ["z": 1, "a": 2]
        #expect(null == .null)
        #expect(bool == .bool(true))
        #expect(integer == .integer(-42))
        #expect(number == .number(1.5))
        #expect(string == .string("hi"))
        #expect(array == .array([.integer(1), .string("two"), .null]))
        #expect(object.objectValue?.keys == ["z", "a"])
    }

    @Test func integerAndNumberWithTheSameMagnitudeAreDifferentValues() {
        #expect(JSONValue.integer(2) != JSONValue.number(2.0))
    }

    @Test func descriptionIsCompactJSON() {
        let value: JSONValue = ["list": [1, 2.5, "x"], "flag": false]
        #expect(value.description == #"{"list":[1,2.5,"x"],"flag":false}"#)
    }
}
