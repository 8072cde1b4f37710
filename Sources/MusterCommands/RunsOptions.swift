import CommandSyntax
import Platform
import PlaybookLanguage
import RunEngine
import Runs
import Views

// What the `Runs` layer needs from a command line: the runs directory, the clock, the file operations and the
// notifier an invocation names; and its failures said as the command line says them.

extension RunsDirectory {
    /// `--runs`, else `MUSTER_RUNS`, else `runs`.
    init(_ invocation: Invocation) {
        self.init(path: invocation.arguments.value("--runs") ?? invocation.environment["MUSTER_RUNS"] ?? "runs")
    }
}

extension RunSession {
    /// A session on run `runID` of the invocation's runs directory, at the invocation's instant (`Clock.now`),
    /// writing with its file operations (`InjectedFaults`).
    init(_ runID: String, invocation: Invocation) throws {
        let runs = RunsDirectory(invocation)
        // The run id is checked before the clock and the test hook, as it always was.
        _ = try runs.runPath(runID)
        try self.init(runID, in: runs, files: InjectedFaults.files(invocation), now: Clock.now(invocation.environment))
    }

    /// Delivers what is due with `notifier` (nothing without one), the wall clock read from the invocation; a
    /// failure to journal the results is said as a warning.
    ///
    /// - Returns: how many result events were journaled.
    @discardableResult
    func deliverPending(_ state: RunState, with notifier: Notifier?, invocation: Invocation) -> Int {
        guard let notifier else { return 0 }
        do {
            return try deliverPending(state, with: notifier) { (try? Clock.now(invocation.environment)) ?? now }
        } catch {
            invocation.console.error("muster: warning: notification results could not be journaled: \(error)\n")
            return 0
        }
    }

    /// One wake of a watcher (`RunSession.wake`), delivering with `notifier`, the wall clock read from the
    /// invocation; a failure to journal the results is said as a warning.
    func wake(notifier: Notifier?, invocation: Invocation) throws(RunFailure) -> Wake {
        try wake(notifier: notifier, clock: { (try? Clock.now(invocation.environment)) ?? now }) { error in
            invocation.console.error("muster: warning: notification results could not be journaled: \(error)\n")
        }
    }

    /// One wake of `watch --all` on this run (`RunSession.watchEvery`), likewise.
    func watchEvery(notifier: Notifier?, invocation: Invocation) throws(RunFailure) -> Wake {
        try watchEvery(notifier: notifier, clock: { (try? Clock.now(invocation.environment)) ?? now }) { error in
            invocation.console.error("muster: warning: notification results could not be journaled: \(error)\n")
        }
    }

    /// After an action that left the run in `state`: what is due delivered with the invocation's notifier
    /// (`Notifier.forCommand`); without one, when notifications wait, a word on stderr on who delivers them.
    func deliverOrSayWhoWill(_ state: RunState, invocation: Invocation) {
        let notifier = Notifier.forCommand(invocation)
        deliverPending(state, with: notifier, invocation: invocation)
        guard notifier == nil, !state.outbox.pending.isEmpty else { return }
        invocation.console.error(RunCommandLines.undelivered(state.outbox.pending.count, language: invocation.language))
    }
}

extension Notifier {
    /// The notifier an invocation has: `--notify-command`, else `MUSTER_NOTIFY`, else the runs directory's
    /// `notify.yaml` (likewise `--contacts`, `MUSTER_CONTACTS`, the file's `contacts:`; `--notify-timeout`, the
    /// file's `timeout:`); `nil` when none of them names a channel.
    static func from(_ invocation: Invocation) throws -> Notifier? {
        let arguments = invocation.arguments
        var notifier = try configured(
            runsDirectory: RunsDirectory(invocation).path,
            command: arguments.value("--notify-command") ?? invocation.environment["MUSTER_NOTIFY"],
            contactsPath: arguments.value("--contacts") ?? invocation.environment["MUSTER_CONTACTS"],
            timeout: arguments.value("--notify-timeout"))
        notifier?.language = invocation.language
        return notifier
    }

    /// The notifier of an invocation for a command whose own work comes first (an action, `status`): a notifier
    /// that cannot be set up (a malformed or unsafe `notify.yaml`, an unreadable contact directory) is said as a
    /// warning, and the command goes on without delivering.
    static func forCommand(_ invocation: Invocation) -> Notifier? {
        do {
            return try from(invocation)
        } catch {
            let text = CommandFailure.text(of: error, language: invocation.language)
            invocation.console.error((invocation.language == .zh ? "muster: 警告：无法送达通知：" : "muster: warning: "
                + "notifications cannot be delivered: ") + text + "\n")
            return nil
        }
    }
}

extension CommandFailure {
    /// A failure of the `Runs` layer, with the same texts.
    init(_ failure: RunFailure) {
        self.init(failure.message, chinese: failure.chinese)
    }
}

extension UsageError {
    /// A usage failure of the `Runs` layer (a run id that is not one), with the same texts.
    init(_ failure: RunFailure) {
        self.init(failure.message, chinese: failure.chinese)
    }
}
