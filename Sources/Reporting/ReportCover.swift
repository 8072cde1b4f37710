import PlaybookLanguage

/// The first page of every report, in words, for the Markdown and HTML renderings alike: what happened and where,
/// one paragraph a client can read alone, the key figures against the service levels the playbook states, who
/// was told, and a DRILL banner when the run was an exercise.
struct ReportCover {
    /// One key figure: a label, its value, and whether it is good, bad or neither.
    struct Figure {
        enum Tone: String { case plain, ok, bad }
        var label: String
        var value: String
        var tone: Tone = .plain
        /// The person the label names, if any (the HTML isolates the name).
        var person: String? = nil
    }

    let report: RunReport
    let words: ReportWords

    private var zh: Bool { words.language == .zh }

    /// The incident's own title; the playbook's title when none was given.
    var title: String { report.incidentTitle ?? words.text(report.playbook.title) }

    /// Whether the incident was never given a title of its own (the report then says how to give one).
    var untitled: Bool { report.incidentTitle == nil }

    /// `Playbook: Machine-room water leak 0.2.0 · run water-leak-20261122-025308`.
    var subtitle: String {
        var text = "\(words("Playbook"))\(zh ? "：" : ": ")\(words.text(report.playbook.title)) \(report.playbook.version)"
        if let runID = report.runID { text += " · \(words("Run")) \(runID)" }
        return text
    }

    var isDrill: Bool { report.start.map { !$0.kind.isLive } ?? false }

    /// The banner of a drill: an exercise, and where its evaluation is.
    var drillBanner: String {
        let command = "muster drill report \(report.runID ?? "RUN")"
        return zh ? "演练：本报告记录的是一次演练，不是真实故障。演练评估见演练报告（\(command)）。"
            : "DRILL: this report records an exercise, not a real incident. The drill's evaluation is in its drill "
                + "report (\(command))."
    }

    /// The report is of a run still open: everything in it is as of `asOf`.
    var openAsOf: Int64? { report.outcome == nil ? (report.asOf ?? report.timeline.last?.event.at) : nil }

    /// `Times are local times in Asia/Shanghai (UTC+08:00).`
    var zoneNote: String {
        let zone = "\(words.time.name), \(words.time.offsetName(at: report.startedAt))"
        return zh ? "时间均为当地时间（\(zone)）；表中只写时刻的，日期同开始日期 \(words.time.date(report.startedAt))。"
            : "Times are local (\(zone)); a time in a table without a date is on the start's date, "
                + "\(words.time.date(report.startedAt))."
    }

    private func severity() -> String {
        report.finalSeverity.map(words.severity) ?? words("not graded")
    }

    private func outcome() -> String? {
        report.outcome.map { zh ? "\(words.outcome($0.id))（\(words.outcomeKind($0.kind))）"
            : "\(words.outcome($0.id)) (\(words.outcomeKind($0.kind)))" }
    }

    /// How one service level went: `4m10s against 10m: met` / `4分10秒，时限 10分钟：按时`.
    func serviceLevelText(_ level: RunReport.ServiceLevel) -> (String, Figure.Tone) {
        let target = level.target.map(words.span)
        switch level.status {
        case .met, .late:
            let taken = level.taken.map(words.span) ?? "—"
            let verdict = words(level.status.rawValue)
            let limit = target.map { zh ? "，时限 \($0)" : " against \($0)" } ?? ""
            return ("\(taken)\(limit)\(zh ? "：" : ": ")\(verdict)", level.status == .met ? .ok : .bad)
        case .missed, .notReached:
            let limit = target.map { zh ? "（时限 \($0)）" : " (within \($0))" } ?? ""
            return (words(level.status.rawValue) + limit, .bad)
        case .pending:
            let limit = target.map { zh ? "（时限 \($0)）" : " (within \($0))" } ?? ""
            return (words("pending") + limit, .plain)
        case .handedOver:
            let limit = target.map { zh ? "（时限 \($0)）" : " (within \($0))" } ?? ""
            return (words(level.status.rawValue) + limit, .plain)
        }
    }

    /// The measure's name: response, repair, report.
    func measureName(_ measure: Milestone.Measure) -> String {
        switch measure {
        case .response: zh ? "响应" : "Response"
        case .repair: zh ? "修复" : "Repair"
        case .report: zh ? "报告" : "Reporting"
        }
    }

