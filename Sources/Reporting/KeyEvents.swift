import RunEngine

/// The timeline as a reader wants it: the events that changed the run, with the repetitive ones counted instead of
/// listed (timer bookkeeping, notes the Notes section lists, progress reports beyond a few per step, a notifier's
/// retries after the first failed attempt), and at most `limit` rows, the first and the last kept. The journal and
/// the JSON report keep every event.
struct KeyEvents {
    struct Row {
        var relative: Int64
        var at: Int64
        var who: String
        var text: String
        /// A turning point: a severity change, a handover, an escalation, a missed deadline, the outcome.
        var strong: Bool
    }

    /// Progress reports listed per step before the rest are counted.
    static let progressPerStep = 3
    /// Rows kept from the end when the list is cut.
    static let tail = 20

    private(set) var rows: [Row] = []
    private(set) var summaries: [String] = []
    let explanation: String

    init(report: RunReport, words: ReportWords, limit: Int) {
        let zh = words.language == .zh
        explanation = zh ? "关键事件：计时器记录不列出，备注见“备注”一节，重复的进展报告只计数；完整记录见 JSON 报告和运行日志。"
            : "Key events: timer bookkeeping is not listed, notes are in the Notes section and repeated progress "
                + "reports are counted; the JSON report and the journal hold every event."
        var timers = 0
        var notes = 0
        var progress: [String: Int] = [:]
        var progressOrder: [String] = []
        // Failed attempts that the notifier retries: the first for each notification and person is listed.
        var retried: [String: Int] = [:]
        var retriesHidden = 0
        var all: [Row] = []
        for entry in report.timeline {
            let kind = entry.event.kind
            var strong = false
            switch kind {
            case .timerScheduled, .timerFired, .timerCancelled:
                timers += 1
                continue
            case .note:
                notes += 1
                continue
            case .stepProgress(let step, _):
                let count = progress[step, default: 0] + 1
                if count == 1 { progressOrder.append(step) }
                progress[step] = count
                if count > Self.progressPerStep { continue }
            case .notificationFailed(let id, let to, _, _, let final) where !final:
                let count = retried[id + "\u{0}" + to, default: 0] + 1
                retried[id + "\u{0}" + to] = count
                if count > 1 {
                    retriesHidden += 1
                    continue
                }
            case .severityGraded, .severityRegraded, .handover, .escalationFired, .stepOverdue, .milestoneMissed,
                .outcomeReached, .runAborted, .reportSigned, .commandRejected, .runTitled:
                strong = true
            default:
                break
            }
            var text = words.describe(kind, playbook: report.playbook)
            // An acknowledgement may come long after its notification: say which one by what it said.
            if case .notificationAcknowledged(let id, _) = kind,
                let message = report.notifications.first(where: { $0.id == id })?.message
            {
                text += (zh ? "：" : ": ") + words.text(message)
            }
            all.append(Row(relative: entry.relative, at: entry.event.at, who: words.actor(entry.event.actor),
                           text: text, strong: strong))
        }
        if all.count > limit {
            let head = max(limit - Self.tail, 0)
            let hidden = all.count - head - Self.tail
            let gap = Row(relative: all[head].relative, at: all[head].at, who: "…",
                          text: zh ? "……此处另有 \(hidden) 个事件未列出……" : "… \(hidden) more events not listed here …",
                          strong: false)
            rows = Array(all.prefix(head)) + [gap] + Array(all.suffix(Self.tail))
        } else {
            rows = all
        }
        if notes > 0 {
            summaries.append(zh ? "备注 \(notes) 条，见“备注”一节。" : "\(notes) notes: see Notes.")
        }
        for step in progressOrder where progress[step]! > Self.progressPerStep {
            let count = progress[step]!
            summaries.append(zh ? "步骤「\(words.step(step))」共有 \(count) 次进展报告，列出了前 \(Self.progressPerStep) 次。"
                : "\(count) progress reports on '\(words.step(step))'; the first \(Self.progressPerStep) are listed.")
        }
        if retriesHidden > 0 {
            summaries.append(zh ? "通知重试仍未送达 \(retriesHidden) 次未列出：每条通知对每人只列第一次，全部尝试见“升级与通知”一节。"
                : "\(retriesHidden) repeated failed delivery attempts not listed: the first for each notification and "
                    + "person is; Escalations and notifications counts them all.")
        }
        if timers > 0 {
            summaries.append(zh ? "计时器记录 \(timers) 条未列出。" : "\(timers) timer events not listed.")
        }
    }
}
