public import JSONText

/// Turns events into the journal's JSON and back: `type` names the event, `data` holds its fields.
///
/// The names are part of the journal format: reports, scripts and older runs rely on them, so they never change.
/// Instants and durations are integers (milliseconds). A text the engine writes for people (a cancellation's or a
/// reassignment's reason, a notification's message, a refusal's reason) is written in English under its key and in
/// Chinese under the same key with `_zh`; the `_zh` key is absent from journals written before the engine wrote
/// Chinese, and such lines decode with no Chinese and encode back to the same bytes.
public enum EventCoding {
    /// The journal name of an event kind, e.g. `step.activated`.
    public static func type(of kind: EventKind) -> String {
        encode(kind).type
    }

    /// The actor as JSON: `"engine"`, `{"person": …, "role": …}` or `{"inject": …}`.
    public static func encode(_ actor: Actor) -> JSONValue {
        switch actor {
        case .engine: return "engine"
        case .person(let person, let role):
            var object: JSONObject = ["person": .string(person)]
            if let role { object["role"] = .string(role) }
            return .object(object)
        case .inject(let id): return .object(["inject": .string(id)])
        }
    }

    /// The actor from JSON, or `nil` when it is not one.
    public static func decodeActor(_ value: JSONValue) -> Actor? {
        if value.stringValue == "engine" { return .engine }
        if let person = value["person"]?.stringValue { return .person(person, role: value["role"]?.stringValue) }
        if let inject = value["inject"]?.stringValue { return .inject(inject) }
        return nil
    }

