import PlaybookLanguage
import RunEngine

/// The words of reports in English and Chinese, and how instants, spans and events read in each.
public struct ReportWords: Sendable {
    /// `en` or `zh`.
    public let language: Language

    /// The zone instants are shown in.
    public let time: LocalTime

    /// Step titles by id, so that describing an event is a lookup, not a walk over the playbook.
    private let stepTitles: [String: LocalizedText]
    /// Role, severity, milestone and outcome titles by id, and checklist item texts by step and item.
    private let roleTitles: [String: LocalizedText]
    private let severityTitles: [String: LocalizedText]
    private let milestoneTitles: [String: LocalizedText]
    private let outcomeTitles: [String: LocalizedText]
    private let factTitles: [String: LocalizedText]
    private let optionTitles: [String: LocalizedText]
    /// Parallel tracks' titles by step and track.
    private let trackTitles: [String: LocalizedText]
    /// Choice values' titles by fact and value.
    private let valueTitles: [String: LocalizedText]
    /// The wait step each signal ends, by the signal's name.
    private let signalSteps: [String: String]
    /// The step that continues in another playbook, by that playbook's id.
    private let continuingSteps: [String: String]
    /// Every title of the playbook, for the messages built from codes (refusals, the engine's own messages).
    public let names: PlaybookNames

    public init(language: Language, playbook: Playbook? = nil, time: LocalTime = .utc) {
        self.language = language
        self.time = time
        var titles: [String: LocalizedText] = [:]
        var options: [String: LocalizedText] = [:]
        var tracks: [String: LocalizedText] = [:]
        var signals: [String: String] = [:]
        var continuing: [String: String] = [:]
        for step in playbook?.allSteps ?? [] {
            if titles[step.id] == nil { titles[step.id] = step.title }
            if case .wait(let wait) = step.kind, let signal = wait.signal, signals[signal] == nil { signals[signal] = step.id }
            if let other = step.continueIn?.playbook.value, continuing[other] == nil { continuing[other] = step.id }
            if case .decide(let decision) = step.kind {
                for option in decision.options { options[step.id + "\u{0}" + option.id] = option.title }
            }
            if case .parallel(let block) = step.kind {
                for track in block.tracks { tracks[step.id + "\u{0}" + track.id] = track.title }
            }
        }
        stepTitles = titles
        signalSteps = signals
        continuingSteps = continuing
        optionTitles = options
        trackTitles = tracks
        func byID<T>(_ items: [T], _ id: KeyPath<T, String>, _ title: KeyPath<T, LocalizedText>) -> [String: LocalizedText] {
            var out: [String: LocalizedText] = [:]
            for item in items where out[item[keyPath: id]] == nil { out[item[keyPath: id]] = item[keyPath: title] }
            return out
        }
        roleTitles = byID(playbook?.roles ?? [], \.id, \.title)
        severityTitles = byID(playbook?.severities ?? [], \.id, \.title)
        milestoneTitles = byID(playbook?.milestones ?? [], \.id, \.title)
        outcomeTitles = byID(playbook?.outcomes ?? [], \.id, \.title)
        factTitles = byID(playbook?.facts ?? [], \.id, \.title)
        var values: [String: LocalizedText] = [:]
        for fact in playbook?.facts ?? [] {
            for (value, title) in fact.valueTitles { values[fact.id + "\u{0}" + value] = title }
        }
        valueTitles = values
        names = playbook.map(PlaybookNames.init) ?? PlaybookNames()
    }

    /// A role by its title (`Tech lead`, `应急技术经理`), its id when the playbook has no such role.
    public func role(_ id: String) -> String { roleTitles[id].map(text) ?? id }

    /// A role's title and the person holding it: `Tech lead carol` / `应急技术经理 carol`.
    public func role(_ id: String, heldBy person: String?) -> String {
        role(id) + (person.map { " \($0)" } ?? "")
    }

    /// A severity level by its title (`Fatal`, `致命`).
    public func severity(_ id: String) -> String { severityTitles[id].map(text) ?? id }

    /// A milestone by its title.
    public func milestone(_ id: String) -> String { milestoneTitles[id].map(text) ?? id }

    /// An outcome by its title.
    public func outcome(_ id: String) -> String { outcomeTitles[id].map(text) ?? id }

