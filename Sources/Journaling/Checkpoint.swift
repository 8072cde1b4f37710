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
    /// XXH64 of the journal's bytes before `position.end`.
    var journalHash: UInt64
    /// XXH64 of the pinned playbook's bytes.
    var playbookHash: UInt64
    /// `RunState.fold` of those lines.
    var state: RunState

    /// A checkpoint of `journal` (the bytes up to the position) and `playbook`.
    init(position: Journal.Position, firstAt: Int64?, journal: ArraySlice<UInt8>, playbook: [UInt8], state: RunState) {
        self.position = position
        self.firstAt = firstAt
        journalHash = XXH64.hash(journal)
        playbookHash = XXH64.hash(playbook)
        self.state = state
    }

    /// Whether the checkpoint was made from exactly these bytes.
    func matches(journal: [UInt8], playbook: [UInt8]) -> Bool {
        let end = position.end
        guard end <= journal.count, end == 0 || journal[end - 1] == 0x0A, state.eventCount == position.lines,
            (end == 0) == (position.lines == 0)
        else { return false }
        return XXH64.hash(playbook) == playbookHash && XXH64.hash(journal[0..<end]) == journalHash
    }

    /// One JSON line: the fields, then `"sum"`, the SHA-256 of the line up to it (closed with `}`), as in the journal.
    func encoded() -> [UInt8] {
        let object: JSONObject = [
            "checkpoint": 1, "lines": .integer(Int64(position.lines)), "end": .integer(Int64(position.end)),
            "head": .string(position.head), "first_at": firstAt.map(JSONValue.integer) ?? .null,
            "journal_xxh64": .string(XXH64.hex(journalHash)), "playbook_xxh64": .string(XXH64.hex(playbookHash)),
            "state": RunStateCoding.encode(state),
        ]
        var bytes = JSONValue.object(object).utf8Bytes
        let sum = SHA256.hash(bytes).hex
        bytes.removeLast()
        bytes += Array(",\"sum\":\"\(sum)\"}\n".utf8)
        return bytes
    }

    /// The checkpoint in `bytes`, or `nil` when they are not a whole, intact one.
    static func decode(_ bytes: [UInt8]) -> Checkpoint? {
        let suffix = Array(",\"sum\":\"".utf8)
        let suffixLength = suffix.count + 64 + 3
        guard bytes.count > suffixLength, bytes.last == 0x0A,
            bytes[(bytes.count - suffixLength)...].starts(with: suffix)
        else { return nil }
        let bodyEnd = bytes.count - suffixLength
        let body = Array(bytes[..<bodyEnd]) + [UInt8(ascii: "}")]
        let sum = String(decoding: bytes[(bodyEnd + suffix.count)..<(bodyEnd + suffix.count + 64)], as: UTF8.self)
        guard SHA256.hash(body).hex == sum, let value = try? JSONValue.parse(body),
            value["checkpoint"]?.intValue == 1, let lines = value["lines"]?.intValue, lines >= 0,
            let end = value["end"]?.intValue, end >= 0, let head = value["head"]?.stringValue,
            let journalHash = value["journal_xxh64"]?.stringValue.flatMap({ UInt64($0, radix: 16) }),
            let playbookHash = value["playbook_xxh64"]?.stringValue.flatMap({ UInt64($0, radix: 16) }),
            let stateValue = value["state"], let state = RunStateCoding.decode(stateValue)
        else { return nil }
        let firstAt = value["first_at"]?.intValue
        var checkpoint = Checkpoint(
            position: Journal.Position(lines: Int(lines), head: head, end: Int(end)), firstAt: firstAt,
            journal: [], playbook: [], state: state)
        checkpoint.journalHash = journalHash
        checkpoint.playbookHash = playbookHash
        return checkpoint
    }
}
