import PlaybookLanguage
import Reporting
import RunEngine

/// The board of a run as an HTML page for a web server to serve (`muster watch RUN --html DIR`, `muster status
/// RUN --format html`): severity, the active steps with their owners, time left and absolute local due times,
/// the milestones, the escalations and notifications with what became of each delivery, the people with a link to
/// each one's page, and the last events. A pure function of the run's state and the instant it is drawn at.
public struct RunBoardHTML: Sendable {
    /// One of the last events, with its line number in the journal.
    public struct RecentEvent: Sendable {
        public var seq: Int
        public var event: Event
        public init(seq: Int, event: Event) {
            self.seq = seq
            self.event = event
        }
    }

    public let runID: String
    public let playbook: Playbook
    public let state: RunState
    /// The last events of the run (the board shows up to ten, the latest first).
    public let recent: [RecentEvent]
    /// The instant the page is drawn at (and said to be written at), in milliseconds since the epoch.
    public let now: Int64
    public let language: Language
    public let times: LocalTimes
    /// The link to the index of all runs (`../index.html` in `watch --all --html`), if there is one.
    public let indexLink: String?

    public init(runID: String, playbook: Playbook, state: RunState, recent: [RecentEvent], now: Int64,
                language: Language, times: LocalTimes, indexLink: String? = nil) {
        self.runID = runID
        self.playbook = playbook
        self.state = state
        self.recent = recent
        self.now = now
        self.language = language
        self.times = times
        self.indexLink = indexLink
    }

    /// How many of the last events are shown.
    public static let recentShown = 10

    private func e(_ text: String) -> String { BoardPage.escape(text) }

    /// The page.
    public func render() -> String {
        let label = Labels(language: language)
        let names = BoardNames(playbook, language: language)
        let zh = language == .zh
        var body = "<nav>"
        if let indexLink {
            body += "<a href=\"\(e(BoardPage.file(indexLink, language: language)))\">\(e(zh ? "全部运行" : "all runs"))</a>"
        }
        body += BoardPage.languageLink("index.html", language: language) + "</nav>\n"
        let mode = state.start?.mode == .drill ? label("drill") : label("live")
        body += "<h1>\(e(playbook.title.text(language)))</h1>\n"
        let severity = state.severity.flatMap { playbook.severity($0) }
            .map { zh ? $0.title.text(language) : "\($0.id) · \($0.title.text(language))" }
        body += "<p><span class=\"badge severity\">\(e(label("severity"))): \(e(severity ?? label("not graded")))</span> "
            + "<span class=\"badge\">\(e(mode))</span>"
            + (state.closed ? " <span class=\"badge closed\">\(e(label("closed")))</span>" : "") + "</p>\n"
        body += "<p class=\"meta\">\(e(label("run"))) <span class=\"id\">\(e(runID))</span> · \(e(playbook.id)) "
            + "\(e(playbook.version)) · \(e(label("started"))) <time>\(e(times.instant(state.startedAt)))</time> · "
            + "\(e(label("seq"))) \(state.eventCount)</p>\n"
        for line in RunLinkLines.lines(state, language: language) {
            body += "<p class=\"run-link\">\(e(line))</p>\n"
        }
        if let jump = state.clockJumps.last {
            body += "<p class=\"warn\">" + e(zh
                ? "⚠ 时钟\(jump.size < 0 ? "倒退了" : "向前跳了") \(names.span(jump.size))，已记入日志"
                : "⚠ the clock \(jump.size < 0 ? "went back" : "jumped ahead") \(TimeText.span(jump.size)); journaled")
                + "</p>\n"
        }
        if let outcome = state.outcome {
            let title = playbook.outcome(outcome.id)?.title.text(language) ?? outcome.id
            body += "<p><strong>\(e(label("outcome"))):</strong> \(e(title))"
                + (zh ? "" : " <span class=\"id\">\(e(outcome.id))</span>") + "</p>\n"
        }
        body += BoardPage.section(label("active steps"), activeSteps(label, names), cssClass: "active")
        if !playbook.milestones.isEmpty {
            body += BoardPage.section(label("milestones"), milestones(label, names), cssClass: "milestones")
        }
        let injects = DrillInjectLines(state: state, language: language, playbook: playbook)
        if !injects.lines.isEmpty {
            body += BoardPage.section(injects.heading, injects.html(runID: runID, times: times),
                                      cssClass: "injects")
        }
        body += BoardPage.section(zh ? "升级与通知" : "Escalations and notifications", notifications(names),
                                  cssClass: "notifications")
        body += BoardPage.section(label("people"), people(label, names), cssClass: "people")
        body += BoardPage.section(zh ? "最近事件" : "Last events", lastEvents(), cssClass: "events")
        return BoardPage.document(title: "\(playbook.title.text(language)) · \(runID)", language: language,
                                  writtenAt: now, times: times, body: body)
    }