    /// A step by its title.
    public func step(_ id: String) -> String { stepTitles[id].map(text) ?? id }

    /// A fact by its title.
    public func fact(_ id: String) -> String { factTitles[id].map(text) ?? id }

    /// A value recorded for fact `id` by its title, as recorded when the playbook gives it none.
    public func value(_ value: String, of id: String) -> String {
        valueTitles[id + "\u{0}" + value].map(text) ?? value
    }

    /// A decision's option by its title.
    public func option(_ option: String, of step: String) -> String {
        optionTitles[step + "\u{0}" + option].map(text) ?? option
    }

    /// A track of parallel step `step` by its title, its id when the playbook gives none.
    public func track(_ track: String, of step: String) -> String {
        trackTitles[step + "\u{0}" + track].map(text).flatMap { $0.isEmpty ? nil : $0 } ?? track
    }

    /// A command by what it does, in the report's language: in English the name people type (`approve`, `tick`,
    /// `drill rate`), in Chinese its meaning (`审批`), so that a Chinese reader meets no English word.
    /// `name` is the command's name as the journal holds it (`Command.Kind.name`, a staff action's name).
    public func command(_ name: String) -> String {
        guard language == .zh else { return Self.typed[name] ?? name }
        return Self.chineseCommands[name] ?? name
    }

    /// The journal's command names that differ from what people type.
    private static let typed: [String: String] = ["check": "tick"]

    private static let chineseCommands: [String: String] = [
        "ack": "确认", "progress": "报告进展", "check": "勾选检查项", "done": "完成", "record": "记录",
        "correct": "更正", "decide": "决定", "approve": "审批", "deny": "驳回", "note": "备注", "join": "加入",
        "handover": "交接", "grade": "定级", "regrade": "调整级别", "signal": "信号", "abort": "中止",
        "signoff": "签收", "title": "事件标题", "received": "收到", "raise": "发起", "release": "解除",
        "drill observe": "演练观察", "drill rate": "演练评定", "drill inject": "演练注入", "drill cancel": "取消注入",
        "drill mark": "演练标记", "drill script": "交由脚本扮演", "drill unscript": "收回脚本扮演",
        "drill improve": "改进措施",
    ]

    /// How an outcome counts, in words: `success` → "succeeded" / "成功".
    public func outcomeKind(_ kind: String) -> String {
        let zh = language == .zh
        switch kind {
        case "success": return zh ? "成功" : "succeeded"
        case "partial": return zh ? "部分成功" : "partly succeeded"
        case "failure": return zh ? "失败" : "failed"
        case "aborted": return zh ? "已中止" : "aborted"
        default: return kind
        }
    }

    private static let chinese: [String: String] = [
        "Run report": "应急处置记录", "Fault report": "机房故障报告", "Emergency work report": "应急保障工作报告",
        "Playbook": "预案", "Version": "版本", "Content hash": "内容哈希", "Mode": "方式", "live": "实战", "drill": "演练",
        "Clock": "时钟", "real": "真实", "virtual": "虚拟", "Started": "开始", "Ended": "结束", "Closed": "关闭",
        "Outcome": "结果", "Severity": "严重级别", "not graded": "未定级", "Severity changes": "级别变更",
        "Timeline": "时间线", "Steps": "步骤", "Milestones": "里程碑", "Decisions": "决策", "Approvals": "审批",
        "Escalations and notifications": "升级与通知", "Escalations": "升级", "Notifications": "通知", "Handovers": "交接", "Notes": "备注",
        "Obligations after the end": "善后工作", "delivery": "送达情况", "Lessons": "经验教训", "Integrity": "完整性",
        "Signature": "用户签收", "Facts recorded": "记录的事实", "People": "人员", "Refused commands": "被拒绝的命令",
        "Recorded for others": "代为记录的操作", "done by": "操作人", "recorded by": "记录人",
        "step": "步骤", "owner": "负责人", "activated": "启动", "acknowledged": "确认", "done": "完成", "due": "期限",
        "margin": "余量", "milestone": "里程碑", "reached": "达成", "status": "状态", "met": "按时",
        "late": "超时", "expired, default taken": "已到期，按默认处理", "missed": "错过", "pending": "未到期", "not-reached": "未达成", "handed-over": "已移交关联运行", "when": "时间",
        "who": "人员", "role": "角色", "option": "选项", "why": "理由", "defaulted on expiry": "超时按默认",
        "granted": "批准", "denied": "驳回", "expired": "超时", "rung": "级", "notified": "通知",
        "reassigned to": "改派给", "went to": "转到", "sent": "已送达", "failed": "失败", "from": "从", "to": "至",
        "event": "事件", "text": "内容", "cancelled": "已取消", "open": "进行中", "overdue by": "逾期",
        "early": "提前", "none": "无", "Journal head (SHA-256)": "日志链头 (SHA-256)", "Lines": "行数",
        "Verified": "校验", "yes": "通过", "NO": "未通过", "Not signed by the user yet.": "用户尚未签收。",
        "Signed by": "签收人", "Phenomenon": "故障现象", "Impact": "影响", "Cause": "原因",
        "Handling and result": "处理过程及结果", "Prevention and improvements": "预防与改进措施",
        "Summary": "概述", "Participants": "参与人员", "Key actions": "主要处置", "fact": "事实", "value": "值",
        "measures": "考核", "response": "响应", "repair": "修复", "report": "报告", "Aborted": "已中止",
        "Run": "运行", "level": "级别", "Obligation": "义务", "this report was generated from the journal":
            "本报告由运行日志自动生成", "seq": "序号", "time": "时刻", "+time": "相对时间",
    ]