    // swiftlint:disable:next cyclomatic_complexity function_body_length
    /// The type name and data object of an event kind.
    public static func encode(_ kind: EventKind) -> (type: String, data: JSONObject) {
        func s(_ text: String) -> JSONValue { .string(text) }
        func i(_ number: Int64) -> JSONValue { .integer(number) }
        func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
        switch kind {
        case .runStarted(let start):
            var assignments = JSONObject()
            for role in start.assignments.keys.sorted() { assignments[role] = s(start.assignments[role]!) }
            var data: JSONObject = [
                "playbook": s(start.playbookID), "version": s(start.version), "hash": s(start.playbookHash),
                "mode": s(start.mode.rawValue), "clock": s(start.virtualClock ? "virtual" : "real"),
                "severity": optional(start.severity), "assignments": .object(assignments),
                "scenario": optional(start.scenario),
            ]
            if start.speed != 1 { data["speed"] = i(Int64(start.speed)) }
            if let faultAt = start.faultAt { data["fault_at"] = i(faultAt) }
            if let hash = start.scenarioHash { data["scenario_hash"] = s(hash) }
            if start.unattended { data["unattended"] = true }
            if !start.scripted.isEmpty { data["scripted"] = .array(start.scripted.map(s)) }
            if let title = start.title { data["title"] = s(title) }
            if let link = start.continuedFrom { data["continued_from"] = encode(link) }
            return ("run.started", data)
        case .personJoined(let person, let role): return ("person.joined", ["person": s(person), "role": s(role)])
        case .handover(let role, let from, let to):
            return ("role.handover", ["role": s(role), "from": optional(from), "to": s(to)])
        case .severityGraded(let level, let why): return ("severity.graded", ["level": s(level), "why": optional(why)])
        case .severityRegraded(let from, let to, let why):
            return ("severity.regraded", ["from": s(from), "to": s(to), "why": s(why)])
        case .stepActivated(let step, let owner, let due):
            return ("step.activated", ["step": s(step), "owner": optional(owner), "due": encode(due)])
        case .stepAcknowledged(let step): return ("step.acknowledged", ["step": s(step)])
        case .stepProgress(let step, let note): return ("step.progress", ["step": s(step), "note": optional(note)])
        case .checklistItemDone(let step, let item): return ("checklist.item", ["step": s(step), "item": s(item)])
        case .factRecorded(let fact, let value, let step):
            return ("fact.recorded", ["fact": s(fact), "value": encode(value), "step": optional(step)])
        case .factCorrected(let fact, let from, let to, let why):
            return ("fact.corrected", ["fact": s(fact), "from": encode(from), "to": encode(to), "why": s(why)])
        case .stepCompleted(let step): return ("step.completed", ["step": s(step)])
        case .stepSigned(let step, let role): return ("step.signed", ["step": s(step), "role": s(role)])
        case .stepReassigned(let step, let to, let why, let whyChinese, let code):
            var data: JSONObject = ["step": s(step), "to": s(to), "why": s(why)]
            if let whyChinese { data["why_zh"] = s(whyChinese) }
            encode(code, into: &data)
            return ("step.reassigned", data)
        case .stepOverdue(let step, let clock, let missed):
            var data: JSONObject = ["step": s(step), "clock": s(clock.rawValue)]
            if missed != 1 { data["missed"] = i(Int64(missed)) }
            return ("step.overdue", data)
        case .stepRescheduled(let step, let due): return ("step.rescheduled", ["step": s(step), "due": encode(due)])
        case .stepCancelled(let step, let why, let whyChinese, let code):
            var data: JSONObject = ["step": s(step), "why": s(why)]
            if let whyChinese { data["why_zh"] = s(whyChinese) }
            encode(code, into: &data)
            return ("step.cancelled", data)
        case .decisionMade(let step, let option, let why):
            return ("decision.made", ["step": s(step), "option": s(option), "why": optional(why)])
        case .decisionDefaulted(let step, let option):
            return ("decision.defaulted", ["step": s(step), "option": s(option)])
        case .approvalRequested(let step, let approver):
            return ("approval.requested", ["step": s(step), "approver": s(approver)])
        case .approvalGranted(let step, let why): return ("approval.granted", ["step": s(step), "why": optional(why)])
        case .approvalDenied(let step, let why): return ("approval.denied", ["step": s(step), "why": optional(why)])
        case .approvalExpired(let step, let granted):
            return ("approval.expired", ["step": s(step), "granted": .bool(granted)])
        case .signalReceived(let name): return ("signal.received", ["name": s(name)])
        case .trackStarted(let step, let track): return ("track.started", ["step": s(step), "track": s(track)])
        case .trackEnded(let step, let track): return ("track.ended", ["step": s(step), "track": s(track)])
        case .joinCompleted(let step): return ("join.completed", ["step": s(step)])
        case .timerScheduled(let timer, let fireAt, let purpose):
            return ("timer.scheduled", ["timer": s(timer.text), "fire_at": i(fireAt), "purpose": encode(purpose)])
        case .timerFired(let timer): return ("timer.fired", ["timer": s(timer.text)])
        case .timerCancelled(let timer): return ("timer.cancelled", ["timer": s(timer.text)])
        case .escalationFired(let step, let rung):
            return ("escalation.fired", ["step": s(step), "rung": i(Int64(rung + 1))])
        case .notificationRequested(let id, let roles, let message, let step, let messageChinese, let code):
            var data: JSONObject = [
                "id": s(id), "roles": .array(roles.map(s)), "message": s(message), "step": optional(step),
            ]
            if let messageChinese { data["message_zh"] = s(messageChinese) }
            encode(code, into: &data)
            return ("notification.requested", data)
        case .notificationSent(let id, let to): return ("notification.sent", ["id": s(id), "to": s(to)])
        case .notificationFailed(let id, let to, let why, let whyChinese, let final):
            var data: JSONObject = ["id": s(id), "to": s(to), "why": s(why)]
            if let whyChinese { data["why_zh"] = s(whyChinese) }
            if !final { data["final"] = .bool(false) }
            return ("notification.failed", data)
        case .notificationAcknowledged(let id, let by):
            return ("notification.acknowledged", ["id": s(id), "by": s(by)])
        case .milestoneDue(let milestone, let dueAt):
            return ("milestone.due", ["milestone": s(milestone), "due_at": i(dueAt)])
        case .milestoneRecomputed(let milestone, let dueAt):
            return ("milestone.recomputed", ["milestone": s(milestone), "due_at": i(dueAt)])
        case .milestoneReached(let milestone, let margin):
            return ("milestone.reached", ["milestone": s(milestone), "margin_ms": i(margin)])
        case .milestoneMissed(let milestone): return ("milestone.missed", ["milestone": s(milestone)])
        case .note(let text, let section):
            var data: JSONObject = ["text": s(text)]
            if let section { data["section"] = s(section) }
            return ("note", data)
        case .injectDelivered(let id, let role, let message):
            return ("drill.inject", ["id": s(id), "role": optional(role), "message": s(message)])
        case .clockAdvanced(let to): return ("clock.advanced", ["to": i(to)])
        case .exercise(let record):
            switch record {
            case .observation(let objective, let kind, let text):
                return ("drill.observation", ["objective": optional(objective), "kind": s(kind.rawValue), "text": s(text)])
            case .rating(let objective, let rating, let why):
                return ("drill.rating", ["objective": s(objective), "rating": s(rating), "why": s(why)])
            case .injectCancelled(let id, let why): return ("drill.inject_cancelled", ["id": s(id), "why": optional(why)])
            case .mark(let mark): return ("drill.mark", ["mark": s(mark.rawValue)])
            case .scripted(let role): return ("drill.scripted", ["role": s(role)])
            case .unscripted(let role): return ("drill.unscripted", ["role": s(role)])
            case .improvement(let objective, let action, let owner, let dueAt, let status):
                return ("drill.improvement", ["objective": s(objective), "action": s(action), "owner": s(owner),
                                              "due_at": i(dueAt), "status": s(status)])
            }
        case .commandRejected(let command, .coded(let rejection)):
            return ("command.rejected", ["command": s(command), "code": s(rejection.code.rawValue),
                                         "parameters": .object(encode(rejection.parameters))])
        case .commandRejected(let command, .prose(let reason, let chinese)):
            var data: JSONObject = ["command": s(command), "reason": s(reason)]
            if let chinese { data["reason_zh"] = s(chinese) }
            return ("command.rejected", data)
        case .outcomeReached(let outcome, let kind): return ("outcome.reached", ["outcome": s(outcome), "kind": s(kind)])
        case .runAborted(let why): return ("run.aborted", ["why": s(why)])
        case .chainRaised(let chain, let why): return ("chain.raised", ["chain": s(chain), "why": optional(why)])
        case .chainEnded(let chain): return ("chain.ended", ["chain": s(chain)])
        case .instructionRaised(let instruction, let step):
            return ("instruction.raised", ["instruction": s(instruction), "step": s(step)])
        case .instructionReleased(let instruction, let why):
            return ("instruction.released", ["instruction": s(instruction), "why": optional(why)])
        case .reportSigned(let person): return ("report.signed", ["person": s(person)])
        case .runTitled(let title): return ("run.titled", ["title": s(title)])
        case .continueRequested(let request):
            var facts = JSONObject()
            for fact in request.facts.keys.sorted() { facts[fact] = s(request.facts[fact]!) }
            return ("run.continue_requested", ["step": s(request.step), "playbook": s(request.playbook),
                                               "entry": optional(request.entry), "facts": .object(facts)])
        case .continuedIn(let link): return ("run.continued_in", encode(link).objectValue ?? [:])
        case .milestoneHandedOver(let milestone): return ("milestone.handed_over", ["milestone": s(milestone)])
        case .runClosed: return ("run.closed", [:])
        case .journalRepaired(let bytes): return ("journal.repaired", ["bytes_cut": i(Int64(bytes))])
        case .clockJumped(let from, let to): return ("clock.jumped", ["from": i(from), "to": i(to)])
        }
    }

