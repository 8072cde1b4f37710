public import JSONText
public import PlaybookLanguage
import Reporting
public import RunEngine

/// What an action (`ack`, `done`, `grade`…) says once the engine took or refused it: on standard output the new
/// seq and active steps (text) or the whole result (JSON, with the refusal's code and words in both languages),
/// on standard error the refusal in the reader's language.
public struct ActionResult: Sendable {
    /// The run's state after the action.
    public var state: RunState
    /// The events the action journaled.
    public var appended: [Event]
    /// The engine's refusal, if it refused.
    public var rejection: Rejection?

    /// The result of an action on a run now in `state`, having journaled `appended`, refused with `rejection`.
    public init(state: RunState, appended: [Event], rejection: Rejection?) {
        self.state = state
        self.appended = appended
        self.rejection = rejection
    }

    /// The result as `--format json` prints it.
    public func json(runID: String) -> JSONValue {
        var object: JSONObject = [
            "run": .string(runID), "ok": .bool(rejection == nil), "seq": .integer(Int64(state.eventCount)),
        ]
        if let rejection {
            object["reason"] = .string(rejection.reason)
            object["code"] = .string(rejection.code.rawValue)
            object["parameters"] = .object(EventCoding.encode(rejection.parameters))
            object["message"] = .string(RefusalWords.text(rejection, .en))
            object["message_zh"] = .string(RefusalWords.text(rejection, .zh))
        }
        object["events"] = .array(appended.map { event in
            .object(["type": .string(EventCoding.type(of: event.kind)), "at": .integer(event.at)])
        })
        object["active"] = .array(state.activeOrder.map { .string($0) })
        return .object(object)
    }

    /// "ok: seq N; active steps: …" in `language` when the action was taken; empty when refused.
    public func text(_ language: Language) -> String {
        guard rejection == nil else { return "" }
        let label = Labels(language: language)
        let active = state.activeOrder.isEmpty ? label("none") : state.activeOrder.joined(separator: ", ")
        var line = "\(label("ok")): \(label("seq")) \(state.eventCount); \(label("active steps")): \(active)"
        if let reached = state.outcome { line += "; \(label("outcome")): \(reached.id)" }
        return line + "\n"
    }

    /// The refusal for standard error in `language`: "muster: refused (REASON): …"; nil when the action was taken.
    public func refusal(_ language: Language) -> String? {
        guard let rejection else { return nil }
        return "muster: \(Labels(language: language)("refused")) (\(RefusalWords.reason(rejection.reason, language))): "
            + RefusalWords.text(rejection, language) + "\n"
    }
}
