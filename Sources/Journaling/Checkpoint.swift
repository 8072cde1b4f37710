import CompactCoding
import Hashing
import RunEngine

/// The folded state of a journal's first lines, kept beside it in `checkpoint.bin`, so that a write replays only
/// the lines after it rather than the whole run.
///
/// It is a cache, never the truth: it is used only when the journal's bytes up to its position and the pinned
/// playbook's bytes are exactly those it was made from (XXH64 of each, so that changing any byte of a line
/// before it sends the write back to reading and verifying every line), and when its own checksum holds. A
/// checkpoint that is missing, torn, stale or from another run is ignored. It is written after the journal's
/// fsync and never fsync'd itself: losing it costs one full read.
struct Checkpoint: Hashable {
    /// Lines before it, the chain's head there, and its byte offset (just after a committed line).
    var position: Journal.Position
    /// The instant of the journal's first event (relative times in new lines count from it), if it has lines.
    var firstAt: Int64?
    /// The SHA-256 of the journal's first line: which run the checkpoint belongs to ("" before the first line).
    var firstLine: String
    /// XXH64 of the journal's bytes before `position.end`.
    var journalHash: UInt64
    /// XXH64 of the pinned playbook's bytes.
    var playbookHash: UInt64
    /// `RunState.fold` of those lines.
    var state: RunState

    /// A checkpoint at `position` of a journal whose bytes before it hash to `journalHash`.
    init(
        position: Journal.Position, firstAt: Int64?, firstLine: String, journalHash: UInt64, playbookHash: UInt64,
        state: RunState
    ) {
        self.position = position
        self.firstAt = firstAt
        self.firstLine = firstLine
        self.journalHash = journalHash
        self.playbookHash = playbookHash
        self.state = state
    }

    /// Whether the checkpoint can be of a journal of `journalSize` bytes beside a playbook whose bytes hash to
    /// `playbookHash` (whether the journal's bytes are those it was made from is for the caller to hash).
    func fits(journalSize: Int, playbookHash: UInt64) -> Bool {
        position.end <= journalSize && state.eventCount == position.lines
            && (position.end == 0) == (position.lines == 0) && playbookHash == self.playbookHash
    }

    /// Whether the checkpoint fits `journal` and `playbook`; `prefix` is then the journal's bytes before its
    /// position, hashed.
    func matches(journal: [UInt8], playbookHash: UInt64, prefix: inout XXH64.Hasher) -> Bool {
        let end = position.end
        guard fits(journalSize: journal.count, playbookHash: playbookHash), end == 0 || journal[end - 1] == 0x0A
        else { return false }
        prefix.update(journal[0..<end])
        return prefix.finalize() == journalHash
    }

    /// What a checkpoint's bytes start with.
    private static let magic = Array("muster-checkpoint".utf8)
    /// The layout's version: change it whenever the bytes change meaning (including `RunState`'s compact form).
    static let version: UInt64 = 2

    /// The bytes: a magic and version, the fields, the state's compact form, then the XXH64 of everything before
    /// it (8 bytes, little-endian). A checksum against a torn or damaged file, not a seal: the checkpoint is only
    /// ever trusted as far as the journal's own bytes confirm it, and `verify` audits it.
    func encoded() -> [UInt8] {
        var writer = CompactWriter(capacity: 2048)
        for byte in Self.magic { writer.byte(byte) }
        writer.unsigned(Self.version)
        writer.int(position.lines)
        writer.int(position.end)
        writer.string(position.head)
        writer.optional(firstAt) { $0.signed($1) }
        writer.string(firstLine)
        writer.unsigned(journalHash)
        writer.unsigned(playbookHash)
        state.write(to: &writer)
        var bytes = writer.bytes
        let sum = XXH64.hash(bytes)
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: sum >> UInt64(shift))) }
        return bytes
    }

    /// The checkpoint in `bytes`, or `nil` when they are not a whole, intact one of this version.
    static func decode(_ bytes: [UInt8]) -> Checkpoint? {
        guard bytes.count > magic.count + 8 else { return nil }
        let bodyEnd = bytes.count - 8
        var sum: UInt64 = 0
        for index in (bodyEnd..<bytes.count).reversed() { sum = sum << 8 | UInt64(bytes[index]) }
        guard bytes.withUnsafeBytes({ XXH64.hash(UnsafeRawBufferPointer(rebasing: $0[..<bodyEnd])) }) == sum else {
            return nil
        }
        return bytes.withUnsafeBufferPointer { buffer -> Checkpoint? in
            var reader = CompactReader(UnsafeBufferPointer(rebasing: buffer[..<bodyEnd]))
            return try? read(&reader)
        }
    }

    private static func read(_ reader: inout CompactReader) throws(CompactFormError) -> Checkpoint {
        for byte in magic {
            guard try reader.byte() == byte else { throw reader.failure("not a checkpoint") }
        }
        guard try reader.unsigned() == version else { throw reader.failure("another version") }
        let lines = try reader.int()
        let end = try reader.int()
        guard lines >= 0, end >= 0 else { throw reader.failure("a negative position") }
        let head = try reader.string()
        let firstAt = try reader.optional { (reader) throws(CompactFormError) in try reader.signed() }
        guard firstAt.map(EventCoding.instantRange.contains) ?? true else { throw reader.failure("an instant out of range") }
        guard (firstAt == nil) == (lines == 0) else { throw reader.failure("a first instant without lines, or lines without one") }
        let firstLine = try reader.string()
        let journalHash = try reader.unsigned()
        let playbookHash = try reader.unsigned()
        let state = try RunState(reading: &reader)
        guard reader.isAtEnd else { throw reader.failure("bytes after the state") }
        return Checkpoint(
            position: Journal.Position(lines: lines, head: head, end: end), firstAt: firstAt, firstLine: firstLine,
            journalHash: journalHash, playbookHash: playbookHash, state: state)
    }

    /// The damage this checkpoint proves in a journal whose lines all verify (`lines` of them, the chain's head
    /// after line n given by `head(n)`), if any: since a checkpoint is only ever written after the lines it
    /// counts are on disk, a journal of this run that is shorter than it, or holds another line where it was
    /// made, has lost lines, even where every line left still chains (a cut at a line boundary, an older copy
    /// restored). `nil` when the checkpoint belongs to another run or playbook, or agrees with the lines.
    func contradiction(firstLine: String, playbookHash: UInt64, lines: Int, head: (Int) -> String)
        -> JournalError?
    {
        guard firstLine == self.firstLine, playbookHash == self.playbookHash, position.lines > 0 else { return nil }
        let remedy = "if this journal is the right one, delete checkpoint.bin"
        if lines < position.lines {
            return .damaged(line: lines + 1, reason: "the journal ends after line \(lines), but its checkpoint was "
                + "made after line \(position.lines): lines were lost (cut at a line boundary, or an older copy "
                + "restored); \(remedy)")
        }
        if head(position.lines) != position.head {
            return .damaged(line: position.lines, reason: "line \(position.lines) is not the line the journal's "
                + "checkpoint was made after: the journal was rewritten from there; \(remedy)")
        }
        return nil
    }
}
