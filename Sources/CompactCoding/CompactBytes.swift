// Values as compact bytes and back, for the caches Muster keeps beside a run (the compiled playbook, the
// checkpoint): smaller and far quicker to read than their YAML or JSON, and read defensively, since a cache may be
// torn, damaged or forged.

/// Why bytes are not what a `CompactReader` was asked for: they end early, say something impossible, or are of
/// another version. Compact bytes are a cache, so the answer is always "rebuild it from the truth".
public struct CompactFormError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What was wrong, and at which byte.
    public var reason: String

    /// What was wrong (`reason`) at byte `offset`.
    public init(_ reason: String, at offset: Int) {
        self.reason = "\(reason) at byte \(offset)"
    }

    /// The reason, with its byte.
    public var description: String { reason }
}

/// Appends values as bytes: unsigned LEB128 integers, zigzag for signed ones, strings as a length and UTF-8.
@frozen public struct CompactWriter {
    /// What was written so far.
    public var bytes: [UInt8] { written }
    @usableFromInline var written: [UInt8] = []

    /// A writer whose bytes start with room for `capacity`.
    @inlinable public init(capacity: Int) {
        written.reserveCapacity(capacity)
    }

    /// One byte as it is.
    @inlinable public mutating func byte(_ value: UInt8) {
        written.append(value)
    }

    /// An unsigned integer in LEB128: 7 bits a byte, low bits first.
    @inlinable public mutating func unsigned(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            written.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        written.append(UInt8(rest))
    }

    /// A signed integer, zigzag-mapped so that small negative numbers stay short.
    @inlinable public mutating func signed(_ value: Int64) {
        unsigned(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    /// An `Int`, as `signed`.
    @inlinable public mutating func int(_ value: Int) {
        signed(Int64(value))
    }

    /// A boolean as one byte, 0 or 1.
    @inlinable public mutating func bool(_ value: Bool) {
        written.append(value ? 1 : 0)
    }

    /// A double's 8 bytes, little-endian.
    @inlinable public mutating func double(_ value: Double) {
        var bits = value.bitPattern
        for _ in 0..<8 {
            written.append(UInt8(truncatingIfNeeded: bits))
            bits >>= 8
        }
    }

    /// A string: its UTF-8 length, then its UTF-8.
    @inlinable public mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            unsigned(UInt64(utf8.count))
            written.append(contentsOf: utf8)
        }
    }

    /// A presence byte, then the value when there is one.
    @inlinable public mutating func optional<Value>(_ value: Value?, _ write: (inout CompactWriter, Value) -> Void) {
        guard let value else { return byte(0) }
        byte(1)
        write(&self, value)
    }

    /// A count, then each element.
    @inlinable public mutating func array<Element>(_ values: [Element], _ write: (inout CompactWriter, Element) -> Void) {
        unsigned(UInt64(values.count))
        for value in values { write(&self, value) }
    }
}

/// Reads what `CompactWriter` wrote, checking every length against the bytes left, so that no input (torn,
/// damaged or hostile) can make it read out of bounds, allocate without bound, or recurse without bound.
@frozen public struct CompactReader {
    @usableFromInline let bytes: UnsafeBufferPointer<UInt8>
    /// The next byte to read.
    public var offset: Int { position }
    @usableFromInline var position = 0
    /// How deep nested values (conditions, parallel tracks) may go.
    @usableFromInline var depthLeft = 256

    /// A reader of `bytes`, from the first; they must outlive it.
    @inlinable public init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Whether every byte has been read.
    @inlinable public var isAtEnd: Bool { position == bytes.count }

    /// The error for `reason` at the current byte.
    @inlinable public func failure(_ reason: String) -> CompactFormError {
        CompactFormError(reason, at: position)
    }

    /// One byte.
    @inlinable public mutating func byte() throws(CompactFormError) -> UInt8 {
        guard position < bytes.count else { throw failure("unexpected end") }
        defer { position += 1 }
        return bytes[position]
    }

    /// An unsigned LEB128 integer of at most 64 bits.
    @inlinable public mutating func unsigned() throws(CompactFormError) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let next = try byte()
            guard shift < 64, shift < 63 || next <= 1 else { throw failure("integer too long") }
            value |= UInt64(next & 0x7F) << shift
            if next < 0x80 { return value }
            shift += 7
        }
    }

    /// A zigzag-mapped signed integer.
    @inlinable public mutating func signed() throws(CompactFormError) -> Int64 {
        let zigzag = try unsigned()
        return Int64(bitPattern: (zigzag >> 1) ^ (0 &- (zigzag & 1)))
    }

    /// A signed integer that fits an `Int`.
    @inlinable public mutating func int() throws(CompactFormError) -> Int {
        let value = try signed()
        guard let int = Int(exactly: value) else { throw failure("integer out of range") }
        return int
    }

    /// A boolean: exactly 0 or 1.
    @inlinable public mutating func bool() throws(CompactFormError) -> Bool {
        switch try byte() {
        case 0: false
        case 1: true
        default: throw failure("not a boolean")
        }
    }

    /// A double's 8 little-endian bytes.
    @inlinable public mutating func double() throws(CompactFormError) -> Double {
        guard bytes.count - position >= 8 else { throw failure("unexpected end") }
        var bits: UInt64 = 0
        for index in (0..<8).reversed() { bits = bits << 8 | UInt64(bytes[position + index]) }
        position += 8
        return Double(bitPattern: bits)
    }

    /// A count of things of at least one byte each, so at most the bytes left.
    @inlinable public mutating func count() throws(CompactFormError) -> Int {
        let count = try unsigned()
        guard count <= UInt64(bytes.count - position) else { throw failure("count beyond the end") }
        return Int(count)
    }

    /// A string: a length within the bytes left, then that many bytes of UTF-8.
    @inlinable public mutating func string() throws(CompactFormError) -> String {
        let length = try count()
        // Repairing rather than refusing: the bytes are checksummed by whoever stored them, and a repaired string
        // is as harmless as any other.
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[position..<position + length]), as: UTF8.self)
        position += length
        return text
    }

    /// A presence byte, then the value when there is one.
    @inlinable public mutating func optional<Value>(
        _ read: (inout CompactReader) throws(CompactFormError) -> Value
    ) throws(CompactFormError) -> Value? {
        try bool() ? try read(&self) : nil
    }

    /// A count, then each element.
    @inlinable public mutating func array<Element>(
        _ read: (inout CompactReader) throws(CompactFormError) -> Element
    ) throws(CompactFormError) -> [Element] {
        let count = try count()
        var elements: [Element] = []
        // A count is at most the bytes left, but an element takes far more memory than its one byte: reserve
        // little, and let the array grow with what actually decodes.
        elements.reserveCapacity(min(count, 64))
        for _ in 0..<count { elements.append(try read(&self)) }
        return elements
    }

    /// Reads a value that may contain values of its own kind, one level deeper.
    @inlinable public mutating func nested<Value>(
        _ read: (inout CompactReader) throws(CompactFormError) -> Value
    ) throws(CompactFormError) -> Value {
        guard depthLeft > 0 else { throw failure("nested too deeply") }
        depthLeft -= 1
        defer { depthLeft += 1 }
        return try read(&self)
    }
}
