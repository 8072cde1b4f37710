import CommandSyntax
import RunEngine
import Runs

/// After a command on a run: when the run continued in another playbook and the linked run is not journaled yet
/// (this command asked for it, or an earlier one was cut short between the two writes), start it from the
/// playbooks directory and journal the link (see `LinkedRuns`).
enum LinkedRunCompletion {
    /// Completes a pending link of run `runID`, saying on stderr what happened.
    ///
    /// - Returns: `false` when the linked run could not be started (said, with what to do); `true` otherwise.
    static func complete(_ runID: String, state: RunState, invocation: Invocation) -> Bool {
        guard state.awaitsLinkedRun, let request = state.continuation else { return true }
        let zh = invocation.language == .zh
        do {
            let linker = LinkedRuns(runs: RunsDirectory(invocation), files: try InjectedFaults.files(invocation),
                                    now: try Clock.now(invocation.environment))
            let link = try linker.complete(runID, playbooksDirectory: invocation.playbooksDirectory)
            if let link {
                invocation.console.error(zh
                    ? "已转入预案 \(link.playbook)：关联运行 \(link.run)\n查看：'muster status \(link.run)'\n"
                    : "continued in \(link.playbook): linked run \(link.run)\nsee 'muster status \(link.run)'\n")
            }
            return true
        } catch let failure as RunFailure {
            let message = zh ? failure.chinese ?? failure.message : failure.message
            invocation.console.error(zh
                ? "muster: 未能启动转入预案 \(request.playbook) 的关联运行：\(message)\n本运行等待该关联运行；对 \(runID) 执行任一命令（如 'muster status \(runID)'）即重试\n"
                : "muster: the linked run in \(request.playbook) could not be started: \(message)\nthis run waits for it; any command on \(runID) (such as 'muster status \(runID)') tries again\n")
            return false
        } catch {
            invocation.console.error("muster: \(error)\n")
            return false
        }
    }
}
