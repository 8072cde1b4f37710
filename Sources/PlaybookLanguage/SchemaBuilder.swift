import JSONText

/// Turns the key tables (`PlaybookKeys`, `ScenarioKeys`) into JSON Schema (draft 2020-12) fragments: a closed
/// mapping per `MappingSpec`, a property per `KeySpec`. The basic shapes refer to the `$defs` every schema
/// generated here defines: `name`, `nameList`, `text`, `duration`, `length` and `target`.
enum SchemaBuilder {
    /// A mapping with the closed set of keys of `spec`, its required keys required, and `extra` members (rules
    /// across keys) after them.
    static func closed(_ spec: MappingSpec, extra: [(String, JSONValue)] = []) -> JSONValue {
        var object = JSONObject()
        if let title = spec.title { object.append("title", .string(title)) }
        if let description = spec.description { object.append("description", .string(description)) }
        object.append("type", "object")
        var properties = JSONObject()
        for key in spec.keys { properties.append(key.name, property(key)) }
        object.append("properties", .object(properties))
        let required = spec.requiredNames
        if !required.isEmpty { object.append("required", .array(required.map(JSONValue.string))) }
        object.append("additionalProperties", false)
        for (key, value) in extra { object.append(key, value) }
        return .object(object)
    }

    /// The schema of one key: its title and description, then its shape.
    static func property(_ key: KeySpec) -> JSONValue {
        var object = JSONObject()
        if let title = key.title { object.append("title", .string(title)) }
        if !key.description.isEmpty { object.append("description", .string(key.description)) }
        for (member, value) in shape(key.shape) { object.append(member, value) }
        return .object(object)
    }

    /// The schema of a shape, as the members of an object.
    static func shape(_ shape: KeySpec.Shape) -> JSONObject {
        switch shape {
        case .text: return reference("text")
        case .name: return reference("name")
        case .names: return reference("nameList")
        case .duration: return reference("duration")
        case .length: return reference("length")
        case .target: return reference("target")
        case .definition(let name): return reference(name)
        case .boolean(let defaultValue):
            var object: JSONObject = ["type": "boolean"]
            if let defaultValue { object.append("default", .bool(defaultValue)) }
            return object
        case .string: return ["type": "string"]
        case .stringOrNumber: return ["type": ["string", "number"]]
        case .oneOf(let values, let defaultValue):
            var object: JSONObject = ["enum": .array(values.map(JSONValue.string))]
            if let defaultValue { object.append("default", .string(defaultValue)) }
            return object
        case .integer(let range):
            return ["type": "integer", "minimum": .integer(Int64(range.lowerBound)),
                    "maximum": .integer(Int64(range.upperBound))]
        case .mapping(let spec): return closed(spec).objectValue ?? [:]
        case .namedMap(let value, let atLeastOne):
            var object: JSONObject = [
                "type": "object", "propertyNames": .object(reference("name")), "additionalProperties": .object(Self.shape(value)),
            ]
            if atLeastOne { object.append("minProperties", 1) }
            return object
        case .list(let item): return ["type": "array", "items": .object(Self.shape(item))]
        case .schema(let json): return json.objectValue ?? [:]
        }
    }

    static func reference(_ definition: String) -> JSONObject {
        ["$ref": .string("#/$defs/" + definition)]
    }
}
