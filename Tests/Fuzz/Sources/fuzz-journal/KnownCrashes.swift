import JSONText

/// Crashes found, reported and not yet fixed, recognised in an input so that the campaign goes on to find others
/// instead of stopping on these again and again. Remove a case once its fix is in (and then the whole type).
/// `FUZZ_JOURNAL_REPRODUCE_KNOWN=1` in the environment lets them all through.
///
/// 1. Instants near the ends of `Int64` (a line's `at`, a `fire_at`, a `due_at`, …) make the arithmetic on
///    instants overflow and trap: `Journal.encode` (`event.at - firstAt`), the engine (`activatedAt + duration`,
///    milestone due times). Recognised here: any number of magnitude above 10^15 (about 31 700 years in
///    milliseconds). Fix: refuse such a line as damaged when it is decoded.
/// 2. Escalation rungs are 1-based in the journal and 0-based inside; a `rung` below 1 becomes a negative index:
///    `Transaction.fire` (`step.escalations[rung]` is guarded by `rung < count` only) and `RunReport` trap, and
///    `rung` = `Int64.min` overflows in `EventCoding` itself (`Int(rung) - 1`), so even `Journal.read` traps.
///    Recognised here: a `rung` below 1. Fix: refuse a rung below 1 when decoding; guard with `indices.contains`.
/// 3. Not a trap but a broken contract, checked by the target itself (it is let through where it is checked): a
///    complete line whose checksum is wrong, followed by a torn tail, is refused by `read()` (which checks every
///    checksum) but written after by `transact` (which checks the checksum of the last line only, relying on the
///    next line's `prev` for the others; a torn tail vouches for nothing), which cuts the tail and chains the new
///    lines to the damaged one. Fix: in `Journal.load`, check the checksum of the last *complete* line.
///
/// Lines are looked at as JSON, whatever their checksums; inputs that hide these from a JSON parser the journal's
/// would accept are new crashes as far as this filter is concerned, which is as it should be.
enum KnownCrashes {
    static func matches(_ bytes: [UInt8]) -> Bool {
        var start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            if end > start, let value = try? JSONValue.parse(Array(bytes[start..<end])), matches(value, key: nil) {
                return true
            }
            start = end + 1
        }
        return false
    }

    private static func matches(_ value: JSONValue, key: String?) -> Bool {
        let huge: Int64 = 1_000_000_000_000_000
        switch value {
        case .integer(let integer):
            return integer > huge || integer < -huge || (key == "rung" && integer < 1)
        case .number(let number):
            return !(number > -1e15 && number < 1e15) || (key == "rung" && number < 1)
        case .array(let items):
            return items.contains { matches($0, key: nil) }
        case .object(let object):
            return zip(object.keys, object.values).contains { matches($1, key: $0) }
        default:
            return false
        }
    }
}
