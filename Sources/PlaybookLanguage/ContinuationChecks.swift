public import Diagnostics

/// The rules of `continue_in`, and the checks of a playbook's continuations: within the playbook (what the step
/// leads to) and against the playbooks it continues in (which `muster check` looks up).
public enum ContinuationChecks {
    public static let continueInNext = DiagnosticRule(
        "continue-in-next", "a step that continues in another playbook does not lead straight to an outcome")
    public static let continueInPlaybook = DiagnosticRule(
        "continue-in-playbook", "'continue_in' names a playbook that does not exist, or the playbook itself")
    public static let continueInStep = DiagnosticRule(
        "continue-in-step", "'continue_in' names a step the other playbook has not, or one a run cannot start at")
    public static let continueInFact = DiagnosticRule(
        "continue-in-fact", "'continue_in' gives a fact the other playbook has not, or a value its type does not take")

    /// The rules, for documentation and SARIF.
    public static let rules = [continueInNext, continueInPlaybook, continueInStep, continueInFact]

    /// Every step of `playbook` that continues in another playbook, with its continuation.
    public static func continuations(of playbook: Playbook) -> [(step: Step, continuation: Continuation)] {
        playbook.allSteps.compactMap { step in step.continueIn.map { (step, $0) } }
    }

    /// What a playbook alone can say about its continuations: each leads straight to an outcome, and none
    /// continues in the playbook itself.
    static func checkWithin(_ playbook: Playbook, reader: inout NodeReader) {
        for (step, continuation) in continuations(of: playbook) {
            if case .always(let target)? = step.next, case .outcome = target.value {} else {
                reader.error(continueInNext,
                             "step '\(step.id)' continues in '\(continuation.playbook.value)' but does not lead straight to an outcome",
                             at: step.nextLocation ?? step.location,
                             hint: "write 'next: outcome.handed_over' (an outcome saying the run went on elsewhere)")
            }
            if continuation.playbook.value == playbook.id {
                reader.error(continueInPlaybook, "step '\(step.id)' continues in its own playbook '\(playbook.id)'",
                             at: continuation.playbook.location,
                             hint: "go to the step with 'next' instead; 'continue_in' starts a run of another playbook")
            }
        }
    }

    /// The problems of `playbook`'s continuations against the playbooks they name: `lookup` finds a playbook by
    /// id (`nil` when there is none), `known` lists the ids there are, for a suggestion.
    public static func check(
        _ playbook: Playbook, file: String, lookup: (String) -> Playbook?, known: [String]
    ) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for (step, continuation) in continuations(of: playbook) where continuation.playbook.value != playbook.id {
            let id = continuation.playbook.value
            guard let other = lookup(id) else {
                found.append(.error(
                    continueInPlaybook.id,
                    "step '\(step.id)' continues in playbook '\(id)', which is not in the playbooks directory"
                        + NameSuggestion.didYouMean(id, in: known.filter { $0 != playbook.id }),
                    file: file, at: continuation.playbook.location,
                    hint: "name the 'id:' of a playbook beside this one"))
                continue
            }
            if let entry = continuation.step {
                let startable = other.steps.filter { $0.phase == .main }.map(\.id)
                if !startable.contains(entry.value) {
                    let exists = other.allSteps.contains { $0.id == entry.value }
                    found.append(.error(
                        continueInStep.id,
                        exists
                            ? "step '\(entry.value)' of '\(id)' is inside a parallel step, a chain or the after-end phase; a run cannot start there"
                            : "'\(id)' has no step '\(entry.value)'" + NameSuggestion.didYouMean(entry.value, in: startable),
                        file: file, at: entry.location,
                        hint: "name a top-level main-phase step of '\(id)', or leave 'step' out to start at its start"))
                }
            }
            var given: Set<String> = []
            for setting in continuation.facts {
                let name = setting.fact.value
                if !given.insert(name).inserted {
                    found.append(.error(continueInFact.id, "fact '\(name)' is given twice", file: file,
                                        at: setting.fact.location))
                    continue
                }
                guard let fact = other.fact(name) else {
                    found.append(.error(
                        continueInFact.id,
                        "'\(id)' has no fact '\(name)'" + NameSuggestion.didYouMean(name, in: other.facts.map(\.id)),
                        file: file, at: setting.fact.location, hint: "give only facts defined under 'facts:' in '\(id)'"))
                    continue
                }
                if let problem = problem(setting.value.value, for: fact) {
                    found.append(.error(continueInFact.id, "fact '\(name)' of '\(id)': " + problem, file: file,
                                        at: setting.value.location))
                }
            }
        }
        return found
    }

    /// Why `text` is not a value of `fact`'s type, if it is not.
    static func problem(_ text: String, for fact: Fact) -> String? {
        switch fact.kind {
        case .choice(let values):
            values.contains(text) ? nil
                : "'\(text)' is not one of its values (\(values.joined(separator: ", ")))"
                    + NameSuggestion.didYouMean(text, in: values)
        case .number:
            Double(text).map { $0.isFinite } == true ? nil : "it takes a decimal number, not '\(text)'"
        case .flag:
            ["true", "false"].contains(text) ? nil : "it takes true or false, not '\(text)'"
        case .text:
            nil
        }
    }
}
