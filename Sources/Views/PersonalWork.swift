import Diagnostics
import JSONText
import PlaybookLanguage
import Reporting
import RunEngine

/// One person's work on one run, as `inbox` and `watch --as` show it: the steps they own with the time left,
/// the approvals and decisions waiting for them, the progress reports they owe (and how many they missed), and
/// the escalations that reached them with what became of each.
public struct PersonalWork: Sendable {
    /// The run's id.
    public let runID: String
    /// The run's pinned playbook.
    public let playbook: Playbook
    /// The run's state, folded from its journal.
    public let state: RunState
    /// Whose work it is.
    public let person: String
    /// The instant the work is shown at, in milliseconds since the epoch.
    public let now: Int64
    /// The language of the words and of the playbook's texts.
    public let language: Language
    /// The zone instants are shown in: local times with their offset.
    public let time: LocalTime

    /// The work of `person` on the run in `state`, as of `now`, its instants in `time`'s zone.
    public init(runID: String, playbook: Playbook, state: RunState, person: String, now: Int64, language: Language,
                time: LocalTime = .utc) {
        self.runID = runID
        self.playbook = playbook
        self.state = state
        self.person = person
        self.now = now
        self.language = language
        self.time = time
    }

    /// What is asked of the person on one step.
    struct Item {
        enum Kind: String { case `do`, approve, decide }
        var step: String
        var title: String
        var kind: Kind
        /// When it is due (done or expiry), if it has a deadline.
        var dueAt: Int64?
        /// When the next progress report is due, if the step asks for them, and how many were missed.
        var nextReportAt: Int64?
        var missedReports: Int
    }

    /// The roles the person holds.
    public var roles: Set<String> { Set(state.holders.filter { $0.value == person }.map(\.key)) }

    var items: [Item] {
        let roles = roles
        var items: [Item] = []
        for stepID in state.activeOrder {
            guard let open = state.active[stepID], let step = playbook.allSteps.first(where: { $0.id == stepID }) else {
                continue
            }
            let title = step.title.text(language)
            let nextReport = state.timers.values.filter { $0.purpose == .step(stepID, .progress) }.map(\.fireAt).min()
            if case .approve(let approval) = step.kind {
                if roles.contains(approval.approver.value) {
                    items.append(Item(step: stepID, title: title, kind: .approve, dueAt: open.due.expiry ?? open.due.done,
                                      nextReportAt: nil, missedReports: 0))
                }
                continue
            }
            if let together = step.togetherWith?.value, roles.contains(together), open.signatures[together] == nil,
                !open.signatures.values.contains(person)
            {
                items.append(Item(step: stepID, title: title, kind: .do, dueAt: open.due.done ?? open.due.expiry,
                                  nextReportAt: nil, missedReports: 0))
                continue
            }
            guard let owner = open.owner, roles.contains(owner) else { continue }
            let kind: Item.Kind = if case .decide = step.kind { .decide } else { .do }
            items.append(Item(step: stepID, title: title, kind: kind, dueAt: open.due.done ?? open.due.expiry,
                              nextReportAt: nextReport, missedReports: open.missedReports))
        }
        return items
    }

    /// The escalations and other notifications that were for the person.
    var notifications: [Outbox.Delivery] { state.outbox.deliveries.filter { $0.recipient == person } }

    /// In a drill, the injects sent to the person's roles, the latest last (marked as a drill's).
    var injects: DrillInjectLines {
        DrillInjectLines(state: state, language: language, roles: roles, playbook: playbook)
    }

    /// The heading of the person's own injects.
    var injectsHeading: String {
        language == .zh ? "发给你的角色的演练情景注入" : "drill injects to your roles"
    }

    /// Whether nothing is asked of the person, no notification was for them and no inject went to their roles.
    public var isEmpty: Bool {
        items.isEmpty && notifications.isEmpty && (state.standing.isEmpty || roles.isEmpty) && injects.sent.isEmpty
    }

