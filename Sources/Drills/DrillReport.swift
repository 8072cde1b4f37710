public import JSONText
import PlaybookLanguage
public import Reporting
import RunEngine

/// The drill report: exercise overview, per-objective ratings with their evidence from the timeline, strengths,
/// areas for improvement, and an improvement plan. Markdown or JSON, English or Chinese.
public struct DrillReport: Sendable {
    public let evaluation: DrillEvaluation
    public let report: RunReport
    public let words: ReportWords

    public init(evaluation: DrillEvaluation, report: RunReport, language: String) {
        self.evaluation = evaluation
        self.report = report
        self.words = ReportWords(language: language, playbook: report.playbook)
    }

    private var zh: Bool { words.language == "zh" }

    /// The run's start record.
    var start: RunStart? {
        if case .runStarted(let start)? = report.timeline.first?.event.kind { return start }
        return nil
    }

    /// When the drill was really held (the wall clock at its start), where the journal records it.
    public var heldAt: Int64? { report.timeline.first?.event.realAt }

    /// How the drill was played: with people, driven by a controller, or unattended by the scripted players.
    var playedText: String {
        start?.unattended == true
            ? say("unattended (scripted players; practice)", "无人值守（脚本人员；练习）")
            : say("by people, a controller moving the clock", "由人员参演，控制员推进时钟")
    }
    private func say(_ english: String, _ chinese: String) -> String { zh ? chinese : english }

    /// An improvement action for an objective not performed without challenges.
    public struct Action: Sendable, Hashable {
        public var action: String
        public var owner: String
        public var dueAt: Int64
    }

    /// The improvement plan: one action per objective rated below P, due in 30 days (90 for S).
    public var improvementPlan: [Action] {
        let end = report.endedAt ?? report.timeline.last?.event.at ?? report.startedAt
        return evaluation.results.filter { $0.rating != .performed }.map { result in
            let title = words.text(result.objective.title)
            let owner = result.objective.owner ?? ownerOfTarget(result.objective) ?? "commander"
            let days: Int64 = result.rating == .someChallenges ? 90 : 30
            return Action(
                action: say("Practise “\(title)” (\(result.reason)); run a targeted drill",
                            "针对“\(title)”加强训练（\(result.reason)），并组织专项演练"),
                owner: owner, dueAt: end + days * 86_400_000)
        }
    }

    private func ownerOfTarget(_ objective: Scenario.Objective) -> String? {
        switch objective.target {
        case .stepDone(let step, _): report.playbook.allSteps.first { $0.id == step }?.owner?.value
        case .milestone(let id):
            report.playbook.milestones.first { $0.id == id }?.reachedWhen.step.flatMap { step in
                report.playbook.allSteps.first { $0.id == step.value }?.owner?.value
            }
        }
    }

    private func targetText(_ objective: Scenario.Objective) -> String {
        switch objective.target {
        case .milestone(let id): say("milestone \(id)", "里程碑 \(id)")
        case .stepDone(let step, let within):
            say("\(step) done within \(Duration.format(milliseconds: within))",
                "\(step) 在 \(Duration.format(milliseconds: within)) 内完成")
        }
    }

    private func cell(_ text: String) -> String { text.replacingAll("|", with: "\\|").replacingAll("\n", with: " ") }

