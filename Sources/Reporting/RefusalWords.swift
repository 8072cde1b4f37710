public import PlaybookLanguage
public import RunEngine

/// What a refusal says to people: the engine's code and parameters in English or Chinese.
///
/// Every code is said in both languages here and nowhere else; ids, people and lists come from the parameters
/// (a list is joined with `, ` in English and `、` in Chinese). A refusal journaled before refusals had codes keeps
/// its words (`RecordedRefusal.prose`).
public enum RefusalWords {
    /// What `rejection` says in `language`, as a lower-case phrase without its class. With `names` (a report),
    /// the steps, roles, facts, options and levels it names are said by their titles, and in Chinese quoted 「…」;
    /// without (the command line, where people type ids), by their ids.
    public static func text(_ rejection: Rejection, _ language: Language, names: PlaybookNames = PlaybookNames())
        -> String
    {
        let words = Words(rejection: rejection, names: names)
        guard language == .zh else { return words.english }
        // A title in 「」 needs no spaces around it, as an id in quotes among Chinese words does.
        guard !names.isEmpty else { return words.chinese }
        var out: [Character] = []
        for character in words.chinese {
            if character == "「", out.last == " " { out.removeLast() }
            if character == " ", out.last == "」" { continue }
            out.append(character)
        }
        return String(out)
    }

    /// What a journaled refusal says in `language`; in English led by its class (`wrong-role: …`), as journals
    /// before codes recorded it. An old line without Chinese is shown in its English.
    public static func recorded(_ refusal: RecordedRefusal, _ language: Language,
                                names: PlaybookNames = PlaybookNames()) -> String {
        switch refusal {
        case .coded(let rejection):
            language == .zh ? text(rejection, .zh, names: names)
                : rejection.reason + ": " + text(rejection, .en, names: names)
        case .prose(let reason, let chinese):
            language == .zh ? chinese ?? reason : reason
        }
    }

    /// A refusal's class (`Rejection.reason`: `wrong-role`, `not-active`, …) in `language`: in English the class
    /// itself, as scripts read it; in Chinese its meaning.
    public static func reason(_ reason: String, _ language: Language) -> String {
        guard language == .zh else { return reason }
        switch reason {
        case "wrong-role": return "角色不符"
        case "not-active": return "步骤未在进行中"
        case "stale": return "情况已变化"
        case "finished": return "已到达结果"
        case "closed": return "运行已关闭"
        case "separation-of-duties": return "职责分离"
        default: return "无效"
        }
    }

    /// Both languages of a journaled refusal, as `recorded` says them.
    public static func localized(_ refusal: RecordedRefusal, names: PlaybookNames = PlaybookNames()) -> LocalizedText {
        if case .prose(let reason, let chinese) = refusal { return LocalizedText(english: reason, chinese: chinese) }
        return LocalizedText(english: recorded(refusal, .en, names: names), chinese: recorded(refusal, .zh, names: names))
    }
}

/// The English and Chinese of one refusal.
struct Words {
    let rejection: Rejection
    /// The playbook's titles; empty on the command line, where ids are said as typed.
    let names: PlaybookNames

