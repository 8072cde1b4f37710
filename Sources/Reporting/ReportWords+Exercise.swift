import RunEngine

extension ReportWords {
    /// A record of a drill's exercise staff, in the report's language.
    public func describe(_ record: ExerciseRecord) -> String {
        let zh = language == "zh"
        switch record {
        case .observation(let objective, let kind, let text):
            let label = switch kind {
            case .strength: zh ? "优点" : "strength"
            case .improvement: zh ? "待改进" : "area for improvement"
            case .note: zh ? "观察" : "observation"
            }
            return "\(label)" + (objective.map { " [\($0)]" } ?? "") + ": " + text
        case .rating(let objective, let rating, let why):
            return zh ? "评估员评定 \(objective) 为 \(rating)：\(why)" : "evaluator rated \(objective) \(rating): \(why)"
        case .injectCancelled(let id, let why):
            return (zh ? "取消注入 \(id)" : "inject \(id) cancelled") + (why.map { zh ? "：\($0)" : ": \($0)" } ?? "")
        case .mark(let mark):
            switch mark {
            case .startex: return zh ? "演练开始（STARTEX）" : "start of exercise (STARTEX)"
            case .endex: return zh ? "演练结束（ENDEX）" : "end of exercise (ENDEX)"
            case .pause: return zh ? "演练暂停" : "exercise paused"
            case .resume: return zh ? "演练继续" : "exercise resumed"
            }
        case .scripted(let role):
            return zh ? "角色 \(role) 改由脚本人员扮演" : "role \(role) now played by the scenario's scripted players"
        case .unscripted(let role):
            return zh ? "角色 \(role) 交回由人员扮演" : "role \(role) handed back from the scripted players to a person"
        case .improvement(let objective, let action, let owner, let dueAt, let status):
            return zh ? "改进措施 [\(objective)]：\(action)（责任人 \(owner)，期限 \(instant(dueAt))，\(status)）"
                : "improvement [\(objective)]: \(action) (owner \(owner), due \(instant(dueAt)), \(status))"
        }
    }
}
