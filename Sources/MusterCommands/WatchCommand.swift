#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import JSONText
import Journaling
import PlaybookLanguage
import RunEngine

/// `muster watch RUN`: the live board. Wakes at the next due instant, fires it, shows notifications.
enum WatchCommand {
    static let spec = CommandSpec(
        name: "watch",
        summary: "the live board of a run: fires timers on time and shows notifications",
        usage: "muster watch RUN [--notify-command CMD] [--contacts FILE] [--exit-after DURATION]",
        discussion: """
            On a terminal the board is redrawn in place, with the latest notifications and whom they reached under
            it; piped, each new event is printed as one line. watch sleeps until the next timer is due (at most a
            second, to notice other terminals' actions), fires it through the journal like any command, and delivers
            notifications with --notify-command (argv, no shell; the notification and the person's contacts are JSON
            on stdin). It stops when the run is closed, or after --exit-after (e.g. 30s).
            """,
        options: ActionCommands.notifyOptions + [
            .init(name: "--exit-after", value: "DURATION", summary: "stop after this long (e.g. 30s, 10m)"),
        ],
        run: run)

    static func run(_ invocation: Invocation) throws -> Int32 {
        guard invocation.arguments.positionals.count == 1 else { throw UsageError("watch takes a run id") }
        let runID = invocation.arguments.positionals[0]
        let notifier = try Notifier.from(invocation)
        var stopAt: Double?
        if let text = invocation.arguments.value("--exit-after") {
            guard let milliseconds = DurationText.milliseconds(text) else {
                throw UsageError("--exit-after takes a duration like 30s or 10m, not '\(text)'")
            }
            stopAt = Clock.realSeconds() + Double(milliseconds) / 1000
        }
        let console = invocation.console
        let language = invocation.language
        // Redrawing in place is not colour: NO_COLOR leaves it on.
        let redraw = console.terminalOut
        var printedSeq = 0
        var board: String?
        var problem: String?
        while true {
            var wake = Clock.realSeconds() + 1
            do {
                let session = try RunSession(runID, invocation: invocation)
                let outcome = try session.perform(nil)
                let results = session.deliverPending(outcome.state, with: notifier, invocation: invocation)
                let (playbook, state) = (outcome.playbook, outcome.state)
                // The results of this wake's deliveries are journaled after the state was folded: they count too, and
                // only then are the lines read again.
                let lastSeq = state.eventCount + results
                if redraw {
                    // The results of this wake's deliveries are in the journal, not yet in `state`.
                    let shown = results > 0 ? try session.read().state : state
                    printedSeq = max(printedSeq, lastSeq)
                    board = RunBoard(runID: runID, playbook: playbook, state: shown, now: session.now,
                                     language: language).render()
                        + NotificationPanel(outbox: shown.outbox, now: session.now, language: language,
                                            delivering: notifier != nil).render()
                    console.out("\u{1B}[H\u{1B}[2J" + (board ?? ""))
                } else if printedSeq == 0 || lastSeq > printedSeq {
                    let contents = try (results > 0 ? nil : outcome.contents) ?? session.read().contents
                    for line in contents.lines where line.seq > printedSeq {
                        if printedSeq == 0 && line.seq < contents.lines.count - 20 { continue }
                        console.out(describe(line, now: session.now))
                    }
                    printedSeq = contents.lines.count
                }
                if problem != nil, !redraw {
                    console.error(language == "zh" ? "muster: watch：已恢复\n" : "muster: watch: recovered\n")
                }
                problem = nil
                if state.closed { return ExitStatus.success }
                if let next = Engine(playbook: playbook).nextDue(state) {
                    // A run's instants are wall-clock instants, except on a sped-up drill clock.
                    let speed = Int64(max(1, state.start?.speed ?? 1))
                    let real = state.startedAt + (next - state.startedAt + speed - 1) / speed
                    wake = min(wake, Double(real) / 1000 + 0.005)
                }
            } catch {
                // A watcher fires the timers and delivers the notifications: it never gives up on a run it can
                // read. What went wrong (a full disk, a damaged journal an operator is mending, a file briefly
                // unreadable) is said once, the board shows what is journaled, and the next wake tries again.
                let message = Self.text(of: error, language: language)
                if let session = try? RunSession(runID, invocation: invocation), let read = try? session.read() {
                    if redraw {
                        board = RunBoard(runID: runID, playbook: read.playbook, state: read.state, now: session.now,
                                         language: language).render()
                            + NotificationPanel(outbox: read.state.outbox, now: session.now, language: language,
                                                delivering: notifier != nil).render()
                    } else {
                        for line in read.contents.lines where line.seq > printedSeq {
                            if printedSeq == 0 && line.seq < read.contents.lines.count - 20 { continue }
                            console.out(describe(line, now: session.now))
                        }
                    }
                    printedSeq = max(printedSeq, read.contents.lines.count)
                } else if board == nil && printedSeq == 0 {
                    throw error
                }
                if redraw {
                    let warning = language == "zh" ? "⚠ 看板无法更新：\(message)；每秒重试\n"
                        : "⚠ the board cannot be updated: \(message); retrying every second\n"
                    console.out("\u{1B}[H\u{1B}[2J" + (board ?? "") + "\n" + warning)
                } else if message != problem {
                    console.error(language == "zh" ? "muster: watch：\(message)；每秒重试\n"
                                                   : "muster: watch: \(message); retrying every second\n")
                }
                problem = message
            }
            // Its reader went away: this wake's timers and deliveries are done, and nobody reads the rest.
            if console.outputClosed { return ExitStatus.success }
            let nowSeconds = Clock.realSeconds()
            if let stopAt, nowSeconds >= stopAt { return problem == nil ? ExitStatus.success : ExitStatus.failure }
            if let stopAt { wake = min(wake, stopAt) }
            let pause = max(0.001, wake - Clock.realSeconds())
            usleep(UInt32(pause * 1_000_000))
        }
    }

    /// What a failed wake says to the person watching.
    private static func text(of error: any Error, language: String) -> String {
        switch error {
        case let failure as CommandFailure: failure.text(language)
        case let usage as UsageError: usage.text(language)
        default: "\(error)"
        }
    }

    private static func describe(_ line: JournalLine, now: Int64) -> String {
        let (type, data) = EventCoding.encode(line.event.kind)
        var text = "\(line.seq) \(TimeText.instant(line.event.at)) \(type)"
        for (key, value) in data { text += " \(key)=\(value.stringValue ?? value.serialized())" }
        if case .timerFired = line.event.kind { text += " (written \(now - line.event.at) ms after its instant)" }
        return text + "\n"
    }
}

/// Durations on the command line: `90s`, `10m`, `1h30m`, `1d`.
enum DurationText {
    static func milliseconds(_ text: String) -> Int64? {
        PlaybookLanguage.Duration.parseFixed(text)
    }
}

