public import JSONText
import PlaybookLanguage
import RunEngine

/// Renders a run report as one JSON document: the same content as the Markdown, for machines.
public struct ReportJSON: Sendable {
    public let report: RunReport
    public let words: ReportWords

    /// - Parameter time: The zone the document's texts give times in (its instants stay epoch milliseconds).
    public init(_ report: RunReport, language: Language, time: LocalTime = .utc) {
        self.report = report
        self.words = ReportWords(language: language, playbook: report.playbook, time: time)
    }

    private func optional(_ value: Int64?) -> JSONValue { value.map(JSONValue.integer) ?? .null }
    private func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }

    /// The document: `kind`, header fields, then one array per section. The fault and work reports carry only
    /// what they show: notes filed under a report section, no timeline, and (fault) no escalations, notifications or
    /// handovers; the full report carries every note and event.
    public func render(_ kind: ReportKind = .full) -> JSONValue {
        let playbook = report.playbook
        let cover = ReportCover(report: report, words: words)
        var object: JSONObject = [
            "kind": .string(kind.rawValue), "language": .string(words.language.rawValue),
            "run_id": optional(report.runID), "title": .string(cover.title),
            "incident_title": optional(report.incidentTitle), "summary": .string(cover.summary),
            "as_of": optional(report.asOf), "duration_ms": optional(report.duration),
            "time_zone": .object([
                "name": .string(words.time.name),
                "offset_at_start": .string(TimeText.offset(seconds: words.time.offset(at: report.startedAt))),
            ]),
            "service_levels": .array(report.serviceLevels.map { level in
                .object([
                    "measure": .string(level.measure.rawValue), "milestone": .string(level.milestone),
                    "title": .string(words.text(level.title)), "target_ms": optional(level.target),
                    "taken_ms": optional(level.taken), "status": .string(level.status.rawValue),
                ])
            }),
            "late_steps": .object(["late": .integer(Int64(report.lateSteps.late)),
                                   "of": .integer(Int64(report.lateSteps.of))]),
            "playbook": .object([
                "id": .string(playbook.id), "version": .string(playbook.version),
                "title": .string(words.text(playbook.title)), "hash": optional(report.start?.playbookHash),
            ]),
            "mode": optional(report.start?.mode.rawValue),
            "clock": .string(report.start?.virtualClock == true ? "virtual" : "real"),
            "scenario": optional(report.start?.scenario),
            "started_at": .integer(report.startedAt), "ended_at": optional(report.endedAt),
            "closed_at": optional(report.closedAt),
            "severity": .object([
                "initial": optional(report.initialSeverity), "final": optional(report.finalSeverity),
                "changes": .array(report.severityChanges.map { change in
                    .object(["at": .integer(change.at), "from": optional(change.from), "to": .string(change.to),
                             "why": optional(change.why), "person": optional(change.person)])
                }),
            ]),
            "outcome": report.outcome.map { outcome in
                .object(["id": .string(outcome.id), "kind": .string(outcome.kind), "at": .integer(outcome.at),
                         "title": .string(words.text(playbook.outcome(outcome.id)?.title))])
            } ?? .null,
            "aborted": optional(report.abortedWhy),
        ]
        func link(_ link: RunLink?) -> JSONValue {
            link.map { .object(["run": .string($0.run), "playbook": .string($0.playbook), "started_hash": .string($0.startedHash)]) } ?? .null
        }
        // Only in a run that has links, so that the reports of every other run stay as they were.
        if report.continuedFrom != nil { object["continued_from"] = link(report.continuedFrom) }
        if report.continuation != nil { object["continued_in"] = link(report.continuedIn) }
        var people = JSONObject()
        for role in report.people.keys.sorted() { people[role] = .string(report.people[role]!) }
        object["people"] = .object(people)
        object["steps"] = .array(report.steps.map(step))
        object["milestones"] = .array(report.milestones.map { row in
            .object([
                "id": .string(row.milestone), "title": .string(words.text(row.title)),
                "measures": optional(row.measures?.rawValue), "due_at": optional(row.dueAt),
                "reached_at": optional(row.reachedAt), "margin_ms": optional(row.margin),
                "status": .string(row.status.rawValue),
            ])
        })
        object["decisions"] = .array(report.decisions.map { row in
            .object(["at": .integer(row.at), "step": .string(row.step), "person": optional(row.person),
                     "role": optional(row.role), "option": .string(row.option), "why": optional(row.why),
                     "defaulted": .bool(row.defaulted)])
        })
        object["approvals"] = .array(report.approvals.map { row in
            .object(["at": .integer(row.at), "step": .string(row.step), "person": optional(row.person),
                     "role": optional(row.approver), "granted": .bool(row.granted), "why": optional(row.why),
                     "expired": .bool(row.expired)])
        })
        if kind != .fault {
        object["escalations"] = .array(report.escalations.map { row in
            .object(["at": .integer(row.at), "step": .string(row.step), "rung": .integer(Int64(row.rung)),
                     "notified": .array(row.notified.map { .string($0) }), "reassigned_to": optional(row.reassignedTo),
                     "goto": optional(row.goto)])
        })
        object["notifications"] = .array(report.notifications.map { row in
            .object(["id": .string(row.id), "at": .integer(row.at), "roles": .array(row.roles.map { .string($0) }),
                     "message": .string(words.text(row.message)), "sent": .array(row.sent.map { .string($0) }),
                     "failed": .array(row.failed.map { .string(words.text($0)) })])
        })
        object["handovers"] = .array(report.handovers.map { row in
            .object(["at": .integer(row.at), "role": .string(row.role), "from": optional(row.from), "to": .string(row.to)])
        })
        }
        object["facts"] = .array(report.facts.map { row in
            var fact: JSONObject = ["at": .integer(row.at), "fact": .string(row.fact), "value": .string(row.value),
                                    "person": optional(row.person),
                                    "section": .string(report.playbook.fact(row.fact)?.section ?? "phenomenon")]
            // A choice value's title beside its id, in the report's language, when the playbook gives one.
            if let title = row.valueTitle { fact["value_title"] = .string(words.text(title)) }
            return .object(fact)
        })
        object["notes"] = .array(report.notes.filter { kind == .full || $0.section != nil }.map { row in
            .object(["at": .integer(row.at), "person": optional(row.person), "text": .string(row.text),
                     "section": optional(row.section)])
        })
        object["obligations"] = .array(report.obligations.map(step))
        if !report.recordedForOthers.isEmpty {
            object["recorded_for_others"] = .array(report.recordedForOthers.map {
                .object(["at": .integer($0.at), "doer": .string($0.doer), "recorder": .string($0.recorder),
                         "event": .string($0.event)])
            })
        }
        object["signatures"] = .array(report.signatures.map { .object(["person": .string($0.person), "at": .integer($0.at)]) })
        object["signed"] = .bool(!report.signatures.isEmpty)
        if kind == .full {
            object["timeline"] = .array(report.timeline.map { entry in
                .object([
                    "seq": .integer(Int64(entry.seq)), "at": .integer(entry.event.at), "t": .integer(entry.relative),
                    "actor": EventCoding.encode(entry.event.actor), "type": .string(EventCoding.type(of: entry.event.kind)),
                    "text": .string(words.describe(entry.event.kind, playbook: playbook)),
                ])
            })
        }
        object["integrity"] = .object([
            "head": .string(report.integrity.head), "lines": .integer(Int64(report.integrity.lines)),
            "verified": .bool(report.integrity.verified),
        ])
        return .object(object)
    }

    private func step(_ row: RunReport.StepRow) -> JSONValue {
        var ending: JSONValue = "open"
        switch row.ending {
        case .open: ending = "open"
        case .done: ending = "done"
        case .cancelled(let why): ending = .object(["cancelled": .string(words.text(why))])
        }
        return .object([
            "step": .string(row.step), "title": .string(words.text(row.title)), "owner": optional(row.owner),
            "holder": optional(row.holder), "activated_at": .integer(row.activatedAt),
            "acknowledged_at": optional(row.acknowledgedAt), "ended_at": optional(row.endedAt), "ending": ending,
            "due_at": optional(row.dueAt), "margin_ms": optional(row.margin), "phase": .string(row.phase.rawValue),
            "default_taken": row.defaultTaken.map(JSONValue.string) ?? .null,
        ])
    }
}
