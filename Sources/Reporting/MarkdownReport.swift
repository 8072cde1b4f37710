import Diagnostics
import PlaybookLanguage
import RunEngine

/// Renders a run report as Markdown, in English or Chinese.
public struct MarkdownReport: Sendable {
    public let report: RunReport
    public let words: ReportWords

    /// - Parameter time: The zone times are shown in (local time with its offset).
    public init(_ report: RunReport, language: Language, time: LocalTime = .utc) {
        self.report = report
        self.words = ReportWords(language: language, playbook: report.playbook, time: time)
    }

    /// The document of `kind`.
    public func render(_ kind: ReportKind = .full) -> String {
        switch kind {
        case .full: full()
        case .fault: fault()
        case .work: work()
        }
    }

    // MARK: Pieces

    /// Text for a table cell: `|` escaped, lines joined, `<` `>` `&` written as entities so that a Markdown
    /// viewer never takes text from a playbook or a person for HTML, and control and bidirectional characters as
    /// visible escapes (`\u{202E}`), so that the text shows as written.
    private func cell(_ text: String) -> String {
        let text = TerminalText.document(text)
        // One pass over the bytes; most cells need nothing and are returned as they are.
        let special: (UInt8) -> Bool = { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x7C || $0 == 0x0A || $0 == 0x0D }
        guard text.utf8.contains(where: special) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case 0x26: out += Array("&amp;".utf8)
            case 0x3C: out += Array("&lt;".utf8)
            case 0x3E: out += Array("&gt;".utf8)
            case 0x7C: out += Array("\\|".utf8)
            case 0x0A, 0x0D: out.append(0x20)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private func table(_ header: [String], _ rows: [[String]]) -> String {
        guard !rows.isEmpty else { return "_\(words("none"))_\n" }
        var out = "| " + header.map(cell).joined(separator: " | ") + " |\n"
        out += "|" + String(repeating: "---|", count: header.count) + "\n"
        for row in rows { out += "| " + row.map(cell).joined(separator: " | ") + " |\n" }
        return out
    }

    /// A table's time: `10:53:08`, with the date when it is not the start's (the cover states the zone).
    private func time(_ instant: Int64?) -> String {
        instant.map { words.short($0, sameDayAs: report.startedAt) } ?? "—"
    }

    private var zh: Bool { words.language == .zh }

    /// The cover: a drill's banner, the incident's title, the summary, the key figures, who was told.
    private func header(_ titleWord: String) -> String {
        let cover = ReportCover(report: report, words: words)
        var out = ""
        if cover.isDrill { out += "> **\(cell(cover.drillBanner))**\n\n" }
        out += "# \(words(titleWord))\(zh ? "：" : ": ")\(cell(cover.title))\n\n"
        out += "_\(cell(cover.subtitle))_\n\n"
        if cover.untitled {
            out += cell(zh ? "尚未给出事件标题：用 'muster title 运行编号 标题' 补上。"
                        : "No incident title was given: add one with 'muster title RUN TITLE'.") + "\n\n"
        }
        out += cell(cover.summary) + "\n\n"
        out += table(["", ""], cover.figures.map { [$0.label, $0.value] }) + "\n"
        if let why = report.abortedWhy { out += "\(words("Aborted")): \(cell(why))\n\n" }
        for line in report.linkLines(zh ? .zh : .en) { out += cell(line) + "\n\n" }
        let recipients = cover.recipients
        if !recipients.isEmpty {
            out += "### \(zh ? "通知了谁" : "Who was notified")\n\n"
            for recipient in recipients { out += "- \(cell(recipient.label)): \(cell(recipient.value))\n" }
            out += "\n"
        }
        out += "_\(cell(cover.zoneNote))_\n\n"
        return out
    }

    private func severityText() -> String { report.finalSeverity.map(words.severity) ?? words("not graded") }

    private func outcomeText() -> String {
        guard let outcome = report.outcome else { return words("open") }
        return zh ? "\(words.outcome(outcome.id))（\(words.outcomeKind(outcome.kind))）"
            : "\(words.outcome(outcome.id)) (\(words.outcomeKind(outcome.kind)))"
    }

    private func holder(_ role: String?, _ person: String?) -> String {
        guard let role else { return person ?? "—" }
        return words.role(role) + (person.map { " · \($0)" } ?? "")
    }

    private func severityChanges() -> String {
        "## \(words("Severity changes"))\n\n" + table(
            [words("when"), words("from"), words("to"), words("who"), words("why")],
            report.severityChanges.map {
                [time($0.at), $0.from.map(words.severity) ?? "—", words.severity($0.to), $0.person ?? "—", $0.why ?? ""]
            }) + "\n"
    }

    private func timeline() -> String {
        let key = KeyEvents(report: report, words: words, limit: HTMLReport.listLimit)
        var out = "## \(words("Timeline"))\n\n_\(cell(key.explanation))_\n\n" + table(
            [words("+time"), words("time"), words("who"), words("event")],
            key.rows.map { row in
                let text = row.strong ? "**\(row.text)**" : row.text
                return [words.relative(row.relative), time(row.at), row.who, text]
            })
        for summary in key.summaries { out += "\n- \(cell(summary))" }
        return out + "\n\n"
    }

    private func stepsTable(_ rows: [RunReport.StepRow]) -> String {
        table(
            [words("step"), words("margin"), words("owner"), words("activated"), words("acknowledged"), words("done"),
             words("due")],
            rows.map { row in
                let ended: String
                var margin = row.margin.map(words.margin)
                    ?? (row.defaultTaken.map { words("expired, default taken") + ": " + words.option($0, of: row.step) }
                        ?? "—")
                switch row.ending {
                case .open:
                    ended = words("open")
                    if let due = row.dueAt, let asOf = report.asOf, due < asOf { margin = words.margin(due - asOf) }
                case .done: ended = time(row.endedAt)
                case .cancelled(let why): ended = "\(words("cancelled")) \(time(row.endedAt)): \(words.text(why))"
                }
                return [words.text(row.title), margin, holder(row.owner, row.holder), time(row.activatedAt),
                        time(row.acknowledgedAt), ended, time(row.dueAt)]
            })
    }

    private func milestonesTable() -> String {
        "## \(words("Milestones"))\n\n" + table(
            [words("milestone"), words("status"), words("margin"), words("due"), words("reached")],
            report.milestones.map { row in
                [words.text(row.title), words(row.status.rawValue), row.margin.map(words.margin) ?? "—",
                 time(row.dueAt), time(row.reachedAt)]
            }) + "\n"
    }

    private func decisionsAndApprovals() -> String {
        var out = "## \(words("Decisions"))\n\n" + table(
            [words("when"), words("step"), words("who"), words("option"), words("why")],
            report.decisions.map { row in
                [time(row.at), words.step(row.step),
                 row.defaulted ? words("defaulted on expiry") : holder(row.role, row.person),
                 words.text(row.optionTitle), row.why ?? ""]
            }) + "\n"
        out += "## \(words("Approvals"))\n\n" + table(
            [words("when"), words("step"), words("who"), words("status"), words("why")],
            report.approvals.map { row in
                [time(row.at), words.step(row.step),
                 row.expired ? (zh ? "无人审批（到期）" : "nobody (expired)") : holder(row.approver, row.person),
                 words(row.granted ? "granted" : "denied") + (row.expired ? " (\(words("defaulted on expiry")))" : ""),
                 row.why ?? ""]
            }) + "\n"
        return out
    }

    private func escalations() -> String {
        "## \(words("Escalations and notifications"))\n\n### \(words("Escalations"))\n\n" + table(
            [words("when"), words("step"), words("rung"), words("notified"), words("reassigned to"), words("went to")],
            report.escalations.map { row in
                [time(row.at), words.step(row.step), String(row.rung),
                 row.notified.map { words.role($0, heldBy: row.holders[$0]) }.joined(separator: ", "),
                 row.reassignedTo.map { words.role($0) } ?? "—", row.goto.map { words.step($0) } ?? "—"]
            }) + "\n### \(words("Notifications"))\n\n" + table(
            [words("when"), words("to"), words("text"), words("delivery")],
            report.notifications.map { row in
                var delivery: [String] = row.sent.map { (zh ? "已送达 " : "delivered to ") + $0 }
                delivery += row.deliveryFailures.map(words.undelivered)
                if delivery.isEmpty { delivery = [zh ? "无送达记录" : "no delivery journaled"] }
                return [time(row.at), row.roles.map { words.role($0, heldBy: row.holders[$0]) }.joined(separator: ", "),
                        words.text(row.message), delivery.joined(separator: zh ? "；" : "; ")]
            }) + "\n"
    }

    private func notesTable(_ rows: [RunReport.NoteRow], tagged: Bool = true, section: String? = nil) -> String {
        if rows.isEmpty, let section {
            return "_" + cell(zh ? "未记录：用 'muster note 运行编号 --section \(section) 内容' 补记。"
                              : "Not recorded: file it with 'muster note RUN --section \(section) TEXT'.") + "_\n"
        }
        let shown = rows.prefix(HTMLReport.listLimit)
        var out = table([words("when"), words("who"), words("text")], shown.map {
            [time($0.at), $0.person ?? "—", (tagged ? $0.section.map { "[\(words.sectionTitle($0))] " } ?? "" : "") + $0.text]
        })
        if rows.count > shown.count {
            let hidden = rows.count - shown.count
            out += "\n_" + (zh ? "另有 \(hidden) 条未列出（共 \(rows.count) 条）；完整记录见 JSON 报告（--format json）。"
                : "\(hidden) more not listed here (\(rows.count) in all); the JSON report (--format json) holds every one.") + "_\n"
        }
        return out
    }

    private func factsTable(_ rows: [RunReport.FactRow]? = nil) -> String {
        table([words("when"), words("fact"), words("value"), words("who")],
              (rows ?? report.facts).map { [time($0.at), words.text($0.title), $0.shownValue.map(words.text) ?? $0.value, $0.person ?? "—"] })
    }

    private func signature() -> String {
        var out = "## \(words("Signature"))\n\n"
        if report.signatures.isEmpty {
            out += words("Not signed by the user yet.") + "\n\n"
        } else {
            for signature in report.signatures {
                out += "- \(words("Signed by")) **\(cell(signature.person))** · \(words.instant(signature.at))\n"
            }
            out += "\n"
        }
        let cover = ReportCover(report: report, words: words)
        out += table(["", zh ? "姓名" : "Name", zh ? "签字" : "Signature", zh ? "日期" : "Date"],
                     cover.signOffRows.map { [$0.role, $0.name ?? " ", " ", $0.date ?? " "] }) + "\n"
        return out
    }

    private func integrity() -> String {
        var rows: [[String]] = [
            [words("Playbook"), "\(report.playbook.id) \(report.playbook.version)"],
            [words("Content hash"), "`\(report.start?.playbookHash ?? "")`"],
            [words("Mode"), words(report.start?.mode.rawValue ?? "live") + " · " + words("Clock") + " "
                + words(report.start?.virtualClock == true ? "virtual" : "real")],
        ]
        if let closed = report.closedAt { rows.append([words("Closed"), words.instant(closed)]) }
        rows += [
            [words("Journal head (SHA-256)"), "`\(report.integrity.head)`"],
            [words("Lines"), String(report.integrity.lines)],
            [words("Verified"), words(report.integrity.verified ? "yes" : "NO")],
        ]
        var generated = words("this report was generated from the journal")
        if let asOf = report.asOf { generated += zh ? "，截至 \(words.instant(asOf))" : ", as of \(words.instant(asOf))" }
        return "## \(words("Integrity"))\n\n" + table(["", ""], rows) + "\n_\(generated)_\n"
    }

    private func people() -> String {
        table([words("role"), words("who")],
              report.rolesHeld.map { [words.role($0), report.roleHistory[$0]!.joined(separator: " → ")] })
    }

    // MARK: Documents

    private func full() -> String {
        var out = header("Run report")
        out += "## \(words("People"))\n\n" + people() + "\n"
        out += severityChanges()
        out += "## \(words("Steps"))\n\n" + stepsTable(report.steps.filter { $0.phase == .main }) + "\n"
        out += milestonesTable()
        out += decisionsAndApprovals()
        out += escalations()
        out += "## \(words("Handovers"))\n\n" + table(
            [words("when"), words("role"), words("from"), words("to")],
            report.handovers.map { [time($0.at), words.role($0.role), $0.from ?? "—", $0.to] }) + "\n"
        out += "## \(words("Facts recorded"))\n\n" + factsTable() + "\n"
        out += "## \(words("Notes"))\n\n" + notesTable(report.notes) + "\n"
        out += "## \(words("Obligations after the end"))\n\n" + stepsTable(report.obligations) + "\n"
        if !report.rejections.isEmpty {
            out += "## \(words("Refused commands"))\n\n" + table(
                [words("when"), words("who"), words("event"), words("why")],
                report.rejections.map { [time($0.at), $0.person ?? "—", words.command($0.command), words.text($0.reason)] }) + "\n"
        }
        if !report.recordedForOthers.isEmpty {
            out += "## \(words("Recorded for others"))\n\n" + table(
                [words("when"), words("done by"), words("recorded by"), words("event")],
                report.recordedForOthers.map {
                    [time($0.at), $0.doer, $0.recorder, words.describe($0.kind, playbook: report.playbook)]
                }) + "\n"
        }
        out += timeline()
        out += signature()
        out += integrity()
        return out
    }

    private func section(_ name: String) -> [RunReport.NoteRow] { report.notes.filter { $0.section == name } }

    /// What the fault report lists in section `name`: the facts the playbook files there (`section:`), then
    /// the notes filed there; "not recorded" only when there is neither.
    private func recorded(_ name: String, _ notes: [RunReport.NoteRow], tagged: Bool = false) -> String {
        let facts = report.facts(inSection: name)
        let factRows = facts.isEmpty ? "" : factsTable(facts) + "\n"
        if !facts.isEmpty, notes.isEmpty { return factRows }
        return factRows + notesTable(notes, tagged: tagged, section: name)
    }

    private func fault() -> String {
        var out = header("Fault report")
        out += "## \(words("Phenomenon"))\n\n" + recorded("phenomenon", section("phenomenon")) + "\n"
        out += "## \(words("Impact"))\n\n\(words("Severity")): \(cell(severityText()))\n\n"
            + recorded("impact", section("impact")) + "\n"
        out += "## \(words("Cause"))\n\n" + recorded("cause", section("cause")) + "\n"
        out += "## \(words("Handling and result"))\n\n"
            + stepsTable(report.steps.filter { $0.phase == .main && $0.ending == .done }) + "\n"
            + recorded("handling", section("handling")) + "\n"
            + "\(words("Outcome")): \(cell(outcomeText()))\n\n"
        out += "## \(words("Prevention and improvements"))\n\n"
            + recorded("prevention", section("prevention") + section("lesson"), tagged: true) + "\n"
        out += milestonesTable()
        out += signature()
        out += integrity()
        return out
    }

    private func work() -> String {
        var out = header("Emergency work report")
        out += "## \(words("Participants"))\n\n" + people() + "\n"
        out += "## \(words("Key actions"))\n\n"
            + stepsTable(report.steps.filter { $0.ending == .done && $0.phase == .main }) + "\n"
        out += decisionsAndApprovals()
        out += milestonesTable()
        out += "## \(words("Obligations after the end"))\n\n" + stepsTable(report.obligations) + "\n"
        out += signature()
        out += integrity()
        return out
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: Substring(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