    static func encode(_ link: RunLink) -> JSONValue {
        .object(["run": .string(link.run), "playbook": .string(link.playbook), "started_hash": .string(link.startedHash)])
    }

    static func decodeLink(_ value: JSONValue?) -> RunLink? {
        guard let run = value?["run"]?.stringValue, let playbook = value?["playbook"]?.stringValue,
            let hash = value?["started_hash"]?.stringValue
        else { return nil }
        return RunLink(run: run, playbook: playbook, startedHash: hash)
    }

    static func encode(_ due: StepDue) -> JSONValue {
        var object = JSONObject()
        if let ack = due.ack { object["ack"] = .integer(ack) }
        if let progress = due.progress { object["progress"] = .integer(progress) }
        if let done = due.done { object["done"] = .integer(done) }
        if let expiry = due.expiry { object["expiry"] = .integer(expiry) }
        return .object(object)
    }

    static func encode(_ value: FactValue) -> JSONValue {
        switch value {
        case .choice(let choice): .object(["choice": .string(choice)])
        case .number(let number): .object(["number": .number(number)])
        case .text(let text): .object(["text": .string(text)])
        case .flag(let flag): .object(["flag": .bool(flag)])
        }
    }

    static func encode(_ purpose: TimerPurpose) -> JSONValue {
        switch purpose {
        case .step(let step, let clock): .object(["step": .string(step), "clock": .string(clock.rawValue)])
        case .escalation(let step, let rung): .object(["step": .string(step), "rung": .integer(Int64(rung + 1))])
        case .milestone(let milestone): .object(["milestone": .string(milestone)])
        }
    }

