import PlaybookLanguage
import RunEngine

/// Renders a run report as Markdown, in English or Chinese.
public struct MarkdownReport: Sendable {
    public let report: RunReport
    public let words: ReportWords

    public init(_ report: RunReport, language: String) {
        self.report = report
        self.words = ReportWords(language: language, playbook: report.playbook)
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

    /// Text for a table cell: `|` escaped, lines joined, and `<` `>` `&` written as entities so that a Markdown
    /// viewer never takes text from a playbook or a person for HTML.
    private func cell(_ text: String) -> String {
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

    private func time(_ instant: Int64?) -> String { instant.map(words.instant) ?? "—" }

    private func header(_ titleWord: String) -> String {
        let playbook = report.playbook
        var out = "# \(words(titleWord)): \(cell(words.text(playbook.title)))\n\n"
        var rows: [[String]] = [
            [words("Playbook"), "\(playbook.id) \(playbook.version)"],
            [words("Content hash"), "`\(report.start?.playbookHash ?? "")`"],
            [words("Mode"), words(report.start?.mode.rawValue ?? "live") + " · " + words("Clock") + " "
                + words(report.start?.virtualClock == true ? "virtual" : "real")],
            [words("Severity"), severityText()],
            [words("Started"), words.instant(report.startedAt)],
            [words("Ended"), time(report.endedAt)],
            [words("Outcome"), outcomeText()],
        ]
        if let why = report.abortedWhy { rows.append([words("Aborted"), why]) }
        if let closed = report.closedAt { rows.append([words("Closed"), words.instant(closed)]) }
        out += table(["", ""], rows) + "\n"
        return out
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

    private func severityChanges() -> String {
        "## \(words("Severity changes"))\n\n" + table(
            [words("when"), words("from"), words("to"), words("who"), words("why")],
            report.severityChanges.map { [time($0.at), $0.from ?? "—", $0.to, $0.person ?? "—", $0.why ?? ""] }) + "\n"
    }

    private func timeline() -> String {
        "## \(words("Timeline"))\n\n" + table(
            [words("seq"), words("+time"), words("time"), words("who"), words("event")],
            report.timeline.map { entry in
                [String(entry.seq), words.relative(entry.relative), words.instant(entry.event.at),
                 words.actor(entry.event.actor), words.describe(entry.event.kind, playbook: report.playbook)]
            }) + "\n"
    }

    private func stepsTable(_ rows: [RunReport.StepRow]) -> String {
        table(
            [words("step"), words("owner"), words("activated"), words("acknowledged"), words("done"), words("due"),
             words("margin")],
            rows.map { row in
                let ended: String
                switch row.ending {
                case .open: ended = words("open")
                case .done: ended = time(row.endedAt)
                case .cancelled(let why): ended = "\(words("cancelled")) \(time(row.endedAt)): \(words.text(why))"
                }
                return ["\(words.text(row.title)) (\(row.step))",
                        (row.owner ?? "—") + (row.holder.map { " · \($0)" } ?? ""), time(row.activatedAt),
                        time(row.acknowledgedAt), ended, time(row.dueAt),
                        row.margin.map(words.margin) ?? (row.defaultTaken.map { words("expired, default taken") + ": \($0)" } ?? "—")]
            })
    }

    private func milestonesTable() -> String {
        "## \(words("Milestones"))\n\n" + table(
            [words("milestone"), words("due"), words("reached"), words("margin"), words("status")],
            report.milestones.map { row in
                ["\(words.text(row.title)) (\(row.milestone))", time(row.dueAt), time(row.reachedAt),
                 row.margin.map(words.margin) ?? "—", words(row.status.rawValue)]
            }) + "\n"
    }

    private func decisionsAndApprovals() -> String {
        var out = "## \(words("Decisions"))\n\n" + table(
            [words("when"), words("step"), words("who"), words("option"), words("why")],
            report.decisions.map { row in
                [time(row.at), row.step, row.defaulted ? words("defaulted on expiry") : (row.person ?? "—")
                    + (row.role.map { " (\($0))" } ?? ""),
                 "\(words.text(row.optionTitle)) (\(row.option))", row.why ?? ""]
            }) + "\n"
        out += "## \(words("Approvals"))\n\n" + table(
            [words("when"), words("step"), words("who"), words("status"), words("why")],
            report.approvals.map { row in
                [time(row.at), row.step, row.expired ? words("expired") : (row.person ?? "—")
                    + (row.approver.map { " (\($0))" } ?? ""),
                 words(row.granted ? "granted" : "denied"), row.why ?? ""]
            }) + "\n"
        return out
    }

    private func escalations() -> String {
        "## \(words("Escalations and notifications"))\n\n### \(words("Escalations"))\n\n" + table(
            [words("when"), words("step"), words("rung"), words("notified"), words("reassigned to"), words("went to")],
            report.escalations.map { row in
                [time(row.at), row.step, String(row.rung), row.notified.joined(separator: ", "),
                 row.reassignedTo ?? "—", row.goto ?? "—"]
            }) + "\n### \(words("Notifications"))\n\n" + table(
            [words("when"), words("to"), words("text"), words("sent"), words("failed")],
            report.notifications.map { row in
                [time(row.at), row.roles.joined(separator: ", "), words.text(row.message),
                 row.sent.joined(separator: ", "), row.failed.map(words.text).joined(separator: "; ")]
            }) + "\n"
    }

    private func notesTable(_ rows: [RunReport.NoteRow]) -> String {
        table([words("when"), words("who"), words("text")],
              rows.map { [time($0.at), $0.person ?? "—", ($0.section.map { "[\($0)] " } ?? "") + $0.text] })
    }

    private func factsTable() -> String {
        table([words("when"), words("fact"), words("value"), words("who")],
              report.facts.map { ["\(time($0.at))", "\(words.text($0.title)) (\($0.fact))", $0.value, $0.person ?? "—"] })
    }

    private func signature() -> String {
        var out = "## \(words("Signature"))\n\n"
        if report.signatures.isEmpty {
            out += words("Not signed by the user yet.") + "\n\n"
        } else {
            for signature in report.signatures {
                out += "- \(words("Signed by")) **\(signature.person)** · \(words.instant(signature.at))\n"
            }
            out += "\n"
        }
        return out
    }

    private func integrity() -> String {
        "## \(words("Integrity"))\n\n" + table(["", ""], [
            [words("Journal head (SHA-256)"), "`\(report.integrity.head)`"],
            [words("Lines"), String(report.integrity.lines)],
            [words("Verified"), words(report.integrity.verified ? "yes" : "NO")],
        ]) + "\n_\(words("this report was generated from the journal"))_\n"
    }

    // MARK: Documents

    private func full() -> String {
        var out = header("Run report")
        let people = report.people.keys.sorted().map { [$0, report.people[$0]!] }
        out += "## \(words("People"))\n\n" + table([words("role"), words("who")], people) + "\n"
        out += severityChanges()
        out += "## \(words("Steps"))\n\n" + stepsTable(report.steps.filter { $0.phase == .main }) + "\n"
        out += milestonesTable()
        out += decisionsAndApprovals()
        out += escalations()
        out += "## \(words("Handovers"))\n\n" + table(
            [words("when"), words("role"), words("from"), words("to")],
            report.handovers.map { [time($0.at), $0.role, $0.from ?? "—", $0.to] }) + "\n"
        out += "## \(words("Facts recorded"))\n\n" + factsTable() + "\n"
        out += "## \(words("Notes"))\n\n" + notesTable(report.notes) + "\n"
        out += "## \(words("Obligations after the end"))\n\n" + stepsTable(report.obligations) + "\n"
        out += "## \(words("Lessons"))\n\n"
            + notesTable(report.notes.filter { $0.section == "lesson" || $0.section == "prevention" }) + "\n"
        if !report.rejections.isEmpty {
            out += "## \(words("Refused commands"))\n\n" + table(
                [words("when"), words("who"), words("event"), words("why")],
                report.rejections.map { [time($0.at), $0.person ?? "—", $0.command, words.text($0.reason)] }) + "\n"
        }
        if !report.recordedForOthers.isEmpty {
            out += "## \(words("Recorded for others"))\n\n" + table(
                [words("when"), words("done by"), words("recorded by"), words("event")],
                report.recordedForOthers.map { [time($0.at), $0.doer, $0.recorder, $0.event] }) + "\n"
        }
        out += timeline()
        out += signature()
        out += integrity()
        return out
    }

    private func section(_ name: String) -> [RunReport.NoteRow] { report.notes.filter { $0.section == name } }

    private func fault() -> String {
        var out = header("Fault report")
        out += "## \(words("Phenomenon"))\n\n" + factsTable() + "\n" + notesTable(section("phenomenon")) + "\n"
        out += "## \(words("Impact"))\n\n\(words("Severity")): \(severityText())\n\n" + notesTable(section("impact")) + "\n"
        out += "## \(words("Cause"))\n\n" + notesTable(section("cause")) + "\n"
        out += "## \(words("Handling and result"))\n\n"
            + stepsTable(report.steps.filter { $0.phase == .main && $0.ending == .done }) + "\n"
            + notesTable(section("handling")) + "\n" + "\(words("Outcome")): \(outcomeText())\n\n"
        out += "## \(words("Prevention and improvements"))\n\n"
            + notesTable(section("prevention") + section("lesson")) + "\n"
        out += milestonesTable()
        out += signature()
        out += integrity()
        return out
    }

    private func work() -> String {
        var out = header("Emergency work report")
        out += "## \(words("Participants"))\n\n" + table(
            [words("role"), words("who")], report.people.keys.sorted().map { role in
                [words.text(report.playbook.role(role)?.title) + " (\(role))", report.people[role]!]
            }) + "\n"
        out += "## \(words("Key actions"))\n\n" + stepsTable(report.steps.filter { $0.ending == .done }) + "\n"
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
