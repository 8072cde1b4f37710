import Hashing

/// Recomputes what a journal line's integrity fields would be, so that a fuzzed line gets past them.
///
/// A line is `{…,"prev":"<64 hex>"…,"sum":"<64 hex>"}`: `sum` is the SHA-256 of the line up to `,"sum":…` closed
/// with `}`, and `prev` the SHA-256 of the whole line before (of the pinned playbook for the first). Lines that do
/// not have that shape are left as they are, and so is a last line without a newline (a torn tail).
enum Rechain {
    static func apply(_ bytes: [UInt8], playbook: [UInt8]) -> [UInt8] {
        let playbookHash = Array(SHA256.hash(playbook).hex.utf8)
        var previous = playbookHash
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var start = 0
        while start < bytes.count {
            guard let newline = bytes[start...].firstIndex(of: 0x0A) else {
                out += bytes[start...]
                break
            }
            var line = Array(bytes[start..<newline])
            fix(&line, previous: previous, playbookHash: playbookHash)
            previous = Array(SHA256.hash(line).hex.utf8)
            out += line
            out.append(0x0A)
            start = newline + 1
        }
        return out
    }

    private static let sumPrefix = Array(",\"sum\":\"".utf8)
    private static let prevKey = Array("\"prev\":\"".utf8)
    private static let hashKey = Array("\"hash\":\"".utf8)
    private static let suffixLength = 8 + 64 + 2

    /// Rewrites `prev`, a run start's `hash` and `sum` in place; leaves a line without a checksum as it is.
    private static func fix(_ line: inout [UInt8], previous: [UInt8], playbookHash: [UInt8]) {
        guard line.count > suffixLength, line.suffix(suffixLength).starts(with: sumPrefix),
            line.suffix(2).elementsEqual([UInt8(ascii: "\""), UInt8(ascii: "}")])
        else { return }
        replaceValue(after: prevKey, in: &line, before: line.count - suffixLength, with: previous)
        if line.firstRange(of: Array("\"run.started\"".utf8)) != nil {
            replaceValue(after: hashKey, in: &line, before: line.count - suffixLength, with: playbookHash)
        }
        let bodyEnd = line.count - suffixLength
        let sum = Array(SHA256.hash(Array(line[..<bodyEnd]) + [UInt8(ascii: "}")]).hex.utf8)
        line.replaceSubrange((bodyEnd + 8)..<(bodyEnd + 72), with: sum)
    }

    /// Replaces the string value after the last `key` before `end` (up to its closing quote) with `value`.
    private static func replaceValue(after key: [UInt8], in line: inout [UInt8], before end: Int, with value: [UInt8]) {
        var found: Int?
        var index = 0
        while index < end, let range = line[index..<end].firstRange(of: key) {
            found = range.upperBound
            index = range.lowerBound + 1
        }
        guard let found, let quote = line[found..<end].firstIndex(of: UInt8(ascii: "\"")) else { return }
        line.replaceSubrange(found..<quote, with: value)
    }
}