    /// The instants and spans a journal may hold, in milliseconds: about 35 000 years either side of 1970, far
    /// beyond any run, and far enough inside Int64 that no sum of two of them overflows.
    public static let instantRange: ClosedRange<Int64> = -(Int64(1) << 50)...(Int64(1) << 50)

    /// A decoding failure: the event's type and what was wrong.
    public struct DecodingError: Error, Sendable, Hashable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    // swiftlint:disable:next cyclomatic_complexity function_body_length
    /// The event kind for `type` and `data`, or a decoding error.
    public static func decode(type: String, data: JSONValue) throws(DecodingError) -> EventKind {
        func s(_ key: String) throws(DecodingError) -> String {
            guard let value = data[key]?.stringValue else {
                throw DecodingError(message: "'\(type)' needs text '\(key)'")
            }
            return value
        }
        func o(_ key: String) -> String? { data[key]?.stringValue }
        func i(_ key: String, in range: ClosedRange<Int64> = instantRange) throws(DecodingError) -> Int64 {
            guard let value = data[key]?.intValue else { throw DecodingError(message: "'\(type)' needs number '\(key)'") }
            guard range.contains(value) else {
                throw DecodingError(message: "'\(key)' of '\(type)' is out of range: \(value)")
            }
            return value
        }
        switch type {
        case "run.started":
            guard let mode = RunMode(rawValue: try s("mode")) else { throw DecodingError(message: "unknown mode") }
            var assignments: [String: String] = [:]
            for (role, person) in data["assignments"]?.objectValue ?? [:] {
                if let person = person.stringValue { assignments[role] = person }
            }
            var start = RunStart(
                playbookID: try s("playbook"), version: try s("version"), playbookHash: try s("hash"), mode: mode,
                virtualClock: try s("clock") == "virtual", severity: o("severity"), assignments: assignments,
                scenario: o("scenario"), speed: data["speed"] == nil ? 1 : Int(try i("speed", in: RunStart.speeds)),
                scenarioHash: o("scenario_hash"), faultAt: data["fault_at"] == nil ? nil : try i("fault_at"),
                title: o("title"))
            start.unattended = data["unattended"]?.boolValue ?? false
            if data["continued_from"] != nil {
                guard let link = decodeLink(data["continued_from"]) else { throw DecodingError(message: "bad continued_from") }
                start.continuedFrom = link
            }
            start.scripted = data["scripted"]?.arrayValue?.compactMap(\.stringValue) ?? []
            return .runStarted(start)
        case "person.joined": return .personJoined(person: try s("person"), role: try s("role"))
        case "role.handover": return .handover(role: try s("role"), from: o("from"), to: try s("to"))
        case "severity.graded": return .severityGraded(level: try s("level"), why: o("why"))
        case "severity.regraded": return .severityRegraded(from: try s("from"), to: try s("to"), why: try s("why"))
        case "step.activated":
            return .stepActivated(step: try s("step"), owner: o("owner"), due: decodeDue(data["due"]))
        case "step.acknowledged": return .stepAcknowledged(step: try s("step"))
        case "step.progress": return .stepProgress(step: try s("step"), note: o("note"))
        case "checklist.item": return .checklistItemDone(step: try s("step"), item: try s("item"))
        case "fact.recorded":
            guard let value = decodeFact(data["value"]) else { throw DecodingError(message: "bad fact value") }
            return .factRecorded(fact: try s("fact"), value: value, step: o("step"))
        case "fact.corrected":
            guard let from = decodeFact(data["from"]), let to = decodeFact(data["to"]) else {
                throw DecodingError(message: "bad fact value")
            }
            return .factCorrected(fact: try s("fact"), from: from, to: to, why: try s("why"))
        case "step.completed": return .stepCompleted(step: try s("step"))
        case "step.signed": return .stepSigned(step: try s("step"), role: try s("role"))
        case "step.reassigned":
            return .stepReassigned(step: try s("step"), to: try s("to"), why: try s("why"), whyChinese: o("why_zh"),
                                   code: try decodeMessage(data))
        case "step.overdue":
            guard let clock = StepClock(rawValue: try s("clock")) else { throw DecodingError(message: "bad clock") }
            let missed = data["missed"] == nil ? 1 : Int(try i("missed", in: 1...(Int64(1) << 40)))
            return .stepOverdue(step: try s("step"), clock: clock, missed: missed)
        case "step.rescheduled": return .stepRescheduled(step: try s("step"), due: decodeDue(data["due"]))
        case "step.cancelled":
            return .stepCancelled(step: try s("step"), why: try s("why"), whyChinese: o("why_zh"),
                                  code: try decodeMessage(data))
        case "decision.made": return .decisionMade(step: try s("step"), option: try s("option"), why: o("why"))
        case "decision.defaulted": return .decisionDefaulted(step: try s("step"), option: try s("option"))
        case "approval.requested": return .approvalRequested(step: try s("step"), approver: try s("approver"))
        case "approval.granted": return .approvalGranted(step: try s("step"), why: o("why"))
        case "approval.denied": return .approvalDenied(step: try s("step"), why: o("why"))
        case "approval.expired":
            return .approvalExpired(step: try s("step"), granted: data["granted"]?.boolValue ?? false)
        case "signal.received": return .signalReceived(name: try s("name"))
        case "track.started": return .trackStarted(step: try s("step"), track: try s("track"))
        case "track.ended": return .trackEnded(step: try s("step"), track: try s("track"))
        case "join.completed": return .joinCompleted(step: try s("step"))
        case "timer.scheduled":
            guard let purpose = decodePurpose(data["purpose"]) else { throw DecodingError(message: "bad purpose") }
            return .timerScheduled(timer: TimerID(text: try s("timer")), fireAt: try i("fire_at"), purpose: purpose)
        case "timer.fired": return .timerFired(timer: TimerID(text: try s("timer")))
        case "timer.cancelled": return .timerCancelled(timer: TimerID(text: try s("timer")))
        case "escalation.fired": return .escalationFired(step: try s("step"), rung: Int(try i("rung", in: 1...1_000)) - 1)
        case "notification.requested":
            let roles = data["roles"]?.arrayValue?.compactMap(\.stringValue) ?? []
            return .notificationRequested(id: try s("id"), roles: roles, message: try s("message"), step: o("step"),
                                          messageChinese: o("message_zh"), code: try decodeMessage(data))
        case "notification.sent": return .notificationSent(id: try s("id"), to: try s("to"))
        case "notification.failed":
            return .notificationFailed(id: try s("id"), to: try s("to"), why: try s("why"), whyChinese: o("why_zh"),
                                       final: data["final"]?.boolValue ?? true)
        case "notification.acknowledged": return .notificationAcknowledged(id: try s("id"), by: try s("by"))
        case "milestone.due": return .milestoneDue(milestone: try s("milestone"), dueAt: try i("due_at"))
        case "milestone.recomputed": return .milestoneRecomputed(milestone: try s("milestone"), dueAt: try i("due_at"))
        case "milestone.reached": return .milestoneReached(milestone: try s("milestone"), margin: try i("margin_ms"))
        case "milestone.missed": return .milestoneMissed(milestone: try s("milestone"))
        case "note": return .note(text: try s("text"), section: o("section"))
        case "drill.inject": return .injectDelivered(id: try s("id"), role: o("role"), message: try s("message"))
        case "clock.advanced": return .clockAdvanced(to: try i("to"))
        case "drill.observation":
            guard let kind = ExerciseRecord.ObservationKind(rawValue: try s("kind")) else {
                throw DecodingError(message: "unknown observation kind")
            }
            return .exercise(.observation(objective: o("objective"), kind: kind, text: try s("text")))
        case "drill.rating":
            return .exercise(.rating(objective: try s("objective"), rating: try s("rating"), why: try s("why")))
        case "drill.inject_cancelled": return .exercise(.injectCancelled(id: try s("id"), why: o("why")))
        case "drill.mark":
            guard let mark = ExerciseRecord.Mark(rawValue: try s("mark")) else { throw DecodingError(message: "unknown mark") }
            return .exercise(.mark(mark))
        case "drill.scripted": return .exercise(.scripted(role: try s("role")))
        case "drill.unscripted": return .exercise(.unscripted(role: try s("role")))
        case "drill.improvement":
            return .exercise(.improvement(objective: try s("objective"), action: try s("action"), owner: try s("owner"),
                                          dueAt: try i("due_at"), status: try s("status")))
        case "command.rejected":
            guard let code = o("code") else {
                return .commandRejected(command: try s("command"), refusal: .prose(reason: try s("reason"), chinese: o("reason_zh")))
            }
            guard let known = Rejection.Code(rawValue: code) else { throw DecodingError(message: "unknown refusal code '\(code)'") }
            return .commandRejected(command: try s("command"),
                                    refusal: .coded(Rejection(known, try decodeParameters(data["parameters"]))))
        case "outcome.reached": return .outcomeReached(outcome: try s("outcome"), kind: try s("kind"))
        case "run.aborted": return .runAborted(why: try s("why"))
        case "chain.raised": return .chainRaised(chain: try s("chain"), why: o("why"))
        case "chain.ended": return .chainEnded(chain: try s("chain"))
        case "instruction.raised": return .instructionRaised(instruction: try s("instruction"), step: try s("step"))
        case "instruction.released": return .instructionReleased(instruction: try s("instruction"), why: o("why"))
        case "report.signed": return .reportSigned(person: try s("person"))
        case "run.titled": return .runTitled(title: try s("title"))
        case "run.continue_requested":
            var facts: [String: String] = [:]
            for (fact, value) in data["facts"]?.objectValue ?? [:] {
                guard let text = value.stringValue else { throw DecodingError(message: "bad fact '\(fact)'") }
                facts[fact] = text
            }
            return .continueRequested(ContinuationRequest(step: try s("step"), playbook: try s("playbook"),
                                                          entry: o("entry"), facts: facts))
        case "run.continued_in":
            guard let link = decodeLink(data) else { throw DecodingError(message: "'\(type)' needs run, playbook and started_hash") }
            return .continuedIn(link)
        case "milestone.handed_over": return .milestoneHandedOver(milestone: try s("milestone"))
        case "run.closed": return .runClosed
        case "journal.repaired": return .journalRepaired(bytesCut: Int(try i("bytes_cut", in: 0...(Int64(1) << 40))))
        case "clock.jumped": return .clockJumped(from: try i("from"), to: try i("to"))
        default: throw DecodingError(message: "unknown event type '\(type)'")
        }
    }

