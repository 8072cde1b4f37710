import Hashing
import JSONText
import RunEngine

/// The folded state of a journal's first lines, kept beside it in `checkpoint.json`, so that a write replays only
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

    /// Whether the checkpoint fits `journal` and `playbook`; `prefix` is then the journal's bytes before its
    /// position, hashed (the caller goes on hashing the lines after it for the next checkpoint).
    func matches(journal: [UInt8], playbookHash: UInt64, prefix: inout XXH64.Hasher) -> Bool {
        let end = position.end
        guard end <= journal.count, end == 0 || journal[end - 1] == 0x0A, state.eventCount == position.lines,
            (end == 0) == (position.lines == 0), playbookHash == self.playbookHash
        else { return false }
        prefix.update(journal[0..<end])
        return prefix.finalize() == journalHash
    }

    /// One JSON line: the fields, then `"sum"`, the XXH64 of the line up to it (closed with `}`). A checksum
    /// against a torn or damaged file, not a seal: the checkpoint is only ever trusted as far as the journal's
    /// own bytes confirm it.
    func encoded() -> [UInt8] {
        let object: JSONObject = [
            "checkpoint": 1, "lines": .integer(Int64(position.lines)), "end": .integer(Int64(position.end)),
            "head": .string(position.head), "first_at": firstAt.map(JSONValue.integer) ?? .null,
            "first_line": .string(firstLine),
            "journal_xxh64": .string(XXH64.hex(journalHash)), "playbook_xxh64": .string(XXH64.hex(playbookHash)),
            "state": RunStateCoding.encode(state),
        ]
        var bytes = JSONValue.object(object).utf8Bytes
        let sum = XXH64.hex(XXH64.hash(bytes))
        bytes.removeLast()
        bytes += Array(",\"sum\":\"\(sum)\"}\n".utf8)
        return bytes
    }

    /// The checkpoint in `bytes`, or `nil` when they are not a whole, intact one.
    static func decode(_ bytes: [UInt8]) -> Checkpoint? {
        let suffix = Array(",\"sum\":\"".utf8)
        let suffixLength = suffix.count + 16 + 3
        guard bytes.count > suffixLength, bytes.last == 0x0A,
            bytes[(bytes.count - suffixLength)...].starts(with: suffix)
        else { return nil }
        let bodyEnd = bytes.count - suffixLength
        let body = Array(bytes[..<bodyEnd]) + [UInt8(ascii: "}")]
        let sum = String(decoding: bytes[(bodyEnd + suffix.count)..<(bodyEnd + suffix.count + 16)], as: UTF8.self)
        guard XXH64.hex(XXH64.hash(body)) == sum, let value = try? JSONValue.parse(body),
            value["checkpoint"]?.intValue == 1, let lines = value["lines"]?.intValue, lines >= 0,
            let end = value["end"]?.intValue, end >= 0, let head = value["head"]?.stringValue,
            let journalHash = value["journal_xxh64"]?.stringValue.flatMap({ UInt64($0, radix: 16) }),
            let playbookHash = value["playbook_xxh64"]?.stringValue.flatMap({ UInt64($0, radix: 16) }),
            let stateValue = value["state"], let state = RunStateCoding.decode(stateValue)
        else { return nil }
        let firstAt = value["first_at"]?.intValue
        guard let firstLine = value["first_line"]?.stringValue else { return nil }
        let checkpoint = Checkpoint(
            position: Journal.Position(lines: Int(lines), head: head, end: Int(end)), firstAt: firstAt,
            firstLine: firstLine, journalHash: journalHash, playbookHash: playbookHash, state: state)
        return checkpoint
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
        let remedy = "if this journal is the right one, delete checkpoint.json"
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
