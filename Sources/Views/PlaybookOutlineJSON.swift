import JSONText
import PlaybookLanguage

/// The outline as one JSON document, for scripts: the same parts as the text, keys spelled as in the playbook
/// language (`stand_in`, `reached_when`), texts in the outline's language, durations as written plus their
/// length in milliseconds at each severity level.
public struct PlaybookOutlineJSON: Sendable {
    /// The outline laid out.
    public let outline: PlaybookOutline

    /// The JSON document of `outline`.
    public init(outline: PlaybookOutline) {
        self.outline = outline
    }

    private var playbook: Playbook { outline.playbook }

    /// The document, pretty-printed, ending with a newline.
    public func render() -> String {
        JSONValue.object(document()).serialized(pretty: true) + "\n"
    }

    func document() -> JSONObject {
        var document: JSONObject = [
            "id": .string(playbook.id),
            "version": .string(playbook.version),
            "language": .string(outline.language.rawValue),
            "title": .string(outline.text(playbook.title)),
        ]
        if let summary = playbook.summary { document["summary"] = .string(outline.text(summary)) }
        document["roles"] = .array(playbook.roles.map { role in
            var object: JSONObject = ["id": .string(role.id), "title": .string(outline.text(role.title))]
            if let standIn = role.standIn?.value { object["stand_in"] = .string(standIn) }
            return .object(object)
        })
        document["severity"] = .array(playbook.severities.map { level in
            let clocks = level.clockOrder.compactMap { name in
                level.clocks[name].map { (name, Self.length($0)) }
            }
            var clockObject = JSONObject()
            for (name, length) in clocks { clockObject[name] = length }
            return .object([
                "id": .string(level.id), "title": .string(outline.text(level.title)), "clocks": .object(clockObject),
            ])
        })
        let timing = OutlineTiming(playbook: playbook)
        document["milestones"] = .array(playbook.milestones.map { milestone($0, timing: timing) })
        document["facts"] = .array(playbook.facts.map(fact))
        document["start"] = .string(playbook.start.value)
        document["steps"] = .array((outline.mainSteps + outline.afterEndSteps).map(step))
        if !playbook.anyTime.isEmpty {
            document["at_any_time"] = .array(playbook.anyTime.map { chain in
                .object([
                    "id": .string(chain.id), "title": .string(outline.text(chain.title)),
                    "by": .array(chain.by.map { .string($0.value) }), "start": .string(chain.start.value),
                    "steps": .array(outline.ordered(chain.steps, start: chain.start.value).map(step)),
                ])
            })
        }
        document["outcomes"] = .array(playbook.outcomes.map { outcome in
            .object([
                "id": .string(outcome.id), "title": .string(outline.text(outcome.title)),
                "kind": .string(outcome.kind.rawValue),
            ])
        })
        return document
    }

    // MARK: Parts

    private func milestone(_ milestone: Milestone, timing: OutlineTiming) -> JSONValue {
        var object: JSONObject = [
            "id": .string(milestone.id), "title": .string(outline.text(milestone.title)),
            "within": duration(milestone.within.value), "from": .string(milestone.from.rawValue),
            "reached_when": .string(milestone.reachedWhen.description),
        ]
        object["worst_case"] = .array(outline.cases(of: milestone, timing: timing).map { milestoneCase in
            var row: JSONObject = ["severity": .string(milestoneCase.level.id)]
            row["limit"] = milestoneCase.limit.map(Self.length) ?? .null
            if let worst = milestoneCase.worst {
                row["at"] = Self.length(worst.at)
                row["met"] = milestoneCase.met.map(JSONValue.bool) ?? .null
                row["path"] = .array(worst.path.map { .string($0) })
                row["undeadlined"] = .array(outline.undeadlined(worst, of: milestone).map { .string($0) })
            } else {
                row["at"] = .null
                row["met"] = .null
                row["path"] = .array([])
            }
            return .object(row)
        })
        return .object(object)
    }

    private func fact(_ fact: Fact) -> JSONValue {
        var object: JSONObject = ["id": .string(fact.id), "title": .string(outline.text(fact.title))]
        switch fact.kind {
        case .choice(let values):
            object["type"] = "choice"
            object["values"] = .array(values.map { .string($0) })
            if !fact.valueTitles.isEmpty {
                var titles = JSONObject()
                for value in values { if let title = fact.valueTitles[value] { titles[value] = .string(outline.text(title)) } }
                object["value_titles"] = .object(titles)
            }
        case .number(let unit):
            object["type"] = "number"
            if let unit { object["unit"] = .string(unit) }
        case .text:
            object["type"] = "text"
        case .flag:
            object["type"] = "flag"
        }
        return .object(object)
    }

