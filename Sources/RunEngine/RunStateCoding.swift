public import JSONText

/// A run's state as JSON and back, exactly: `decode(encode(state)) == state` for every state a fold can give.
///
/// The journal keeps a checkpoint of the folded state so that a command need not replay every line; the lines
/// stay the truth, and a checkpoint that does not decode is simply not used.
public enum RunStateCoding {
    /// The state as a JSON object, keys in a fixed order (dictionaries sorted by key).
    public static func encode(_ state: RunState) -> JSONValue {
        var object = JSONObject()
        object["start"] = state.start.map { .object(EventCoding.encode(.runStarted($0)).data) } ?? .null
        object["started_at"] = .integer(state.startedAt)
        object["last_event_at"] = .integer(state.lastEventAt)
        object["events"] = .integer(Int64(state.eventCount))
        object["severity"] = state.severity.map(JSONValue.string) ?? .null
        object["holders"] = sorted(state.holders) { .string($0) }
        object["active"] = .array(state.activeOrder.compactMap { state.active[$0] }.map(encode))
        object["escalations_fired"] = sorted(state.escalationsFired) { .array($0.sorted().map { .integer(Int64($0)) }) }
        object["activations"] = sorted(state.activations) { .integer(Int64($0)) }
        object["completed_at"] = sorted(state.completedAt) { .integer($0) }
        object["step_changed_at"] = sorted(state.stepChangedAt) { .integer(Int64($0)) }
        object["facts"] = sorted(state.facts) { EventCoding.encode($0) }
        object["timers"] = .array(state.dueTimers.map { timer in
            .object(["id": .string(timer.id), "fire_at": .integer(timer.fireAt),
                     "purpose": EventCoding.encode(timer.purpose)])
        })
        object["milestones"] = sorted(state.milestones) { milestone in
            var entry = JSONObject()
            if let dueAt = milestone.dueAt { entry["due_at"] = .integer(dueAt) }
            if let reachedAt = milestone.reachedAt { entry["reached_at"] = .integer(reachedAt) }
            if let margin = milestone.margin { entry["margin"] = .integer(margin) }
            if milestone.missed { entry["missed"] = .bool(true) }
            return .object(entry)
        }
        object["ended_tracks"] = sorted(state.endedTracks) { .array($0.map(JSONValue.string)) }
        object["outcome"] = state.outcome.map { outcome in
            .object(["id": .string(outcome.id), "kind": .string(outcome.kind), "at": .integer(outcome.at)])
        } ?? .null
        object["aborted"] = .bool(state.aborted)
        object["closed"] = .bool(state.closed)
        object["signatures"] = .array(state.signatures.map(JSONValue.string))
        object["notifications"] = .integer(Int64(state.notificationCount))
        return .object(object)
    }

    /// The state `value` describes, or `nil` when it is not the encoding of one.
    public static func decode(_ value: JSONValue) -> RunState? {
        guard let object = value.objectValue else { return nil }
        var state = RunState()
        switch object["start"] {
        case .null?: state.start = nil
        case let start?:
            guard case .runStarted(let runStart)? = try? EventCoding.decode(type: "run.started", data: start) else {
                return nil
            }
            state.start = runStart
        case nil: return nil
        }
        guard let startedAt = instant(object["started_at"]), let lastEventAt = instant(object["last_event_at"]),
            let events = count(object["events"]), let holders = map(object["holders"], \.stringValue),
            let active = object["active"]?.arrayValue, let fired = map(object["escalations_fired"], rungs),
            let activations = map(object["activations"], count), let completedAt = map(object["completed_at"], instant),
            let changedAt = map(object["step_changed_at"], count), let facts = map(object["facts"], EventCoding.decodeFact),
            let timers = object["timers"]?.arrayValue, let milestones = map(object["milestones"], milestone),
            let endedTracks = map(object["ended_tracks"], strings), let aborted = object["aborted"]?.boolValue,
            let closed = object["closed"]?.boolValue, let signatures = strings(object["signatures"]),
            let notifications = count(object["notifications"])
        else { return nil }
        state.startedAt = startedAt
        state.lastEventAt = lastEventAt
        state.eventCount = events
        switch object["severity"] {
        case .null?: state.severity = nil
        case let severity?:
            guard let text = severity.stringValue else { return nil }
            state.severity = text
        case nil: return nil
        }
        state.holders = holders
        for entry in active {
            guard let step = activeStep(entry), state.active[step.id] == nil else { return nil }
            state.active[step.id] = step
            state.activeOrder.append(step.id)
        }
        state.escalationsFired = fired
        state.activations = activations
        state.completedAt = completedAt
        state.stepChangedAt = changedAt
        state.facts = facts
        for entry in timers {
            guard let id = entry["id"]?.stringValue, let fireAt = instant(entry["fire_at"]),
                let purpose = EventCoding.decodePurpose(entry["purpose"]), state.timers[id] == nil
            else { return nil }
            state.timers[id] = RunState.Timer(id: id, fireAt: fireAt, purpose: purpose)
        }
        state.milestones = milestones
        state.endedTracks = endedTracks
        switch object["outcome"] {
        case .null?: state.outcome = nil
        case let outcome?:
            guard let id = outcome["id"]?.stringValue, let kind = outcome["kind"]?.stringValue,
                let at = instant(outcome["at"])
            else { return nil }
            state.outcome = RunState.ReachedOutcome(id: id, kind: kind, at: at)
        case nil: return nil
        }
        state.aborted = aborted
        state.closed = closed
        state.signatures = signatures
        state.notificationCount = notifications
        return state
    }

