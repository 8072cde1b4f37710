/// The reason JSON text could not be parsed, and where.
///
/// `offset` counts bytes of UTF-8 input from zero and points at the byte where parsing failed; it equals the
/// input length when the input ended too early. `message` is a short lower-case phrase such as
/// `expected ',' or '}' after object member`.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The zero-based byte offset in the input at which parsing failed.
    public let offset: Int

    /// A short lower-case phrase describing what went wrong.
    public let message: String

    /// Creates an error for a failure at `offset`, described by `message`.
    public init(offset: Int, message: String) {
        self.offset = offset
        self.message = message
    }

    /// The message followed by the offset, such as `expected value at byte offset 3`.
    public var description: String {
        "\(message) at byte offset \(offset)"
    }
}
