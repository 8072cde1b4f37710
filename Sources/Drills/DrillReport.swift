import Diagnostics
public import JSONText
import PlaybookLanguage
public import Reporting
import RunEngine

/// The drill report, an after-action report and improvement plan (HSEEP AAR/IP): the exercise overview, each
/// objective's rating with its evidence and the evaluator's justification, strengths and areas for improvement
/// per objective, the evaluators' observations, the improvement plan (with owner, due date and status), the
/// injects delivered, a signature block, and the record's integrity. One content, rendered as Markdown, HTML or
/// JSON, in English or Chinese.
public struct DrillReport: Sendable {
    public let evaluation: DrillEvaluation
    public let report: RunReport
    public let words: ReportWords

    /// The real date of an unattended practice, kept beside its journal rather than in it.
    public let practiceHeldAt: Int64?

    /// - Parameters:
    ///   - time: the zone the report gives times in, each with its offset (`drill report --tz`).
    ///   - practiceHeldAt: when an unattended `drill run` was really played (its journal holds no real time).
    public init(evaluation: DrillEvaluation, report: RunReport, language: String, time: LocalTime = .utc,
                practiceHeldAt: Int64? = nil) {
        self.evaluation = evaluation
        self.report = report
        self.words = ReportWords(language: language, playbook: report.playbook, time: time)
        self.practiceHeldAt = practiceHeldAt
    }

    var zh: Bool { words.language == "zh" }
    func say(_ english: String, _ chinese: String) -> String { zh ? chinese : english }

    /// The run's start record.
    var start: RunStart? {
        if case .runStarted(let start)? = report.timeline.first?.event.kind { return start }
        return nil
    }

    /// When the drill was really held: the wall clock at its start where the journal records it, else the real
    /// date of an unattended practice.
    public var heldAt: Int64? { report.timeline.first?.event.realAt ?? practiceHeldAt }

    /// The wall clock at the drill's last line, where the journal records it: when it really ended (or stood
    /// when the report was made).
    public var heldUntil: Int64? { report.timeline.last { $0.event.realAt != nil }?.event.realAt }

    /// "2026-12-06 10:00:00 +08:00 – 12:31:00 +08:00": when the drill was really held, in the report's zone.
    /// An unattended practice's says so: "2026-12-06 17:30:00 +08:00 (practice, unattended)".
    var heldText: String {
        guard let heldAt else { return "—" }
        if start?.unattended == true {
            return words.instant(heldAt) + say(" (practice, unattended)", "（练习，无人值守）")
        }
        guard let until = heldUntil, until > heldAt else { return words.instant(heldAt) }
        let end = words.time.date(until) == words.time.date(heldAt)
            ? words.time.clock(until) + " " + TimeText.offset(seconds: words.time.offset(at: until)) : words.instant(until)
        return words.instant(heldAt) + " – " + end
    }

    /// The roles the scenario's scripted players played in a drill people played, and how many actions they took.
    var scriptedText: String? {
        guard start?.unattended != true else { return nil }
        var roles: [String] = start?.scripted ?? []
        var players = Set<Int>()
        // A role handed back to a person (`drill unscript`), with when it last was.
        var handedBack: [String: Int64] = [:]
        for entry in report.timeline {
            if case .exercise(.scripted(let role)) = entry.event.kind {
                if !roles.contains(role) { roles.append(role) }
                handedBack[role] = nil
            }
            if case .exercise(.unscripted(let role)) = entry.event.kind { handedBack[role] = entry.relative }
            if let player = entry.event.scriptedPlayer { players.insert(player) }
        }
        guard !roles.isEmpty else { return nil }
        let actions = players.count
        let shown = roles.map { role in
            roleName(role) + (handedBack[role].map { say(" (handed back to a person at \(words.relative($0)))",
                                               "（\(words.relative($0)) 交回人员扮演）") } ?? "")
        }
        return say("\(shown.joined(separator: ", ")) (\(actions) scripted actions)",
                   "\(shown.joined(separator: "、"))（脚本操作 \(actions) 次）")
    }

    /// How the drill was played: with people, driven by a controller, or unattended by the scripted players.
    var playedText: String {
        start?.unattended == true
            ? say("unattended (scripted players; practice)", "无人值守（脚本人员；练习）")
            : say("by people, a controller moving the clock", "由人员参演，控制员推进时钟")
    }

