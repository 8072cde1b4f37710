import PlaybookLanguage
import RunEngine

/// The standing instructions of a run, as the board and the inbox show them above everything else: each with
/// who releases it and the command that does.
struct StandingInstructionLines {
    let runID: String
    let playbook: Playbook
    let state: RunState
    let language: Language

    /// The lines, each ending in a newline, then an empty line when `spaced`; nothing when no instruction stands.
    func render(indent: String = "", spaced: Bool = true) -> String {
        guard !state.standing.isEmpty else { return "" }
        let label = Labels(language: language)
        let names = BoardNames(playbook, language: language)
        var out = indent + label("standing instructions") + ":\n"
        for id in state.standing {
            guard let instruction = playbook.standingInstruction(id) else { continue }
            let role = instruction.releasedBy.value
            out += indent + "  ⚑ \(id)  \(instruction.text.text(language))  [\(label("released by")): \(names.role(role)) ("
                + (state.holders[role] ?? label("unassigned")) + ")]  muster release \(runID) \(id)\n"
        }
        return spaced ? out + "\n" : out
    }
}
