import PlaybookLanguage

/// The words of the command line's own output and of the run board, in English and Chinese.
public struct Labels: Sendable {
    /// The language the words are given in.
    public let language: Language

    /// The words in `language`.
    public init(language: Language) {
        self.language = language
    }

    private static let chinese: [String: String] = [
        "run": "运行", "playbook": "预案", "severity": "严重级别", "not graded": "未定级", "started": "开始",
        "active steps": "进行中的步骤", "none": "无", "owner": "负责人", "due in": "剩余", "overdue by": "逾期",
        "milestones": "里程碑", "met": "已达成", "early": "提前", "late": "延迟", "missed": "已错过",
        "due at": "截止", "pending": "待定", "outcome": "结果", "closed": "已结束", "live": "实战", "drill": "演练", "rehearsal": "实时演练", "practice": "练习",
        "acknowledged": "已确认", "not acknowledged": "未确认", "unassigned": "未指派", "items": "检查项",
        "facts": "事实", "seq": "序号", "people": "人员", "ok": "完成", "refused": "已拒绝",
        "escalated to": "已升级至", "waiting for approval by": "待审批人", "decide": "请决定",
        "fault at": "故障发生于", "at any time": "随时可发起", "raised by": "发起人", "running": "进行中",
        "standing instructions": "持续指令", "signed": "签署", "released by": "解除人", "from the fault": "自故障发生起",
    ]

    /// The word in the output language (`english` itself when the table has no Chinese for it).
    public func callAsFunction(_ english: String) -> String {
        language == .zh ? Self.chinese[english] ?? english : english
    }
}
