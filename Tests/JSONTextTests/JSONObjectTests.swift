import Testing
@testable import JSONText

struct JSONObjectTests {
    @Test func keepsMembersInInsertionOrder() {
        var object = JSONObject()
        object["zebra"] = 1
        object["apple"] = 2
        object["mango"] = 3
        #expect(object.keys == ["zebra", "apple", "mango"])
        #expect(object.values == [1, 2, 3])
    }

    @Test func settingAnExistingKeyReplacesTheValueInPlace() {
        var object: JSONObject = ["a": 1, "b": 2, "c": 3]
        object["b"] = "two"
        #expect(object.keys == ["a", "b", "c"])
        #expect(object["b"] == "two")
        #expect(object.count == 3)
    }

    @Test func settingNilRemovesTheMemberAndKeepsTheRestInOrder() {
        var object: JSONObject = ["a": 1, "b": 2, "c": 3]
        object["b"] = nil
        #expect(object.keys == ["a", "c"])
        #expect(object["b"] == nil)
        object["missing"] = nil
        #expect(object.count == 2)
    }

    @Test func assigningNullStoresJSONNullRatherThanRemoving() {
        var object: JSONObject = ["a": 1]
        object["a"] = .null
        #expect(object["a"] == .null)
        #expect(object.count == 1)
    }

    @Test func appendAddsNewKeysAtTheEndAndReplacesExistingOnesInPlace() {
        var object = JSONObject()
        object.append("x", 1)
        object.append("y", 2)
        object.append("x", 3)
        #expect(object.keys == ["x", "y"])
        #expect(object["x"] == 3)
    }

    @Test func dictionaryLiteralKeepsWrittenOrderAndLetsALaterRepeatWin() {
        let object: JSONObject = ["b": 1, "a": 2, "b": 3]
        #expect(object.keys == ["b", "a"])
        #expect(object["b"] == 3)
    }

    @Test func countAndIsEmptyReflectMembers() {
        var object = JSONObject()
        #expect(object.isEmpty)
        #expect(object.count == 0)
        object["k"] = true
        #expect(!object.isEmpty)
        #expect(object.count == 1)
    }

    @Test func iterationYieldsKeyValuePairsInOrder() {
        let object: JSONObject = ["one": 1, "two": 2, "three": 3]
        var seen: [String] = []
        for (key, value) in object {
            seen.append("\(key)=\(value)")
        }
        #expect(seen == ["one=1", "two=2", "three=3"])
        #expect(object.underestimatedCount == 3)
        #expect(object.map(\.key) == object.keys)
    }

    @Test func equalityAndHashingDependOnMemberOrder() {
        let forward: JSONObject = ["a": 1, "b": 2]
        let backward: JSONObject = ["b": 2, "a": 1]
        #expect(forward != backward)
        #expect(forward == ["a": 1, "b": 2])
        #expect(Set([forward, backward, ["a": 1, "b": 2]]).count == 2)
    }

    @Test func descriptionIsCompactJSON() {
        let object: JSONObject = ["a": [1, "x"], "b": nil]
        #expect(object.description == #"{"a":[1,"x"],"b":null}"#)
    }
}
