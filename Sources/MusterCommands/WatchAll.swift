import CommandSyntax
import Journaling
import Platform
import PlaybookLanguage
import RunEngine
import Runs
import Views

/// `muster watch --all`: every live run of the runs directory (new ones as they start), timers fired on time and
/// every pending notification delivered: the one process a team keeps running on its ops host (a systemd unit is
/// in the README). On a terminal it shows one line per live run; piped, one line per new event, after its run id.
enum WatchAll {
    static func run(_ invocation: Invocation, notifier: Notifier?, stopAt: Double?, html: String?) throws -> Int32 {
        let console = invocation.console
        let language = invocation.language
        let times = try invocation.localTimes()
        let runs = RunsDirectory(invocation)
        var printed: [String: Int] = [:]
        var problems: [String: String] = [:]
        var pages = html.map { HTMLBoard(directory: $0, times: times) }
        do {
            try pages?.prepare(runsDirectory: runs.path)
        } catch {
            throw CommandFailure(error, directory: html ?? "")
        }
        while true {
            var wake = SystemClock.wallSeconds() + 1
            var lines: [String] = []
            var entries: [RunsIndexHTML.Entry] = []
            for runID in runs.runIDs() {
                do {
                    let session = try RunSession(runID, invocation: invocation)
                    let woke = try session.watchEvery(notifier: notifier, invocation: invocation)
                    let (contents, state) = (woke.contents, woke.state)
                    if woke.woken, console.terminalOut {
                        lines.append(EventLines.liveRun(runID, state: state, language: language))
                    } else if woke.woken {
                        console.out(WatchedLines.text(contents.lines, after: printed[runID] ?? 0,
                                                      now: session.runNow(state), time: times.time, run: runID))
                    }
                    if woke.woken { printed[runID] = contents.lines.count }
                    entries.append(.init(runID: runID, playbook: woke.playbook, state: state))
                    try update(&pages) {
                        try $0.update(run: runID, playbook: woke.playbook, state: state, lines: contents.lines,
                                      now: session.now, runDirectory: session.journal.directory, ownDirectory: true,
                                      whenOld: woke.woken)
                    }
                    // A closed run needs nothing more.
                    guard woke.woken else { continue }
                    if problems.removeValue(forKey: runID) != nil, !console.terminalOut {
                        console.error(WatchLines.recovered(run: runID, language: language))
                    }
                    if let real = woke.nextDue { wake = min(wake, Double(real) / 1000 + 0.005) }
                } catch {
                    let message = CommandFailure.text(of: error, language: language)
                    if problems[runID] != message { console.error(WatchLines.retrying(message, run: runID, language: language)) }
                    problems[runID] = message
                    lines.append("\(runID)  ⚠ \(message)")
                    entries.append(.init(runID: runID, title: nil, state: nil))
                }
            }
            if pages != nil {
                do {
                    let now = try Clock.now(invocation.environment)
                    try update(&pages) { try $0.updateIndex(entries, now: now, runsDirectory: runs.path) }
                } catch {
                    let message = CommandFailure.text(of: error, language: language)
                    if problems[""] != message { console.error("muster: watch: \(message)\n") }
                    problems[""] = message
                }
            }
            if console.terminalOut {
                console.out("\u{1B}[H\u{1B}[2J" + WatchLines.liveRuns(lines.count, delivering: notifier != nil, language: language)
                    + lines.map { "  " + $0 + "\n" }.joined())
            }
            if console.outputClosed { return ExitStatus.success }
            let nowSeconds = SystemClock.wallSeconds()
            if let stopAt, nowSeconds >= stopAt { return ExitStatus.success }
            if let stopAt { wake = min(wake, stopAt) }
            SystemClock.sleep(seconds: max(0.001, wake - SystemClock.wallSeconds()))
        }
    }

    /// Updates the HTML board, when there is one; a page that cannot be written is a `CommandFailure`.
    private static func update(_ pages: inout HTMLBoard?, _ write: (inout HTMLBoard) throws -> Bool) throws {
        guard var board = pages else { return }
        do {
            _ = try write(&board)
        } catch let error as FileError {
            throw CommandFailure(error, directory: board.directory)
        }
        pages = board
    }
}
