/// A JSON value: `null`, a boolean, a number, a string, an array or an object.
///
/// Numbers come in two cases so that integers survive a round trip exactly: `.integer` holds every number
/// written without a fraction or exponent that fits in `Int64`, `.number` holds everything else.
///
/// Equality is structural and exact, and it follows the serialised form: `.integer(2)` and `.number(2.0)` are
/// different values (they print as `2` and `2.0`), and objects compare their members in order, because member
/// order is part of the serialised bytes. The only exceptions come from `Double` equality: `.number(0.0)` equals
/// `.number(-0.0)`, and `.number(.nan)` equals nothing, not even itself.
///
/// Values are compared, hashed, serialised and destroyed recursively, so extremely deep nesting (tens of
/// thousands of levels) built in code can exhaust the stack; the parser's depth limit keeps parsed values safe.
public enum JSONValue: Sendable, Hashable {
    /// The literal `null`.
    case null

    /// The literal `true` or `false`.
    case bool(Bool)

    /// An integer that fits in 64 bits, written without fraction or exponent.
    case integer(Int64)

    /// Any other number, stored as a binary floating-point value.
    ///
    /// NaN and the infinities cannot be written as JSON and serialise as `null`.
    case number(Double)

    /// A string of Unicode text.
    case string(String)

    /// An ordered list of values.
    case array([JSONValue])

    /// An ordered collection of key/value members.
    case object(JSONObject)
}

extension JSONValue: CustomStringConvertible {
    /// The compact JSON text of this value, as returned by `serialized()`.
    public var description: String {
        serialized()
    }
}