    private func step(_ step: Step) -> JSONValue {
        var object: JSONObject = [
            "id": .string(step.id), "title": .string(outline.text(step.title)), "kind": .string(step.kind.name),
            "phase": .string(step.phase.rawValue),
        ]
        if let owner = step.owner?.value { object["owner"] = .string(owner) }
        let byLevel = outline.ownersByLevel(of: step)
        if !byLevel.isEmpty {
            var owners = JSONObject()
            for (level, role) in byLevel { owners[level.id] = .string(role) }
            object["owner_by_severity"] = .object(owners)
        }
        if let together = step.togetherWith?.value { object["together_with"] = .string(together) }
        if step.grades { object["grade"] = true }
        if let instructions = step.instructions { object["instructions"] = .string(outline.text(instructions)) }
        object["deadlines"] = .array(outline.deadlines(of: step).map { deadline in
            var fields: JSONObject = ["kind": .string(deadline.kind.rawValue), "within": duration(deadline.duration)]
            if let from = deadline.from { fields["from"] = .string(from.rawValue) }
            return .object(fields)
        })
        switch step.kind {
        case .decide(let decision):
            object["prompt"] = .string(outline.text(decision.prompt))
            object["options"] = .array(decision.options.map { option in
                .object([
                    "id": .string(option.id), "title": .string(outline.text(option.title)),
                    "goto": .string(option.target.value.description),
                ])
            })
            if let onExpiry = decision.onExpiry?.value { object["on_expiry"] = .string(onExpiry) }
            if !decision.notifyOnExpiry.isEmpty {
                object["notify"] = .array(decision.notifyOnExpiry.map { .string($0.value) })
            }
        case .approve(let approval):
            object["by"] = .string(approval.approver.value)
            if approval.within != nil { object["on_expiry"] = approval.approveOnExpiry ? "approve" : "deny" }
        case .wait(let wait):
            if let until = wait.until { object["until"] = .string(outline.text(until)) }
            if let signal = wait.signal { object["signal"] = .string(signal) }
        case .parallel(let parallel):
            object["join"] = join(parallel.join)
            object["tracks"] = .array(parallel.tracks.map { track in
                let first = track.steps.filter { $0.id == track.start.value }
                let ordered = first + track.steps.filter { $0.id != track.start.value }
                return .object([
                    "id": .string(track.id), "title": .string(outline.text(track.title)),
                    "start": .string(track.start.value), "steps": .array(ordered.map(self.step)),
                ])
            })
        case .action:
            break
        }
        object["checklist"] = .array(step.checklist.map { item in
            .object(["id": .string(item.id), "text": .string(outline.text(item.text))])
        })
        object["record"] = .array(step.records.map { .string($0.value) })
        if !step.standing.isEmpty {
            object["standing"] = .array(step.standing.map { instruction in
                .object(["id": .string(instruction.id), "text": .string(outline.text(instruction.text)),
                         "released_by": .string(instruction.releasedBy.value)])
            })
        }
        object["escalate"] = .array(step.escalations.map { rung in
            var rungObject: JSONObject = ["after": duration(rung.after.value)]
            rungObject["notify"] = .array(rung.notify.map { .string($0.value) })
            if let reassign = rung.reassign?.value { rungObject["reassign"] = .string(reassign) }
            if let goto = rung.goto?.value { rungObject["goto"] = .string(goto.description) }
            return .object(rungObject)
        })
        object["leads_to"] = .array(outline.exits(of: step).map(exit))
        if let source = step.source { object["source"] = .string(source) }
        return .object(object)
    }

    private func exit(_ exit: PlaybookOutline.Exit) -> JSONValue {
        var object: JSONObject = ["kind": .string(exit.kind.rawValue), "goto": .string(exit.target.description)]
        if let condition = exit.condition { object["when"] = .string(ConditionText.text(condition)) }
        if exit.isElse { object["else"] = true }
        if let option = exit.option { object["option"] = .string(option.id) }
        if let after = exit.after { object["after"] = duration(after) }
        if exit.takenOnExpiry { object["on_expiry"] = true }
        return .object(object)
    }

    // MARK: Values

    private func join(_ join: ParallelBlock.Join) -> JSONValue {
        switch join {
        case .all: "all"
        case .any: "any"
        case .count(let count): .object(["count": .integer(Int64(count))])
        }
    }

    /// `{"text": "respond", "milliseconds": {"fatal": 600000, …}}` for a clock, `{"text": "5m", "milliseconds":
    /// 300000}` for a length.
    private func duration(_ duration: Duration) -> JSONValue {
        switch duration {
        case .fixed(let milliseconds):
            return .object(["text": .string(duration.description), "milliseconds": .integer(milliseconds)])
        case .clock:
            var perLevel = JSONObject()
            for (level, milliseconds) in outline.perLevel(duration) {
                perLevel[level] = milliseconds.map { .integer($0) } ?? .null
            }
            return .object(["text": .string(duration.description), "milliseconds": .object(perLevel)])
        }
    }

    private static func length(_ milliseconds: Int64) -> JSONValue {
        .object(["text": .string(Duration.format(milliseconds: milliseconds)), "milliseconds": .integer(milliseconds)])
    }
}
