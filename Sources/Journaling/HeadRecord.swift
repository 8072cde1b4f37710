import JSONText

/// `journal.head`, beside a run's journal: how many lines the journal had after the last acknowledged write, and
/// the chain's head there.
///
/// It is written under the journal's exclusive lock after the lines it counts are fsync'd (to a temporary file,
/// fsync'd and renamed over the old one, so that it is always either the old record or the new one), so it is
/// never ahead of what is on disk. A journal shorter than its head record, or holding another line where the
/// record was made, has lost lines even where every line left still chains: a cut at a line boundary, a journal
/// emptied or cut inside its first line, an older copy restored. A missing record (a run of an older Muster, or
/// one deleted) checks nothing; only `verify --head` with a head recorded elsewhere guards against someone who
/// cuts both.
///
/// It decides nothing else: commands replay the journal itself.
///
/// ```
/// {"lines":48,"head":"9f3c…"}
/// ```
struct HeadRecord: Hashable, Sendable {
    /// The journal's committed lines when the record was written.
    var lines: Int
    /// The SHA-256 of the last of them (of the pinned playbook when there were none).
    var head: String

    /// The record's bytes: one JSON object and a newline.
    func encoded() -> [UInt8] {
        JSONValue.object(["lines": .integer(Int64(lines)), "head": .string(head)]).utf8Bytes + [0x0A]
    }

    /// The record in `bytes`, or `nil` when they are not one.
    static func decode(_ bytes: [UInt8]) -> HeadRecord? {
        guard bytes.count < 4096, bytes.last == 0x0A, let value = try? JSONValue.parse(Array(bytes.dropLast())),
            case .object(let object) = value, object.count == 2, let lines = value["lines"]?.intValue, lines >= 0,
            lines <= Int64(Int32.max), let head = value["head"]?.stringValue, head.utf8.count == 64,
            head.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })
        else { return nil }
        return HeadRecord(lines: Int(lines), head: head)
    }

    /// The damage this record proves in a journal whose committed lines all verify (`lines` of them, the chain's
    /// head after line n given by `head(n)`), if any.
    func contradiction(lines: Int, head: (Int) -> String) -> JournalError? {
        let remedy = "if this journal is the right one, delete journal.head"
        if lines < self.lines {
            let whatIsLeft = lines == 0 ? "the journal has no complete line left" : "the journal ends after line \(lines)"
            return .damaged(
                line: lines + 1,
                reason: "\(whatIsLeft), but \(self.lines) lines were written and acknowledged (journal.head): lines "
                    + "were lost (cut, emptied, or an older copy restored); \(remedy)")
        }
        if head(self.lines) != self.head {
            return .damaged(
                line: max(1, self.lines),
                reason: "line \(self.lines) is not the line acknowledged there (journal.head): the journal was "
                    + "rewritten or replaced; \(remedy)")
        }
        return nil
    }
}