    /// The heading of a note section (`cause` → "Cause" / "原因").
    public func sectionTitle(_ section: String) -> String {
        switch section {
        case "phenomenon": self("Phenomenon")
        case "impact": self("Impact")
        case "cause": self("Cause")
        case "handling": self("Handling and result")
        case "prevention": self("Prevention and improvements")
        case "lesson": self("Lessons")
        default: section
        }
    }

    /// A word of the report's own text in the report's language.
    /// The report's own machine words (a milestone's status as JSON keeps it: `handed-over`) read as words.
    public func callAsFunction(_ english: String) -> String {
        language == .zh ? Self.chinese[english] ?? english : Self.readable[english] ?? english
    }

    /// The machine words that a reader of English reads otherwise.
    private static let readable: [String: String] = [
        "handed-over": RunLinkLines.handedOver(.en), "not-reached": "not reached",
    ]

    /// A playbook text in the report's language.
    public func text(_ text: LocalizedText?) -> String { text?.text(language) ?? "" }

    /// `2026-11-22 10:53:08 +08:00`: the local time with its offset (`LocalTime.instant`).
    public func instant(_ milliseconds: Int64) -> String { time.instant(milliseconds) }

    /// `10:53:08`, or `11-23 10:53:08` on another day than `reference`: a table's short local time.
    public func short(_ milliseconds: Int64, sameDayAs reference: Int64) -> String {
        time.short(milliseconds, sameDayAs: reference)
    }

    /// `+01:02:03` (`TimeText.relative`).
    public func relative(_ milliseconds: Int64) -> String { TimeText.relative(milliseconds) }

    /// `4m30s` (`TimeText.span`); in Chinese `4分30秒` (`TimeText.chineseSpan`).
    public func span(_ milliseconds: Int64) -> String {
        TimeText.span(milliseconds, language: language)
    }

    /// A margin as "4m early" / "on time" / "overdue by 2m" (in Chinese "提前 4分钟" / "按时" / "逾期 2分钟").
    public func margin(_ milliseconds: Int64) -> String {
        guard milliseconds >= 0 else { return "\(self("overdue by")) \(span(-milliseconds))" }
        guard milliseconds > 0 else { return language == .zh ? "按时" : "on time" }
        return language == .zh ? "\(self("early")) \(span(milliseconds))" : "\(span(milliseconds)) early"
    }

    /// Who did something: `alice (commander)`, `engine`, `inject x` (in Chinese `情景注入`: what it said follows,
    /// not its id).
    public func actor(_ actor: Actor) -> String {
        switch actor {
        case .engine: language == .zh ? "系统" : "engine"
        case .person(let person, let role): person + (role.map { " (\(self.role($0)))" } ?? "")
        case .inject(let id): language == .zh ? "情景注入" : "inject " + id
        }
    }