    func t(_ name: String) -> String { rejection.text(name) ?? "?" }
    /// What a parameter names, when it is something the playbook defines (or a section or a command).
    func kind(_ key: String) -> PlaybookNames.Kind? {
        switch key {
        case "step", "active": .step
        case "role", "owner", "approver", "other", "held", "roles": .role
        case "fact", "facts": .fact
        case "level": .severity
        case "option", "options": .option(step: rejection.text("step") ?? "")
        case "chain", "chains": .chain
        case "instruction", "standing": .instruction
        case "item", "items": .item(step: rejection.text("step") ?? "")
        case "value", "values": .value(fact: rejection.text("fact") ?? "")
        default: nil
        }
    }
    /// `id`, the value of parameter `key`, in `language`: by its title when there are titles.
    func said(_ key: String, _ id: String, _ language: Language) -> String {
        guard !names.isEmpty else { return id }
        switch key {
        case "section", "sections": return ReportWords(language: language).sectionTitle(id)
        case "command": return ReportWords(language: language).command(id)
        default: return kind(key).map { names.name($0, id, language) } ?? id
        }
    }
    func en(_ key: String) -> String { said(key, t(key), .en) }
    func zh(_ key: String) -> String { said(key, t(key), .zh) }
    /// A parameter in a Chinese sentence: `「标题」` with titles, `'id'` without.
    func q(_ key: String) -> String { names.isEmpty ? "'\(t(key))'" : "「\(zh(key))」" }
    func listEN(_ list: String) -> String { rejection.list(list).map { said(list, $0, .en) }.joined(separator: ", ") }
    func listZH(_ list: String) -> String { rejection.list(list).map { said(list, $0, .zh) }.joined(separator: "、") }
    var didYouMean: String { rejection.text("suggestion").map { "; did you mean '\($0)'?" } ?? "" }
    var shiFouZhi: String { rejection.text("suggestion").map { "；是否指 '\($0)'？" } ?? "" }
    /// `; label: a, b` when the list is not empty.
    func tail(_ label: String, _ list: String) -> String {
        rejection.list(list).isEmpty ? "" : "; \(label): " + listEN(list)
    }
    /// `；标签：甲、乙` when the list is not empty.
    func tailZH(_ label: String, _ list: String) -> String {
        rejection.list(list).isEmpty ? "" : "；\(label)：" + listZH(list)
    }

