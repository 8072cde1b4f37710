/// Why bytes are not a playbook's compact form: they end early, say something impossible, or are of another
/// version. Bytes of the compact form are a cache, so the answer is always "decode the YAML instead".
public struct CompactFormError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What was wrong, and at which byte.
    public var reason: String

    init(_ reason: String, at offset: Int) {
        self.reason = "\(reason) at byte \(offset)"
    }

    public var description: String { reason }
}

/// Appends values as bytes: unsigned LEB128 integers, zigzag for signed ones, strings as a length and UTF-8.
struct CompactWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    mutating func byte(_ value: UInt8) {
        bytes.append(value)
    }

    mutating func unsigned(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func signed(_ value: Int64) {
        unsigned(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    mutating func int(_ value: Int) {
        signed(Int64(value))
    }

    mutating func bool(_ value: Bool) {
        bytes.append(value ? 1 : 0)
    }

    mutating func double(_ value: Double) {
        var bits = value.bitPattern
        for _ in 0..<8 {
            bytes.append(UInt8(truncatingIfNeeded: bits))
            bits >>= 8
        }
    }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            unsigned(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    /// A presence byte, then the value when there is one.
    mutating func optional<Value>(_ value: Value?, _ write: (inout CompactWriter, Value) -> Void) {
        guard let value else { return byte(0) }
        byte(1)
        write(&self, value)
    }

    /// A count, then each element.
    mutating func array<Element>(_ values: [Element], _ write: (inout CompactWriter, Element) -> Void) {
        unsigned(UInt64(values.count))
        for value in values { write(&self, value) }
    }
}

/// Reads what `CompactWriter` wrote, checking every length against the bytes left, so that no input (torn,
/// damaged or hostile) can make it read out of bounds, allocate without bound, or recurse without bound.
struct CompactReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private(set) var offset = 0
    /// How deep nested values (conditions, parallel tracks) may go.
    private var depthLeft = 256

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { offset == bytes.count }

    func failure(_ reason: String) -> CompactFormError {
        CompactFormError(reason, at: offset)
    }

    mutating func byte() throws(CompactFormError) -> UInt8 {
        guard offset < bytes.count else { throw failure("unexpected end") }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func unsigned() throws(CompactFormError) -> UInt64 {
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

    mutating func signed() throws(CompactFormError) -> Int64 {
        let zigzag = try unsigned()
        return Int64(bitPattern: (zigzag >> 1) ^ (0 &- (zigzag & 1)))
    }

    mutating func int() throws(CompactFormError) -> Int {
        let value = try signed()
        guard let int = Int(exactly: value) else { throw failure("integer out of range") }
        return int
    }

    mutating func bool() throws(CompactFormError) -> Bool {
        switch try byte() {
        case 0: false
        case 1: true
        default: throw failure("not a boolean")
        }
    }

    mutating func double() throws(CompactFormError) -> Double {
        guard bytes.count - offset >= 8 else { throw failure("unexpected end") }
        var bits: UInt64 = 0
        for index in (0..<8).reversed() { bits = bits << 8 | UInt64(bytes[offset + index]) }
        offset += 8
        return Double(bitPattern: bits)
    }

    /// A count of things of at least one byte each, so at most the bytes left.
    mutating func count() throws(CompactFormError) -> Int {
        let count = try unsigned()
        guard count <= UInt64(bytes.count - offset) else { throw failure("count beyond the end") }
        return Int(count)
    }

    mutating func string() throws(CompactFormError) -> String {
        let length = try count()
        // Repairing rather than refusing: the bytes are checksummed by whoever stored them, and a repaired string
        // is as harmless as any other.
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<offset + length]), as: UTF8.self)
        offset += length
        return text
    }

    mutating func optional<Value>(
        _ read: (inout CompactReader) throws(CompactFormError) -> Value
    ) throws(CompactFormError) -> Value? {
        try bool() ? try read(&self) : nil
    }

    mutating func array<Element>(
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
    mutating func nested<Value>(
        _ read: (inout CompactReader) throws(CompactFormError) -> Value
    ) throws(CompactFormError) -> Value {
        guard depthLeft > 0 else { throw failure("nested too deeply") }
        depthLeft -= 1
        defer { depthLeft += 1 }
        return try read(&self)
    }
}
