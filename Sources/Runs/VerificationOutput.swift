import JSONText
public import PlaybookLanguage

/// What `verify` prints of a run it checked: the text or JSON for standard output, the failures and notes for
/// standard error, and whether the check passed (the run intact and every link holding).
public struct VerificationOutput: Sendable, Equatable {
    /// What goes to standard output.
    public var out: String
    /// What goes to standard error: the failure, failed links, the note on an unfinished write.
    public var error: String
    /// Whether the journal is intact and every link to another run holds.
    public var ok: Bool

    /// The output for run `runID`, found `found`, its links (when intact) `links`, as JSON when `json`.
    public init(runID: String, found: RunVerification, links: [LinkVerification.Finding], json: Bool, language: Language) {
        let chinese = language == .zh
        let failed = chinese ? "muster: 校验失败：" : "muster: verify failed: "
        switch found {
        case .failed(let line, let english, let chineseReason):
            var object: JSONObject = ["run": .string(runID), "ok": false]
            if let line { object["line"] = .integer(Int64(line)) }
            object["reason"] = .string(english)
            out = json ? JSONValue.object(object).serialized(pretty: true) + "\n" : ""
            let shown = chinese ? line.map { "第 \($0) 行：" } ?? "" : line.map { "line \($0): " } ?? ""
            error = failed + shown + (chinese ? chineseReason : english) + "\n"
            ok = false
        case .intact(let contents, let unfinished):
            let (lines, head) = (contents.lines.count, contents.head)
            ok = links.allSatisfy(\.ok)
            if json {
                var object: JSONObject = [
                    "run": .string(runID), "ok": .bool(ok), "lines": .integer(Int64(lines)),
                    "head": .string(head), "torn_bytes": .integer(Int64(unfinished?.bytes ?? 0)),
                ]
                if !links.isEmpty {
                    object["links"] = .array(links.map { .object(["run": .string($0.run), "ok": .bool($0.ok),
                                                                  "reason": .string($0.english)]) })
                }
                out = JSONValue.object(object).serialized(pretty: true) + "\n"
            } else {
                // The journal itself may be intact while a linked run is not: then nothing says "ok".
                let failedLinks = links.filter { !$0.ok }.count
                if failedLinks == 0 {
                    out = chinese ? "正常：共 \(lines) 行，校验和与哈希链完好；链头 \(head)\n"
                                  : "ok: \(lines) lines, checksums and chain intact; head \(head)\n"
                } else {
                    out = chinese
                        ? "日志完好：共 \(lines) 行，校验和与哈希链完好；链头 \(head)；但有 \(failedLinks) 个关联运行校验失败\n"
                        : "journal intact: \(lines) lines, checksums and chain intact; head \(head); but \(failedLinks) "
                            + "linked run\(failedLinks == 1 ? "" : "s") failed\n"
                }
                for link in links where link.ok {
                    out += (chinese ? "关联：" : "link: ") + (chinese ? link.chinese : link.english) + "\n"
                }
            }
            error = ""
            for link in links where !link.ok {
                error += failed + (chinese ? link.chinese : link.english) + "\n"
            }
            if let unfinished {
                // Lines after the last commit were never acknowledged (the head record counts only what was).
                let lines = unfinished.completeLines
                error += chinese
                    ? "muster: 提示：最后一次写入未完成（\(unfinished.bytes) 字节"
                        + (lines > 0 ? "，含 \(lines) 个未提交的完整行" : "，最后一行不完整")
                        + "，从未被确认），下次写入时会截去并记入日志\n"
                    : "muster: note: an unfinished write after the last committed line (\(unfinished.bytes) bytes"
                        + (lines > 0 ? ": \(lines) complete line\(lines == 1 ? "" : "s") never committed" : ": an incomplete line")
                        + ", never acknowledged) will be cut on the next write\n"
            }
        }
    }
}