    // swiftlint:disable:next cyclomatic_complexity function_body_length
    var english: String {
        if let issue = rejection.enteredTextIssue { return issue.english }
        switch rejection.code {
        case .notStarted: return "the run has not started"
        case .runClosed:
            return "the run is closed: only notes, corrections of facts, titles, the sign-off and acknowledgements of "
                + "pages are taken now"
        case .stale:
            return "the run moved on since seq \(t("seen")): "
                + (rejection.text("step").map { "step '\($0)' changed at seq \(t("changed"))" } ?? "it is at seq \(t("changed"))")
                + "; look at 'muster status' and try again"
        case .unexpected: return t("error")
        case .notOnRun: return "\(t("person")) is not on this run; join it first ('muster join RUN --role ROLE')"
        case .notYourRole:
            return "\(t("person")) may not act as '\(en("role"))'"
                + (rejection.text("holder").map { " (held by \($0))" } ?? " (unassigned)")
                + (rejection.list("held").isEmpty ? "; \(t("person")) holds no role on this run"
                    : "; \(t("person")) holds " + listEN("held"))
        case .stepWithoutOwner: return "this step has no owner to act on it"
        case .roleUndefined: return "role '\(en("role"))' is not defined in this playbook" + didYouMean
        case .roleHeldAlready: return "\(t("person")) already holds '\(en("role"))'"
        case .roleHeldByOther: return "'\(en("role"))' is held by \(t("holder")); ask for a handover instead"
        case .handoverNotAllowed: return "only the holder of '\(en("role"))' or the commander may hand it over"
        case .recorderNotOnRun: return "\(t("recorder")) holds no role on this run and cannot record for others"
        case .onlyOnesOwn: return "\(en("command")) is only ever one's own: \(t("recorder")) cannot give it for \(t("person"))"
        case .nameEmpty, .nameTooLong, .nameHiddenCharacter, .nameDashFirst, .nameSpaceAtEdge, .textTooLong,
            .textControlCharacter:
            return rejection.code.rawValue
        case .notASection: return "'\(en("section"))' is not a report section; sections: " + listEN("sections")
        case .titleEmpty: return "the title is empty: say what happened and where"
        case .titleUnchanged: return "the run already has this title"
        case .notificationNotSent: return "no notification '\(t("notification"))' was sent to \(t("person")) on this run"
        case .notificationAcknowledgedAlready: return "\(t("person")) has already acknowledged '\(t("notification"))'"
        case .outcomeNotReached: return "the run has not reached its outcome; sign the report once it has"
        case .levelUndefined: return "severity level '\(en("level"))' is not defined" + didYouMean
        case .gradedAlready: return "the run is already graded '\(en("level"))'; use regrade to change it"
        case .gradeNotAllowed: return "\(t("person")) may not grade this run: the owner of the grading step does"
        case .notGraded: return "the run is not graded yet"
        case .regradeToSameLevel: return "the run is already graded '\(en("level"))'"
        case .regradeNotAllowed: return "only the commander (or a stand-in) may regrade the run"
        case .runEnded: return "the run has already ended"
        case .abortNotAllowed: return "only the commander (or a stand-in) may abort the run"
        case .chainUndefined:
            return "'\(en("chain"))' is not an at-any-time chain of this playbook"
                + (!didYouMean.isEmpty ? didYouMean
                    : rejection.list("chains").isEmpty ? "; it has none" : "; chains: " + listEN("chains"))
        case .chainAfterOutcome: return "the run has reached its outcome: '\(en("chain"))' can no longer be raised"
        case .chainRunning: return "'\(en("chain"))' is running already; active: " + listEN("active")
        case .chainNotAllowed:
            return "\(t("person")) may not raise '\(en("chain"))': it is raised by " + listEN("roles") + " (or their stand-ins)"
        case .instructionUndefined: return "'\(en("instruction"))' is not a standing instruction of this playbook" + didYouMean
        case .instructionNotStanding:
            return "standing instruction '\(en("instruction"))' does not stand now" + tail("standing", "standing")
        case .stepUndefined: return "step '\(en("step"))' is not defined in this playbook" + didYouMean
        case .stepNotActive: return "step '\(en("step"))' is not active" + tail("active", "active")
        case .stepDoneEarlier: return "step '\(en("step"))' is not active (it was done earlier)" + tail("active", "active")
        case .stepNotApproval: return "step '\(en("step"))' is not an approval"
        case .stepNotDecision: return "step '\(en("step"))' is not a decision"
        case .stepIsDecision: return "step '\(en("step"))' is a decision: use 'decide' with an option"
        case .stepIsApproval: return "step '\(en("step"))' is an approval: use 'approve' or 'deny'"
        case .stepIsParallel: return "step '\(en("step"))' is done when its tracks join"
        case .stepAcknowledgedAlready: return "step '\(en("step"))' is acknowledged already"
        case .itemsUnticked: return "step '\(en("step"))' has unticked checklist items: " + listEN("items")
        case .factsMissing: return "step '\(en("step"))' needs these facts recorded first: " + listEN("facts")
        case .gradeFirst: return "step '\(en("step"))' grades the run: use 'grade LEVEL' first"
        case .optionUndefined: return "'\(en("option"))' is not an option of '\(en("step"))'; options: " + listEN("options")
        case .approvalByAsker:
            return "\(t("person")) holds '\(en("owner"))', which asks for this approval, and may not also decide on it; "
                + "another holder of '\(en("approver"))' (or its stand-in) must"
        case .signedAlreadyByPerson:
            return "\(t("person")) has signed '\(en("step"))' already as '\(en("role"))'; it is signed together by two "
                + "people: another holder of '\(en("other"))' (or its stand-in) signs it"
        case .signedAlready: return "step '\(en("step"))' is signed already"
        case .itemUndefined:
            return "'\(en("item"))' is not an item of '\(en("step"))'"
                + (rejection.list("items").isEmpty ? "; it has no checklist" : "; items: " + listEN("items"))
        case .itemTickedAlready: return "item '\(en("item"))' of '\(en("step"))' is ticked already"
        case .factUndefined: return "fact '\(en("fact"))' is not defined" + didYouMean
        case .valueNotAChoice: return "'\(en("value"))' is not a value of '\(en("fact"))'; its values: " + listEN("values")
        case .valueNotANumber: return "'\(en("fact"))' takes a decimal number like 42 or -3.5, not '\(en("value"))'"
        case .valueNotAFlag: return "'\(en("fact"))' takes yes or no (true or false), not '\(en("value"))'"
        case .noStepRecords: return "no active step records '\(en("fact"))'"
        case .recordNotAllowed: return "\(t("person")) may not record '\(en("fact"))'"
        case .factNotRecorded: return "'\(en("fact"))' has not been recorded yet: record it instead of correcting it"
        case .correctionWithoutReason: return "a correction needs its reason (--why)"
        case .valueUnchanged: return "'\(en("fact"))' is already \(en("value"))"
        case .correctionNotAllowed:
            return "only the commander (or a stand-in) or the owner of a step that records '\(en("fact"))' may correct it"
        case .notOnStaff, .notAController, .notAnEvaluator, .objectiveUndefined, .observationEmpty, .ratingUndefined,
            .ratingWithoutJustification, .injectUndefined, .injectDoneAlready, .adHocInjectIncomplete, .markedAlready,
            .pausedAlready, .notPaused, .roleNotScripted, .roleScriptedAlready, .roleNotScriptedNow, .unattendedAllScripted,
            .improvementIncomplete, .statusUndefined:
            return exerciseStaffEnglish
        }
    }

