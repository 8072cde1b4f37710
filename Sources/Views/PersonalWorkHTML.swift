import PlaybookLanguage
import Reporting
import RunEngine

/// One person's page of the HTML board, for the responder who has only a phone: the steps they own and the
/// approvals and decisions waiting for them, with time left and absolute local due times, in a drill the injects
/// sent to their roles, and the notifications that were for them (`PersonalWork` as a page).
public struct PersonalWorkHTML: Sendable {
    public let work: PersonalWork
    public let times: LocalTimes

    public init(_ work: PersonalWork, times: LocalTimes) {
        self.work = work
        self.times = times
    }

    /// The file name of `person`'s page in `language` (`person-ann.html`, `person-ann.zh.html`): letters, digits,
    /// `-` and `_` as they are, every other byte of the name as `~XX`, so that no name leads elsewhere.
    public static func fileName(_ person: String, language: Language) -> String {
        BoardPage.personFile(person, language: language)
    }

    private func e(_ text: String) -> String { BoardPage.escape(text) }

    /// The page.
    public func render() -> String {
        let language = work.language
        let zh = language == .zh
        let label = Labels(language: language)
        let names = BoardNames(work.playbook, language: language)
        let now = work.now
        let english = BoardPage.personFile(work.person, language: .en)
        var body = "<nav><a href=\"\(e(BoardPage.file("index.html", language: language)))\">"
            + "\(e(zh ? "运行看板" : "run board"))</a>" + BoardPage.languageLink(english, language: language) + "</nav>\n"
        body += "<h1>\(e(zh ? "\(work.person) 的工作" : "\(work.person)'s work"))</h1>\n"
        body += "<p class=\"meta\">\(e(work.playbook.title.text(language))) · \(e(label("run"))) "
            + "<span class=\"id\">\(e(work.runID))</span>"
            + (work.roles.isEmpty ? "" : " · " + e(names.roles(work.roles.sorted()))) + "</p>\n"
        var steps = ""
        if work.items.isEmpty {
            steps = BoardPage.none(zh ? "没有等你处理的步骤" : "no step waits for you")
        } else {
            steps = "<ul class=\"cards\">\n"
            for item in work.items {
                let verb = switch item.kind {
                case .do: zh ? "完成" : "do"
                case .approve: zh ? "审批" : "approve"
                case .decide: zh ? "决定" : "decide"
                }
                let overdue = item.dueAt.map { $0 < now } ?? false
                steps += "<li class=\"step\(item.dueAt == nil ? "" : " timed")\(overdue ? " overdue" : "")\"><div><span class=\"owner\">\(e(verb))</span> "
                    + "<span class=\"title\">\(e(item.title))</span> <span class=\"id\">\(e(item.step))</span></div>\n"
                if let due = item.dueAt {
                    steps += "<div>" + BoardPage.due(due, now: now, label: label, times: times) + "</div>\n"
                }
                if let report = item.nextReportAt {
                    steps += "<div class=\"meta\">" + e(zh ? "下次进展报告：" : "next progress report: ")
                        + "<time>\(e(times.instant(report)))</time></div>\n"
                }
                if item.missedReports > 0 {
                    steps += "<div class=\"bad\">" + e(zh ? "已漏报 \(item.missedReports) 次"
                        : "\(item.missedReports) report\(item.missedReports == 1 ? "" : "s") missed") + "</div>\n"
                }
                steps += "</li>\n"
            }
            steps += "</ul>\n"
        }
        body += BoardPage.section(zh ? "你的步骤与审批" : "Your steps and approvals", steps, cssClass: "work")
        let injects = work.injects
        if !injects.lines.isEmpty {
            body += BoardPage.section(zh ? "发给你的演练情景注入" : "Drill injects for you",
                                      injects.html(runID: work.runID, times: times), cssClass: "injects")
        }
        var pages = ""
        let notifications = work.notifications.suffix(10).reversed()
        if notifications.isEmpty {
            pages = BoardPage.none(zh ? "没有发给你的通知" : "no notification was for you")
        } else {
            pages = "<ul class=\"cards\">\n"
            for delivery in notifications {
                let message = delivery.said(zh ? .zh : .en, names: PlaybookNames(work.playbook))
                let (status, cssClass) = switch delivery.status {
                case .pending: (zh ? "待送达" : "pending", "")
                case .sent: (zh ? "已送达" : "sent", "sent")
                case .failed: (zh ? "未送达" : "failed", "failed")
                case .acknowledged: (zh ? "已确认" : "acknowledged", "sent")
                }
                pages += "<li class=\"\(cssClass)\"><div><time>\(e(times.instant(delivery.requestedAt)))</time> "
                    + "<span class=\"id\">\(e(delivery.notification))</span> [\(e(status))]</div>\n"
                    + "<div>\(e(message))</div></li>\n"
            }
            pages += "</ul>\n"
        }
        body += BoardPage.section(zh ? "发给你的通知" : "Notifications for you", pages, cssClass: "notifications")
        return BoardPage.document(title: (zh ? "\(work.person) 的工作" : "\(work.person)'s work") + " · \(work.runID)",
                                  language: language, writtenAt: now, times: times, body: body)
    }
}