    /// The report as Markdown.
    public func markdown() -> String {
        let scenario = evaluation.scenario
        var out = "# \(say("Drill report", "演练报告")): \(words.text(scenario.title))\n\n"
        out += "| | |\n|---|---|\n"
        out += "| \(say("Scenario", "演练脚本")) | \(scenario.id) (\(scenario.kind.rawValue)) |\n"
        out += "| \(words("Playbook")) | \(report.playbook.id) \(report.playbook.version) · \(cell(words.text(report.playbook.title))) |\n"
        out += "| \(say("Held (real time)", "实际举行时间")) | \(heldAt.map(words.instant) ?? "—") |\n"
        out += "| \(say("Played", "演练方式")) | \(playedText) |\n"
        out += "| \(words("Started")) | \(words.instant(report.startedAt)) |\n"
        out += "| \(words("Ended")) | \(report.endedAt.map(words.instant) ?? "—") |\n"
        out += "| \(words("Outcome")) | \(report.outcome.map { $0.id } ?? "—") |\n"
        out += "| \(say("Overall rating", "总体评定")) | **\(evaluation.overall.rawValue)** |\n"
        let participants = scenario.participants.keys.sorted().map { "\($0): \(scenario.participants[$0]!)" }
        out += "| \(say("Participants", "参演人员")) | \(cell(participants.joined(separator: ", "))) |\n\n"
        out += say("Ratings: P performed without challenges · S with some challenges · M with major challenges · "
                    + "U unable to be performed.", "评定：P 顺利完成 · S 有一定困难 · M 有重大困难 · U 未能完成。") + "\n\n"
        out += "## \(say("Objectives", "演练目标"))\n\n"
        out += "| \(say("objective", "目标")) | \(say("target", "指标")) | \(say("rating", "评定")) | "
            + "\(say("why", "依据")) | \(say("evidence", "证据")) |\n|---|---|---|---|---|\n"
        for result in evaluation.results {
            let evidence = result.evidence.compactMap { seq -> String? in
                guard seq >= 1, seq <= report.timeline.count else { return nil }
                let entry = report.timeline[seq - 1]
                return "#\(seq) \(words.relative(entry.relative)) \(words.describe(entry.event.kind, playbook: report.playbook))"
            }
            out += "| \(cell(words.text(result.objective.title))) | \(cell(targetText(result.objective))) | "
                + "**\(result.rating.rawValue)** | \(cell(result.reason)) | \(cell(evidence.joined(separator: "; "))) |\n"
        }
        let strengths = evaluation.results.filter { $0.rating == .performed }
        out += "\n## \(say("Strengths", "优点"))\n\n"
        out += strengths.isEmpty ? "_\(words("none"))_\n" : strengths.map { "- \(words.text($0.objective.title)): \($0.reason)\n" }.joined()
        let weaker = evaluation.results.filter { $0.rating != .performed }
        out += "\n## \(say("Areas for improvement", "待改进之处"))\n\n"
        out += weaker.isEmpty ? "_\(words("none"))_\n"
            : weaker.map { "- \(words.text($0.objective.title)) (\($0.rating.rawValue)): \($0.reason)\n" }.joined()
        out += "\n## \(say("Improvement plan", "改进计划"))\n\n"
        let plan = improvementPlan
        if plan.isEmpty {
            out += "_\(words("none"))_\n"
        } else {
            out += "| \(say("action", "措施")) | \(say("owner", "责任角色")) | \(say("due", "完成期限")) |\n|---|---|---|\n"
            for action in plan { out += "| \(cell(action.action)) | \(action.owner) | \(words.instant(action.dueAt)) |\n" }
        }
        let injects = report.timeline.filter { if case .injectDelivered = $0.event.kind { return true } else { return false } }
        out += "\n## \(say("Injects delivered", "已发布的情景注入"))\n\n"
        out += injects.isEmpty ? "_\(words("none"))_\n" : injects.map { entry in
            "- #\(entry.seq) \(words.relative(entry.relative)) \(words.describe(entry.event.kind, playbook: report.playbook))\n"
        }.joined()
        out += "\n## \(words("Integrity"))\n\n\(words("Journal head (SHA-256)")): `\(report.integrity.head)` · "
            + "\(words("Lines")): \(report.integrity.lines)\n"
        if let hash = start?.scenarioHash {
            out += "\n\(say("Scenario (SHA-256, in the journal's first line)", "演练脚本（SHA-256，记于日志第 1 行）")): `\(hash)`\n"
        }
        return out
    }

    /// The report as JSON.
    public func json() -> JSONValue {
        let scenario = evaluation.scenario
        var participants = JSONObject()
        for role in scenario.participants.keys.sorted() { participants[role] = .string(scenario.participants[role]!) }
        return .object([
            "scenario": .string(scenario.id), "kind": .string(scenario.kind.rawValue),
            "title": .string(words.text(scenario.title)), "playbook": .string(report.playbook.id),
            "started_at": .integer(report.startedAt), "ended_at": report.endedAt.map(JSONValue.integer) ?? .null,
            "outcome": report.outcome.map { .string($0.id) } ?? .null, "participants": .object(participants),
            "overall": .string(evaluation.overall.rawValue),
            "objectives": .array(evaluation.results.map { result in
                .object([
                    "id": .string(result.objective.id), "title": .string(words.text(result.objective.title)),
                    "target": .string(targetText(result.objective)), "rating": .string(result.rating.rawValue),
                    "reason": .string(result.reason), "margin_ms": result.margin.map(JSONValue.integer) ?? .null,
                    "contingencies": .array(result.contingencies.map { .string($0) }),
                    "evidence": .array(result.evidence.map { .integer(Int64($0)) }),
                ])
            }),
            "improvement_plan": .array(improvementPlan.map { action in
                .object(["action": .string(action.action), "owner": .string(action.owner), "due_at": .integer(action.dueAt)])
            }),
            "journal_head": .string(report.integrity.head),
            "scenario_hash": start?.scenarioHash.map(JSONValue.string) ?? .null,
            "held_at": heldAt.map(JSONValue.integer) ?? .null,
            "unattended": .bool(start?.unattended ?? false),
        ])
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: Substring(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
