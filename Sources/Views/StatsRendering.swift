import JSONText
import PlaybookLanguage
import Reporting

/// The words of `muster stats`, in English and Chinese.
struct StatsWords {
    let language: Language

    private static let chinese: [String: String] = [
        "Live runs in": "实战运行统计：", "as of": "截至", "started on or after": "开始不早于", "counted": "计入",
        "drills left out": "演练（不计入）", "started before --since": "早于起始日期开始", "unreadable": "无法读取",
        "playbook": "预案", "severity": "严重级别", "runs": "运行数", "not graded": "未定级", "all": "合计",
        "response": "响应及时率", "repair": "故障修复及时率", "report": "报告及时率", "pending": "待定",
        "Reports overdue": "报告逾期", "Reports not signed": "报告未签收", "Unreadable runs": "无法读取的运行",
        "run": "运行", "step": "步骤", "due at": "截止", "done at": "完成于", "still open": "仍未完成",
        "overdue by": "逾期", "outcome": "结果", "ended at": "结束于", "none": "无", "No live runs.": "没有实战运行。",
        "measures taken from milestone ids (no milestone declares measures:)": "考核指标按里程碑编号推断（无里程碑声明 measures:）",
        "a share is on time / runs counted; a run counts once a milestone of the measure fell due":
            "及时率 = 按时运行数 / 计入运行数；里程碑到期后该运行才计入",
    ]

    func callAsFunction(_ english: String) -> String {
        language == .zh ? Self.chinese[english] ?? english : english
    }
}

/// `muster stats` as a table for people and as JSON for machines.
public struct StatsRendering: Sendable {
    /// The statistics shown.
    public let summary: StatsSummary
    /// The language of the words and of the playbooks' texts.
    public let language: Language
    /// The zone the text gives instants in, each with its offset (`stats --tz`).
    public let time: LocalTime

    /// `summary` shown in `language`, its instants in `time`.
    public init(summary: StatsSummary, language: Language, time: LocalTime = .utc) {
        self.summary = summary
        self.language = language
        self.time = time
    }

    private var words: StatsWords { StatsWords(language: language) }

    // MARK: JSON

    /// The statistics as one JSON value (instants in milliseconds since the epoch, shares as fractions).
    public func json() -> JSONValue {
        var object = JSONObject()
        object["runs_directory"] = .string(summary.runsDirectory)
        object["as_of"] = .integer(summary.now)
        object["since"] = summary.since.map { .string(String(TimeText.instant($0).prefix(10))) } ?? .null
        object["counted"] = .integer(Int64(summary.total.runs.count))
        object["drills_excluded"] = .array(summary.drillsExcluded.map(JSONValue.string))
        object["started_before_since"] = .array(summary.beforeSince.map(JSONValue.string))
        object["groups"] = .array(summary.groups.map { group in
            var row = JSONObject()
            row["playbook"] = .string(group.playbook)
            row["severity"] = group.severity.map(JSONValue.string) ?? .null
            row["severity_title"] = group.severityTitle.map { .string($0.text(language)) } ?? .null
            row["runs"] = .integer(Int64(group.runs.count))
            for measure in StatsSummary.measures { row[measure.rawValue] = tally(group.tallies[measure] ?? .init()) }
            row["run_ids"] = .array(group.runs.map(JSONValue.string))
            return .object(row)
        })
        var total = JSONObject()
        total["runs"] = .integer(Int64(summary.total.runs.count))
        for measure in StatsSummary.measures { total[measure.rawValue] = tally(summary.total.tallies[measure] ?? .init()) }
        object["total"] = .object(total)
        object["overdue_reports"] = .array(summary.overdueReports.map { overdue in
            .object([
                "run": .string(overdue.run), "playbook": .string(overdue.playbook),
                "severity": overdue.severity.map(JSONValue.string) ?? .null, "step": .string(overdue.step),
                "due_at": .integer(overdue.dueAt), "done_at": overdue.doneAt.map(JSONValue.integer) ?? .null,
                "open": .bool(overdue.doneAt == nil), "overdue_ms": .integer(overdue.overdueBy),
            ])
        })
        object["unsigned"] = .array(summary.unsigned.map { run in
            .object([
                "run": .string(run.run), "playbook": .string(run.playbook),
                "severity": run.severity.map(JSONValue.string) ?? .null, "outcome": .string(run.outcome),
                "ended_at": .integer(run.endedAt),
            ])
        })
        object["unreadable"] = .array(summary.unreadable.map { run in
            .object(["run": .string(run.run), "reason": .string(run.reason)])
        })
        object["measures_from_ids"] = .array(summary.measuresFromIDs.sorted().map(JSONValue.string))
        return .object(object)
    }

    private func tally(_ tally: StatsSummary.Tally) -> JSONValue {
        .object([
            "counted": .integer(Int64(tally.counted)), "on_time": .integer(Int64(tally.onTime)),
            "rate": tally.rate.map(JSONValue.number) ?? .null, "pending": .integer(Int64(tally.pending)),
        ])
    }

    // MARK: Text

    /// The statistics as tables for people, ending with a newline: a heading naming the runs directory read and
    /// the instant they are judged at, then `tables()`.
    public func text() -> String {
        let comma = language == .zh ? "，" : ", "
        var heading = words("Live runs in") + (language == .zh ? "'" : " '") + summary.runsDirectory + "'" + comma + words("as of") + " "
            + time.instant(summary.now)
        if let since = summary.since {
            heading += comma + words("started on or after") + " " + String(TimeText.instant(since).prefix(10))
        }
        return heading + "\n" + tables()
    }

