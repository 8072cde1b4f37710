import Hashing
import JSONText
import RunEngine

/// One line of `journal.jsonl`: an event with its sequence number, times, actor, the previous line's hash and
/// a checksum of its own.
///
/// ```
/// {"seq":2,"at":1763780400000,"t":0,"actor":"engine","type":"step.activated","data":{…},"prev":"9f…","sum":"3c…"}
/// ```
/// Only the last line of each write is a commit; the others carry `"commit":false` before `prev`, so that a
/// write cut short after a line boundary is recognised as incomplete. `at` is milliseconds since the epoch (the virtual instant on a virtual clock), `t` milliseconds since the
/// run's first event; `real`, in a drill a controller drives, the wall clock's instant when the line was written;
/// `scripted`, in a drill people play, the number of the scenario's scripted player that acted.
/// `sum` is the SHA-256 of the line up to (not including) `,"sum":…`, closed with `}`; `prev`
/// is the SHA-256 of the whole previous line without its newline (for the first line, of the pinned playbook).
public struct JournalLine: Sendable, Hashable {
    public var seq: Int
    public var event: Event
    /// Milliseconds since the run's first event.
    public var relative: Int64
    /// The previous line's SHA-256, hex.
    public var previous: String
    /// Whether this line ends its write: every command's lines are one write, and only its last line says so.
    /// Complete lines after the last commit are the remains of a write cut short, repaired like a torn line.
    public var commit: Bool = true

    /// The line's bytes, without the newline.
    public func encoded() -> [UInt8] {
        let (type, data) = EventCoding.encode(event.kind)
        var object: JSONObject = [
            "seq": .integer(Int64(seq)), "at": .integer(event.at), "t": .integer(relative),
            "actor": EventCoding.encode(event.actor), "type": .string(type), "data": .object(data),
        ]
        if let realAt = event.realAt { object["real"] = .integer(realAt) }
        if let recorder = event.recordedBy { object["recorded_by"] = .string(recorder) }
        if let player = event.scriptedPlayer { object["scripted"] = .integer(Int64(player)) }
        if !commit { object["commit"] = .bool(false) }
        object["prev"] = .string(previous)
        var bytes = JSONValue.object(object).utf8Bytes
        let sum = SHA256.hash(bytes).hex
        bytes.removeLast()  // the closing brace
        bytes += Array(",\"sum\":\"\(sum)\"}".utf8)
        return bytes
    }

    /// Why a line is not a valid journal line.
    public enum Problem: Error, Sendable, Hashable, CustomStringConvertible {
        case notJSON(String)
        case badChecksum
        case badShape(String)

        public var description: String {
            switch self {
            case .notJSON(let why): "not a JSON object (\(why))"
            case .badChecksum: "its checksum does not match its content"
            case .badShape(let why): why
            }
        }
    }

    /// Reads a line's bytes (without newline), checking its checksum unless `checkingSum` is false (the caller
    /// then relies on the next line's hash of this whole line, which covers every byte the checksum does).
    public static func decode(_ bytes: ArraySlice<UInt8>, checkingSum: Bool = true) throws(Problem) -> JournalLine {
        // The checksum is the last member: `,"sum":"<64 hex>"}`.
        let suffixLength = 8 + 64 + 2
        guard bytes.count > suffixLength,
            bytes.suffix(suffixLength).starts(with: Array(",\"sum\":\"".utf8)),
            bytes.suffix(2).elementsEqual([UInt8(ascii: "\""), UInt8(ascii: "}")])
        else { throw .badShape("it does not end with its checksum") }
        let bodyEnd = bytes.endIndex - suffixLength
        let sumText = String(decoding: bytes[(bodyEnd + 8)..<(bodyEnd + 72)], as: UTF8.self)
        let body = Array(bytes[bytes.startIndex..<bodyEnd]) + [UInt8(ascii: "}")]
        if checkingSum, SHA256.hash(body).hex != sumText { throw .badChecksum }
        let value: JSONValue
        do {
            value = try JSONValue.parse(body)
        } catch {
            throw .notJSON(error.description)
        }
        guard let seq = value["seq"]?.intValue, let at = value["at"]?.intValue, let relative = value["t"]?.intValue,
            EventCoding.instantRange.contains(at), EventCoding.instantRange.contains(relative), seq >= 1,
            let actorValue = value["actor"], let actor = EventCoding.decodeActor(actorValue),
            let type = value["type"]?.stringValue, let data = value["data"], let previous = value["prev"]?.stringValue
        else { throw .badShape("a field is missing or has the wrong type") }
        let kind: EventKind
        do {
            kind = try EventCoding.decode(type: type, data: data)
        } catch {
            throw .badShape(error.message)
        }
        var event = Event(at: at, actor: actor, kind: kind, recordedBy: value["recorded_by"]?.stringValue)
        if let real = value["real"] {
            guard let realAt = real.intValue, EventCoding.instantRange.contains(realAt) else {
                throw .badShape("its real instant is not one")
            }
            event.realAt = realAt
        }
        if let scripted = value["scripted"] {
            guard let player = scripted.intValue, (1...1_000_000).contains(player) else {
                throw .badShape("its scripted player is not a number from 1")
            }
            event.scriptedPlayer = Int(player)
        }
        return JournalLine(seq: Int(seq), event: event, relative: relative,
                           previous: previous, commit: value["commit"]?.boolValue ?? true)
    }
}
