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

    public init(_ report: RunReport, language: String) {
        self.report = report
        self.words = ReportWords(language: language, playbook: report.playbook)
    }

    /// Escapes text for HTML content and attribute values.
    public static func escape(_ text: String) -> String {
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
        var body = header(titleWord)
        switch kind {
        case .full: body += full()
        case .fault: body += fault()
        case .work: body += work()
        }
        body += signature()
        body += integrity()
        let language = words.language == "zh" ? "zh-CN" : "en"
        return """
            <!doctype html>
            <html lang="\(language)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(e(words(titleWord))): \(e(words.text(report.playbook.title)))</title>
            <style>
            \(HTMLReportStyle.css)</style>
            </head>
            <body>
            <main class="report report-\(kind.rawValue)">

            """ + body + "</main>\n</body>\n</html>\n"
    }

    // MARK: Words of the HTML rendering only

    private static let chinese: [String: String] = [
        "Steps and milestones over time": "步骤与里程碑时间图", "Escalations": "升级", "Notifications": "通知",
        "on time": "按时", "overdue part": "逾期部分", "deadline": "期限", "deadline later": "期限在图外",
        "milestone met": "里程碑按时", "milestone missed or late": "里程碑错过或超时", "reached at": "达成时刻",
        "Signature lines": "签字", "Date": "日期",
        "Times on the chart are counted from the start of the run.": "图中时间从运行开始起算。",
        "Swipe the chart sideways to see all of it.": "左右滑动可查看完整图表。",
    ]

    private func local(_ english: String) -> String {
        words.language == "zh" ? Self.chinese[english] ?? words(english) : english
    }

    // MARK: Pieces

    private func e(_ text: String) -> String { Self.escape(text) }

    private func time(_ instant: Int64?) -> String { instant.map(words.instant) ?? "—" }

    /// One table cell: its HTML (already escaped) and classes.
    struct Cell {
        var html: String
        var classes: [String] = []

        /// A cell of plain text, escaped.
        static func text(_ text: String, _ classes: String...) -> Cell {
            Cell(html: HTMLReport.escape(text), classes: text.isEmpty ? classes + ["empty"] : classes)
        }

        static func html(_ html: String, _ classes: String...) -> Cell { Cell(html: html, classes: classes) }
    }

    /// A table, or "none" when it has no rows. `style` is `stack` (cards with labels on a phone) or `log`.
    private func table(_ header: [String], _ rows: [[Cell]], style: String = "stack", rowClasses: [String]? = nil)
        -> String
    {
        guard !rows.isEmpty else { return "<p class=\"none\">\(e(words("none")))</p>\n" }
        var out = "<div class=\"table-wrap\"><table class=\"\(style)\">\n<thead><tr>"
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
        return out + "</tbody>\n</table></div>\n"
    }

    /// A two-column table of labels and values, for the header and the integrity footer.
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

    private func header(_ titleWord: String) -> String {
        let playbook = report.playbook
        var rows: [(String, String)] = [
            (words("Playbook"), "\(e(playbook.id)) \(e(playbook.version))"),
            (words("Content hash"), "<code class=\"hash\">\(e(report.start?.playbookHash ?? ""))</code>"),
            (words("Mode"), e(words(report.start?.mode.rawValue ?? "live") + " · " + words("Clock") + " "
                + words(report.start?.virtualClock == true ? "virtual" : "real"))),
            (words("Severity"), e(severityText())),
            (words("Started"), e(words.instant(report.startedAt))),
            (words("Ended"), e(time(report.endedAt))),
            (words("Outcome"), outcomeHTML()),
        ]
        if let why = report.abortedWhy { rows.append((words("Aborted"), badge(words("Aborted"), "bad") + " " + e(why))) }
        if let closed = report.closedAt { rows.append((words("Closed"), e(words.instant(closed)))) }
        return "<header class=\"report-header\">\n<p class=\"doc-kind\">\(e(words(titleWord)))</p>\n"
            + "<h1>\(e(words.text(playbook.title)))</h1>\n" + fields(rows, cssClass: "meta") + "</header>\n"
    }

    private func severityText() -> String {
        guard let level = report.finalSeverity else { return words("not graded") }
        let title = report.playbook.severity(level).map { words.text($0.title) } ?? level
        return "\(level) (\(title))"
    }

    private func outcomeText() -> String {
        guard let outcome = report.outcome else { return "—" }
        let title = report.playbook.outcome(outcome.id).map { words.text($0.title) } ?? outcome.id
        return "\(title) (\(outcome.id), \(outcome.kind))"
    }

    private func outcomeHTML() -> String {
        guard let outcome = report.outcome else { return "—" }
        let good = outcome.kind == "success"
        return e(outcomeText()) + (good ? "" : " " + badge(outcome.kind, outcome.kind == "partial" ? "warn" : "bad"))
    }

    /// A step's or milestone's title with its id, small, after it.
    private func titled(_ title: String, _ id: String) -> String {
        "\(e(title)) <span class=\"id\">\(e(id))</span>"
    }

    private func marginCell(_ margin: Int64?) -> Cell {
        guard let margin else { return .text("—") }
        return .text(words.margin(margin), "margin", margin < 0 ? "late" : "ok")
    }

    private func stepsTable(_ rows: [RunReport.StepRow]) -> String {
        var rowClasses: [String] = []
        let cells: [[Cell]] = rows.map { row in
            let ended: Cell
            switch row.ending {
            case .open:
                ended = .html(badge(words("open"), "muted"))
                rowClasses.append("open")
            case .done:
                ended = .text(time(row.endedAt), "time")
                rowClasses.append((row.margin ?? 0) < 0 ? "overdue" : "")
            case .cancelled(let why):
                let reason = e(words.text(why))
                ended = .html(badge(words("cancelled"), "muted") + " " + e(time(row.endedAt)) + ": " + reason)
                rowClasses.append("cancelled")
            }
            return [.html(titled(words.text(row.title), row.step), "title"),
                    .text((row.owner ?? "—") + (row.holder.map { " · \($0)" } ?? "")),
                    .text(time(row.activatedAt), "time"), .text(time(row.acknowledgedAt), "time"), ended,
                    .text(time(row.dueAt), "time"),
                    row.defaultTaken.map { .text(words("expired, default taken") + ": \($0)", "margin", "late") }
                        ?? marginCell(row.margin)]
        }
        return table([words("step"), words("owner"), words("activated"), words("acknowledged"), words("done"),
                      words("due"), words("margin")], cells, rowClasses: rowClasses)
    }

    private func milestonesTable() -> String {
        table([words("milestone"), words("due"), words("reached"), words("margin"), words("status")],
              report.milestones.map { row in
                  let state: String
                  switch row.status {
                  case .met: state = "ok"
                  case .late, .missed, .notReached: state = "bad"
                  case .pending: state = "muted"
                  }
                  return [.html(titled(words.text(row.title), row.milestone)), .text(time(row.dueAt), "time"),
                          .text(time(row.reachedAt), "time"), marginCell(row.margin),
                          .html(badge(words(row.status.rawValue), state))]
              })
    }

    private func decisionsTable() -> String {
        table([words("when"), words("step"), words("who"), words("option"), words("why")],
              report.decisions.map { row in
                  let who: Cell = row.defaulted
                      ? .html(badge(words("defaulted on expiry"), "warn"))
                      : .text((row.person ?? "—") + (row.role.map { " (\($0))" } ?? ""))
                  return [.text(time(row.at), "time"), .text(row.step), who,
                          .html(titled(words.text(row.optionTitle), row.option)), .text(row.why ?? "", "prose")]
              })
    }

    private func approvalsTable() -> String {
        table([words("when"), words("step"), words("who"), words("status"), words("why")],
              report.approvals.map { row in
                  let who: Cell = row.expired
                      ? .html(badge(words("expired"), "warn"))
                      : .text((row.person ?? "—") + (row.approver.map { " (\($0))" } ?? ""))
                  return [.text(time(row.at), "time"), .text(row.step), who,
                          .html(badge(words(row.granted ? "granted" : "denied"), row.granted ? "ok" : "bad")),
                          .text(row.why ?? "", "prose")]
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
                [.text(time(row.at), "time"), .text(row.step), .text(String(row.rung), "num"),
                 .text(row.notified.joined(separator: ", ")), .text(row.reassignedTo ?? "—"), .text(row.goto ?? "—")]
            })
        let notifications = table(
            [words("when"), words("to"), words("text"), words("sent"), words("failed")],
            report.notifications.map { row in
                [.text(time(row.at), "time"), .text(row.roles.joined(separator: ", ")),
                 .text(words.text(row.message), "prose"),
                 .text(row.sent.joined(separator: ", "), "ok"), .text(row.failed.map(words.text).joined(separator: "; "), "late")]
            })
        return section(words("Escalations and notifications"),
                       "<h3>\(e(local("Escalations")))</h3>\n" + escalations
                           + "<h3>\(e(local("Notifications")))</h3>\n" + notifications,
                       id: "escalations")
    }

    /// The heading word of a note section, for the tag in front of a note.
    private func sectionWord(_ section: String) -> String {
        switch section {
        case "phenomenon": words("Phenomenon")
        case "impact": words("Impact")
        case "cause": words("Cause")
        case "handling": words("Handling and result")
        case "prevention": words("Prevention and improvements")
        case "lesson": words("Lessons")
        default: section
        }
    }

    private func notesTable(_ rows: [RunReport.NoteRow]) -> String {
        table([words("when"), words("who"), words("text")], rows.map { row in
            let tag = row.section.map { "<span class=\"tag\" title=\"\(e($0))\">\(e(sectionWord($0)))</span> " } ?? ""
            return [.text(time(row.at), "time"), .text(row.person ?? "—"), .html(tag + e(row.text), "prose", "note")]
        })
    }

    private func factsTable() -> String {
        table([words("when"), words("fact"), words("value"), words("who")], report.facts.map { row in
            [.text(time(row.at), "time"), .html(titled(words.text(row.title), row.fact)), .text(row.value),
             .text(row.person ?? "—")]
        })
    }

    private func timelineTable() -> String {
        var rowClasses: [String] = []
        let rows: [[Cell]] = report.timeline.map { entry in
            let type = EventCoding.type(of: entry.event.kind)
            rowClasses.append(type.hasPrefix("timer.") ? "minor" : "")
            return [.text(String(entry.seq), "num", "seq"), .text(words.relative(entry.relative), "time", "rel"),
                    .text(words.instant(entry.event.at), "time", "abs"), .text(words.actor(entry.event.actor), "who"),
                    .text(words.describe(entry.event.kind, playbook: report.playbook), "prose", "event")]
        }
        return table([words("seq"), words("+time"), words("time"), words("who"), words("event")], rows, style: "log",
                     rowClasses: rowClasses)
    }

    /// The chart with its legend; nothing when there is nothing to draw.
    private func chart() -> String {
        let chart = TimelineChart(report: report, words: words)
        guard !chart.isEmpty else { return "" }
        func item(_ swatch: String, _ text: String) -> String {
            "<li><span class=\"swatch \(swatch)\"></span>\(e(text))</li>"
        }
        let legend = "<ul class=\"legend\">" + item("ontime", local("on time")) + item("late", local("overdue part"))
            + item("cancelled", words("cancelled")) + item("open", words("open")) + item("due", local("deadline"))
            + item("due-beyond", local("deadline later")) + item("met", local("milestone met"))
            + item("missed", local("milestone missed or late")) + item("reached", local("reached at"))
            + item("outcome", words("Outcome")) + "</ul>\n"
        return "<figure class=\"chart\">\n<div class=\"chart-wrap\">\n" + chart.render() + "\n</div>\n"
            + "<figcaption>\(e(local("Times on the chart are counted from the start of the run.")))"
            + "<span class=\"phone-only\">\(e(local("Swipe the chart sideways to see all of it.")))</span></figcaption>\n"
            + legend + "</figure>\n"
    }

    private func signature() -> String {
        var content = ""
        if report.signatures.isEmpty {
            content += "<p class=\"unsigned\">\(e(words("Not signed by the user yet.")))</p>\n"
            content += "<div class=\"sign-lines\"><p><span>\(e(words("Signed by")))</span><span class=\"line\"></span></p>"
                + "<p><span>\(e(local("Date")))</span><span class=\"line\"></span></p></div>\n"
        } else {
            content += "<ul class=\"signatures\">\n"
            for signature in report.signatures {
                content += "<li>\(e(words("Signed by"))) <strong>\(e(signature.person))</strong> · "
                    + "<span class=\"time\">\(e(words.instant(signature.at)))</span></li>\n"
            }
            content += "</ul>\n"
        }
        return "<section id=\"signature\" class=\"signature\">\n<h2>\(e(words("Signature")))</h2>\n" + content
            + "</section>\n"
    }

    private func integrity() -> String {
        let verified = report.integrity.verified
        return "<footer id=\"integrity\" class=\"integrity\">\n<h2>\(e(words("Integrity")))</h2>\n"
            + fields([
                (words("Journal head (SHA-256)"), "<code class=\"hash\">\(e(report.integrity.head))</code>"),
                (words("Lines"), String(report.integrity.lines)),
                (words("Verified"), badge(words(verified ? "yes" : "NO"), verified ? "ok" : "bad")),
            ], cssClass: "meta")
            + "<p class=\"generated\">\(e(words("this report was generated from the journal")))</p>\n</footer>\n"
    }

    // MARK: Documents

    private func full() -> String {
        var out = ""
        let people = report.people.keys.sorted().map { [Cell.text($0), .text(report.people[$0]!)] }
        out += section(words("People"), table([words("role"), words("who")], people), id: "people")
        out += section(words("Severity changes"), table(
            [words("when"), words("from"), words("to"), words("who"), words("why")],
            report.severityChanges.map { change in
                [.text(time(change.at), "time"), .text(change.from ?? "—"), .text(change.to), .text(change.person ?? "—"),
                 .text(change.why ?? "", "prose")]
            }), id: "severity")
        out += section(words("Steps"), chart() + stepsTable(report.steps.filter { $0.phase == .main }), id: "steps",
                       major: true)
        out += section(words("Milestones"), milestonesTable(), id: "milestones")
        out += decisionsAndApprovals()
        out += escalations()
        out += section(words("Handovers"), table(
            [words("when"), words("role"), words("from"), words("to")],
            report.handovers.map { [.text(time($0.at), "time"), .text($0.role), .text($0.from ?? "—"), .text($0.to)] }),
            id: "handovers")
        out += section(words("Facts recorded"), factsTable(), id: "facts")
        out += section(words("Notes"), notesTable(report.notes), id: "notes")
        out += section(words("Obligations after the end"), stepsTable(report.obligations), id: "obligations")
        out += section(words("Lessons"),
                       notesTable(report.notes.filter { $0.section == "lesson" || $0.section == "prevention" }),
                       id: "lessons")
        if !report.rejections.isEmpty {
            out += section(words("Refused commands"), table(
                [words("when"), words("who"), words("event"), words("why")],
                report.rejections.map { [.text(time($0.at), "time"), .text($0.person ?? "—"), .text($0.command),
                                         .text(words.text($0.reason))] }), id: "refused")
        }
        if !report.recordedForOthers.isEmpty {
            out += section(words("Recorded for others"), table(
                [words("when"), words("done by"), words("recorded by"), words("event")],
                report.recordedForOthers.map { [.text(time($0.at), "time"), .text($0.doer), .text($0.recorder),
                                                .text($0.event)] }), id: "recorded-for-others")
        }
        out += section(words("Timeline"), timelineTable(), id: "timeline", major: true)
        return out
    }

    private func notes(_ name: String) -> [RunReport.NoteRow] { report.notes.filter { $0.section == name } }

    private func fault() -> String {
        var out = section(words("Phenomenon"), factsTable() + notesTable(notes("phenomenon")), id: "phenomenon")
        out += section(words("Impact"),
                       "<p><strong>\(e(words("Severity")))</strong>: \(e(severityText()))</p>\n"
                           + notesTable(notes("impact")), id: "impact")
        out += section(words("Cause"), notesTable(notes("cause")), id: "cause")
        out += section(words("Handling and result"),
                       chart() + stepsTable(report.steps.filter { $0.phase == .main && $0.ending == .done })
                           + notesTable(notes("handling"))
                           + "<p><strong>\(e(words("Outcome")))</strong>: \(outcomeHTML())</p>\n",
                       id: "handling", major: true)
        out += section(words("Prevention and improvements"), notesTable(notes("prevention") + notes("lesson")),
                       id: "prevention")
        out += section(words("Milestones"), milestonesTable(), id: "milestones")
        return out
    }

    private func work() -> String {
        var out = section(words("Participants"), table(
            [words("role"), words("who")], report.people.keys.sorted().map { role in
                [.html(titled(words.text(report.playbook.role(role)?.title), role)), .text(report.people[role]!)]
            }), id: "participants")
        out += section(words("Key actions"), chart() + stepsTable(report.steps.filter { $0.ending == .done }),
                       id: "actions", major: true)
        out += decisionsAndApprovals()
        out += section(words("Milestones"), milestonesTable(), id: "milestones")
        out += section(words("Obligations after the end"), stepsTable(report.obligations), id: "obligations")
        return out
    }
}