    // swiftlint:disable:next cyclomatic_complexity function_body_length
    var chinese: String {
        if let issue = rejection.enteredTextIssue { return issue.chinese }
        switch rejection.code {
        case .notStarted: return "本次运行尚未开始"
        case .runClosed: return "本次运行已结束：现在只接受备注、事实更正、标题更正、签收和对通知的确认"
        case .stale:
            return "本次运行在序号 \(t("seen")) 之后已有变化："
                + (rejection.text("step").map { "步骤 '\($0)' 在序号 \(t("changed")) 有更新" } ?? "当前已到序号 \(t("changed"))")
                + "；请先查看 'muster status' 再重试"
        case .unexpected: return "命令无法执行：\(t("error"))"
        case .notOnRun: return "\(t("person")) 未加入本次运行；请先加入（'muster join 运行编号 --role 角色'）"
        case .notYourRole:
            return "\(t("person")) 不能以 \(q("role")) 的身份操作"
                + (rejection.text("holder").map { "（该角色由 \($0) 担任）" } ?? "（该角色未指派）")
                + (rejection.list("held").isEmpty ? "；\(t("person")) 在本次运行中未担任任何角色"
                    : "；\(t("person")) 担任 " + listZH("held"))
        case .stepWithoutOwner: return "此步骤没有负责人，无人可以操作"
        case .roleUndefined: return "本预案未定义角色 \(q("role"))" + shiFouZhi
        case .roleHeldAlready: return "\(t("person")) 已担任 \(q("role"))"
        case .roleHeldByOther: return "\(q("role")) 已由 \(t("holder")) 担任；如需接手，请办理交接"
        case .handoverNotAllowed: return "只有 \(q("role")) 的担任者或应急总指挥可以交接该角色"
        case .recorderNotOnRun: return "\(t("recorder")) 在本次运行中未担任任何角色，不能代他人记录"
        case .onlyOnesOwn: return "\(zh("command")) 只能由本人进行：\(t("recorder")) 不能代 \(t("person")) 进行"
        case .nameEmpty, .nameTooLong, .nameHiddenCharacter, .nameDashFirst, .nameSpaceAtEdge, .textTooLong,
            .textControlCharacter:
            return rejection.code.rawValue
        case .notASection: return "\(q("section")) 不是报告的章节；可用章节：" + listZH("sections")
        case .titleEmpty: return "标题为空：请写明发生了什么、在哪里"
        case .titleUnchanged: return "本次运行已是这个标题"
        case .notificationNotSent: return "本次运行没有发给 \(t("person")) 的通知 '\(t("notification"))'"
        case .notificationAcknowledgedAlready: return "\(t("person")) 已确认过 '\(t("notification"))'"
        case .outcomeNotReached: return "本次运行尚未到达结果；到达结果后再签署报告"
        case .levelUndefined: return "未定义严重级别 \(q("level"))" + shiFouZhi
        case .gradedAlready: return "本次运行已定级为 \(q("level"))；如需调整，请用 regrade 重新定级"
        case .gradeNotAllowed: return "\(t("person")) 无权为本次运行定级：应由定级步骤的负责人定级"
        case .notGraded: return "本次运行尚未定级"
        case .regradeToSameLevel: return "本次运行已定级为 \(q("level"))"
        case .regradeNotAllowed: return "只有应急总指挥（或其代理）可以重新定级"
        case .runEnded: return "本次运行已经结束"
        case .abortNotAllowed: return "只有应急总指挥（或其代理）可以中止本次运行"
        case .chainUndefined:
            return "本预案没有可随时发起的流程 \(q("chain"))"
                + (!shiFouZhi.isEmpty ? shiFouZhi
                    : rejection.list("chains").isEmpty ? "；本预案没有此类流程" : "；可发起：" + listZH("chains"))
        case .chainAfterOutcome: return "本次运行已到达结果：不能再发起 \(q("chain"))"
        case .chainRunning: return "\(q("chain")) 已在进行中；进行中的步骤：" + listZH("active")
        case .chainNotAllowed:
            return "\(t("person")) 无权发起 \(q("chain"))：须由 " + listZH("roles") + "（或其代理人）发起"
        case .instructionUndefined: return "本预案没有持续指令 \(q("instruction"))" + shiFouZhi
        case .instructionNotStanding: return "持续指令 \(q("instruction")) 当前未生效" + tailZH("生效中", "standing")
        case .stepUndefined: return "本预案未定义步骤 \(q("step"))" + shiFouZhi
        case .stepNotActive: return "步骤 \(q("step")) 不在进行中" + tailZH("进行中的步骤", "active")
        case .stepDoneEarlier: return "步骤 \(q("step")) 不在进行中（此前已完成）" + tailZH("进行中的步骤", "active")
        case .stepNotApproval: return "步骤 \(q("step")) 不是审批步骤"
        case .stepNotDecision: return "步骤 \(q("step")) 不是决策步骤"
        case .stepIsDecision: return "步骤 \(q("step")) 是决策步骤：请用 'decide' 选定一个选项"
        case .stepIsApproval: return "步骤 \(q("step")) 是审批步骤：请用 'approve' 批准或 'deny' 驳回"
        case .stepIsParallel: return "步骤 \(q("step")) 在其并行线汇合时自动完成"
        case .stepAcknowledgedAlready: return "步骤 \(q("step")) 已确认，无需重复确认"
        case .itemsUnticked: return "步骤 \(q("step")) 还有未勾选的检查项：" + listZH("items")
        case .factsMissing: return "步骤 \(q("step")) 需要先记录以下信息：" + listZH("facts")
        case .gradeFirst: return "步骤 \(q("step")) 负责定级：请先用 'grade 级别' 定级"
        case .optionUndefined: return "\(q("option")) 不是步骤 \(q("step")) 的选项；可选项：" + listZH("options")
        case .approvalByAsker:
            return "\(t("person")) 担任提出此审批的 \(q("owner"))，不能再对它作出决定；须由 \(q("approver")) 的"
                + "另一位担任者（或其代理人）审批"
        case .signedAlreadyByPerson:
            return "\(t("person")) 已以 \(q("role")) 的身份签署步骤 \(q("step"))；此步骤须由两人一同签署：应由 \(q("other")) 的"
                + "另一位担任者（或其代理人）签署"
        case .signedAlready: return "步骤 \(q("step")) 已签署"
        case .itemUndefined:
            return "\(q("item")) 不是步骤 \(q("step")) 的检查项"
                + (rejection.list("items").isEmpty ? "；该步骤没有检查项" : "；检查项：" + listZH("items"))
        case .itemTickedAlready: return "步骤 \(q("step")) 的检查项 \(q("item")) 已勾选"
        case .factUndefined: return "未定义记录信息 \(q("fact"))" + shiFouZhi
        case .valueNotAChoice: return "\(q("value")) 不是 \(q("fact")) 的可选值；可选值：" + listZH("values")
        case .valueNotANumber: return "\(q("fact")) 须为数值，\(q("value")) 不是数值"
        case .valueNotAFlag: return "\(q("fact")) 只能取 是 或 否（true 或 false），不能是 \(q("value"))"
        case .noStepRecords: return "没有进行中的步骤记录 \(q("fact"))"
        case .recordNotAllowed: return "\(t("person")) 无权记录 \(q("fact"))"
        case .factNotRecorded: return "\(q("fact")) 尚未记录：请直接记录，而不是更正"
        case .correctionWithoutReason: return "更正需要说明理由（--why）"
        case .valueUnchanged: return "\(q("fact")) 已经是 \(zh("value"))"
        case .correctionNotAllowed: return "只有应急总指挥（或其代理）或记录 \(q("fact")) 的步骤负责人可以更正它"
        case .notOnStaff, .notAController, .notAnEvaluator, .objectiveUndefined, .observationEmpty, .ratingUndefined,
            .ratingWithoutJustification, .injectUndefined, .injectDoneAlready, .adHocInjectIncomplete, .markedAlready,
            .pausedAlready, .notPaused, .roleNotScripted, .roleScriptedAlready, .roleNotScriptedNow, .unattendedAllScripted,
            .improvementIncomplete, .statusUndefined:
            return exerciseStaffChinese
        }
    }
}
