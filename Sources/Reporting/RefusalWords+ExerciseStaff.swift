/// The words of the refusals a drill's exercise staff meets (`drill observe`, `rate`, `inject`, `cancel`, `mark`,
/// `script`, `improve`), in English and Chinese.
extension Words {
    /// A list said with `或`/`or` before its last item: `P, S, M or U`.
    private func alternatives(_ name: String, or word: String, separator: String) -> String {
        let list = rejection.list(name)
        guard list.count > 1 else { return list.first ?? "?" }
        return list.dropLast().joined(separator: separator) + " \(word) " + list.last!
    }

    var exerciseStaffEnglish: String {
        switch rejection.code {
        case .notOnStaff:
            return "\(t("person")) is not on this drill's staff (staff.controllers or staff.evaluators in the scenario)"
        case .notAController: return "\(t("person")) is not a controller of this drill (staff.controllers in the scenario)"
        case .notAnEvaluator: return "\(t("person")) is not an evaluator of this drill (staff.evaluators in the scenario)"
        case .objectiveUndefined:
            return "no objective '\(t("objective"))' in this drill (objectives: \(listEN("objectives")))"
        case .observationEmpty: return "an observation needs a text"
        case .ratingUndefined:
            return "a rating is \(alternatives("ratings", or: "or", separator: ", ")), not '\(t("rating"))'"
        case .ratingWithoutJustification: return "a rating needs its written justification (--why)"
        case .injectUndefined: return "no inject '\(t("inject"))' in this drill"
        case .injectDoneAlready: return "inject '\(t("inject"))' was already delivered or cancelled"
        case .adHocInjectIncomplete: return "an ad hoc inject needs --to ROLE (a role of the playbook) and --text TEXT"
        case .markedAlready: return "the exercise is already marked \(t("mark"))"
        case .pausedAlready: return "play is already paused"
        case .notPaused: return "play is not paused"
        case .roleNotScripted:
            return "no scripted player of this drill acts for role '\(t("role"))' (scripted roles: \(listEN("roles")))"
        case .roleScriptedAlready: return "role '\(t("role"))' is already played by the scripted players"
        case .roleNotScriptedNow:
            return "role '\(t("role"))' is not played by the scripted players (scripted now: \(listEN("roles")))"
        case .unattendedAllScripted: return "an unattended drill is all scripted"
        case .improvementIncomplete: return "an improvement action needs --action and --owner"
        case .statusUndefined:
            return "the status is \(alternatives("statuses", or: "or", separator: ", ")), not '\(t("status"))'"
        default: return rejection.code.rawValue
        }
    }

    var exerciseStaffChinese: String {
        switch rejection.code {
        case .notOnStaff: return "\(t("person")) 不是本次演练的导调或评估人员（见演练脚本的 staff.controllers、staff.evaluators）"
        case .notAController: return "\(t("person")) 不是本次演练的导调人员（见演练脚本的 staff.controllers）"
        case .notAnEvaluator: return "\(t("person")) 不是本次演练的评估人员（见演练脚本的 staff.evaluators）"
        case .objectiveUndefined: return "本次演练没有目标 '\(t("objective"))'（目标：\(listZH("objectives"))）"
        case .observationEmpty: return "观察记录不能为空"
        case .ratingUndefined:
            return "评定只能是 \(alternatives("ratings", or: "或", separator: "、"))，而不是 '\(t("rating"))'"
        case .ratingWithoutJustification: return "评定必须写明理由（--why）"
        case .injectUndefined: return "本次演练没有注入 '\(t("inject"))'"
        case .injectDoneAlready: return "注入 '\(t("inject"))' 已发出或已取消"
        case .adHocInjectIncomplete: return "临时注入需要 --to 角色（预案中的角色）和 --text 内容"
        case .markedAlready: return "演练已标记 \(t("mark"))"
        case .pausedAlready: return "演练已暂停"
        case .notPaused: return "演练并未暂停"
        case .roleNotScripted:
            return "本次演练没有为角色 '\(t("role"))' 编写脚本人员（有脚本的角色：\(listZH("roles"))）"
        case .roleScriptedAlready: return "角色 '\(t("role"))' 已由脚本人员扮演"
        case .roleNotScriptedNow: return "角色 '\(t("role"))' 并非由脚本人员扮演（当前由脚本人员扮演的角色：\(listZH("roles"))）"
        case .unattendedAllScripted: return "无人值守演练全部由脚本人员扮演"
        case .improvementIncomplete: return "改进措施需要 --action 和 --owner"
        case .statusUndefined:
            return "状态只能是 \(alternatives("statuses", or: "或", separator: "、"))，而不是 '\(t("status"))'"
        default: return rejection.code.rawValue
        }
    }
}
