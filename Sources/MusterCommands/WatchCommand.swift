import CommandSyntax
import JSONText
import Journaling
import Platform
import PlaybookLanguage
import Reporting
import RunEngine
import Runs
import Diagnostics
import Views

/// `muster watch RUN`: the live board. Wakes at the next due instant, fires it, shows notifications.
enum WatchCommand {
    static let spec = CommandSpec(
        name: "watch",
        summary: "the live board of a run: fires timers on time and shows notifications",
        positionals: [.optionalRun],
        person: .optional,
        discussion: """
            On a terminal the board is redrawn in place, with the latest notifications and whom they reached under
            it; piped, each new event is printed as one line. watch sleeps until the next timer is due (at most a
            second, to notice other terminals' actions), fires it through the journal like any command, and delivers
            every pending notification with the notifier (--notify-command, MUSTER_NOTIFY or the runs directory's
            notify.yaml; argv, no shell; the notification and the person's contacts are JSON on stdin). With --as
            PERSON the board shows that person's work too, and rings the terminal's bell once for each new page to
            them. With --all it follows every live run of the runs directory, new ones included, and delivers for
            all of them: the one process a team keeps running on its ops host. It stops when the run is closed, or
            after --exit-after (e.g. 30s). With --html DIR it also keeps an HTML board in DIR, each file replaced
            whole on every change and at least every 30 seconds: index.html and index.zh.html, and a page per
            person (person-NAME.html); with --all, a directory per run and an index of the runs directory. The
            pages have no scripts and no external assets, and are written with the run's group and its group's
            read and write bits; any web server serves them (see the README).
            """,
        options: ActionCommands.notifyOptions + [
            .init(name: "--exit-after", value: "DURATION", summary: "stop after this long (e.g. 30s, 10m)"),
            .init(name: "--all", value: nil, summary: "follow every live run of the runs directory and deliver for all"),
            .init(name: "--html", value: "DIR", summary: "keep an HTML board in DIR for a web server to serve"),
            SharedOptions.timeZone,
        ],
        run: run)

    static func run(_ invocation: Invocation) throws -> Int32 {
        let all = invocation.arguments.flag("--all")
        guard invocation.arguments.positionals.count == (all ? 0 : 1) else {
            throw UsageError(all ? "watch --all takes no run id" : "watch takes a run id (or --all)",
                             chinese: all ? "watch --all 不需要运行 id" : "watch 需要一个运行 id（或 --all）")
        }
        let notifier = try Notifier.from(invocation)
        var stopAt: Double?
        if let text = invocation.arguments.value("--exit-after") {
            guard let milliseconds = PlaybookLanguage.Duration.parseFixed(text) else {
                throw UsageError("--exit-after takes a duration like 30s or 10m, not '\(text)'")
            }
            stopAt = SystemClock.wallSeconds() + Double(milliseconds) / 1000
        }
        let times = try invocation.localTimes()
        let html = invocation.arguments.value("--html")
        if html?.isEmpty == true { throw UsageError("--html needs a directory", chinese: "--html 需要一个目录") }
        if all { return try WatchAll.run(invocation, notifier: notifier, stopAt: stopAt, html: html) }
        var pages = html.map { HTMLBoard(directory: $0, times: times) }
        let runID = invocation.arguments.positionals[0]
        let person = invocation.person
        var bell = PageBell()
        let console = invocation.console
        let language = invocation.language
        // Redrawing in place is not colour: NO_COLOR leaves it on.
        let redraw = console.terminalOut
        var printedSeq = 0
        var board: String?
        var problem: String?
        let journalPath = (try? RunsDirectory(invocation).runPath(runID)).map { $0 + "/journal.jsonl" }
        while true {
            var wake = SystemClock.wallSeconds() + 1
            // The journal's size before this wake reads it: a write after that point wakes the next one early.
            let sizeBefore = journalPath.flatMap { try? FileStatus.of($0).size }
            do {
                let session = try RunSession(runID, invocation: invocation)
                let woke = try session.wake(notifier: notifier, invocation: invocation)
                let (playbook, state, lastSeq) = (woke.playbook, woke.state, woke.state.eventCount)
                do {
                    try pages?.update(run: runID, playbook: playbook, state: state, lines: woke.contents.lines,
                                      now: session.now, runDirectory: session.journal.directory, ownDirectory: false)
                } catch {
                    throw CommandFailure(error, directory: html ?? "")
                }
                if redraw {
                    printedSeq = max(printedSeq, lastSeq)
                    let shownBefore = board != nil
                    board = TerminalBoard(runID: runID, playbook: playbook, state: state, now: session.runNow(state),
                                          language: language, delivering: notifier != nil, time: times.time,
                                          person: person).render()
                    if let person, bell.seeNewPages(in: state, runID: runID, person: person), shownBefore {
                        console.out("\u{7}")
                    }
                    console.out("\u{1B}[H\u{1B}[2J" + (board ?? ""))
                } else if printedSeq == 0 || lastSeq > printedSeq {
                    console.out(WatchedLines.text(woke.contents.lines, after: printedSeq, now: session.runNow(state),
                                                  time: times.time, atFirst: 20))
                    printedSeq = woke.contents.lines.count
                }
                if problem != nil, !redraw { console.error(WatchLines.recovered(language: language)) }
                problem = nil
                if state.closed { return ExitStatus.success }
                if let real = woke.nextDue { wake = min(wake, Double(real) / 1000 + 0.005) }
            } catch {
                // A watcher fires the timers and delivers the notifications: it never gives up on a run it can
                // read. What went wrong (a full disk, a damaged journal an operator is mending, a file briefly
                // unreadable) is said once, the board shows what is journaled, and the next wake tries again.
                let message = CommandFailure.text(of: error, language: language)
                if let session = try? RunSession(runID, invocation: invocation), let read = try? session.read() {
                    if redraw {
                        board = TerminalBoard(runID: runID, playbook: read.playbook, state: read.state,
                                              now: session.runNow(read.state), language: language,
                                              delivering: notifier != nil, time: times.time).render()
                    } else {
                        console.out(WatchedLines.text(read.contents.lines, after: printedSeq,
                                                      now: session.runNow(read.state), time: times.time, atFirst: 20))
                    }
                    printedSeq = max(printedSeq, read.contents.lines.count)
                } else if board == nil && printedSeq == 0 {
                    throw error
                }
                if redraw {
                    console.out("\u{1B}[H\u{1B}[2J" + (board ?? "") + "\n" + WatchLines.stale(message, language: language))
                } else if message != problem {
                    console.error(WatchLines.retrying(message, language: language))
                }
                problem = message
            }
            // Its reader went away: this wake's timers and deliveries are done, and nobody reads the rest.
            if console.outputClosed { return ExitStatus.success }
            let nowSeconds = SystemClock.wallSeconds()
            if let stopAt, nowSeconds >= stopAt { return problem == nil ? ExitStatus.success : ExitStatus.failure }
            if let stopAt { wake = min(wake, stopAt) }
            // Until the wake, or sooner when another terminal writes to the run: its write is on the board (and in
            // the HTML pages) within a glance, not a second.
            while SystemClock.wallSeconds() < wake {
                SystemClock.sleep(seconds: min(changePoll, max(0.001, wake - SystemClock.wallSeconds())))
                if let journalPath, let sizeBefore, (try? FileStatus.of(journalPath).size) != sizeBefore { break }
            }
        }
    }

    /// How often a sleeping watch looks at the journal's size for another terminal's write, in seconds.
    static let changePoll = 0.02
}