    /// An action of the improvement plan.
    public struct Action: Sendable, Hashable {
        public var objective: String
        public var action: String
        public var owner: String
        public var dueAt: Int64
        public var status: String
        /// Whether a person set it (`drill improve`), rather than the default for a rating below P.
        public var journaled: Bool
    }

    /// The improvement plan: for each objective, the last action the staff journaled (`drill improve`); for an
    /// objective rated below P with none, a default one due in 30 days (90 for S) for its owner.
    public var improvementPlan: [Action] {
        let end = report.endedAt ?? report.timeline.last?.event.at ?? report.startedAt
        var journaled: [String: Action] = [:]
        for entry in report.timeline {
            if case .exercise(.improvement(let objective, let action, let owner, let dueAt, let status)) = entry.event.kind {
                journaled[objective] = Action(objective: objective, action: action, owner: owner, dueAt: dueAt,
                                              status: status, journaled: true)
            }
        }
        return evaluation.results.compactMap { result in
            if let action = journaled[result.objective.id] { return action }
            guard result.rating != .performed else { return nil }
            let title = words.text(result.objective.title)
            let owner = result.objective.owner ?? ownerOfTarget(result.objective) ?? "commander"
            let days: Int64 = result.rating == .someChallenges ? 90 : 30
            return Action(
                objective: result.objective.id,
                action: say("Practise “\(title)” (\(result.reason)); run a targeted drill",
                            "针对“\(title)”加强训练（\(result.reasonChinese)），并组织专项演练"),
                owner: owner, dueAt: end + days * 86_400_000, status: "open", journaled: false)
        }
    }

    private func ownerOfTarget(_ objective: Scenario.Objective) -> String? {
        DrillEvaluation.targetStep(objective, playbook: report.playbook).flatMap { step in
            report.playbook.allSteps.first { $0.id == step }?.possibleOwners.first
        }
    }

    func targetText(_ objective: Scenario.Objective) -> String {
        switch objective.target {
        case .milestone(let id):
            let title = report.playbook.milestones.first { $0.id == id }.map { words.text($0.title) } ?? id
            return say("milestone \(title)", "里程碑：\(title)")
        case .stepDone(let step, let within):
            let title = report.playbook.allSteps.first { $0.id == step }.map { words.text($0.title) } ?? step
            return say("\(title) done within \(Duration.format(milliseconds: within))",
                       "\(TimeText.chineseSpan(within))内完成“\(title)”")
        }
    }

    func statusText(_ status: String) -> String { words.improvementStatus(status) }

    /// `2026-02-01`: an action's due date, a date without a time of day: the date a person gave (`drill improve
    /// --due`), or for a default action the date in the report's zone.
    func dueText(_ action: Action) -> String {
        action.journaled ? ReportWords.dueDate(action.dueAt) : words.time.date(action.dueAt)
    }

    // MARK: The content, shared by every rendering

    /// A key-value row of the overview.
    struct Row {
        var label: String
        var value: String
        /// Whether the value is a command to type (set as code).
        var command = false
    }