    private func activeSteps(_ label: Labels, _ names: BoardNames) -> String {
        guard !state.activeOrder.isEmpty else { return BoardPage.none(label("none")) }
        var out = "<ul class=\"cards\">\n"
        for stepID in state.activeOrder {
            guard let open = state.active[stepID], let step = playbook.allSteps.first(where: { $0.id == stepID }) else {
                continue
            }
            let dueAt = open.due.done ?? open.due.expiry
            let overdue = dueAt.map { $0 < now } ?? false
            out += "<li class=\"step\(dueAt == nil ? "" : " timed")\(overdue ? " overdue" : "")\"><div><span class=\"title\">"
                + "\(e(step.title.text(language)))</span> <span class=\"id\">\(e(stepID))</span></div>\n"
            let owner = open.owner.map { role in
                "\(names.role(role)) · \(state.holders[role] ?? label("unassigned"))"
            } ?? "—"
            out += "<div>\(e(label("owner"))): <span class=\"owner\">\(e(owner))</span>"
            if case .approve(let approval) = step.kind {
                let approver = approval.approver.value
                out += " · \(e(label("waiting for approval by"))) <span class=\"owner\">\(e(names.role(approver)))"
                    + (state.holders[approver].map { " · " + e($0) } ?? "") + "</span>"
            }
            out += "</div>\n"
            if let dueAt { out += "<div>" + BoardPage.due(dueAt, now: now, label: label, times: times) + "</div>\n" }
            var notes: [String] = []
            if open.acknowledgedAt == nil, case .parallel = step.kind {} else if open.acknowledgedAt == nil {
                notes.append("<span class=\"warn\">\(e(label("not acknowledged")))</span>")
            }
            if !step.checklist.isEmpty {
                notes.append(e("\(label("items")) \(open.itemsDone.count)/\(step.checklist.count)"))
            }
            if case .decide(let decision) = step.kind {
                notes.append(e("\(label("decide")): "
                    + decision.options.map { names.option($0.id, of: stepID) }.joined(separator: " | ")))
            }
            if open.missedReports > 0 {
                notes.append("<span class=\"bad\">" + e(language == .zh ? "已漏报进展 \(open.missedReports) 次"
                    : "\(open.missedReports) progress report\(open.missedReports == 1 ? "" : "s") missed") + "</span>")
            }
            if let fired = state.escalationsFired[stepID], !fired.isEmpty {
                notes.append("<span class=\"bad\">" + e(language == .zh ? "已升级 \(fired.count) 级"
                    : "escalated \(fired.count) time\(fired.count == 1 ? "" : "s")") + "</span>")
            }
            if !notes.isEmpty { out += "<div class=\"meta\">" + notes.joined(separator: " · ") + "</div>\n" }
            out += "</li>\n"
        }
        return out + "</ul>\n"
    }

    private func milestones(_ label: Labels, _ names: BoardNames) -> String {
        var out = "<ul class=\"cards\">\n"
        for milestone in playbook.milestones {
            let progress = state.milestones[milestone.id]
            var cssClass = ""
            var status: String
            if let margin = progress?.margin, let reached = progress?.reachedAt {
                cssClass = margin >= 0 ? "met" : "missed"
                let span = names.span(margin)
                status = e(margin == 0 ? (language == .zh ? "按时达成" : "met on time")
                    : language == .zh ? "\(label("met"))，\(label(margin >= 0 ? "early" : "late")) \(span)"
                    : margin >= 0 ? "met, \(span) early" : "met \(span) late")
                    + " · <time>\(e(times.instant(reached)))</time>"
            } else if progress?.handedOver == true {
                status = e(RunLinkLines.handedOver(language))
            } else if progress?.missed == true {
                cssClass = "missed"
                status = "<span class=\"bad\">\(e(label("missed")))</span>"
                    + (progress?.dueAt.map { " · <time>\(e(times.instant($0)))</time>" } ?? "")
            } else if let dueAt = progress?.dueAt {
                cssClass = dueAt < now ? "overdue" : ""
                status = BoardPage.due(dueAt, now: now, label: label, times: times)
                if state.severity == nil, case .clock = milestone.within.value {
                    status += e(language == .zh ? "（尚未定级，按最严级别计）" : " (not graded: the strictest level's clock)")
                }
            } else {
                status = e(label("pending"))
            }
            out += "<li class=\"milestone \(cssClass)\"><div><span class=\"title\">\(e(milestone.title.text(language)))"
                + "</span> <span class=\"id\">\(e(milestone.id))</span></div>\n<div>\(status)</div></li>\n"
        }
        return out + "</ul>\n"
    }

