import Journaling
import Platform
import PlaybookLanguage
import RunEngine
import Runs

/// `muster watch --all`: every live run of the runs directory (new ones as they start), timers fired on time and
/// every pending notification delivered: the one process a team keeps running on its ops host (a systemd unit is
/// in the README). On a terminal it shows one line per live run; piped, one line per new event, after its run id.
enum WatchAll {
    static func run(_ invocation: Invocation, notifier: Notifier?, stopAt: Double?) throws -> Int32 {
        let console = invocation.console
        let language = invocation.language
        let runs = RunsDirectory(invocation)
        var printed: [String: Int] = [:]
        var problems: [String: String] = [:]
        while true {
            var wake = SystemClock.wallSeconds() + 1
            var lines: [String] = []
            for runID in runs.runIDs() {
                do {
                    let session = try RunSession(runID, invocation: invocation)
                    // A closed run needs nothing more; its journal is read, not written.
                    let read = try session.read()
                    guard read.state.isLive else { continue }
                    let outcome = try session.perform(nil)
                    let results = session.deliverPending(outcome.state, with: notifier, invocation: invocation)
                    let contents = try (results > 0 ? nil : outcome.contents) ?? session.read().contents
                    let state = results > 0 ? RunState.fold(contents.events) : outcome.state
                    if console.terminalOut {
                        lines.append(summary(runID, state: state, now: session.runNow(state), language: language))
                    } else {
                        let seen = printed[runID] ?? 0
                        for line in contents.lines where line.seq > seen {
                            console.out(runID + " " + WatchCommand.describe(line, now: session.runNow(state)))
                        }
                    }
                    printed[runID] = contents.lines.count
                    if problems.removeValue(forKey: runID) != nil, !console.terminalOut {
                        console.error("muster: watch: \(runID): " + (language == .zh ? "已恢复\n" : "recovered\n"))
                    }
                    if let real = WatchCommand.realInstant(dueNext: Engine(playbook: outcome.playbook).nextDue(state),
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

    /// One line for a live run: its playbook, active steps, notifications waiting.
    private static func summary(_ runID: String, state: RunState, now: Int64, language: Language) -> String {
        let zh = language == .zh
        let waiting = state.outbox.pending.count
        return "\(runID)  \(state.start?.playbookID ?? "?")  " + (zh ? "进行中：" : "active: ")
            + (state.activeOrder.isEmpty ? "-" : state.activeOrder.joined(separator: ", "))
            + (waiting > 0 ? (zh ? "  · \(waiting) 条通知待送达" : "  · \(waiting) notification\(waiting == 1 ? "" : "s") waiting") : "")
    }
}