    /// The overview's rows, for a report in `format` (`md` or `html`: the run report's command asks for the same).
    func overview(_ format: String) -> [Row] {
        let scenario = evaluation.scenario
        let roleTitle = { (role: String) in report.playbook.role(role).map { words.text($0.title) } ?? role }
        var rows = [
            // A Chinese reader reads the scenario and the playbook by their titles; the ids stay in the JSON.
            Row(label: say("Scenario", "演练脚本"),
                value: zh ? "\(words.text(scenario.title))（\(kindText(scenario.kind))）"
                    : "\(scenario.id) (\(kindText(scenario.kind)))"),
            Row(label: words("Playbook"),
                value: zh ? "\(words.text(report.playbook.title))（版本 \(report.playbook.version)）"
                    : "\(report.playbook.id) \(report.playbook.version) · \(words.text(report.playbook.title))"),
            Row(label: say("Held (real time)", "实际举行时间"), value: heldText),
            Row(label: say("Played", "演练方式"), value: playedText),
            Row(label: say("Exercise time (scenario clock)", "演练时间（演练时钟）"),
                value: words.instant(report.startedAt) + " – " + (report.endedAt.map(words.instant) ?? "—")),
            Row(label: words("Outcome"), value: outcomeText),
            Row(label: say("Overall rating", "总体评定"), value: evaluation.overall.rawValue),
            Row(label: say("Participants", "参演人员"),
                value: scenario.participants.keys.sorted().map { "\(roleTitle($0)): \(scenario.participants[$0]!)" }
                    .joined(separator: ", ")),
        ]
        if let scripted = scriptedText {
            rows.append(Row(label: say("Roles played by scripted players", "由脚本人员扮演的角色"), value: scripted))
        }
        let staff = scenario.staff
        if !staff.controllers.isEmpty {
            rows.append(Row(label: say("Controllers", "导调人员"), value: staff.controllers.joined(separator: ", ")))
        }
        if !staff.evaluators.isEmpty {
            rows.append(Row(label: say("Evaluators", "评估人员"), value: staff.evaluators.joined(separator: ", ")))
        }
        if !staff.simulated.isEmpty {
            rows.append(Row(label: say("Simulated parties", "模拟单位"),
                            value: staff.simulated.keys.sorted().map { words.text(staff.simulated[$0]) }
                                .joined(separator: ", ")))
        }
        if let command = runReportCommand(format: format) {
            rows.append(Row(label: say("The run's full report", "运行的完整报告"), value: command, command: true))
        }
        return rows
    }

    /// The command that writes the drill's run report (every step, decision and notification of the run) in the
    /// report's language and `format` (`md`, `html`, `json`): the drill report is printed, not written next to
    /// the run report, so it names the command, not a file.
    func runReportCommand(format: String) -> String? {
        guard let runID = report.runID else { return nil }
        return "muster report \(runID)" + (format == "md" ? "" : " --format \(format)") + (zh ? " --lang zh" : "")
    }

    /// The controller's last end of exercise (`drill mark endex`), if any.
    var endex: JournalEntry? {
        report.timeline.last { entry in
            if case .exercise(.mark(.endex)) = entry.event.kind { return true }
            return false
        }
    }

    /// Whether the exercise ended (ENDEX) before the playbook reached an outcome: what was not reached by then is
    /// rated U.
    public var endedBeforeOutcome: Bool { report.outcome == nil && endex != nil }

    /// Whether the run is still open: no outcome, not aborted, not closed.
    var runOpen: Bool { report.outcome == nil && report.abortedWhy == nil && report.closedAt == nil }

    /// The overview's outcome: the playbook's outcome reached, or plainly why there is none, so that the U ratings
    /// read right.
    var outcomeText: String {
        if let outcome = report.outcome {
            return report.playbook.outcome(outcome.id).map { words.text($0.title) } ?? outcome.id
        }
        if let why = report.abortedWhy {
            return say("none: the run was aborted (\(why))", "无：运行已中止（\(why)）")
        }
        let open = runOpen ? say("; the run is still open", "，运行仍未结束") : ""
        if let endex {
            let at = words.relative(endex.relative)
            return say("none: the exercise ended at ENDEX (\(at)) before the playbook reached an outcome\(open); "
                       + "objectives not reached by then are rated U",
                       "无：演练在 \(at) 结束（ENDEX），预案尚未得出结果\(open)；届时未达成的目标评为 U")
        }
        return runOpen
            ? say("none yet: the exercise has not ended and the run is still open; objectives not reached yet are rated U",
                  "暂无：演练尚未结束，运行仍在进行；尚未达成的目标暂评为 U")
            : "—"
    }

    func kindText(_ kind: Scenario.Kind) -> String { kind.title.text(words.language) }

    /// One objective's row: rating, why, evidence.
    struct ObjectiveRow {
        var id: String
        var title: String
        var target: String
        var rating: String
        var suggested: String
        var why: String
        var evidence: [String]
        var strengths: [String]
        var improvements: [String]
    }

