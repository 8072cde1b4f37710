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
        let runs = RunsDirectory(invocation)
        var printed: [String: Int] = [:]
        var problems: [String: String] = [:]
        /// When this watcher last wrote each run's pages (`--html`), and at which line.
        var pagesWritten: [String: (seq: Int, at: Int64)] = [:]
        var indexWritten: (runs: [String: Int], at: Int64)?
        if let html {
            let access = HTMLBoard.Access(of: runs.path)
            do {
                try ReplacedFile.ensureDirectory(html, mode: access.directory, group: access.group)
            } catch {
                throw CommandFailure(error, directory: html)
            }
        }
        while true {
            var wake = SystemClock.wallSeconds() + 1
            var lines: [String] = []
            var entries: [RunsIndexHTML.Entry] = []
            for runID in runs.runIDs() {
                do {
                    let session = try RunSession(runID, invocation: invocation)
                    // A closed run needs nothing more; its journal is read, not written.
                    let read = try session.read()
                    guard read.state.isLive else {
                        entries.append(.init(runID: runID, title: read.playbook.title, state: read.state))
                        if let html, pagesWritten[runID]?.seq != read.state.eventCount {
                            try HTMLBoard.writeRun(runID, read: read, session: session, into: html + "/" + runID,
                                                   indexLink: "../index.html")
                            pagesWritten[runID] = (read.state.eventCount, session.now)
                        }
                        continue
                    }
                    let outcome = try session.perform(nil)
                    let results = session.deliverPending(outcome.state, with: notifier, invocation: invocation)
                    let contents = try (results > 0 ? nil : outcome.contents) ?? session.read().contents
                    let state = results > 0 ? RunState.fold(contents.events) : outcome.state
                    if console.terminalOut {
                        lines.append(EventLines.liveRun(runID, state: state, language: language))
                    } else {
                        let seen = printed[runID] ?? 0
                        for line in contents.lines where line.seq > seen {
                            console.out(runID + " " + EventLines.watched(seq: line.seq, event: line.event, now: session.runNow(state)))
                        }
                    }
                    printed[runID] = contents.lines.count
                    entries.append(.init(runID: runID, title: outcome.playbook.title, state: state))
                    if let html, pagesWritten[runID].map({
                        $0.seq != contents.lines.count || session.now - $0.at >= HTMLBoard.rewriteAfter
                    }) ?? true {
                        try HTMLBoard.writeRun(runID, read: (contents, outcome.playbook, state, 0), session: session,
                                               into: html + "/" + runID, indexLink: "../index.html")
                        pagesWritten[runID] = (contents.lines.count, session.now)
                    }
                    if problems.removeValue(forKey: runID) != nil, !console.terminalOut {
                        console.error("muster: watch: \(runID): " + (language == .zh ? "已恢复\n" : "recovered\n"))
                    }
                    if let real = RunSession.realInstant(dueNext: Engine(playbook: outcome.playbook).nextDue(state),
                                                           state: state) {
                        wake = min(wake, Double(real) / 1000 + 0.005)
                    }
                } catch {
                    let message = WatchCommand.text(of: error, language: language)
                    if problems[runID] != message {
                        console.error("muster: watch: \(runID): \(message)" + (language == .zh ? "；每秒重试\n" : "; retrying every second\n"))
                    }
                    problems[runID] = message
                    lines.append("\(runID)  ⚠ \(message)")
                    entries.append(.init(runID: runID, title: nil, state: nil))
                }
            }
            if let html {
                do {
                    try writeIndex(entries, into: html, runs: runs, invocation: invocation, written: &indexWritten)
                } catch {
                    let message = WatchCommand.text(of: error, language: language)
                    if problems[""] != message { console.error("muster: watch: \(message)\n") }
                    problems[""] = message
                }
            }
            if console.terminalOut {
                let heading = language == .zh ? "进行中的运行（\(lines.count)）" : "live runs (\(lines.count))"
                console.out("\u{1B}[H\u{1B}[2J" + heading + (notifier == nil
                    ? (language == .zh ? " · 未配置通知程序：不会送达任何通知" : " · no notifier: nobody is told")
                    : "") + "\n" + lines.map { "  " + $0 + "\n" }.joined())
            }
            if console.outputClosed { return ExitStatus.success }
            let nowSeconds = SystemClock.wallSeconds()
            if let stopAt, nowSeconds >= stopAt { return ExitStatus.success }
            if let stopAt { wake = min(wake, stopAt) }
            SystemClock.sleep(seconds: max(0.001, wake - SystemClock.wallSeconds()))
        }
    }

    /// Writes the index of the runs directory's pages when a run came, went or moved on, or it is old.
    private static func writeIndex(
        _ entries: [RunsIndexHTML.Entry], into directory: String, runs: RunsDirectory, invocation: Invocation,
        written: inout (runs: [String: Int], at: Int64)?
    ) throws {
        let now = try Clock.now(invocation.environment)
        var seen: [String: Int] = [:]
        for entry in entries { seen[entry.runID] = entry.state?.eventCount ?? -1 }
        if let written, written.runs == seen, now - written.at < HTMLBoard.rewriteAfter { return }
        let pages = Language.allCases.map { language in
            (name: language == .zh ? "index.zh.html" : "index.html",
             html: RunsIndexHTML(entries: entries, now: now, language: language, times: HTMLBoard.times).render())
        }
        do {
            try HTMLBoard.write(pages, into: directory, access: HTMLBoard.Access(of: runs.path))
        } catch {
            throw CommandFailure(error, directory: directory)
        }
        written = (seen, now)
    }
}
