import Diagnostics
import PlaybookLanguage
import RunEngine

/// Renders a run report as one self-contained HTML file: no external assets, no scripts, no web fonts.
///
/// The content is that of `MarkdownReport` (the reference rendering), section for section, with an inline SVG
/// chart of the steps and milestones (`TimelineChart`), tables that stack on a phone, and print styles. Every
/// text that comes from a playbook or a person goes through `escape`.
public struct HTMLReport: Sendable {
    public let report: RunReport
    public let words: ReportWords

    /// The number of notes and of key events a document lists before it summarises the rest with counts (the
    /// JSON report keeps every one).
    public static let listLimit = 200

    /// - Parameter time: The zone times are shown in (local time with its offset).
    public init(_ report: RunReport, language: Language, time: LocalTime = .utc) {
        self.report = report
        self.words = ReportWords(language: language, playbook: report.playbook, time: time)
    }

    /// Escapes text for HTML content and attribute values. Control and bidirectional characters are shown as
    /// visible escapes (`\u{202E}`), so that the text shows as written: no override reorders it.
    public static func escape(_ text: String) -> String {
        let text = TerminalText.document(text)
        // Most texts need nothing: look at the bytes once before building anything.
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            return text
        }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case 0x26: out += Array("&amp;".utf8)
            case 0x3C: out += Array("&lt;".utf8)
            case 0x3E: out += Array("&gt;".utf8)
            case 0x22: out += Array("&quot;".utf8)
            case 0x27: out += Array("&#39;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The document of `kind`.
    public func render(_ kind: ReportKind = .full) -> String {
        let titleWord: String
        switch kind {
        case .full: titleWord = "Run report"
        case .fault: titleWord = "Fault report"
        case .work: titleWord = "Emergency work report"
        }
        let cover = ReportCover(report: report, words: words)
        var body = header(titleWord, cover: cover)
        switch kind {
        case .full: body += full()
        case .fault: body += fault()
        case .work: body += work()
        }
        body += signature(cover)
        body += integrity()
        let language = words.language == .zh ? "zh-CN" : "en"
        let pageFooter = words(titleWord) + " · " + cover.title
        return """
            <!doctype html>
            <html lang="\(language)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(e(words(titleWord))): \(e(cover.title))</title>
            <style>
            \(HTMLReportStyle.css)\(HTMLReportStyle.pageRules(footer: pageFooter, language: words.language))</style>
            </head>
            <body>
            <main class="report report-\(kind.rawValue)\(cover.isDrill ? " drill" : "")">

            """ + body + "</main>\n</body>\n</html>\n"
    }

    // MARK: Words of the HTML rendering only

    private static let chinese: [String: String] = [
        "Steps and milestones over time": "步骤与里程碑时间图", "Escalations": "升级", "Notifications": "通知",
        "on time": "按时", "overdue part": "逾期部分", "deadline": "期限", "deadline later": "期限在图外",
        "milestone met": "里程碑按时", "milestone missed or late": "里程碑错过或超时", "reached at": "达成时刻",
        "Signature lines": "签字", "Date": "日期", "severity change": "级别变更", "handover": "交接",
        "escalation": "升级",
        "Times on the chart are counted from the start of the run.": "图中时间从运行开始起算。",
        "Times on this chart are counted from the outcome.": "此图时间从处置结束（到达结果）起算。",
    ]

    private func local(_ english: String) -> String {
        words.language == .zh ? Self.chinese[english] ?? words(english) : english
    }

    // MARK: Pieces

    private func e(_ text: String) -> String { Self.escape(text) }

    /// The print rules of a report of another kind (the drill report): `footer` (plain text, escaped here) at the
    /// foot of every printed page and "page N of M" (第 N 页，共 M 页) beside it, like the run reports.
    public static func printedPageRules(footer: String, language: Language) -> String {
        HTMLReportStyle.pageRules(footer: footer, language: language)
    }

    /// Text a person wrote (a name, a note, a value), escaped and isolated in `<bdi>`: right-to-left text in it
    /// cannot reorder the words around it.
    public static func isolate(_ text: String) -> String { "<bdi>" + escape(text) + "</bdi>" }

    private func said(_ text: String) -> String { Self.isolate(text) }

    /// `text` escaped, with each occurrence of `people`'s texts (names, a title someone gave) isolated as
    /// `isolate` does and of `ids` set as code: for sentences the report writes around what people wrote.
    private func marking(_ text: String, people: [String?] = [], ids: [String?] = []) -> String {
        let marks = people.compactMap { $0 }.filter { !$0.isEmpty }.map { (e($0), "<bdi>", "</bdi>") }
            + ids.compactMap { $0 }.filter { !$0.isEmpty }.map { (e($0), "<code class=\"id\">", "</code>") }
        var rest = Substring(e(text))
        var out = ""
        // One pass: at each step the earliest (then longest) mark, so that no mark is looked for inside another.
        while true {
            var best: (range: Range<Substring.Index>, mark: (String, String, String))?
            for mark in marks {
                guard let range = rest.range(of: mark.0) else { continue }
                if let current = best, current.range.lowerBound < range.lowerBound
                    || (current.range.lowerBound == range.lowerBound && current.mark.0.count >= mark.0.count) { continue }
                best = (range, mark)
            }
            guard let best else { return out + rest }
            out += rest[..<best.range.lowerBound] + best.mark.1 + best.mark.0 + best.mark.2
            rest = rest[best.range.upperBound...]
        }
    }

    /// Roles by their titles, each with the person who held it isolated: `Tech lead <bdi>carol</bdi>, …`.
    private func rolesHeld(_ roles: [String], _ holders: [String: String]) -> String {
        roles.map { role in e(words.role(role)) + (holders[role].map { " " + said($0) } ?? "") }
            .joined(separator: ", ")
    }

    /// A table's time: `10:53:08`, with the date when it is not the start's (the cover states the zone).
    private func time(_ instant: Int64?) -> String {
        instant.map { words.short($0, sameDayAs: report.startedAt) } ?? "—"
    }

    /// One table cell: its HTML (already escaped) and classes.
    struct Cell {
        var html: String
        var classes: [String] = []

        /// A cell of plain text, escaped.
        static func text(_ text: String, _ classes: String...) -> Cell {
            Cell(html: HTMLReport.escape(text), classes: text.isEmpty ? classes + ["empty"] : classes)
        }

        /// A cell of what a person wrote (a name, a note, a value): escaped and isolated (`HTMLReport.isolate`).
        static func said(_ text: String, _ classes: String...) -> Cell {
            text.isEmpty ? Cell(html: "", classes: classes + ["empty"]) : Cell(html: HTMLReport.isolate(text), classes: classes)
        }

        static func html(_ html: String, _ classes: String...) -> Cell { Cell(html: html, classes: classes) }
    }

    /// A table, or "none" when it has no rows. `style` is `stack` (cards with labels on a phone) or `log`.
    private func table(_ header: [String], _ rows: [[Cell]], style: String = "stack", rowClasses: [String]? = nil,
                       empty: String? = nil) -> String
    {
        guard !rows.isEmpty else { return "<p class=\"none\">\(e(empty ?? words("none")))</p>\n" }
        var out = "<table class=\"\(style) cols-\(header.count)\">\n<thead><tr>"
        for label in header { out += "<th scope=\"col\">\(e(label))</th>" }
        out += "</tr></thead>\n<tbody>\n"
        for (index, row) in rows.enumerated() {
            let rowClass = rowClasses.map { $0[index] } ?? ""
            out += rowClass.isEmpty ? "<tr>" : "<tr class=\"\(rowClass)\">"
            for (column, cell) in row.enumerated() {
                let label = column < header.count ? header[column] : ""
                let classes = cell.classes.isEmpty ? "" : " class=\"\(cell.classes.joined(separator: " "))\""
                out += "<td\(classes) data-label=\"\(e(label))\">\(cell.html)</td>"
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    /// A two-column table of labels and values, for the integrity footer.
    private func fields(_ rows: [(String, String)], cssClass: String) -> String {
        var out = "<table class=\"\(cssClass)\">\n<tbody>\n"
        for (label, value) in rows { out += "<tr><th scope=\"row\">\(e(label))</th><td>\(value)</td></tr>\n" }
        return out + "</tbody>\n</table>\n"
    }

    private func section(_ heading: String, _ content: String, id: String, major: Bool = false) -> String {
        "<section id=\"\(id)\"\(major ? " class=\"major\"" : "")>\n<h2>\(e(heading))</h2>\n" + content + "</section>\n"
    }

    private func badge(_ text: String, _ cssClass: String) -> String {
        "<span class=\"badge \(cssClass)\">\(e(text))</span>"
    }

    /// The cover: banner of a drill, kind, the incident's title, the summary, the key figures, who was told.
    private func header(_ titleWord: String, cover: ReportCover) -> String {
        var out = "<header class=\"cover\">\n"
        if cover.isDrill { out += "<p class=\"drill-banner\">\(e(cover.drillBanner))</p>\n" }
        out += "<p class=\"doc-kind\">\(e(words(titleWord)))</p>\n<h1>\(cover.untitled ? e(cover.title) : said(cover.title))</h1>\n"
        // The playbook and the run, its id set as one.
        var subtitle = e("\(words("Playbook"))\(words.language == .zh ? "：" : ": ")\(words.text(report.playbook.title)) "
            + report.playbook.version)
        if let runID = report.runID { subtitle += e(" · \(words("Run")) ") + "<code class=\"id\">\(e(runID))</code>" }
        out += "<p class=\"subtitle\">\(subtitle)</p>\n"
        if cover.untitled {
            out += "<p class=\"hint\">\(e(words.language == .zh ? "尚未给出事件标题：用 'muster title 运行编号 标题' 补上。" : "No incident title was given: add one with 'muster title RUN TITLE'."))</p>\n"
        }
        out += "<p class=\"summary\">\(marking(cover.summary, people: [report.incidentTitle]))</p>\n"
        out += "<dl class=\"figures\">\n"
        for figure in cover.figures {
            out += "<div class=\"figure \(figure.tone.rawValue)\"><dt>\(e(figure.label))</dt><dd>\(e(figure.value))</dd></div>\n"
        }
        out += "</dl>\n"
        if report.abortedWhy != nil || !cover.recipients.isEmpty {
            if let why = report.abortedWhy {
                out += "<p>\(badge(words("Aborted"), "bad")) \(said(why))</p>\n"
            }
        }
        for line in report.linkLines(words.language == .zh ? .zh : .en) {
            out += "<p class=\"run-link\">\(e(line))</p>\n"
        }
        let recipients = cover.recipients
        if !recipients.isEmpty {
            out += "<h2 class=\"cover-heading\">\(e(words.language == .zh ? "通知了谁" : "Who was notified"))</h2>\n<ul class=\"recipients\">\n"
            for recipient in recipients {
                out += "<li class=\"\(recipient.tone.rawValue)\"><strong>\(marking(recipient.label, people: [recipient.person]))</strong>: "
                    + "\(e(recipient.value))</li>\n"
            }
            out += "</ul>\n"
        }
        out += "<p class=\"zone\">\(e(cover.zoneNote))</p>\n"
        return out + "</header>\n"
    }

    private func severityText() -> String {
        report.finalSeverity.map(words.severity) ?? words("not graded")
    }

    private func outcomeHTML() -> String {
        guard let outcome = report.outcome else { return e(words("open")) }
        let good = outcome.kind == "success"
        return e(words.outcome(outcome.id)) + " "
            + badge(words.outcomeKind(outcome.kind), good ? "ok" : outcome.kind == "partial" ? "warn" : "bad")
    }

    private func marginCell(_ margin: Int64?) -> Cell {
        guard let margin else { return .text("—") }
        return .text(words.margin(margin), "margin", margin < 0 ? "late" : "ok")
    }

    /// A role by its title and who held it: `Tech lead · carol`, the person isolated.
    private func holderCell(_ role: String?, _ person: String?) -> Cell {
        guard let role else { return .said(person ?? "—") }
        return .html(e(words.role(role)) + (person.map { " · " + said($0) } ?? ""))
    }

    private func stepsTable(_ rows: [RunReport.StepRow]) -> String {
        var rowClasses: [String] = []
        let cells: [[Cell]] = rows.map { row in
            let ended: Cell
            var margin = row.defaultTaken.map {
                Cell.text(words("expired, default taken") + ": " + words.option($0, of: row.step), "margin", "late")
            } ?? marginCell(row.margin)
            switch row.ending {
            case .open:
                ended = .html(badge(words("open"), "muted"))
                rowClasses.append("open")
                if let due = row.dueAt, let asOf = report.asOf, due < asOf {
                    margin = .text(words.margin(due - asOf), "margin", "late")
                }
            case .done:
                ended = .text(time(row.endedAt), "time")
                rowClasses.append((row.margin ?? 0) < 0 ? "overdue" : "")
            case .cancelled(let why):
                let reason = e(words.text(why))
                ended = .html(badge(words("cancelled"), "muted") + " " + e(time(row.endedAt)) + ": " + reason)
                rowClasses.append("cancelled")
            }
            var started = e(time(row.activatedAt))
            if let ack = row.acknowledgedAt, ack != row.activatedAt, ack != row.endedAt {
                started += "<br><span class=\"sub\">\(e(words("acknowledged"))) \(e(time(ack)))</span>"
            }
            return [.text(words.text(row.title), "title"), margin,  holderCell(row.owner, row.holder),
                    .html(started, "time"), ended, .text(time(row.dueAt), "time")]
        }
        return table([words("step"), words("margin"), words("owner"), words("activated"), words("done"),
                      words("due")], cells, rowClasses: rowClasses)
    }

    private func milestonesTable(_ rows: [RunReport.MilestoneRow]) -> String {
        table([words("milestone"), words("status"), words("margin"), words("due"), words("reached")],
              rows.map { row in
                  let state: String
                  switch row.status {
                  case .met: state = "ok"
                  case .late, .missed, .notReached: state = "bad"
                  case .pending, .handedOver: state = "muted"
                  }
                  return [.text(words.text(row.title), "title"), .html(badge(words(row.status.rawValue), state)),
                          marginCell(row.margin), .text(time(row.dueAt), "time"), .text(time(row.reachedAt), "time")]
              })
    }

    private func decisionsTable() -> String {
        table([words("when"), words("step"), words("who"), words("option"), words("why")],
              report.decisions.map { row in
                  let who: Cell = row.defaulted
                      ? .html(badge(words("defaulted on expiry"), "warn"))
                      : holderCell(row.role, row.person)
                  return [.text(time(row.at), "time"), .text(words.step(row.step)), who,
                          .text(words.text(row.optionTitle)), .said(row.why ?? "", "prose")]
              })
    }

    private func approvalsTable() -> String {
        table([words("when"), words("step"), words("who"), words("status"), words("why")],
              report.approvals.map { row in
                  let who: Cell = row.expired
                      ? .text(words.language == .zh ? "无人审批（到期）" : "nobody (expired)")
                      : holderCell(row.approver, row.person)
                  var status = badge(words(row.granted ? "granted" : "denied"), row.granted ? "ok" : "bad")
                  if row.expired { status += " " + badge(words("defaulted on expiry"), "warn") }
                  return [.text(time(row.at), "time"), .text(words.step(row.step)), who, .html(status),
                          .said(row.why ?? "", "prose")]
              })
    }

    private func decisionsAndApprovals() -> String {
        section(words("Decisions"), decisionsTable(), id: "decisions")
            + section(words("Approvals"), approvalsTable(), id: "approvals")
    }

    private func escalations() -> String {
        let escalations = table(
            [words("when"), words("step"), words("rung"), words("notified"), words("reassigned to"), words("went to")],
            report.escalations.map { row in
                [.text(time(row.at), "time"), .text(words.step(row.step)), .text(String(row.rung), "num"),
                 .html(rolesHeld(row.notified, row.holders)),
                 .text(row.reassignedTo.map { words.role($0) } ?? "—"), .text(row.goto.map { words.step($0) } ?? "—")]
            })
        let notifications = table(
            [words("when"), words("to"), words("text"), words("delivery")],
            report.notifications.map { row in
                var delivery: [String] = row.sent.map { e(words.language == .zh ? "已送达 " : "delivered to ") + said($0) }
                delivery += row.deliveryFailures.map {
                    marking(words.undelivered($0), people: row.sent + Array(row.holders.values) + [$0.person])
                }
                if delivery.isEmpty {
                    delivery = [e(words.language == .zh ? "无送达记录" : "no delivery journaled")]
                }
                return [.text(time(row.at), "time"), .html(rolesHeld(row.roles, row.holders)),
                        .text(words.text(row.message), "prose"),
                        .html(delivery.joined(separator: e(words.language == .zh ? "；" : "; ")),
                              row.failed.isEmpty ? "" : "late")]
            })
        return section(words("Escalations and notifications"),
                       "<h3>\(e(local("Escalations")))</h3>\n" + escalations
                           + "<h3>\(e(local("Notifications")))</h3>\n" + notifications,
                       id: "escalations")
    }

    /// A section's notes, the first `listLimit` of them, and how many more the JSON report holds.
    private func notesTable(_ rows: [RunReport.NoteRow], tagged: Bool = true, section: String? = nil) -> String {
        let shown = rows.prefix(Self.listLimit)
        let empty: String? = section.map { name in
            words.language == .zh ? "未记录：用 'muster note 运行编号 --section \(name) 内容' 补记。"
                : "Not recorded: file it with 'muster note RUN --section \(name) TEXT'."
        }
        var out = table([words("when"), words("who"), words("text")], shown.map { row in
            let tag = tagged ? row.section.map { "<span class=\"tag\">\(e(words.sectionTitle($0)))</span> " } ?? "" : ""
            return [.text(time(row.at), "time"), .said(row.person ?? "—", "who"), .html(tag + said(row.text), "prose", "note")]
        }, empty: empty)
        if rows.count > shown.count {
            out += "<p class=\"more\">\(e(more(rows.count - shown.count, of: rows.count)))</p>\n"
        }
        return out
    }

    private func more(_ hidden: Int, of total: Int) -> String {
        words.language == .zh ? "另有 \(hidden) 条未列出（共 \(total) 条）；完整记录见 JSON 报告（--format json）。"
            : "\(hidden) more not listed here (\(total) in all); the JSON report (--format json) holds every one."
    }

    private func factsTable(_ rows: [RunReport.FactRow]? = nil) -> String {
        table([words("when"), words("fact"), words("value"), words("who")], (rows ?? report.facts).map { row in
            [.text(time(row.at), "time"), .text(words.text(row.title)),
             row.shownValue.map { .text(words.text($0)) } ?? .said(row.value), .said(row.person ?? "—", "who")]
        })
    }

    private func timelineTable() -> String {
        let key = KeyEvents(report: report, words: words, limit: Self.listLimit)
        var rowClasses: [String] = []
        let rows: [[Cell]] = key.rows.map { row in
            rowClasses.append(row.strong ? "key" : "")
            return [.text(words.relative(row.relative), "time", "rel"), .text(time(row.at), "time", "abs"),
                    .said(row.who, "who"), .said(row.text, "prose", "event")]
        }
        var out = "<p class=\"note-line\">\(e(key.explanation))</p>\n"
        out += table([words("+time"), words("time"), words("who"), words("event")], rows, style: "log",
                     rowClasses: rowClasses)
        if !key.summaries.isEmpty {
            out += "<ul class=\"counts\">\n" + key.summaries.map { "<li>\(e($0))</li>\n" }.joined() + "</ul>\n"
        }
        return out
    }

    /// The charts with their legend: the response (start to outcome) and, apart, the obligations after the end.
    private func chart(afterEnd: Bool = true) -> String {
        var out = ""
        let main = TimelineChart.response(report: report, words: words)
        if !main.isEmpty { out += figure(main, caption: local("Times on the chart are counted from the start of the run.")) }
        if afterEnd {
            let after = TimelineChart.afterEnd(report: report, words: words)
            if !after.isEmpty {
                out += "<h3>\(e(words("Obligations after the end")))</h3>\n"
                out += figure(after, caption: local("Times on this chart are counted from the outcome."))
            }
        }
        guard !out.isEmpty else { return "" }
        func item(_ swatch: String, _ text: String) -> String {
            "<li><span class=\"swatch \(swatch)\"></span>\(e(text))</li>"
        }
        let legend = "<ul class=\"legend\">" + item("ontime", local("on time")) + item("late", local("overdue part"))
            + item("cancelled", words("cancelled")) + item("open", words("open")) + item("due", local("deadline"))
            + item("due-beyond", local("deadline later")) + item("met", local("milestone met"))
            + item("missed", local("milestone missed or late")) + item("reached", local("reached at"))
            + item("outcome", words("Outcome")) + (main.markers == nil ? "" : markerLegend()) + "</ul>\n"
        return out + legend
    }

    /// The legend's entries for the marks of key moments.
    private func markerLegend() -> String {
        let kinds: [(ChartMarkers.Marker.Kind, String)] = [(.severity, local("severity change")),
                                                           (.handover, local("handover")), (.escalation, local("escalation"))]
        return kinds.map { kind, text in
            "<li><span class=\"marker-symbol \(kind.rawValue)\" aria-hidden=\"true\">\(ChartMarkers.symbol(kind))</span>"
                + "\(e(text))</li>"
        }.joined()
    }

    private func figure(_ chart: TimelineChart, caption: String) -> String {
        "<figure class=\"chart\">\n<div class=\"chart-wrap\">\n" + chart.render() + "\n</div>\n"
            + chart.markerList() + "<figcaption>\(e(caption))</figcaption>\n</figure>\n"
    }

    /// The printable sign-off block: who reported, who reviewed, the user who accepts it; name, signature, date.
    private func signature(_ cover: ReportCover) -> String {
        var content = ""
        if report.signatures.isEmpty {
            content += "<p class=\"unsigned\">\(e(words("Not signed by the user yet.")))</p>\n"
        } else {
            content += "<ul class=\"signatures\">\n"
            for signature in report.signatures {
                content += "<li>\(e(words("Signed by"))) <strong>\(said(signature.person))</strong> · "
                    + "<span class=\"time\">\(e(words.instant(signature.at)))</span></li>\n"
            }
            content += "</ul>\n"
        }
        let zh = words.language == .zh
        content += "<table class=\"sign-off\">\n<thead><tr><th scope=\"col\"></th><th scope=\"col\">\(e(zh ? "姓名" : "Name"))</th>"
            + "<th scope=\"col\">\(e(zh ? "签字" : "Signature"))</th><th scope=\"col\">\(e(local("Date")))</th></tr></thead>\n<tbody>\n"
        for row in cover.signOffRows {
            content += "<tr><th scope=\"row\">\(e(row.role))</th><td class=\"blank\">\(row.name.map(said) ?? "")</td>"
                + "<td class=\"blank\"></td><td class=\"blank\">\(e(row.date ?? ""))</td></tr>\n"
        }
        content += "</tbody>\n</table>\n"
        return "<section id=\"signature\" class=\"signature\">\n<h2>\(e(words("Signature")))</h2>\n" + content
            + "</section>\n"
    }

    private func integrity() -> String {
        let verified = report.integrity.verified
        var rows: [(String, String)] = [
            (words("Playbook"), "<code class=\"id\">\(e(report.playbook.id))</code> \(e(report.playbook.version))"),
            (words("Content hash"), "<code class=\"hash\">\(e(report.start?.playbookHash ?? ""))</code>"),
            (words("Mode"), e(words(report.start?.mode.rawValue ?? "live") + " · " + words("Clock") + " "
                + words(report.start?.virtualClock == true ? "virtual" : "real"))),
        ]
        if let closed = report.closedAt { rows.append((words("Closed"), e(words.instant(closed)))) }
        rows += [
            (words("Journal head (SHA-256)"), "<code class=\"hash\">\(e(report.integrity.head))</code>"),
            (words("Lines"), String(report.integrity.lines)),
            (words("Verified"), badge(words(verified ? "yes" : "NO"), verified ? "ok" : "bad")),
        ]
        var generated = words("this report was generated from the journal")
        if let asOf = report.asOf {
            generated += words.language == .zh ? "，截至 \(words.instant(asOf))" : ", as of \(words.instant(asOf))"
        }
        return "<footer id=\"integrity\" class=\"integrity\">\n<h2>\(e(words("Integrity")))</h2>\n"
            + fields(rows, cssClass: "meta")
            + "<p class=\"generated\">\(e(generated))</p>\n</footer>\n"
    }

    // MARK: Documents

    private func people() -> String {
        table([words("role"), words("who")], report.rolesHeld.map { role in
            [.text(words.role(role)), .html(report.roleHistory[role]!.map(said).joined(separator: " → "))]
        })
    }

    private func full() -> String {
        var out = ""
        out += section(words("People"), people(), id: "people")
        out += section(words("Severity changes"), table(
            [words("when"), words("from"), words("to"), words("who"), words("why")],
            report.severityChanges.map { change in
                [.text(time(change.at), "time"), .text(change.from.map(words.severity) ?? "—"),
                 .text(words.severity(change.to)), .said(change.person ?? "—", "who"), .said(change.why ?? "", "prose")]
            }), id: "severity")
        out += section(words("Steps"), chart(afterEnd: false) + stepsTable(report.steps.filter { $0.phase == .main }),
                       id: "steps", major: true)
        out += section(words("Milestones"), milestonesTable(report.milestones), id: "milestones")
        out += decisionsAndApprovals()
        out += escalations()
        out += section(words("Handovers"), table(
            [words("when"), words("role"), words("from"), words("to")],
            report.handovers.map {
                [.text(time($0.at), "time"), .text(words.role($0.role)), .said($0.from ?? "—", "who"), .said($0.to, "who")]
            }), id: "handovers")
        out += section(words("Facts recorded"), factsTable(), id: "facts")
        out += section(words("Notes"), notesTable(report.notes), id: "notes")
        out += section(words("Obligations after the end"),
                       chartAfterEnd() + stepsTable(report.obligations), id: "obligations")
        if !report.rejections.isEmpty {
            out += section(words("Refused commands"), table(
                [words("when"), words("who"), words("event"), words("why")],
                report.rejections.map { [.text(time($0.at), "time"), .said($0.person ?? "—", "who"), .text(words.command($0.command), "token"),
                                         .text(words.text($0.reason))] }), id: "refused")
        }
        if !report.recordedForOthers.isEmpty {
            out += section(words("Recorded for others"), table(
                [words("when"), words("done by"), words("recorded by"), words("event")],
                report.recordedForOthers.map { [.text(time($0.at), "time"), .said($0.doer, "who"), .said($0.recorder, "who"),
                                                .text(words.describe($0.kind, playbook: report.playbook), "prose")]
                }), id: "recorded-for-others")
        }
        out += section(words("Timeline"), timelineTable(), id: "timeline", major: true)
        return out
    }

    private func chartAfterEnd() -> String {
        let after = TimelineChart.afterEnd(report: report, words: words)
        return after.isEmpty ? "" : figure(after, caption: local("Times on this chart are counted from the outcome."))
    }

    private func notes(_ name: String) -> [RunReport.NoteRow] { report.notes.filter { $0.section == name } }

    /// What the fault report lists in section `name`: the facts the playbook files there (`section:`), then
    /// the notes filed there; "not recorded" only when there is neither.
    private func recorded(_ name: String, _ notes: [RunReport.NoteRow], tagged: Bool = false) -> String {
        let facts = report.facts(inSection: name)
        let factRows = facts.isEmpty ? "" : factsTable(facts)
        if !facts.isEmpty, notes.isEmpty { return factRows }
        return factRows + notesTable(notes, tagged: tagged, section: name)
    }

    private func fault() -> String {
        var out = section(words("Phenomenon"), recorded("phenomenon", notes("phenomenon")), id: "phenomenon")
        out += section(words("Impact"),
                       "<p><strong>\(e(words("Severity")))</strong>: \(e(severityText()))</p>\n"
                           + recorded("impact", notes("impact")), id: "impact")
        out += section(words("Cause"), recorded("cause", notes("cause")), id: "cause")
        out += section(words("Handling and result"),
                       chart(afterEnd: false) + stepsTable(report.steps.filter { $0.phase == .main && $0.ending == .done })
                           + recorded("handling", notes("handling"))
                           + "<p><strong>\(e(words("Outcome")))</strong>: \(outcomeHTML())</p>\n",
                       id: "handling", major: true)
        out += section(words("Prevention and improvements"),
                       recorded("prevention", notes("prevention") + notes("lesson"), tagged: true), id: "prevention")
        out += section(words("Milestones"), milestonesTable(report.milestones), id: "milestones")
        return out
    }

    private func work() -> String {
        var out = section(words("Participants"), people(), id: "participants")
        out += section(words("Key actions"), chart(afterEnd: false)
                       + stepsTable(report.steps.filter { $0.ending == .done && $0.phase == .main }),
                       id: "actions", major: true)
        out += decisionsAndApprovals()
        out += section(words("Milestones"), milestonesTable(report.milestones), id: "milestones")
        out += section(words("Obligations after the end"), chartAfterEnd() + stepsTable(report.obligations),
                       id: "obligations")
        return out
    }
}