    /// The key figures, in reading order.
    var figures: [Figure] {
        var out = [Figure(label: words("Started"), value: words.instant(report.startedAt))]
        if let ended = report.endedAt {
            out.append(Figure(label: words("Ended"), value: words.instant(ended)))
        } else if let asOf = openAsOf {
            out.append(Figure(label: words("Ended"), value: zh ? "尚未结束（截至 \(words.instant(asOf))）"
                                  : "still open as of \(words.instant(asOf))", tone: .bad))
        }
        if let duration = report.duration {
            out.append(Figure(label: zh ? "持续时长" : "Duration", value: words.span(duration)))
        }
        out.append(Figure(label: words("Severity"), value: severity()))
        if let outcome = outcome() {
            out.append(Figure(label: words("Outcome"), value: outcome,
                              tone: report.outcome?.kind == "success" ? .ok : .bad))
        } else {
            out.append(Figure(label: words("Outcome"), value: words("open")))
        }
        for level in report.serviceLevels {
            let (text, tone) = serviceLevelText(level)
            let title = words.text(level.title)
            out.append(Figure(label: zh ? "\(measureName(level.measure))（\(title)）"
                                  : "\(measureName(level.measure)) (\(title))", value: text, tone: tone))
        }
        let late = report.lateSteps
        out.append(Figure(label: zh ? "超时步骤" : "Steps late",
                          value: zh ? "\(late.of) 个步骤中 \(late.late) 个" : "\(late.late) of \(late.of)",
                          tone: late.late > 0 ? .bad : .ok))
        return out
    }

    /// Who a notification went to, one line each: `Tech lead carol: delivered`.
    var recipients: [Figure] {
        report.recipients.map { recipient in
            let who = words.role(recipient.role, heldBy: recipient.person)
            switch recipient.delivery {
            case .sent: return Figure(label: who, value: zh ? "已送达" : "delivered", tone: .ok, person: recipient.person)
            case .failed(let why):
                return Figure(label: who, value: (zh ? "未送达：" : "not delivered: ") + words.text(why), tone: .bad,
                              person: recipient.person)
            case .unrecorded:
                return Figure(label: who, value: zh ? "已要求通知，日志中无送达记录（未配置通知程序？）"
                                  : "asked for; no delivery journaled (no notifier configured?)", person: recipient.person)
            }
        }
    }

    /// The one paragraph a client reads: what, when, how bad, how it ended, how fast, what ran late. Each service
    /// level is named by its milestone's title: two milestones may measure the same thing (two reports).
    var summary: String {
        var sentences: [String] = []
        let start = words.instant(report.startedAt)
        if zh {
            sentences.append("\(title)：\(start) 开始处置，严重级别为「\(severity())」。")
            if let ended = report.endedAt, let outcome = outcome() {
                sentences.append("\(words.instant(ended)) 处置结束，结果为「\(outcome)」，历时 \(words.span(ended - report.startedAt))。")
            } else if let asOf = openAsOf {
                sentences.append("截至 \(words.instant(asOf)) 仍在处置中，已历时 \(words.span(max(asOf - report.startedAt, 0)))。")
            }
            for level in report.serviceLevels {
                sentences.append("\(words.text(level.title))：\(serviceLevelText(level).0)。")
            }
            let late = report.lateSteps
            sentences.append(late.late == 0 ? "所有步骤均按时完成。" : "\(late.of) 个步骤中有 \(late.late) 个超时。")
            return sentences.joined()
        }
        sentences.append("\(title): the response began at \(start); severity \(severity()).")
        if let ended = report.endedAt, let outcome = outcome() {
            sentences.append("It ended at \(words.instant(ended)) with the outcome \(outcome), after "
                + "\(words.span(ended - report.startedAt)).")
        } else if let asOf = openAsOf {
            sentences.append("It was still open as of \(words.instant(asOf)), "
                + "\(words.span(max(asOf - report.startedAt, 0))) after the start.")
        }
        for level in report.serviceLevels {
            sentences.append("\(words.text(level.title)): \(serviceLevelText(level).0).")
        }
        let late = report.lateSteps
        sentences.append(late.late == 0 ? "No step ran late." : "\(late.late) of \(late.of) steps ran late.")
        return sentences.joined(separator: " ")
    }

    /// The printed sign-off block's rows: who reported, who reviewed, the user who accepts it (with the journaled
    /// signature filled in).
    var signOffRows: [(role: String, name: String?, date: String?)] {
        let user = report.signatures.last
        return [
            (zh ? "报告人" : "Reported by", nil, nil),
            (zh ? "审核人" : "Reviewed by", nil, nil),
            (zh ? "用户签收" : "Accepted by the user", user?.person, user.map { words.time.date($0.at) }),
        ]
    }
}
