public import JSONText
public import PlaybookLanguage
public import RunEngine

/// A run as JSON for machines: its board (`status --format json`) and its events (`log --format json`).
public enum RunStatusJSON {
    /// What `status --format json` prints: the run's board as data.
    public static func status(_ runID: String, playbook: Playbook, state: RunState, head: String) -> JSONValue {
        var milestones = JSONObject()
        for milestone in playbook.milestones {
            let progress = state.milestones[milestone.id]
            var object = JSONObject()
            object["due_at"] = progress?.dueAt.map(JSONValue.integer) ?? .null
            object["reached_at"] = progress?.reachedAt.map(JSONValue.integer) ?? .null
            object["margin_ms"] = progress?.margin.map(JSONValue.integer) ?? .null
            object["missed"] = .bool(progress?.missed ?? false)
            if progress?.handedOver == true { object["handed_over"] = .bool(true) }
            milestones[milestone.id] = .object(object)
        }
        let active: [JSONValue] = state.activeOrder.compactMap { id in
            guard let open = state.active[id] else { return nil }
            var object: JSONObject = ["step": .string(id), "owner": open.owner.map(JSONValue.string) ?? .null]
            object["holder"] = open.owner.flatMap { state.holders[$0] }.map(JSONValue.string) ?? .null
            object["activated_at"] = .integer(open.activatedAt)
            object["due_done"] = open.due.done.map(JSONValue.integer) ?? .null
            object["due_expiry"] = open.due.expiry.map(JSONValue.integer) ?? .null
            object["acknowledged"] = .bool(open.acknowledgedAt != nil)
            return .object(object)
        }
        var facts = JSONObject()
        for key in state.facts.keys.sorted() { facts[key] = .string(state.facts[key]!.description) }
        // Beside the values, the titles the playbook gives choice values, in both languages.
        var valueTitles = JSONObject()
        for key in state.facts.keys.sorted() {
            guard let title = playbook.fact(key)?.valueTitles[state.facts[key]!.description] else { continue }
            valueTitles[key] = .object(["en": .string(title.text(.en)), "zh": .string(title.text(.zh))])
        }
        var holders = JSONObject()
        for key in state.holders.keys.sorted() { holders[key] = .string(state.holders[key]!) }
        func link(_ link: RunLink?) -> JSONValue {
            link.map { .object(["run": .string($0.run), "playbook": .string($0.playbook), "started_hash": .string($0.startedHash)]) } ?? .null
        }
        var object: JSONObject = [
            "run": .string(runID), "playbook": .string(playbook.id), "seq": .integer(Int64(state.eventCount)),
            "head": .string(head), "severity": state.severity.map(JSONValue.string) ?? .null,
            "people": .object(holders), "active": .array(active), "milestones": .object(milestones),
            "facts": .object(facts), "fact_value_titles": .object(valueTitles), "outcome": state.outcome.map { .string($0.id) } ?? .null,
            "closed": .bool(state.closed),
            "notifications": .array(state.outbox.deliveries.map { delivery in
                var object: JSONObject = [
                    "id": .string(delivery.notification), "key": .string(delivery.idempotencyKey(runID: runID)),
                    "to": delivery.recipient.map(JSONValue.string) ?? .null,
                    "roles": .array(delivery.roles.map(JSONValue.string)), "requested_at": .integer(delivery.requestedAt),
                    "attempts": .integer(Int64(delivery.attempts)),
                ]
                switch delivery.status {
                case .pending: object["status"] = "pending"
                case .sent(let at): object["status"] = "sent"; object["sent_at"] = .integer(at)
                case .failed: object["status"] = "failed"
                case .acknowledged(let at): object["status"] = "acknowledged"; object["acknowledged_at"] = .integer(at)
                }
                object["why"] = delivery.lastFailure.map(JSONValue.string) ?? .null
                return .object(object)
            }),
            "clock_jumps": .array(state.clockJumps.map { jump in
                .object(["at": .integer(jump.at), "from": .integer(jump.from), "to": .integer(jump.to)])
            }),
        ]
        // Only in a run that has links, so that every other run's status stays as it was.
        if let from = state.start?.continuedFrom { object["continued_from"] = link(from) }
        if let request = state.continuation {
            object["continued_in"] = link(state.continuedIn)
            object["continue_requested"] = .object(["playbook": .string(request.playbook),
                                                    "step": request.entry.map(JSONValue.string) ?? .null])
        }
        return .object(object)
    }

    /// One journal line as `log --format json` prints it.
    public static func event(seq: Int, event: Event, relative: Int64) -> JSONValue {
        let (type, data) = EventCoding.encode(event.kind)
        var object: JSONObject = [
            "seq": .integer(Int64(seq)), "at": .integer(event.at), "t": .integer(relative),
            "actor": EventCoding.encode(event.actor), "type": .string(type), "data": .object(data),
        ]
        // A drill's wall-clock instant beside its own.
        if let realAt = event.realAt { object["real"] = .integer(realAt) }
        if let recorder = event.recordedBy { object["recorded_by"] = .string(recorder) }
        if let player = event.scriptedPlayer { object["scripted"] = .integer(Int64(player)) }
        return .object(object)
    }
}
