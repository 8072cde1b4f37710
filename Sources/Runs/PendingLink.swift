public import PlaybookLanguage
public import RunEngine
import Views

extension LinkedRuns {
    /// What completing a run's pending link did, and what to say of it on standard error.
    public struct PendingLink: Sendable, Equatable {
        /// `false` when the linked run could not be started (the run keeps waiting for it); `true` otherwise.
        public var started: Bool
        /// The linked run started, or why it could not be with what to do; empty when there was nothing to do.
        public var said: String

        public init(started: Bool, said: String) {
            self.started = started
            self.said = said
        }
    }

    /// After a command on run `runID` (in `state`): when the run continued in another playbook and the linked run
    /// is not journaled yet (this command asked for it, or an earlier one was cut short between the two writes),
    /// starts it from `playbooksDirectory` and journals the link (`complete`), said in `language`.
    public func completePending(_ runID: String, state: RunState, playbooksDirectory: String,
                                language: Language) -> PendingLink {
        guard state.awaitsLinkedRun, let request = state.continuation else { return PendingLink(started: true, said: "") }
        do throws(RunFailure) {
            guard let link = try complete(runID, playbooksDirectory: playbooksDirectory) else {
                return PendingLink(started: true, said: "")
            }
            return PendingLink(started: true, said: RunCommandLines.continued(in: link.playbook, linkedRun: link.run,
                                                                              language: language))
        } catch {
            return PendingLink(started: false, said: RunCommandLines.linkedRunNotStarted(
                in: request.playbook, runID: runID, reason: error.text(language), language: language))
        }
    }
}
