import Diagnostics
public import PlaybookLanguage

extension DrillEvaluation {
    /// The evaluation in a few lines, as `drill run` prints it: each objective's rating, title and why, then the
    /// overall rating; in `language`.
    public func summary(runID: String, language: Language) -> String {
        let zh = language == .zh
        // The scenario's texts and the evaluators' words: shown so that no control character reaches the terminal.
        let line = TerminalText.line
        var out = (zh ? "演练评定 " : "drill evaluation ") + "\(line(scenario.id)) (\(line(runID)))\n"
        // Objective ids are plain ASCII ids: one column a character.
        let width = results.map(\.objective.id.count).max() ?? 0
        for result in results {
            let id = result.objective.id
            out += "  \(result.rating.rawValue)  \(id + String(repeating: " ", count: width - id.count))  "
                + "\(line(result.objective.title.text(language))) — \(line(result.reason(language)))\n"
        }
        out += (zh ? "总体: " : "overall: ") + overall.rawValue + "\n"
        return out
    }
}
