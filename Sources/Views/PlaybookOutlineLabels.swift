import PlaybookLanguage

/// The words `muster show` and `muster graph` add around a playbook's own texts, in English and Chinese.
///
/// Ids, durations and conditions are the playbook's own and print as written; everything else a reader sees
/// comes from here, so that `--lang zh` gives an outline without English words of Muster's own.
struct PlaybookOutlineLabels: Sendable {
    // Header and sections.
    var id: String
    var version: String
    var roles: String
    var standIn: String
    var severityLevels: String
    var milestones: String
    var facts: String
    var mainSteps: String
    var afterEndSteps: String
    var outcomes: String
    var atAnyTime: String
    var raisedBy: String
    var standing: String
    var releasedBy: String
    var togetherWith: String

    // Milestones.
    var within: String
    var fromStart: String
    var fromOutcome: String
    var fromFault: String
    var reachedWhen: String
    var anyOutcome: String
    var worstCase: String
    var met: String
    var missed: String
    var notReached: String
    var slowestPath: String
    var noDeadline: String

    // Facts.
    var oneOf: String
    var number: String
    var text: String
    var flag: String

    // Steps.
    var kind: String
    var owner: String
    var deadlines: String
    var instructions: String
    var checklist: String
    var records: String
    var grades: String
    var setsSeverity: String
    var escalation: String
    var next: String
    var ifCondition: String
    var otherwise: String
    var question: String
    var options: String
    var onExpiry: String
    var approver: String
    var approved: String
    var denied: String
    var waitsFor: String
    var signal: String
    var join: String
    var tracks: String
    var track: String
    var startsAt: String
    var source: String
    var phaseMain: String
    var phaseAfterEnd: String

    // Deadlines and escalation phrases.
    var ackWithin: String
    var doneWithin: String
    var progressEvery: String
    var decideWithin: String
    var answerWithin: String
    var waitAtMost: String
    var notify: String
    var reassignTo: String
    var goTo: String
    var takeOption: String
    var expiry: String
    var start: String

    /// Separators of lists, clauses and a label from its value, and the brackets around a gloss such as a
    /// title after an id.
    var listSeparator: String
    var comma: String
    var clauseSeparator: String
    var colon: String
    var openGloss: String
    var closeGloss: String

    /// "after 5m" / "5m 后".
    var after: @Sendable (String) -> String
    /// The join rule in words.
    var joinRule: @Sendable (ParallelBlock.Join) -> String
    /// The name of a step kind.
    var kindName: @Sendable (Step.Kind) -> String
    /// The name of an outcome kind.
    var outcomeKind: @Sendable (Outcome.Kind) -> String

    /// `text` with a gloss after it: `assess (Assess and grade)` / `assess（研判并定级）`.
    func glossed(_ text: String, _ gloss: String?) -> String {
        guard let gloss, !gloss.isEmpty, gloss != text else { return text }
        return text + openGloss + gloss + closeGloss
    }

    /// The labels for `language`.
    static func forLanguage(_ language: Language) -> PlaybookOutlineLabels {
        language == .zh ? chinese : english
    }