    var objectiveRows: [ObjectiveRow] {
        evaluation.results.map { result in
            let evidence = result.evidence.compactMap { seq -> String? in
                guard seq >= 1, seq <= report.timeline.count else { return nil }
                let entry = report.timeline[seq - 1]
                return "#\(seq) \(words.relative(entry.relative)) \(evidenceText(entry.event.kind))"
            }
            var why = result.reason(words.language)
            if let evaluator = result.evaluator {
                why = say("evaluator \(evaluator.person): \(evaluator.why) (the rules suggest \(result.suggested.rawValue): \(why))",
                          "评估员 \(evaluator.person)：\(evaluator.why)（规则建议 \(result.suggested.rawValue)：\(why)）")
            }
            var strengths = result.observations.filter { $0.kind == .strength }.map { "\($0.text) (\($0.person))" }
            var improvements = result.observations.filter { $0.kind == .improvement }.map { "\($0.text) (\($0.person))" }
            if result.rating == .performed, strengths.isEmpty { strengths.append(result.reason(words.language)) }
            if result.rating != .performed, improvements.isEmpty { improvements.append(result.reason(words.language)) }
            return ObjectiveRow(id: result.objective.id, title: words.text(result.objective.title),
                                target: targetText(result.objective), rating: result.rating.rawValue,
                                suggested: result.suggested.rawValue, why: why, evidence: evidence,
                                strengths: strengths, improvements: improvements)
        }
    }

    /// What an evidence line says of an event: an inject in the report's language (the journal keeps its text
    /// in both; a Chinese reader reads its announcement, not its id), an evaluator's record naming the objective
    /// by its title, anything else as the run report says it.
    func evidenceText(_ kind: EventKind) -> String {
        if case .exercise(let record) = kind { return words.describe(record, objectiveTitle: objectiveTitle) }
        guard case .injectDelivered(let id, let role, _) = kind,
            let text = DrillPlan(scenario: evaluation.scenario, playbook: report.playbook).message(ofInject: id)
        else { return words.describe(kind, playbook: report.playbook) }
        return say("inject \(id)", "注入") + (role.map { " → " + roleName($0) } ?? "") + say(": ", "：")
            + words.text(text)
    }

    /// A role as a reader knows it: by its title in the report's language (the id where the playbook lacks it).
    func roleName(_ role: String) -> String {
        report.playbook.role(role).map { words.text($0.title) } ?? role
    }

    /// The objective's title for a table a person reads (the id where the scenario no longer has it).
    func objectiveTitle(_ id: String) -> String {
        evaluation.scenario.objectives.first { $0.id == id }.map { words.text($0.title) } ?? id
    }

    /// An improvement action's owner for a table a person reads: a role by its title (in English with its id,
    /// which `drill improve --owner` takes), a person by name.
    func ownerText(_ owner: String) -> String {
        report.playbook.role(owner).map { zh ? words.text($0.title) : "\(words.text($0.title)) (\(owner))" } ?? owner
    }

    /// The hot wash: observations of the exercise as a whole and the lessons noted in the run.
    var hotWash: [String] {
        var lines = evaluation.generalObservations.map { "\($0.text) (\($0.person))" }
        for entry in report.timeline {
            if case .note(let text, let section) = entry.event.kind, section == "lesson" || section == "prevention",
                case .person(let person, _) = entry.event.actor
            {
                lines.append("\(text) (\(person))")
            }
        }
        return lines
    }

    /// The injects delivered, in order: instant, id (in English only: a Chinese reader reads the announcement),
    /// to, how, message in the report's language.
    var injectLines: [String] {
        report.timeline.compactMap { entry in
            guard case .injectDelivered(let id, let role, let message) = entry.event.kind else { return nil }
            let plan = DrillPlan(scenario: evaluation.scenario, playbook: report.playbook)
            let inject = evaluation.scenario.injects.first { $0.id == id }
            let contingency = evaluation.scenario.injects.compactMap(\.contingency).first { $0.id == id }
            let (how, howChinese) = plan.fiction(from: inject?.from ?? contingency?.from, via: inject?.via ?? contingency?.via)
            let text = plan.message(ofInject: id).map { words.text($0) } ?? message
            let roles = (inject?.roles.isEmpty == false ? inject!.roles : role.map { [$0] } ?? []).map(roleName)
                .joined(separator: say(", ", "、"))
            let real = entry.event.realAt.map { " (" + say("real time ", "实际时间 ") + words.instant($0) + ")" } ?? ""
            return "#\(entry.seq) \(words.relative(entry.relative))\(real)" + (zh ? "" : " \(id)")
                + (roles.isEmpty ? "" : " → " + roles)
                + (zh ? howChinese : how) + say(": ", "：") + text
        }
    }