    // MARK: Parts

    private static func sorted<Value>(_ dictionary: [String: Value], _ encode: (Value) -> JSONValue) -> JSONValue {
        var object = JSONObject()
        for key in dictionary.keys.sorted() { object[key] = encode(dictionary[key]!) }
        return .object(object)
    }

    private static func map<Value>(_ value: JSONValue?, _ decode: (JSONValue?) -> Value?) -> [String: Value]? {
        guard let object = value?.objectValue else { return nil }
        var result: [String: Value] = [:]
        for (key, entry) in object {
            guard let decoded = decode(entry) else { return nil }
            result[key] = decoded
        }
        return result
    }

    private static func map<Value>(_ value: JSONValue?, _ decode: (JSONValue) -> Value?) -> [String: Value]? {
        map(value) { (entry: JSONValue?) in entry.flatMap(decode) }
    }

    private static func instant(_ value: JSONValue?) -> Int64? {
        value?.intValue.flatMap { EventCoding.instantRange.contains($0) ? $0 : nil }
    }

    private static func count(_ value: JSONValue?) -> Int? {
        value?.intValue.flatMap { (0...(Int64(1) << 50)).contains($0) ? Int($0) : nil }
    }

    private static func strings(_ value: JSONValue?) -> [String]? {
        guard let array = value?.arrayValue else { return nil }
        let texts = array.compactMap(\.stringValue)
        return texts.count == array.count ? texts : nil
    }

    private static func rungs(_ value: JSONValue?) -> Set<Int>? {
        guard let array = value?.arrayValue else { return nil }
        let numbers = array.compactMap { $0.intValue.flatMap { (0..<1_000).contains($0) ? Int($0) : nil } }
        return numbers.count == array.count ? Set(numbers) : nil
    }

    private static func milestone(_ value: JSONValue?) -> RunState.MilestoneState? {
        guard let object = value?.objectValue else { return nil }
        var milestone = RunState.MilestoneState()
        for (key, entry) in object {
            switch key {
            case "due_at": milestone.dueAt = instant(entry)
            case "reached_at": milestone.reachedAt = instant(entry)
            case "margin": milestone.margin = instant(entry)
            case "missed": milestone.missed = entry.boolValue ?? false
            default: return nil
            }
        }
        return milestone
    }

    private static func encode(_ step: RunState.ActiveStep) -> JSONValue {
        var object: JSONObject = ["id": .string(step.id), "owner": step.owner.map(JSONValue.string) ?? .null,
                                  "activated_at": .integer(step.activatedAt)]
        if let acknowledgedAt = step.acknowledgedAt { object["acknowledged_at"] = .integer(acknowledgedAt) }
        if let lastProgressAt = step.lastProgressAt { object["last_progress_at"] = .integer(lastProgressAt) }
        object["due"] = EventCoding.encode(step.due)
        object["items_done"] = .array(step.itemsDone.sorted().map(JSONValue.string))
        object["reassigned"] = .bool(step.reassigned)
        return .object(object)
    }

    private static func activeStep(_ value: JSONValue) -> RunState.ActiveStep? {
        guard let id = value["id"]?.stringValue, let activatedAt = instant(value["activated_at"]),
            let items = strings(value["items_done"]), let reassigned = value["reassigned"]?.boolValue,
            let due = value["due"]?.objectValue
        else { return nil }
        let owner: String?
        switch value["owner"] {
        case .null?: owner = nil
        case let text?:
            guard let name = text.stringValue else { return nil }
            owner = name
        case nil: return nil
        }
        let dueValue = JSONValue.object(due)
        return RunState.ActiveStep(
            id: id, owner: owner, activatedAt: activatedAt, acknowledgedAt: instant(value["acknowledged_at"]),
            lastProgressAt: instant(value["last_progress_at"]), due: EventCoding.decodeDue(dueValue),
            itemsDone: Set(items), reassigned: reassigned)
    }
}