    /// The statistics without the heading (a page says when and what itself): what was counted, then the tables
    /// per playbook and level, the overdue reports and the unsigned ones; instants in `time`, playbooks, steps,
    /// levels and outcomes by their titles in Chinese.
    public func tables() -> String {
        var lines: [String] = []
        let colon = language == .zh ? "：" : ": "
        var counts = [words("counted") + colon + "\(summary.total.runs.count)"]
        if !summary.drillsExcluded.isEmpty { counts.append(words("drills left out") + colon + "\(summary.drillsExcluded.count)") }
        if !summary.beforeSince.isEmpty { counts.append(words("started before --since") + colon + "\(summary.beforeSince.count)") }
        if !summary.unreadable.isEmpty { counts.append(words("unreadable") + colon + "\(summary.unreadable.count)") }
        lines.append(counts.joined(separator: language == .zh ? "；" : "; "))
        lines.append("")
        if summary.groups.isEmpty {
            lines.append(words("No live runs."))
        } else {
            var rows: [[String]] = [[words("playbook"), words("severity"), words("runs")]
                + StatsSummary.measures.map { words($0.rawValue) }]
            for group in summary.groups {
                var severity = words("not graded")
                var playbook = group.playbook
                if language == .zh {
                    // A Chinese reader reads titles, not ids.
                    if let id = group.severity { severity = group.severityTitle?.text(language) ?? id }
                    playbook = group.playbookTitle?.text(language) ?? group.playbook
                } else if let id = group.severity {
                    severity = id
                    if let title = group.severityTitle?.text(language), title.lowercased() != id.lowercased() {
                        severity += " " + title
                    }
                }
                rows.append([playbook, severity, "\(group.runs.count)"]
                    + StatsSummary.measures.map { cell(group.tallies[$0] ?? .init()) })
            }
            rows.append([words("all"), "", "\(summary.total.runs.count)"]
                + StatsSummary.measures.map { cell(summary.total.tallies[$0] ?? .init()) })
            lines += table(rows, rightAligned: [2])
            lines.append("")
            lines.append("  " + words("a share is on time / runs counted; a run counts once a milestone of the measure fell due"))
            if !summary.measuresFromIDs.isEmpty {
                lines.append("  " + words("measures taken from milestone ids (no milestone declares measures:)") + colon
                    + summary.measuresFromIDs.sorted().joined(separator: ", "))
            }
        }
        lines.append("")
        lines.append(words("Reports overdue") + " (\(summary.overdueReports.count))")
        if summary.overdueReports.isEmpty {
            lines.append("  " + words("none"))
        } else {
            var rows = [[words("run"), words("playbook"), words("step"), words("due at"), words("done at"),
                         words("overdue by")]]
            for overdue in summary.overdueReports {
                rows.append([overdue.run, name(overdue.playbook, overdue.playbookTitle), name(overdue.step, overdue.stepTitle),
                             time.instant(overdue.dueAt), overdue.doneAt.map(time.instant) ?? words("still open"),
                             span(overdue.overdueBy)])
            }
            lines += table(rows)
        }
        lines.append("")
        lines.append(words("Reports not signed") + " (\(summary.unsigned.count))")
        if summary.unsigned.isEmpty {
            lines.append("  " + words("none"))
        } else {
            var rows = [[words("run"), words("playbook"), words("severity"), words("outcome"), words("ended at")]]
            for run in summary.unsigned {
                rows.append([run.run, name(run.playbook, run.playbookTitle),
                             run.severity.map { name($0, run.severityTitle) } ?? words("not graded"),
                             name(run.outcome, run.outcomeTitle), time.instant(run.endedAt)])
            }
            lines += table(rows)
        }
        if !summary.unreadable.isEmpty {
            lines.append("")
            lines.append(words("Unreadable runs") + " (\(summary.unreadable.count))")
            for run in summary.unreadable { lines.append("  " + run.run + ": " + run.reason) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// What a table names by `id`: in Chinese by its title (the id where there is none), in English by its id.
    private func name(_ id: String, _ title: LocalizedText?) -> String {
        language == .zh ? title?.text(language) ?? id : id
    }

    /// A span in the reader's language: `1h 5m`, `1小时5分钟`.
    private func span(_ milliseconds: Int64) -> String {
        TimeText.span(milliseconds, language: language)
    }

    /// `1/2 50%`, with what is pending; `—` when no run counted.
    private func cell(_ tally: StatsSummary.Tally) -> String {
        var text = "—"
        if let rate = tally.rate {
            text = "\(tally.onTime)/\(tally.counted) \(Int((rate * 100).rounded()))%"
        }
        if tally.pending > 0 { text += " (+\(tally.pending) " + words("pending") + ")" }
        return text
    }

    /// Rows as columns lined up by display width, indented two spaces, the first row a heading.
    private func table(_ rows: [[String]], rightAligned: Set<Int> = []) -> [String] {
        let columns = rows.map(\.count).max() ?? 0
        let widths = (0..<columns).map { column in rows.map { column < $0.count ? TextWidth.of($0[column]) : 0 }.max() ?? 0 }
        return rows.map { row in
            var line = " "
            for (column, cell) in row.enumerated() {
                let padding = String(repeating: " ", count: max(0, widths[column] - TextWidth.of(cell)))
                line += " " + (rightAligned.contains(column) ? padding + cell : cell + padding)
            }
            while line.last == " " { line.removeLast() }
            return line
        }
    }
}