    /// The signatures given (with the real time where the journal has it), then the lines still to sign.
    var signatures: [String] {
        var lines: [String] = []
        for entry in report.timeline {
            if case .reportSigned(let person) = entry.event.kind {
                lines.append(say("Signed by \(person), \(words.instant(entry.event.realAt ?? entry.event.at))",
                                 "\(person) 签收，\(words.instant(entry.event.realAt ?? entry.event.at))"))
            }
        }
        for role in [say("Exercise director", "演练总指挥"), say("Lead evaluator", "评估组长"),
                     say("User representative", "用户代表")] {
            lines.append("\(role): ____________________  \(say("Date", "日期")): __________")
        }
        return lines
    }

    // MARK: Markdown

    /// Text for one line of Markdown: `<` `>` `&` as entities, so that no viewer takes what an evaluator or a
    /// player wrote for HTML, and newlines joined, so that no text starts a heading or a list of its own.
    /// Control and bidirectional characters are shown as visible escapes (`\u{202E}`): the text shows as written.
    private func line(_ text: String) -> String {
        TerminalText.document(text).replacingAll("&", with: "&amp;").replacingAll("<", with: "&lt;").replacingAll(">", with: "&gt;")
            .replacingAll("\r", with: " ").replacingAll("\n", with: " ")
    }

    /// Text for a table cell: as `line`, with `|` escaped.
    private func cell(_ text: String) -> String { line(text).replacingAll("|", with: "\\|") }

