import CommandSyntax
import RunEngine
import Runs

/// After a command on a run: its pending link to a run in another playbook completed (`LinkedRuns.completePending`)
/// with the invocation's runs directory, playbooks, clock and file operations.
enum LinkedRunCompletion {
    /// Completes a pending link of run `runID`, saying on stderr what happened.
    ///
    /// - Returns: `false` when the linked run could not be started (said, with what to do); `true` otherwise.
    static func complete(_ runID: String, state: RunState, invocation: Invocation) -> Bool {
        guard state.awaitsLinkedRun else { return true }
        do {
            let linker = LinkedRuns(runs: RunsDirectory(invocation), files: try InjectedFaults.files(invocation),
                                    now: try Clock.now(invocation.environment))
            let pending = linker.completePending(runID, state: state, playbooksDirectory: invocation.playbooksDirectory,
                                                 language: invocation.language)
            if !pending.said.isEmpty { invocation.console.error(pending.said) }
            return pending.started
        } catch {
            invocation.console.error("muster: \(error)\n")
            return false
        }
    }
}