    static let english = PlaybookOutlineLabels(
        id: "id", version: "version", roles: "Roles", standIn: "stand-in",
        severityLevels: "Severity levels, most severe first", milestones: "Milestones", facts: "Facts",
        mainSteps: "Steps, from", afterEndSteps: "Steps after the outcome", outcomes: "Outcomes",
        atAnyTime: "At any time (muster raise RUN CHAIN)", raisedBy: "raised by", standing: "stands", releasedBy: "until released by", togetherWith: "with",
        within: "within", fromStart: "from the start", fromOutcome: "from the outcome", fromFault: "from the fault", reachedWhen: "reached when",
        anyOutcome: "any outcome is reached", worstCase: "worst case", met: "met", missed: "missed",
        notReached: "not reached", slowestPath: "slowest path", noDeadline: "no deadline on",
        oneOf: "one of", number: "number", text: "text", flag: "yes or no",
        kind: "kind", owner: "owner", deadlines: "deadlines", instructions: "instructions", checklist: "checklist",
        records: "records", grades: "grades", setsSeverity: "sets the severity level", escalation: "escalation",
        next: "next", ifCondition: "if", otherwise: "else", question: "question", options: "options",
        onExpiry: "on expiry", approver: "approved by", approved: "approved", denied: "denied",
        waitsFor: "waits for", signal: "signal", join: "join", tracks: "tracks", track: "track",
        startsAt: "starts at", source: "source", phaseMain: "main phase", phaseAfterEnd: "after the outcome",
        ackWithin: "acknowledge within", doneWithin: "done within", progressEvery: "progress every",
        decideWithin: "decide within", answerWithin: "answer within", waitAtMost: "wait at most",
        notify: "notify", reassignTo: "reassign to", goTo: "go to", takeOption: "take", expiry: "expiry",
        start: "start",
        listSeparator: ", ", comma: ", ", clauseSeparator: "; ", colon: ": ", openGloss: " (", closeGloss: ")",
        after: { "after \($0)" },
        joinRule: { join in
            switch join {
            case .all: "when all tracks have ended"
            case .any: "when the first track ends"
            case .count(let count): "when \(count) tracks have ended"
            }
        },
        kindName: { kind in
            switch kind {
            case .action: "action"
            case .decide: "decision"
            case .approve: "approval"
            case .parallel: "parallel"
            case .wait: "wait"
            }
        },
        outcomeKind: { $0.rawValue })

    static let chinese = PlaybookOutlineLabels(
        id: "编号", version: "版本", roles: "角色", standIn: "代理",
        severityLevels: "严重级别（由重到轻）", milestones: "里程碑", facts: "记录信息",
        mainSteps: "步骤，起始于", afterEndSteps: "结束后的步骤", outcomes: "结果",
        atAnyTime: "随时可发起（muster raise 运行 流程）", raisedBy: "发起人", standing: "须保持", releasedBy: "解除人", togetherWith: "会同",
        within: "时限", fromStart: "自启动起", fromOutcome: "自结束起", fromFault: "自故障发生起", reachedWhen: "达成条件",
        anyOutcome: "到达任一结果", worstCase: "最坏情况", met: "满足", missed: "超时",
        notReached: "不可达", slowestPath: "最慢路径", noDeadline: "无时限的步骤",
        oneOf: "取值之一", number: "数值", text: "文本", flag: "是或否",
        kind: "类型", owner: "负责人", deadlines: "时限", instructions: "说明", checklist: "检查项",
        records: "记录", grades: "定级", setsSeverity: "确定事件等级", escalation: "升级",
        next: "下一步", ifCondition: "若", otherwise: "否则", question: "问题", options: "选项",
        onExpiry: "超时", approver: "审批人", approved: "批准", denied: "驳回",
        waitsFor: "等待", signal: "信号", join: "汇合", tracks: "并行线", track: "并行线",
        startsAt: "起始于", source: "来源", phaseMain: "主流程", phaseAfterEnd: "结束后",
        ackWithin: "确认时限", doneWithin: "完成时限", progressEvery: "进展报告间隔",
        decideWithin: "决策时限", answerWithin: "审批时限", waitAtMost: "最长等待",
        notify: "通知", reassignTo: "转交", goTo: "转至", takeOption: "采用", expiry: "超时",
        start: "开始",
        listSeparator: "、", comma: "，", clauseSeparator: "；", colon: "：", openGloss: "（", closeGloss: "）",
        after: { "\($0) 后" },
        joinRule: { join in
            switch join {
            case .all: "全部并行线结束时"
            case .any: "第一条并行线结束时"
            case .count(let count): "\(count) 条并行线结束时"
            }
        },
        kindName: { kind in
            switch kind {
            case .action: "执行"
            case .decide: "决策"
            case .approve: "审批"
            case .parallel: "并行"
            case .wait: "等待"
            }
        },
        outcomeKind: { kind in
            switch kind {
            case .success: "成功"
            case .partial: "部分成功"
            case .failure: "失败"
            case .aborted: "中止"
            }
        })
}