    /// A refusal's parameters as JSON: a text as a string, a list as an array of strings, a number as an integer.
    public static func encode(_ parameters: [String: Rejection.Value]) -> JSONObject {
        var object = JSONObject()
        for key in parameters.keys.sorted() {
            switch parameters[key]! {
            case .text(let text): object[key] = .string(text)
            case .list(let list): object[key] = .array(list.map { .string($0) })
            case .number(let number): object[key] = .integer(Int64(number))
            }
        }
        return object
    }

    /// An engine message's `code` and `parameters` beside its words, when it has them.
    static func encode(_ message: EngineMessage?, into data: inout JSONObject) {
        guard let message else { return }
        data["code"] = .string(message.code.rawValue)
        data["parameters"] = .object(encode(message.parameters))
    }

    /// The engine message of a line that has `code`: `nil` without one, and for a code this version does not know
    /// (the line's words say it then).
    static func decodeMessage(_ data: JSONValue) throws(DecodingError) -> EngineMessage? {
        guard let code = data["code"]?.stringValue.flatMap(EngineMessage.Code.init(rawValue:)) else { return nil }
        return EngineMessage(code, try decodeParameters(data["parameters"]))
    }

    static func decodeParameters(_ value: JSONValue?) throws(DecodingError) -> [String: Rejection.Value?] {
        guard let value else { return [:] }
        guard let object = value.objectValue else { throw DecodingError(message: "a refusal's parameters are not an object") }
        var parameters: [String: Rejection.Value?] = [:]
        for (key, value) in object {
            if let text = value.stringValue {
                parameters[key] = .text(text)
            } else if let number = value.intValue, let small = Int(exactly: number) {
                parameters[key] = .number(small)
            } else if let array = value.arrayValue {
                let list = array.compactMap(\.stringValue)
                guard list.count == array.count else { throw DecodingError(message: "refusal parameter '\(key)' is not a list of texts") }
                parameters[key] = .list(list)
            } else {
                throw DecodingError(message: "refusal parameter '\(key)' is not a text, a list or a number")
            }
        }
        return parameters
    }

    static func decodeDue(_ value: JSONValue?) -> StepDue {
        func instant(_ key: String) -> Int64? { value?[key]?.intValue.flatMap { instantRange.contains($0) ? $0 : nil } }
        return StepDue(ack: instant("ack"), progress: instant("progress"), done: instant("done"), expiry: instant("expiry"))
    }

    static func decodeFact(_ value: JSONValue?) -> FactValue? {
        if let choice = value?["choice"]?.stringValue { return .choice(choice) }
        if let number = value?["number"]?.doubleValue { return .number(number) }
        if let text = value?["text"]?.stringValue { return .text(text) }
        if let flag = value?["flag"]?.boolValue { return .flag(flag) }
        return nil
    }

    static func decodePurpose(_ value: JSONValue?) -> TimerPurpose? {
        if let milestone = value?["milestone"]?.stringValue { return .milestone(milestone) }
        guard let step = value?["step"]?.stringValue else { return nil }
        if let rung = value?["rung"]?.intValue {
            return (1...1_000).contains(rung) ? .escalation(step, rung: Int(rung) - 1) : nil
        }
        if let clock = value?["clock"]?.stringValue.flatMap(StepClock.init(rawValue:)) { return .step(step, clock) }
        return nil
    }
}