    /// A drill's latest injects, the latest first, each with its local time and the roles it went to.
    private func notifications(_ names: BoardNames) -> String {
        let zh = language == .zh
        var order: [String] = []
        var byID: [String: [Outbox.Delivery]] = [:]
        for delivery in state.outbox.deliveries {
            if byID[delivery.notification] == nil { order.append(delivery.notification) }
            byID[delivery.notification, default: []].append(delivery)
        }
        var out = ""
        if let stale = NotificationPanel.staleWarning(state.outbox, now: now, language: language) {
            out += "<p class=\"warn\">\(e(stale))</p>\n"
        }
        guard !order.isEmpty else { return out + BoardPage.none(zh ? "尚无通知" : "none yet") }
        out += "<ul class=\"cards\">\n"
        for id in order.suffix(10).reversed() {
            let deliveries = byID[id] ?? []
            guard let first = deliveries.first else { continue }
            let message = first.said(zh ? .zh : .en, names: PlaybookNames(playbook))
            let failed = deliveries.contains { $0.status == .failed }
            let settled = deliveries.allSatisfy { $0.status != .pending && $0.status != .failed }
            out += "<li class=\"\(failed ? "failed" : settled ? "sent" : "")\"><div><time>"
                + "\(e(times.instant(first.requestedAt)))</time> <span class=\"id\">\(e(id))</span> → "
                + "\(e(names.roles(first.roles)))</div>\n<div>\(e(message))</div>\n<div class=\"meta\">"
                + deliveries.map { delivery($0, names) }.joined(separator: " · ") + "</div></li>\n"
        }
        return out + "</ul>\n"
    }

    /// What became of one delivery.
    private func delivery(_ delivery: Outbox.Delivery, _ names: BoardNames) -> String {
        let zh = language == .zh
        let person = e(delivery.recipient ?? names.roles(delivery.roles))
        let why = zh ? delivery.lastFailureChinese ?? delivery.lastFailure : delivery.lastFailure
        switch delivery.status {
        case .sent(let at):
            return "<span class=\"ok\">\(zh ? "已送达" : "sent")</span> \(person) <time>\(e(times.instant(at)))</time>"
        case .acknowledged(let at):
            return "<span class=\"ok\">\(zh ? "已确认收到" : "acknowledged")</span> \(person) "
                + "<time>\(e(times.instant(at)))</time>"
        case .failed:
            return "<span class=\"bad\">\(zh ? "未送达" : "failed")</span> \(person) (\(e(why ?? "?")))"
        case .pending:
            if let why {
                return "<span class=\"warn\">\(zh ? "待重试" : "retrying")</span> \(person) "
                    + e(zh ? "（第 \(delivery.attempts) 次失败：\(why)）" : "(attempt \(delivery.attempts) failed: \(why))")
            }
            return "<span class=\"warn\">\(zh ? "等待送达" : "waiting")</span> \(person)"
        }
    }

    private func people(_ label: Labels, _ names: BoardNames) -> String {
        guard !state.holders.isEmpty else { return BoardPage.none(label("none")) }
        let byPerson = Dictionary(grouping: state.holders.keys.sorted(), by: { state.holders[$0]! })
        var out = "<ul>\n"
        for person in byPerson.keys.sorted() {
            let file = BoardPage.personFile(person, language: language)
            let roles = byPerson[person]!.map { role in
                names.role(role) + (state.scriptedRoles.contains(role) ? " (\(label("scripted")))" : "")
            }
            let separator = language == .zh ? "、" : ", "
            out += "<li><a href=\"\(e(file))\">\(e(person))</a> · \(e(roles.joined(separator: separator)))</li>\n"
        }
        return out + "</ul>\n"
    }

    private func lastEvents() -> String {
        guard !recent.isEmpty else { return BoardPage.none(Labels(language: language)("none")) }
        let words = ReportWords(language: language, playbook: playbook, time: times.time)
        var out = "<ol class=\"events\">\n"
        for item in recent.suffix(Self.recentShown).reversed() {
            out += "<li><span class=\"id\">#\(item.seq)</span> <time>\(e(times.instant(item.event.at)))</time> "
                + "\(e(words.actor(item.event.actor))): \(e(words.describe(item.event.kind, playbook: playbook)))</li>\n"
        }
        return out + "</ol>\n"
    }
}
