extension JSONValue {
    /// The string, or `nil` if this value is not a string.
    public var stringValue: String? {
        if case .string(let string) = self {
            return string
        }
        return nil
    }

    /// The value as a 64-bit integer, or `nil` if it is not an integral number within `Int64` range.
    ///
    /// `.integer` values are returned as they are. `.number` values are accepted when they convert exactly,
    /// so `.number(2.0)` gives `2` while `.number(2.5)`, `.number(1e300)` and `.number(.nan)` give `nil`.
    public var intValue: Int64? {
        switch self {
        case .integer(let integer):
            return integer
        case .number(let number):
            // Avoids `Int64(exactly:)`, whose rounding calls need libm, which a Foundation-free binary may not link.
            // The range test also rejects NaN; inside it the truncating conversion cannot trap.
            guard number >= -0x1p63 && number < 0x1p63 else {
                return nil
            }
            let integer = Int64(number)
            return Double(integer) == number ? integer : nil
        default:
            return nil
        }
    }

    /// The value as a floating-point number, or `nil` if it is not a number.
    ///
    /// `.integer` values are converted to the nearest `Double`, which loses precision beyond 2^53.
    public var doubleValue: Double? {
        switch self {
        case .integer(let integer):
            return Double(integer)
        case .number(let number):
            return number
        default:
            return nil
        }
    }

    /// The boolean, or `nil` if this value is not `true` or `false`.
    public var boolValue: Bool? {
        if case .bool(let bool) = self {
            return bool
        }
        return nil
    }

    /// The elements, or `nil` if this value is not an array.
    public var arrayValue: [JSONValue]? {
        if case .array(let array) = self {
            return array
        }
        return nil
    }

    /// The members, or `nil` if this value is not an object.
    public var objectValue: JSONObject? {
        if case .object(let object) = self {
            return object
        }
        return nil
    }

    /// The value of the member named `key`, or `nil` if this is not an object or has no such member.
    ///
    /// A member whose value is JSON `null` gives `.null`, not `nil`.
    public subscript(key: String) -> JSONValue? {
        if case .object(let object) = self {
            return object[key]
        }
        return nil
    }
}
