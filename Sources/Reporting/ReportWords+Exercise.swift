import RunEngine

extension ReportWords {
    /// A record of a drill's exercise staff, in the report's language: roles by their titles, an improvement's due
    /// date as the date it was given.
    ///
    /// - Parameter objectiveTitle: an objective as a reader knows it, by its title in the report's language (a
    ///   report that has the scenario passes it; without it, the objective's id).
    public func describe(_ record: ExerciseRecord, objectiveTitle: (String) -> String = { $0 }) -> String {
        let zh = language == .zh
        switch record {
        case .observation(let objective, let kind, let text):
            let label = switch kind {
            case .strength: zh ? "优点" : "strength"
            case .improvement: zh ? "待改进" : "area for improvement"
            case .note: zh ? "观察" : "observation"
            }
            guard let objective else { return label + (zh ? "：" : ": ") + text }
            return zh ? "\(label)（\(objectiveTitle(objective))）：\(text)" : "\(label) (\(objectiveTitle(objective))): \(text)"
        case .rating(let objective, let rating, let why):
            return zh ? "评估员评定“\(objectiveTitle(objective))”为 \(rating)：\(why)"
                : "evaluator rated “\(objectiveTitle(objective))” \(rating): \(why)"
        case .injectCancelled(let id, let why):
            return (zh ? "取消一条情景注入" : "inject \(id) cancelled") + (why.map { zh ? "：\($0)" : ": \($0)" } ?? "")
        case .mark(let mark):
            switch mark {
            case .startex: return zh ? "演练开始（STARTEX）" : "start of exercise (STARTEX)"
            case .endex: return zh ? "演练结束（ENDEX）" : "end of exercise (ENDEX)"
            case .pause: return zh ? "演练暂停" : "exercise paused"
            case .resume: return zh ? "演练继续" : "exercise resumed"
            }
        case .scripted(let role):
            return zh ? "角色“\(self.role(role))”改由脚本人员扮演" : "role \(self.role(role)) now played by the scenario's scripted players"
        case .unscripted(let role):
            return zh ? "角色“\(self.role(role))”交回由人员扮演"
                : "role \(self.role(role)) handed back from the scripted players to a person"
        case .improvement(let objective, let action, let owner, let dueAt, let status):
            let due = Self.dueDate(dueAt)
            return zh ? "改进措施（\(objectiveTitle(objective))）：\(action)（责任人 \(self.role(owner))，期限 \(due)，\(improvementStatus(status))）"
                : "improvement (\(objectiveTitle(objective))): \(action) (owner \(self.role(owner)), due \(due), \(improvementStatus(status)))"
        }
    }

    /// `2026-02-01`: the date an improvement action was given as due (`drill improve --due`), which the journal
    /// keeps as that date's midnight UTC: shown as that date, whatever the report's zone.
    public static func dueDate(_ dueAt: Int64) -> String { LocalTime.utc.date(dueAt) }

    /// An improvement action's status (`open`, `in_progress`, `done`) in the report's language.
    public func improvementStatus(_ status: String) -> String {
        let zh = language == .zh
        switch status {
        case "in_progress": return zh ? "进行中" : "in progress"
        case "done": return zh ? "已完成" : "done"
        default: return zh ? "未开始" : "open"
        }
    }
}
