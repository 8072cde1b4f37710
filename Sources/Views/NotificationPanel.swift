import Diagnostics
import PlaybookLanguage
import Reporting
import RunEngine

/// The latest notifications of a run, as the boards show them: when each was asked for, to which roles, the
/// message, and for each person it is for whether it was sent, is waiting (with the last failure and when it is
/// tried again), failed for good and why, or was acknowledged; so that a commander at the board sees that people
/// were told without reading the log. Built from the run's outbox (`RunState.outbox`).
public struct NotificationPanel: Sendable {
    /// How many notifications are shown, the latest last.
    static let shown = 5
    /// How long a notification may wait before the boards say that nobody seems to be delivering.
    static let staleAfter: Int64 = 60_000

    /// The run's outbox (`RunState.outbox`).
    public let outbox: Outbox
    /// The instant the panel is drawn at, in milliseconds since the epoch.
    public let now: Int64
    /// The language of the panel's words.
    public let language: Language
    /// Whether this process has a notifier (and so delivers what is waiting).
    public let delivering: Bool
    /// The zone instants are shown in: local times with their offset.
    public let time: LocalTime
    /// The run's playbook's titles, which the messages name steps and roles by.
    public let names: PlaybookNames

    /// A panel of `outbox` as of `now`, its instants in `time`'s zone, its messages with the titles of `names`.
    public init(outbox: Outbox, now: Int64, language: Language, delivering: Bool, time: LocalTime = .utc,
                names: PlaybookNames = PlaybookNames()) {
        self.names = names
        self.outbox = outbox
        self.now = now
        self.language = language
        self.delivering = delivering
        self.time = time
    }

    /// The warning for notifications nobody has tried to deliver for over a minute, or nil.
    static func staleWarning(_ outbox: Outbox, now: Int64, language: Language) -> String? {
        let stale = outbox.pending.filter { now - ($0.lastAttemptAt ?? $0.requestedAt) > staleAfter }
        guard !stale.isEmpty else { return nil }
        let oldest = TimeText.span(now - (stale.map { $0.lastAttemptAt ?? $0.requestedAt }.min() ?? now),
                                   language: language)
        return language == .zh
            ? "⚠ \(stale.count) 条通知已等待超过一分钟（最久 \(oldest)）：似乎没有带通知程序的 'muster watch' 在送达\n"
            : "⚠ \(stale.count) notification\(stale.count == 1 ? " has" : "s have") waited over a minute (the oldest "
                + "\(oldest)): no 'muster watch' with a notifier seems to be delivering\n"
    }

    /// The panel's lines (a blank line first), or "" when the run has asked for no notification yet.
    public func render() -> String {
        var order: [String] = []
        var byID: [String: [Outbox.Delivery]] = [:]
        for delivery in outbox.deliveries {
            if byID[delivery.notification] == nil { order.append(delivery.notification) }
            byID[delivery.notification, default: []].append(delivery)
        }
        let shown = order.suffix(Self.shown)
        guard !shown.isEmpty else { return "" }
        let chinese = language == .zh
        var out = "\n" + (chinese ? "通知（最近 \(shown.count) 条）" : "notifications (latest \(shown.count))") + ":\n"
        for id in shown {
            let deliveries = byID[id] ?? []
            guard let first = deliveries.first else { continue }
            let message = first.said(language, names: names)
            var line = "  \(time.instant(first.requestedAt))  \(id) → \(roles(first.roles)): "
                + Self.clipped(TerminalText.line(message), to: 80)
            for delivery in deliveries { line += "  · " + describe(delivery) }
            out += line + "\n"
        }
        return out + (Self.staleWarning(outbox, now: now, language: language) ?? "")
    }

    /// What became of one delivery.
    private func describe(_ delivery: Outbox.Delivery) -> String {
        let chinese = language == .zh
        let person = delivery.recipient ?? roles(delivery.roles)
        let why = chinese ? delivery.lastFailureChinese ?? delivery.lastFailure : delivery.lastFailure
        switch delivery.status {
        case .sent: return (chinese ? "已送达: " : "sent: ") + person
        case .acknowledged: return (chinese ? "已确认收到: " : "acknowledged: ") + person
        case .failed: return (chinese ? "未送达: " : "failed: ") + "\(person) (\(why ?? "?"))"
        case .pending:
            if let why, let last = delivery.lastAttemptAt {
                let next = last + Outbox.backoff(afterAttempts: delivery.attempts) - now
                return chinese
                    ? "待重试: \(person)（第 \(delivery.attempts) 次失败：\(why)；\(next > 0 ? TimeText.chineseSpan(next) + " 后" : "即将")重试）"
                    : "retrying: \(person) (attempt \(delivery.attempts) failed: \(why); next try "
                        + (next > 0 ? "in \(TimeText.span(next))" : "now") + ")"
            }
            if delivering { return (chinese ? "送达中: " : "delivering: ") + person }
            return chinese ? "等待送达: \(person)（此处没有通知程序：由带 --notify-command 的 watch 送达）"
                : "waiting for delivery: \(person) (no notifier here: a watch with --notify-command delivers it)"
        }
    }

    /// Roles as the panel names them: by their titles in Chinese, by id in English.
    private func roles(_ ids: [String]) -> String {
        language == .zh ? ids.map { names.name(.role, $0, .zh) }.joined(separator: "、") : ids.joined(separator: ", ")
    }

    /// `text` on one line, cut to `limit` characters with `…`.
    private static func clipped(_ text: String, to limit: Int) -> String {
        let line = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return line.count <= limit ? line : String(line.prefix(limit - 1)) + "…"
    }
}
