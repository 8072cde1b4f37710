import Diagnostics
public import PlaybookLanguage
public import Reporting
public import RunEngine

/// A run's events and runs as one line each, for a terminal: `log`'s timeline, what a piped `watch` prints, and
/// `watch --all`'s line per live run. Whatever a note or a name holds, it stays on its line.
public enum EventLines {
    /// One event on one line, for people: sequence, time since the start, instant, who, type and data.
    public static func text(seq: Int, event: Event, relative: Int64, time: LocalTime) -> String {
        let (type, data) = EventCoding.encode(event.kind)
        var who: String
        switch event.actor {
        case .engine: who = "engine"
        case .person(let person, let role): who = person + (role.map { " (\($0))" } ?? "")
        case .inject(let id): who = "inject \(id)"
        }
        if let recorder = event.recordedBy { who += ", recorded by \(recorder)" }
        let details = data.map { "\($0.key)=\($0.value.stringValue ?? $0.value.serialized())" }
            .joined(separator: " ")
        return "\(TextWidth.pad(String(seq), to: 5)) \(TimeText.relative(relative)) "
            + "\(time.instant(event.at))  \(TextWidth.pad(TerminalText.line(who), to: 20)) "
            + "\(TextWidth.pad(type, to: 22)) \(TerminalText.line(details))\n"
    }

    /// One event as a piped `watch` prints it: sequence, instant, type and data; a timer says how late it was
    /// written (`now` is the run's instant).
    public static func watched(seq: Int, event: Event, now: Int64) -> String {
        let (type, data) = EventCoding.encode(event.kind)
        var text = "\(seq) \(TimeText.instant(event.at)) \(type)"
        for (key, value) in data { text += " \(key)=" + TerminalText.line(value.stringValue ?? value.serialized()) }
        if case .timerFired = event.kind { text += " (written \(now - event.at) ms after its instant)" }
        return text + "\n"
    }

    /// One line for a live run: its playbook, active steps, notifications waiting.
    public static func liveRun(_ runID: String, state: RunState, language: Language) -> String {
        let zh = language == .zh
        let waiting = state.outbox.pending.count
        return "\(runID)  \(state.start?.playbookID ?? "?")  " + (zh ? "进行中：" : "active: ")
            + (state.activeOrder.isEmpty ? "-" : state.activeOrder.joined(separator: ", "))
            + (waiting > 0 ? (zh ? "  · \(waiting) 条通知待送达" : "  · \(waiting) notification\(waiting == 1 ? "" : "s") waiting") : "")
    }
}
