public import PlaybookLanguage

extension DrillEvaluation {
    /// The evaluation in a few lines, as `drill run` prints it: each objective's rating, title and why, then the
    /// overall rating; in `language`.
    public func summary(runID: String, language: Language) -> String {
        let zh = language == .zh
        var out = (zh ? "演练评定 " : "drill evaluation ") + "\(scenario.id) (\(runID))\n"
        // Objective ids are plain ASCII ids: one column a character.
        let width = results.map(\.objective.id.count).max() ?? 0
        for result in results {
            let id = result.objective.id
            out += "  \(result.rating.rawValue)  \(id + String(repeating: " ", count: width - id.count))  "
                + "\(result.objective.title.text(language)) — \(result.reason(language.rawValue))\n"
        }
        out += (zh ? "总体: " : "overall: ") + overall.rawValue + "\n"
        return out
    }
}
