import PlaybookLanguage

/// The words `muster print` adds around a playbook's own texts, in English and Chinese.
///
/// Everything on the paper that is not the playbook's own text comes from here (or from `PlaybookOutlineLabels`),
/// so that `--lang zh` gives a checklist without English words; the Chinese checklist names roles, steps, options
/// and clocks by their titles, while the English one keeps the ids beside them for the playbook's authors.
struct PaperChecklistLabels: Sendable {
    var paperChecklist: String
    var useWhen: String
    var howToFill: String
    var run: String
    var runID: String
    var date: String
    var commander: String
    var severityLevel: String
    var startedAt: String
    var endedAt: String
    var roles: String
    var heldBy: String
    var phone: String
    var severityLevels: String
    var level: String
    var title: String
    var clocks: String
    var milestones: String
    var reachedAt: String
    /// After a step's title: what reaches a milestone, in Chinese (English shows `step.done`).
    var triggerStarted: String
    var triggerAcknowledged: String
    var triggerDone: String
    var mainSteps: String
    var afterEndSteps: String
    var afterEndNote: String
    var track: String
    var trackEnded: String
    var owner: String
    var deadline: String
    var instructions: String
    var checklist: String
    var record: String
    var grade: String
    var decision: String
    var ifNoDecision: String
    var approval: String
    var approverName: String
    var ifNoAnswer: String
    var waitFor: String
    var signal: String
    var waitEnded: String
    var join: String
    var next: String
    var escalation: String
    var started: String
    var done: String
    var initials: String
    var notes: String
    var outcomes: String
    var outcomeReached: String
    var yes: String
    var no: String
    var footer: String
    var signedBy: String
    var time: String
    var stepKind: String

    /// The labels for `language`.
    static func forLanguage(_ language: Language) -> PaperChecklistLabels {
        language == .zh ? chinese : english
    }

    static let english = PaperChecklistLabels(
        paperChecklist: "Paper checklist",
        useWhen: "For when Muster cannot be used (no power, no network): work down the steps in order, tick the boxes, write times (HH:MM) and initials.",
        howToFill: "Tick one box where there is a choice; write values on the lines.",
        run: "This run", runID: "Run id", date: "Date", commander: "Commander", severityLevel: "Severity level",
        startedAt: "Started at", endedAt: "Ended at", roles: "Roles", heldBy: "held by", phone: "phone",
        severityLevels: "Severity levels and their clocks", level: "level", title: "title", clocks: "clocks",
        milestones: "Milestones", reachedAt: "reached at",
        triggerStarted: " started", triggerAcknowledged: " acknowledged", triggerDone: " done",
        mainSteps: "Steps, from", afterEndSteps: "After the outcome",
        afterEndNote: "Obligations once the run has reached its outcome.",
        track: "Track", trackEnded: "track ended at",
        owner: "Owner", deadline: "Deadline", instructions: "Instructions", checklist: "Checklist", record: "Record",
        grade: "Grade the event", decision: "Decision", ifNoDecision: "if no decision in time",
        approval: "Approval by", approverName: "approver's name", ifNoAnswer: "if no answer in time",
        waitFor: "Wait for", signal: "signal", waitEnded: "wait ended at", join: "Join", next: "Next",
        escalation: "Escalation", started: "Started", done: "Done", initials: "Initials", notes: "Notes",
        outcomes: "Outcome", outcomeReached: "reached at", yes: "yes", no: "no",
        footer: "Afterwards: enter this paper record into muster as soon as it can be used again — start the run, then journal each step, fact, decision and approval with the times written here, add a note that the record was kept on paper, and keep this sheet with the run's report.",
        signedBy: "Recorded by", time: "time", stepKind: "kind")

    static let chinese = PaperChecklistLabels(
        paperChecklist: "纸质检查单",
        useWhen: "在无法使用 Muster 时（停电、断网）使用：按顺序逐步执行，勾选方框，填写时间（时:分）和签名缩写。",
        howToFill: "有选项处只勾一项；数值写在横线上。",
        run: "本次运行", runID: "运行编号", date: "日期", commander: "应急总指挥", severityLevel: "事件等级",
        startedAt: "开始时间", endedAt: "结束时间", roles: "角色", heldBy: "担任人", phone: "电话",
        severityLevels: "严重级别及时限", level: "级别", title: "名称", clocks: "时限",
        milestones: "里程碑", reachedAt: "达成时间",
        triggerStarted: "开始", triggerAcknowledged: "已确认", triggerDone: "完成",
        mainSteps: "步骤，起始于", afterEndSteps: "结束后的步骤",
        afterEndNote: "运行到达结果之后仍须完成的事项。",
        track: "并行线", trackEnded: "并行线结束时间",
        owner: "负责人", deadline: "时限", instructions: "说明", checklist: "检查项", record: "记录",
        grade: "确定事件等级", decision: "决策", ifNoDecision: "超时未决策时",
        approval: "审批人", approverName: "审批人姓名", ifNoAnswer: "超时未答复时",
        waitFor: "等待", signal: "信号", waitEnded: "等待结束时间", join: "完成条件", next: "下一步",
        escalation: "升级", started: "开始", done: "完成", initials: "签名", notes: "备注",
        outcomes: "结果", outcomeReached: "到达时间", yes: "是", no: "否",
        footer: "事后：Muster 恢复可用后，立即将本纸质记录录入 Muster——启动运行，按此处记录的时间逐项登记步骤、事实、决策和审批，添加备注说明本次记录为纸质记录，并将本表与运行报告一并存档。",
        signedBy: "记录人", time: "时间", stepKind: "类型")
}