    /// The report as Markdown.
    public func markdown() -> String {
        let scenario = evaluation.scenario
        var out = "# \(say("Drill report (after-action report and improvement plan)", "演练报告（总结与改进计划）")): \(line(words.text(scenario.title)))\n\n"
        out += "## \(say("Exercise overview", "演练概况"))\n\n| | |\n|---|---|\n"
        for row in overview("md") {
            out += "| \(cell(row.label)) | " + (row.command ? "`\(row.value)`" : cell(row.value)) + " |\n"
        }
        out += "\n" + say("Ratings: P performed without challenges · S with some challenges · M with major challenges · "
                    + "U unable to be performed.", "评定：P 顺利完成 · S 有一定困难 · M 有重大困难 · U 未能完成。") + "\n\n"
        out += "## \(say("Objectives and ratings", "演练目标与评定"))\n\n"
        out += "| \(say("objective", "目标")) | \(say("target", "指标")) | \(say("rating", "评定")) | "
            + "\(say("why", "依据")) | \(say("evidence", "证据")) |\n|---|---|---|---|---|\n"
        let rows = objectiveRows
        for row in rows {
            out += "| \(cell(row.title)) | \(cell(row.target)) | **\(row.rating)** | \(cell(row.why)) | "
                + "\(cell(row.evidence.joined(separator: "; "))) |\n"
        }
        out += "\n## \(say("Analysis by objective", "分目标分析"))\n"
        for row in rows {
            out += "\n### \(line(row.title)) (\(row.rating))\n\n"
            out += "\(say("Strengths", "优点")):\n"
            out += row.strengths.isEmpty ? "- \(words("none"))\n" : row.strengths.map { "- \(line($0))\n" }.joined()
            out += "\n\(say("Areas for improvement", "待改进之处")):\n"
            out += row.improvements.isEmpty ? "- \(words("none"))\n" : row.improvements.map { "- \(line($0))\n" }.joined()
        }
        let wash = hotWash
        out += "\n## \(say("Hot wash and observations", "现场讲评与观察"))\n\n"
        out += wash.isEmpty ? "_\(words("none"))_\n" : wash.map { "- \(line($0))\n" }.joined()
        out += "\n## \(say("Improvement plan", "改进计划"))\n\n"
        let plan = improvementPlan
        if plan.isEmpty {
            out += "_\(words("none"))_\n"
        } else {
            out += "| \(say("objective", "目标")) | \(say("action", "措施")) | \(say("owner", "责任人")) | "
                + "\(say("due", "完成期限")) | \(say("status", "状态")) |\n|---|---|---|---|---|\n"
            for action in plan {
                out += "| \(cell(objectiveTitle(action.objective))) | \(cell(action.action)) | \(cell(ownerText(action.owner))) | "
                    + "\(dueText(action)) | \(statusText(action.status)) |\n"
            }
        }
        let injects = injectLines
        out += "\n## \(say("Injects delivered", "已发布的情景注入"))\n\n"
        out += injects.isEmpty ? "_\(words("none"))_\n" : injects.map { "- \(line($0))\n" }.joined()
        out += "\n## \(say("Signatures", "签字"))\n\n" + signatures.map { "- \(line($0))\n" }.joined()
        out += "\n## \(words("Integrity"))\n\n\(words("Journal head (SHA-256)")): `\(report.integrity.head)` · "
            + "\(words("Lines")): \(report.integrity.lines)\n"
        if let hash = start?.scenarioHash {
            out += "\n\(say("Scenario (SHA-256, in the journal's first line)", "演练脚本（SHA-256，记于日志第 1 行）")): `\(hash)`\n"
        }
        return out
    }

    // MARK: JSON

    /// The report as JSON: the same content as the Markdown and the HTML.
    public func json() -> JSONValue {
        let scenario = evaluation.scenario
        var participants = JSONObject()
        for role in scenario.participants.keys.sorted() { participants[role] = .string(scenario.participants[role]!) }
        var simulated = JSONObject()
        for party in scenario.staff.simulated.keys.sorted() { simulated[party] = .string(words.text(scenario.staff.simulated[party])) }
        let rows = objectiveRows
        return .object([
            "scenario": .string(scenario.id), "kind": .string(scenario.kind.rawValue),
            "title": .string(words.text(scenario.title)), "playbook": .string(report.playbook.id),
            "held_at": heldAt.map(JSONValue.integer) ?? .null, "held_until": heldUntil.map(JSONValue.integer) ?? .null,
            "held": .string(heldText), "unattended": .bool(start?.unattended ?? false),
            "scripted_roles": .array((start?.scripted ?? []).map { .string($0) }),
            "time_zone": .object([
                "name": .string(words.time.name),
                "offset_at_start": .string(TimeText.offset(seconds: words.time.offset(at: heldAt ?? report.startedAt))),
            ]),
            "started_at": .integer(report.startedAt), "ended_at": report.endedAt.map(JSONValue.integer) ?? .null,
            "outcome": report.outcome.map { .string($0.id) } ?? .null, "outcome_text": .string(outcomeText),
            "ended_before_outcome": .bool(endedBeforeOutcome), "endex_at": endex.map { .integer($0.event.at) } ?? .null,
            "run_open": .bool(runOpen), "run": report.runID.map(JSONValue.string) ?? .null,
            "run_report": runReportCommand(format: "json").map(JSONValue.string) ?? .null,
            "participants": .object(participants),
            "staff": .object([
                "controllers": .array(scenario.staff.controllers.map { .string($0) }),
                "evaluators": .array(scenario.staff.evaluators.map { .string($0) }),
                "simulated": .object(simulated),
            ]),
            "overall": .string(evaluation.overall.rawValue),
            "objectives": .array(zip(evaluation.results, rows).map { result, row in
                .object([
                    "id": .string(row.id), "title": .string(row.title), "target": .string(row.target),
                    "rating": .string(row.rating), "suggested": .string(row.suggested),
                    "reason": .string(result.reason(words.language)), "why": .string(row.why),
                    "evaluator": result.evaluator.map { .object(["person": .string($0.person), "why": .string($0.why)]) } ?? .null,
                    "margin_ms": result.margin.map(JSONValue.integer) ?? .null,
                    "contingencies": .array(result.contingencies.map { .string($0) }),
                    "evidence": .array(result.evidence.map { .integer(Int64($0)) }),
                    "strengths": .array(row.strengths.map { .string($0) }),
                    "areas_for_improvement": .array(row.improvements.map { .string($0) }),
                ])
            }),
            "hot_wash": .array(hotWash.map { .string($0) }),
            "improvement_plan": .array(improvementPlan.map { action in
                .object([
                    "objective": .string(action.objective), "action": .string(action.action),
                    "owner": .string(action.owner), "due_at": .integer(action.dueAt), "due": .string(dueText(action)), "status": .string(action.status),
                    "journaled": .bool(action.journaled),
                ])
            }),
            "injects": .array(injectLines.map { .string($0) }),
            "signatures": .array(signatures.map { .string($0) }),
            "journal_head": .string(report.integrity.head),
            "scenario_hash": start?.scenarioHash.map(JSONValue.string) ?? .null,
        ])
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: Substring(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
