public import PlaybookLanguage
public import RunEngine

/// What the engine's messages say to people: an `EngineMessage` (a notification's text, why a step was
/// cancelled) in English or Chinese, naming steps, roles, options and outcomes by their titles (`PlaybookNames`)
/// and spans in the reader's language (`2m` / `2分钟`). A message journaled before the engine wrote codes keeps
/// its words (`say(code:english:chinese:…)` falls back to them).
public enum EngineMessageWords {
    /// What `message` says in `language`, with the titles of `names` (ids where it has none).
    public static func text(_ message: EngineMessage, _ language: Language, names: PlaybookNames) -> String {
        let zh = language == .zh
        func name(_ kind: PlaybookNames.Kind, _ key: String) -> String {
            let id = message.text(key) ?? "?"
            let said = names.name(kind, id, language)
            return zh ? "「\(said)」" : "'\(said)'"
        }
        let step = name(.step, "step")
        switch message.code {
        case .stepNotDone:
            let after = Int64(message.number("after") ?? 0)
            return zh ? "步骤\(step)已过 \(TimeText.chineseSpan(after)) 仍未完成"
                : "step \(step) is not done after \(TimeText.span(after))"
        case .stepNowYours:
            guard message.text("level") != nil else { return zh ? "步骤\(step)现改由你负责" : "step \(step) is now yours" }
            let level = names.name(.severity, message.text("level") ?? "?", language)
            return zh ? "步骤\(step)现改由你负责：级别改为\(level)" : "step \(step) is now yours: the severity is now \(level)"
        case .stepNotAcknowledged: return zh ? "步骤\(step)逾期未确认" : "step \(step) is not acknowledged"
        case .stepOverdue: return zh ? "步骤\(step)已逾期" : "step \(step) is overdue"
        case .decisionDefaulted:
            let option = names.name(.option(step: message.text("step") ?? ""), message.text("option") ?? "?", language)
            return zh ? "步骤\(step)超时未决定，已按默认选择「\(option)」"
                : "no decision on \(step) in time: the default '\(option)' was taken"
        case .escalationWentTo:
            let rung = message.text("rung") ?? "?"
            let target = name(.target, "to")
            return zh ? "第 \(rung) 级升级转到\(target)" : "escalation \(rung) went to \(target)"
        case .reassignedByEscalation:
            let rung = message.text("rung") ?? "?"
            return zh ? "第 \(rung) 级升级" : "escalation \(rung)"
        case .reassignedBySeverity:
            let level = names.name(.severity, message.text("level") ?? "?", language)
            return zh ? "级别改为\(level)" : "the severity is now \(level)"
        case .joinSatisfied: return zh ? "步骤\(step)的汇合条件已满足" : "the join of \(step) is satisfied"
        case .handedOver:
            let playbook = message.text("playbook") ?? "?"
            return zh ? "已移交：本次运行转入关联运行继续" : "handed over: the run continues in '\(playbook)'"
        case .outcomeReached:
            if zh, message.text("outcome") == "aborted", names.title(.outcome, "aborted") == nil {
                return "本次运行已中止"  // a playbook without an outcome of kind aborted ends so when aborted
            }
            let outcome = name(.outcome, "outcome")
            return zh ? "本次运行已到达结果\(outcome)" : "the run reached outcome \(outcome)"
        }
    }

    /// A journaled message in `language`: from its code when the line has one, else in the words journaled with
    /// it (the Chinese when written, else the English).
    public static func say(code: EngineMessage?, english: String, chinese: String?, _ language: Language,
                           names: PlaybookNames) -> String {
        if let code { return text(code, language, names: names) }
        return language == .zh ? chinese ?? english : english
    }

    /// Both languages of a journaled message, as `say` says them.
    public static func localized(code: EngineMessage?, english: String, chinese: String?,
                                 names: PlaybookNames) -> LocalizedText {
        guard let code else { return LocalizedText(english: english, chinese: chinese) }
        return LocalizedText(english: text(code, .en, names: names), chinese: text(code, .zh, names: names))
    }
}