    /// The work as lines for people, each ending in a newline.
    public func render() -> String {
        let zh = language == .zh
        let names = BoardNames(playbook, language: language)
        let span = names.span
        var out = zh ? "\(person) 在运行 \(runID)（\(playbook.title.text(language))）中的工作：\n"
            : "\(person)'s work on \(runID) (\(playbook.title.text(language))):\n"
        if !roles.isEmpty {
            out += StandingInstructionLines(runID: runID, playbook: playbook, state: state, language: language)
                .render(indent: "  ", spaced: false)
        }
        if items.isEmpty { out += zh ? "  没有等你处理的步骤\n" : "  no step waits for you\n" }
        for item in items {
            let verb = switch item.kind {
            case .do: zh ? "完成" : "do"
            case .approve: zh ? "审批" : "approve"
            case .decide: zh ? "决定" : "decide"
            }
            var line = "  \(verb) \(item.step)  \(item.title)"
            if let due = item.dueAt {
                line += due >= now ? (zh ? "  剩余 \(span(due - now))" : "  due in \(span(due - now))")
                    : (zh ? "  已逾期 \(span(now - due))" : "  overdue by \(span(now - due))")
            }
            if let report = item.nextReportAt {
                let next = span(max(0, report - now))
                line += zh ? "  下次进展报告 \(next) 后" : "  next progress report in \(next)"
            }
            if item.missedReports > 0 {
                line += zh ? "  （已漏报 \(item.missedReports) 次）" : "  (\(item.missedReports) report\(item.missedReports == 1 ? "" : "s") missed)"
            }
            out += line + "\n"
        }
        let injects = injects
        if !injects.lines.isEmpty {
            out += "  \(injectsHeading):\n"
            if let note = injects.earlierNote(runID: runID) { out += "    (\(note))\n" }
            for line in injects.lines {
                let to = line.roles.isEmpty ? "" : " → " + injects.rolesText(line.roles)
                out += "    \(time.instant(line.at))\(to)  \(TerminalText.line(line.text))\n"
            }
        }
        for delivery in notifications.suffix(5) {
            let message = delivery.said(zh ? .zh : .en, names: PlaybookNames(playbook))
            let status = switch delivery.status {
            case .pending: zh ? "待送达" : "pending"
            case .sent: zh ? "已送达" : "sent"
            case .failed: zh ? "未送达" : "failed"
            case .acknowledged: zh ? "已确认" : "acknowledged"
            }
            out += "  ! \(time.instant(delivery.requestedAt)) \(delivery.notification) [\(status)] \(TerminalText.line(message))\n"
        }
        return out
    }

    /// The work as JSON: run, person, roles, steps (with `due_at` and `next_report_at` in milliseconds since the
    /// epoch), the drill injects sent to the person's roles (`at` likewise; `text` marked as a drill's, in the
    /// language asked for) and notifications.
    public func json() -> JSONValue {
        let injectLines = injects
        let injects: [JSONValue] = injectLines.sent.map { inject in
            .object([
                "id": .string(inject.id), "roles": .array(inject.roles.map(JSONValue.string)),
                "at": .integer(inject.at), "text": .string(injectLines.text(of: inject)),
            ])
        }
        return .object([
            "run": .string(runID), "person": .string(person), "roles": .array(roles.sorted().map(JSONValue.string)),
            "steps": .array(items.map { item in
                .object([
                    "step": .string(item.step), "title": .string(item.title), "kind": .string(item.kind.rawValue),
                    "due_at": item.dueAt.map(JSONValue.integer) ?? .null,
                    "next_report_at": item.nextReportAt.map(JSONValue.integer) ?? .null,
                    "missed_reports": .integer(Int64(item.missedReports)),
                ])
            }),
            "injects": .array(injects),
            "notifications": .array(notifications.map { delivery in
                .object([
                    "id": .string(delivery.notification), "message": .string(delivery.message),
                    "requested_at": .integer(delivery.requestedAt),
                    "status": .string({
                        switch delivery.status {
                        case .pending: "pending"
                        case .sent: "sent"
                        case .failed: "failed"
                        case .acknowledged: "acknowledged"
                        }
                    }()),
                ])
            }),
        ])
    }
}
