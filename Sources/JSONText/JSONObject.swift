/// The members of a JSON object: unique string keys with their values, kept in insertion order.
///
/// Members serialise in the order they were added, which makes output byte-for-byte predictable. Keys are
/// unique: setting an existing key replaces its value where it stands, and setting a key to `nil` removes the
/// member. Lookups scan the keys linearly, which is fast for the small objects JSON usually carries (up to a few
/// dozen members); very large objects are better handled as arrays of records.
///
/// Two objects are equal when they have the same members in the same order, matching the rule that equal
/// values serialise to the same bytes.
public struct JSONObject: Sendable, Hashable {
    /// The keys of the members, in order.
    public private(set) var keys: [String]

    /// The values of the members, in the same order as `keys`.
    public private(set) var values: [JSONValue]

    /// Creates an object with no members.
    public init() {
        keys = []
        values = []
    }

    /// Creates an object from parallel arrays that the caller guarantees hold unique keys.
    internal init(uncheckedKeys keys: [String], values: [JSONValue]) {
        self.keys = keys
        self.values = values
    }

    /// The number of members.
    public var count: Int {
        keys.count
    }

    /// Whether the object has no members.
    public var isEmpty: Bool {
        keys.isEmpty
    }

    /// The value of the member named `key`, or `nil` if there is none.
    ///
    /// Setting a value for an existing key replaces it in place, keeping the member's position; setting a value
    /// for a new key adds the member at the end; setting `nil` removes the member. To store JSON `null`, assign
    /// `.null` rather than `nil`.
    public subscript(key: String) -> JSONValue? {
        get {
            guard let index = keys.firstIndex(of: key) else {
                return nil
            }
            return values[index]
        }
        set {
            if let index = keys.firstIndex(of: key) {
                if let newValue {
                    values[index] = newValue
                } else {
                    keys.remove(at: index)
                    values.remove(at: index)
                }
            } else if let newValue {
                keys.append(key)
                values.append(newValue)
            }
        }
    }

    /// Adds a member at the end, or replaces the value of an existing member with the same key in place.
    ///
    /// This is the same as assigning a non-`nil` value through the subscript, in a form that reads well when
    /// building objects member by member.
    public mutating func append(_ key: String, _ value: JSONValue) {
        self[key] = value
    }
}

extension JSONObject: Sequence {
    /// An iterator over the members of an object, in order.
    public struct Iterator: IteratorProtocol {
        private let object: JSONObject
        private var index = 0

        fileprivate init(object: JSONObject) {
            self.object = object
        }

        /// Returns the next member, or `nil` after the last one.
        public mutating func next() -> (key: String, value: JSONValue)? {
            guard index < object.keys.count else {
                return nil
            }
            defer { index += 1 }
            return (object.keys[index], object.values[index])
        }
    }

    /// Returns an iterator over the members, in order.
    public func makeIterator() -> Iterator {
        Iterator(object: self)
    }

    /// The number of members, which is exact for an object.
    public var underestimatedCount: Int {
        keys.count
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    /// Creates an object from a dictionary literal, keeping the members in the order written.
    ///
    /// A repeated key replaces the earlier value in its original position.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init()
        keys.reserveCapacity(elements.count)
        values.reserveCapacity(elements.count)
        for (key, value) in elements {
            append(key, value)
        }
    }
}

extension JSONObject: CustomStringConvertible {
    /// The compact JSON text of the object.
    public var description: String {
        JSONValue.object(self).serialized()
    }
}
