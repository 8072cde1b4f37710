import CommandSyntax
import RunEngine
import Runs
import Views

/// After a command on a run: when the run continued in another playbook and the linked run is not journaled yet
/// (this command asked for it, or an earlier one was cut short between the two writes), start it from the
/// playbooks directory and journal the link (see `LinkedRuns`).
enum LinkedRunCompletion {
    /// Completes a pending link of run `runID`, saying on stderr what happened.
    ///
    /// - Returns: `false` when the linked run could not be started (said, with what to do); `true` otherwise.
    static func complete(_ runID: String, state: RunState, invocation: Invocation) -> Bool {
        guard state.awaitsLinkedRun, let request = state.continuation else { return true }
        do {
            let linker = LinkedRuns(runs: RunsDirectory(invocation), files: try InjectedFaults.files(invocation),
                                    now: try Clock.now(invocation.environment))
            if let link = try linker.complete(runID, playbooksDirectory: invocation.playbooksDirectory) {
                invocation.console.error(RunCommandLines.continued(in: link.playbook, linkedRun: link.run,
                                                                   language: invocation.language))
            }
            return true
        } catch let failure as RunFailure {
            invocation.console.error(RunCommandLines.linkedRunNotStarted(
                in: request.playbook, runID: runID, reason: failure.text(invocation.language),
                language: invocation.language))
            return false
        } catch {
            invocation.console.error("muster: \(error)\n")
            return false
        }
    }
}