    /// One line saying what an event was, in the report's language.
    public func describe(_ kind: EventKind, playbook: Playbook) -> String {
        let zh = language == .zh
        func step(_ id: String) -> String {
            let title = (stepTitles[id] ?? playbook.allSteps.first { $0.id == id }?.title)?.text(language) ?? id
            return zh ? "「\(title)」" : "'\(title)'"
        }
        switch kind {
        case .runStarted(let start):
            let started = zh ? "开始运行预案 \(start.version)" : "run of \(start.playbookID) \(start.version) started"
            guard let link = start.continuedFrom else { return started }
            return started + (zh ? "，接续运行 \(link.run)（\(link.playbook)）" : ", continuing run \(link.run) (\(link.playbook))")
        case .personJoined(let person, let role):
            return zh ? "\(person) 担任\(self.role(role))" : "\(person) joined as \(self.role(role))"
        case .handover(let role, let from, let to):
            return zh ? "\(self.role(role))由 \(from ?? "—") 交接给 \(to)"
                : "\(self.role(role)) handed over from \(from ?? "nobody") to \(to)"
        case .severityGraded(let level, _): return zh ? "定级为「\(severity(level))」" : "graded \(severity(level))"
        case .severityRegraded(let from, let to, _):
            return zh ? "级别由「\(severity(from))」调整为「\(severity(to))」"
                : "regraded from \(severity(from)) to \(severity(to))"
        case .stepActivated(let id, let owner, _):
            return zh ? "步骤\(step(id))启动，负责人：\(owner.map(role) ?? "—")"
                : "step \(step(id)) activated for \(owner.map(role) ?? "nobody")"
        case .stepAcknowledged(let id): return zh ? "确认步骤\(step(id))" : "step \(step(id)) acknowledged"
        case .stepProgress(let id, let note):
            return (zh ? "步骤\(step(id))进展" : "progress on \(step(id))") + (note.map { ": \($0)" } ?? "")
        case .checklistItemDone(let id, let item): return zh ? "步骤\(step(id))检查项 \(item) 完成" : "\(step(id)): item \(item) ticked"
        case .factRecorded(let fact, let value, _):
            let shown = self.value(value.description, of: fact)
            return zh ? "记录「\(self.fact(fact))」：\(shown)" : "recorded \(self.fact(fact)): \(shown)"
        case .factCorrected(let fact, let from, let to, let why):
            let (old, new) = (value(from.description, of: fact), value(to.description, of: fact))
            return zh ? "更正「\(self.fact(fact))」：\(old) → \(new)（\(why)）" : "corrected \(self.fact(fact)): \(old) → \(new) (\(why))"
        case .stepCompleted(let id): return zh ? "步骤\(step(id))完成" : "step \(step(id)) done"
        case .stepSigned(let id, let signer): return zh ? "步骤\(step(id))由\(role(signer))签署" : "step \(step(id)) signed for \(role(signer))"
        case .stepReassigned(let id, let to, let why, let whyChinese, let code):
            let said = EngineMessageWords.say(code: code, english: why, chinese: whyChinese, zh ? .zh : .en, names: names)
            return zh ? "步骤\(step(id))改派给\(role(to))：\(said)" : "step \(step(id)) reassigned to \(role(to)): \(said)"
        case .stepOverdue(let id, let clock, let missed):
            // Which deadline passed: the acknowledgement, the progress heartbeat, the completion, or its own bound.
            let chineseClock = switch clock {
            case .ack: "未确认"
            case .progress: "未报进展"
            case .done: "未完成"
            case .expiry: "已到期"
            }
            if missed > 1 {
                return zh ? "步骤\(step(id))逾期（\(chineseClock)，共漏报 \(missed) 次）"
                    : "step \(step(id)) overdue (\(clock.rawValue), \(missed) reports missed)"
            }
            return zh ? "步骤\(step(id))逾期（\(chineseClock)）" : "step \(step(id)) overdue (\(clock.rawValue))"
        case .stepRescheduled(let id, _): return zh ? "步骤\(step(id))期限重算" : "step \(step(id)) rescheduled"
        case .stepCancelled(let id, let why, let whyChinese, let code):
            let said = EngineMessageWords.say(code: code, english: why, chinese: whyChinese, zh ? .zh : .en, names: names)
            return zh ? "步骤\(step(id))取消：\(said)" : "step \(step(id)) cancelled: \(said)"
        case .decisionMade(let id, let option, let why):
            let chosen = self.option(option, of: id)
            return (zh ? "步骤\(step(id))决定：\(chosen)" : "decided \(chosen) on \(step(id))") + (why.map { " — \($0)" } ?? "")
        case .decisionDefaulted(let id, let option):
            let chosen = self.option(option, of: id)
            return zh ? "步骤\(step(id))超时，按默认选择「\(chosen)」" : "no decision on \(step(id)) in time: default \(chosen) taken"
        case .approvalRequested(let id, let approver): return zh ? "步骤\(step(id))请求\(role(approver))审批" : "approval of \(step(id)) asked of \(role(approver))"
        case .approvalGranted(let id, let why): return (zh ? "批准\(step(id))" : "approved \(step(id))") + (why.map { " — \($0)" } ?? "")
        case .approvalDenied(let id, let why): return (zh ? "驳回\(step(id))" : "denied \(step(id))") + (why.map { " — \($0)" } ?? "")
        case .approvalExpired(let id, let granted):
            return zh ? "审批\(step(id))超时，按默认\(granted ? "批准" : "驳回")" : "approval of \(step(id)) expired: \(granted ? "granted" : "denied") by default"
        case .signalReceived(let name):
            // In Chinese the signal is named by the wait it ends, not by its id.
            guard zh else { return "signal \(name) received" }
            return signalSteps[name].map { "收到信号，\(step($0))的等待结束" } ?? "收到信号 \(name)"
        case .trackStarted(let id, let track):
            let name = self.track(track, of: id)
            return zh ? "\(step(id))分支「\(name)」开始" : "track '\(name)' of \(step(id)) started"
        case .trackEnded(let id, let track):
            let name = self.track(track, of: id)
            return zh ? "\(step(id))分支「\(name)」结束" : "track '\(name)' of \(step(id)) ended"
        case .joinCompleted(let id): return zh ? "\(step(id))汇合" : "tracks of \(step(id)) joined"
        case .timerScheduled(let timer, let fireAt, _): return zh ? "计时器 \(timer) 定于 \(instant(fireAt))" : "timer \(timer) set for \(instant(fireAt))"
        case .timerFired(let timer): return zh ? "计时器 \(timer) 到期" : "timer \(timer) fired"
        case .timerCancelled(let timer): return zh ? "计时器 \(timer) 取消" : "timer \(timer) cancelled"
        case .escalationFired(let id, let rung): return zh ? "步骤\(step(id))第 \(rung + 1) 级升级" : "escalation \(rung + 1) of \(step(id)) fired"
        case .notificationRequested(_, let roles, let message, _, let messageChinese, let code):
            let text = EngineMessageWords.say(code: code, english: message, chinese: messageChinese, zh ? .zh : .en,
                                              names: names)
            return (zh ? "通知" : "notify ") + roles.map(role).joined(separator: zh ? "、" : ", ") + (zh ? "：" : ": ") + text
        // A notification by whom it was for, not by its journal id (the row before says what it said).
        case .notificationSent(_, let to): return zh ? "已通知到 \(to)" : "notification sent to \(to)"
        case .notificationFailed(_, let to, let why, let whyChinese, let final):
            if !final {
                return zh ? "这次未能通知到 \(to)：\(whyChinese ?? why)；稍后重试"
                    : "notification to \(to) failed this time: \(why); it will be tried again"
            }
            return zh ? "未能通知到 \(to)：\(whyChinese ?? why)" : "notification to \(to) failed: \(why)"
        case .notificationAcknowledged(_, let by): return zh ? "\(by) 确认收到通知" : "\(by) acknowledged the notification"
        case .milestoneDue(let id, let dueAt):
            return zh ? "里程碑「\(milestone(id))」期限 \(instant(dueAt))" : "milestone \(milestone(id)) due \(instant(dueAt))"
        case .milestoneRecomputed(let id, let dueAt):
            return zh ? "里程碑「\(milestone(id))」期限改为 \(instant(dueAt))" : "milestone \(milestone(id)) now due \(instant(dueAt))"
        case .milestoneReached(let id, let margin):
            return (zh ? "里程碑「\(milestone(id))」达成，" : "milestone \(milestone(id)) reached, ") + self.margin(margin)
        case .milestoneMissed(let id): return zh ? "里程碑「\(milestone(id))」错过" : "milestone \(milestone(id)) missed"
        case .note(let text, let section): return (section.map { "[\(sectionTitle($0))] " } ?? "") + text
        case .injectDelivered(_, let role, let message):
            // The journal keeps a scenario's text in both languages: the reader reads theirs, the role by its title.
            return (zh ? "注入" : "inject") + (role.map { " → \(self.role($0))" } ?? "") + (zh ? "：" : ": ")
                + InjectText.said(message, zh ? .zh : .en)
        case .clockAdvanced(let to): return zh ? "时钟推进至 \(instant(to))" : "clock advanced to \(instant(to))"
        case .exercise(let record): return describe(record)
        case .commandRejected(let command, let refusal):
            let said = RefusalWords.recorded(refusal, zh ? .zh : .en, names: names)
            return zh ? "拒绝命令「\(self.command(command))」：\(said)" : "refused \(self.command(command)): \(said)"
        case .outcomeReached(let outcome, let kind):
            return zh ? "结果：\(self.outcome(outcome))（\(outcomeKind(kind))）" : "outcome: \(self.outcome(outcome)) (\(outcomeKind(kind)))"
        case .runAborted(let why): return zh ? "运行中止：\(why)" : "run aborted: \(why)"
        case .chainRaised(let chain, let why):
            let title = playbook.anyTimeChain(chain)?.title.text(language) ?? chain
            return (zh ? "发起随时流程「\(title)」" : "raised '\(title)'") + (why.map { zh ? "：\($0)" : ": \($0)" } ?? "")
        case .chainEnded(let chain):
            let title = playbook.anyTimeChain(chain)?.title.text(language) ?? chain
            return zh ? "随时流程「\(title)」结束" : "'\(title)' ended"
        case .instructionRaised(let id, _):
            let text = playbook.standingInstruction(id)?.text.text(language) ?? id
            return zh ? "持续指令生效：\(text)" : "standing instruction: \(text)"
        case .instructionReleased(let id, let why):
            let text = playbook.standingInstruction(id)?.text.text(language) ?? id
            return (zh ? "持续指令「\(text)」解除" : "standing instruction '\(text)' released") + (why.map { zh ? "：\($0)" : ": \($0)" } ?? "")
        case .reportSigned(let person): return zh ? "\(person) 签收" : "signed by \(person)"
        case .runTitled(let title): return zh ? "事件标题更正为「\(title)」" : "the incident's title set to '\(title)'"
        case .continueRequested(let request):
            // In Chinese the other playbook is named by the step that continues in it (its id is no reader's).
            if zh { return (continuingSteps[request.playbook].map { "\(step($0))：" } ?? "") + "请求启动关联运行，转入另一预案继续" }
            return "continuing in \(request.playbook): a linked run asked for" + (request.entry.map { ", at step \($0)" } ?? "")
        case .continuedIn(let link):
            return zh ? "已转入关联运行 \(link.run)" : "continued in linked run \(link.run) (\(link.playbook))"
        case .milestoneHandedOver(let id):
            return zh ? "里程碑「\(milestone(id))」已移交，由关联运行承担" : "milestone \(milestone(id)) handed over: the linked run holds it"
        case .runClosed: return zh ? "运行关闭" : "run closed"
        case .journalRepaired(let bytes): return zh ? "日志修复，截去 \(bytes) 字节" : "journal repaired: \(bytes) bytes cut"
        case .clockJumped(let from, let to):
            let size = Duration.format(milliseconds: abs(to - from))
            if to < from { return zh ? "时钟倒退了 \(size)：命令的时间早于运行的上一事件" : "the clock went back \(size): a command came before the run's last event" }
            return zh ? "时钟向前跳了 \(size)：期间到期的计时器一并触发" : "the clock jumped \(size) ahead: the timers due in between fired at once"
        }
    }
}
