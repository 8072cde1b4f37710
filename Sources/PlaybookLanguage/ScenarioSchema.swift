import JSONText

/// The JSON Schema (draft 2020-12) of the drill-scenario language (`muster schema --drill`), for editors.
///
/// Like `PlaybookSchema`, it describes shapes: closed key sets, required keys, the kinds and means of delivery,
/// names and durations. What needs the playbook (its roles, steps, milestones, facts) and the rules across keys
/// (an id used twice, a key that would change nothing, a day the month does not have) are left to
/// `muster check`. An editor finds it through `# yaml-language-server: $schema=muster.scenario.schema.json`.
public enum ScenarioSchema {
    private static let name: JSONValue = ["type": "string", "pattern": "^[A-Za-z][A-Za-z0-9_-]*$"]
    private static let duration: JSONValue = [
        "type": "string", "pattern": "^(0|0s|start|(?=[0-9dhms]*[1-9])([0-9]{1,6}d)?([0-9]{1,6}h)?([0-9]{1,6}m)?([0-9]{1,6}s)?)$",
    ]
    private static let text: JSONValue = [
        "anyOf": [
            ["type": "string"],
            ["type": "object", "properties": ["en": ["type": "string"], "zh": ["type": "string"]],
             "additionalProperties": false, "minProperties": 1],
        ],
    ]
    private static let trigger: JSONValue = ["type": "string", "pattern": "^([A-Za-z][A-Za-z0-9_-]*\\.(activated|done)|fact\\.[A-Za-z][A-Za-z0-9_-]*)$"]
    private static let means: JSONValue = .object(["enum": .array(Scenario.deliveryMeans.map(JSONValue.string))])

    private static func closed(_ fields: [(String, JSONValue)], required: [String] = [], description: String? = nil)
        -> JSONValue
    {
        var properties = JSONObject()
        for (key, value) in fields { properties.append(key, value) }
        var object: JSONObject = [:]
        if let description { object.append("description", .string(description)) }
        object.append("type", "object")
        object.append("properties", .object(properties))
        if !required.isEmpty { object.append("required", .array(required.map(JSONValue.string))) }
        object.append("additionalProperties", false)
        return .object(object)
    }

    private static func map(of value: JSONValue) -> JSONValue {
        ["type": "object", "propertyNames": name, "additionalProperties": value]
    }

    private static func list(_ value: JSONValue) -> JSONValue { ["type": "array", "items": value] }

    /// The schema as a JSON value.
    public static var json: JSONValue {
        let roles: JSONValue = ["anyOf": [name, list(name)]]
        let contingency = closed([("id", name), ("to", name), ("from", name), ("via", means), ("message", text)],
                                 required: ["id", "message"],
                                 description: "Sent when the expected step is not done in time.")
        let inject = closed([
            ("id", name), ("at", duration), ("when", trigger), ("after", duration), ("to", roles), ("from", name),
            ("via", means), ("message", text), ("expect", name), ("within", duration), ("contingency", contingency),
        ], required: ["id", "message"], description: "An inject of the master scenario events list (MSEL).")
        let objective = closed([
            ("title", text), ("milestone", name), ("step", name), ("within", duration),
            ("critical_tasks", ["anyOf": [name, list(name)]]), ("owner", name),
        ], required: ["title"], description: "An objective: 'milestone: ID', or 'step: ID' with 'within'.")
        var playerFields: [(String, JSONValue)] = [("role", name), ("at", duration), ("when", trigger), ("after", duration)]
        for key in ["ack", "progress", "done", "record", "decide", "approve", "deny", "grade", "signal", "note"] {
            playerFields.append((key, ["type": "string"]))
        }
        let player = closed(playerFields, required: ["role"],
                            description: "A scripted action of an unattended run: exactly one action key.")
        let staff = closed([
            ("controllers", list(name)), ("evaluators", list(name)), ("simulated", map(of: text)),
        ], description: "The exercise staff and the simulated parties.")
        var root: JSONObject = [
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "Muster drill scenario",
            "description": "A drill scenario of a playbook (Playbooks/drills/). Check it with 'muster check --strict'.",
        ]
        let body = closed([
            ("drill", ["const": 1]), ("id", name), ("title", text),
            ("kind", .object(["enum": .array(Scenario.Kind.allCases.map { .string($0.rawValue) })])),
            ("playbook", name), ("severity", name),
            ("starts_at", ["type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$"]),
            ("participants", map(of: name)), ("staff", staff), ("objectives", map(of: objective)),
            ("injects", list(inject)), ("players", list(player)),
        ], required: ["drill", "id", "title", "kind", "playbook", "participants", "objectives"])
        for (key, value) in body.objectValue ?? JSONObject() { root.append(key, value) }
        return .object(root)
    }
}
