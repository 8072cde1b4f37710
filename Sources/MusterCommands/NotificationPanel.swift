import RunEngine

/// The latest notifications of a run, as `watch` shows them under its board: when each was asked for, to which
/// roles, the message, and who it reached or failed to reach (and why), so that a commander at the board sees that
/// people were told without reading the log.
struct NotificationPanel {
    /// How many notifications are shown, the latest last.
    static let shown = 5

    /// One notification and what became of it.
    struct Entry {
        var id: String
        var at: Int64
        var roles: [String]
        var message: String
        var messageChinese: String?
        var sent: [String] = []
        var failed: [(person: String, why: String, whyChinese: String?)] = []
    }

    let entries: [Entry]
    let language: String

    /// The latest notifications among `events`, with the results journaled for them.
    init(_ events: some Sequence<Event>, language: String) {
        var entries: [Entry] = []
        var index: [String: Int] = [:]
        for event in events {
            switch event.kind {
            case .notificationRequested(let id, let roles, let message, _, let messageChinese):
                index[id] = entries.count
                entries.append(Entry(id: id, at: event.at, roles: roles, message: message,
                                     messageChinese: messageChinese))
            case .notificationSent(let id, let person):
                if let place = index[id] { entries[place].sent.append(person) }
            case .notificationFailed(let id, let person, let why, let whyChinese):
                if let place = index[id] { entries[place].failed.append((person, why, whyChinese)) }
            default:
                continue
            }
        }
        self.entries = Array(entries.suffix(Self.shown))
        self.language = language
    }

    /// The panel's lines, or "" when the run has asked for no notification yet.
    func render() -> String {
        guard !entries.isEmpty else { return "" }
        let chinese = language == "zh"
        var out = "\n" + (chinese ? "通知（最近 \(entries.count) 条）" : "notifications (latest \(entries.count))") + ":\n"
        for entry in entries {
            let message = chinese ? entry.messageChinese ?? entry.message : entry.message
            var line = "  \(TimeText.instant(entry.at))  \(entry.id) → \(entry.roles.joined(separator: ", ")): "
                + Self.clipped(message, to: 80)
            if !entry.sent.isEmpty {
                line += "  · " + (chinese ? "已送达" : "sent") + ": " + entry.sent.joined(separator: ", ")
            }
            for failure in entry.failed {
                let why = chinese ? failure.whyChinese ?? failure.why : failure.why
                line += "  · " + (chinese ? "未送达" : "failed") + ": \(failure.person) (\(why))"
            }
            if entry.sent.isEmpty && entry.failed.isEmpty {
                // Delivery is journaled by the command that asked for it, after it ran the notifier (which may still
                // be running); without --notify-command nobody is told, and the board must not let that pass.
                line += chinese ? "  · 尚无送达记录：未配置 --notify-command 时不会通知任何人"
                    : "  · no delivery recorded yet: without --notify-command nobody is told"
            }
            out += line + "\n"
        }
        return out
    }

    /// `text` on one line, cut to `limit` characters with `…`.
    private static func clipped(_ text: String, to limit: Int) -> String {
        let line = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return line.count <= limit ? line : String(line.prefix(limit - 1)) + "…"
    }
}
