import JSONText

/// The JSON Schema (draft 2020-12) of the drill-scenario language (`muster schema --drill`), for editors.
///
/// Like `PlaybookSchema`, it describes shapes: closed key sets, required keys, the kinds and means of delivery,
/// names and durations. What needs the playbook (its roles, steps, milestones, facts) and the rules across keys
/// (an id used twice, a key that would change nothing, a day the month does not have) are left to
/// `muster check`. An editor finds it through `# yaml-language-server: $schema=muster.scenario.schema.json`.
///
/// The keys of every mapping come from `ScenarioKeys`, the table the decoder reads too.
public enum ScenarioSchema {
    /// The schema as a JSON value.
    public static var json: JSONValue {
        var root: JSONObject = [
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "Muster drill scenario",
            "description": "A drill scenario of a playbook (Playbooks/drills/). Check it with 'muster check --strict'.",
        ]
        for (key, value) in SchemaBuilder.closed(ScenarioKeys.scenario).objectValue ?? [:] { root.append(key, value) }
        root.append("$defs", .object(definitions))
        return .object(root)
    }

    private static var definitions: JSONObject {
        let name: JSONValue = ["type": "string", "pattern": .string("^" + PlaybookSchema.nameBody + "$")]
        var defs = JSONObject()
        defs.append("name", name)
        defs.append("nameList", ["anyOf": [name, ["type": "array", "items": name]]])
        defs.append("duration", [
            "description": "A time from the start or from the trigger: 0, start, or a length like 90s, 10m, 1h30m.",
            "type": "string",
            "pattern": .string("^(?:0|0s|start|" + PlaybookSchema.lengthPattern + ")$"),
        ])
        defs.append("text", [
            "anyOf": [["type": "string"], SchemaBuilder.closed(PlaybookKeys.text, extra: [("minProperties", 1)])],
        ])
        defs.append("trigger", [
            "type": "string",
            "pattern": .string("^(?:" + PlaybookSchema.nameBody + "\\.(?:activated|done)|fact\\." + PlaybookSchema.nameBody + ")$"),
        ])
        return defs
    }
}
