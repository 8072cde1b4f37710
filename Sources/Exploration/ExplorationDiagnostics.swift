public import Diagnostics
public import PlaybookLanguage

/// What `muster check` says of an exploration: a located diagnostic for each finding, its counterexample as
/// notes pointing at each step of the path.
public enum ExplorationDiagnostics {
    public static let stuckRun = DiagnosticRule("stuck-run", "a run can reach a state from which no outcome can be reached")
    public static let neverReached = DiagnosticRule("never-reached", "a step no run reaches, whatever is decided or recorded")
    public static let timerAfterClose = DiagnosticRule("timer-after-close", "a timer is still armed when a run closes")
    public static let explorationBound = DiagnosticRule(
        "exploration-bound", "the exploration stopped before it saw every state")

    /// The rules, for SARIF and the reference table.
    public static let rules = [stuckRun, neverReached, timerAfterClose, explorationBound]

    /// The diagnostics of exploring `playbook` (checked, without errors) as `file`.
    public static func explore(_ playbook: Playbook, file: String, limit: Int = 100_000) -> [Diagnostic] {
        let explorer = StateExplorer(playbook: playbook, limit: limit)
        let result = explorer.explore()
        let steps = Dictionary(playbook.allSteps.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        func notes(_ path: [StateExplorer.Move]) -> [Diagnostic.Note] {
            path.map { move in Diagnostic.Note(move.description, at: move.step.flatMap { steps[$0]?.location }) }
        }
        var diagnostics: [Diagnostic] = []
        if !result.complete {
            diagnostics.append(.warning(
                explorationBound.id, "the exploration stopped at \(result.states) states, before it saw every state a run "
                    + "can reach: what follows is not proved", file: file, at: .start,
                hint: "a playbook this large is unusual; split it, or fewer facts with many values"))
        }
        for finding in result.findings {
            switch finding.kind {
            case .stuck:
                let at = finding.active.first.flatMap { steps[$0]?.location } ?? .start
                diagnostics.append(.error(
                    stuckRun.id,
                    "a run can get stuck: after the moves below no outcome can be reached any more"
                        + (finding.active.isEmpty ? "" : " (active: " + finding.active.joined(separator: ", ") + ")"),
                    file: file, at: at, hint: "give the steps it is caught in a way to an outcome, or a deadline that leads on",
                    notes: notes(finding.path)))
            case .unreachable(let step):
                diagnostics.append(.warning(
                    neverReached.id, "no run reaches step '\(step)', whatever is decided or recorded",
                    file: file, at: steps[step]?.location,
                    hint: "the conditions that lead to it can never hold; fix them or remove the step"))
            case .timerAfterClose(let timer):
                diagnostics.append(.warning(
                    timerAfterClose.id, "timer '\(timer)' is still armed when a run closes", file: file, at: .start,
                    notes: notes(finding.path)))
            }
        }
        return diagnostics
    }
}
