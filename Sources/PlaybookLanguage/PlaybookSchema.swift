import JSONText

/// The JSON Schema (draft 2020-12) of the playbook language, for editors and independent validators.
///
/// It describes the shapes that `PlaybookDecoder` accepts: every mapping has a closed set of keys, required keys
/// are required, closed sets are enums, names and durations have patterns, and a step has at most one kind. What
/// needs the whole playbook (references, the graph, timing, Chinese texts) is left to `muster check`, so a file
/// the schema accepts may still have errors. The other way round, a file the checker accepts passes the schema,
/// except that the schema wants YAML strings where text is expected (it also takes numbers for `version` and
/// `source`, where they are likely) and the number 1, not the text "1", for `muster`.
///
/// An editor finds it through a comment on a playbook's first line, after `muster schema > muster.schema.json`:
/// `# yaml-language-server: $schema=muster.schema.json`. The schema has no `$id`, so that its references resolve
/// inside the document, offline.
///
/// The keys of every mapping, their shapes, titles and descriptions come from `PlaybookKeys`, the table the
/// decoder reads too; this file adds the building blocks (names, lengths, texts) and the rules across keys.
public enum PlaybookSchema {
    /// The schema as a JSON value, with members in a stable order; `serialized(pretty: true)` prints it.
    public static var json: JSONValue {
        var root: JSONObject = [
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "Muster playbook",
            "description": """
                An executable emergency playbook (应急预案) for a machine room: roles, severity levels, milestones, \
                facts, steps and outcomes. Check it with 'muster check --strict'.
                """,
        ]
        for (key, value) in SchemaBuilder.closed(PlaybookKeys.playbook).objectValue ?? [:] { root.append(key, value) }
        root.append("$defs", .object(definitions))
        return .object(root)
    }

    // MARK: Definitions

    private static var definitions: JSONObject {
        var defs = JSONObject()
        defs.append("name", [
            "title": "Name",
            "description": "An id: an ASCII letter, then ASCII letters, digits, '_' and '-' (on_site, line-fault).",
            "type": "string",
            "pattern": .string(namePattern),
        ])
        defs.append("nameList", [
            "description": "A name, or a list of names.",
            "anyOf": [ref("name"), ["type": "array", "items": ref("name")]],
        ])
        defs.append("length", [
            "title": "Length of time",
            "description": """
                Whole numbers with units d, h, m, s, largest first, each at most once, at most six digits each, \
                not zero: 90s, 10m, 1h30m, 1d.
                """,
            "type": "string",
            "pattern": .string("^" + lengthPattern + "$"),
            "examples": ["90s", "10m", "1h30m", "1d"],
        ])
        defs.append("duration", [
            "title": "Duration",
            "description": """
                A length (90s, 10m, 1h30m, 1d) or the name of a severity clock such as 'respond', which takes \
                its length from the run's current severity level. Clock names used here have no digits.
                """,
            "type": "string",
            "pattern": .string("^(?:" + lengthPattern + "|[A-Za-z][A-Za-z_-]*)$"),
            "examples": ["5m", "1h30m", "1d", "respond"],
        ])
        defs.append("target", [
            "title": "Target",
            "description": "Where a transition goes: a step id, or 'outcome.NAME' to end the run's main phase.",
            "type": "string",
            "pattern": .string("^(?:outcome\\.)?" + nameBody + "$"),
        ])
        defs.append("text", [
            "title": "Bilingual text",
            "description": "Text people read: a plain string (English), or { en: …, zh: … } with one or both.",
            "oneOf": [["type": "string"], closed(PlaybookKeys.text, extra: [("minProperties", 1)])],
        ])
        defs.append("role", closed(PlaybookKeys.role))
        defs.append("severityLevel", closed(PlaybookKeys.severityLevel))
        defs.append("milestone", closed(PlaybookKeys.milestone))
        defs.append("fact", closed(PlaybookKeys.fact, extra: [
            ("if", ["properties": ["type": ["const": "choice"]], "required": ["type"]]),
            ("then", ["required": ["values"]]),
            ("else", ["not": ["required": ["values"]]]),
        ]))
        defs.append("factValue", [
            "title": "Value",
            "description": "A value's id, or { id, title }.",
            "oneOf": [ref("name"), closed(PlaybookKeys.factValue)],
        ])
        defs.append("outcome", closed(PlaybookKeys.outcome))
        defs.append("anyTimeChain", closed(PlaybookKeys.anyTimeChain))
        defs.append("standingInstruction", closed(PlaybookKeys.standingInstruction, extra: [
            ("anyOf", [["required": ["en"]], ["required": ["zh"]]]),
        ]))
        defs.append("continuation", [
            "title": "Continue in another playbook",
            "description": .string("When the step is done, a linked run of another playbook starts, at 'step' (or its "
                + "start) with 'facts'; this run goes to its outcome and hands its remaining limits over. A playbook "
                + "id alone starts at the start with no facts."),
            "oneOf": [ref("name"), ref("continuationMapping")],
        ])
        defs.append("continuationMapping", closed(PlaybookKeys.continuation))
        defs.append("step", step(inTrack: false))
        defs.append("trackStep", step(inTrack: true))
        defs.append("ownerBySeverity", [
            "title": "Owner by severity",
            "description": .string("Severity level ids (and 'default', for the levels not named) mapped to the role "
                + "that owns the step at that level. A run not graded yet takes the most severe level's owner."),
            "type": "object",
            "propertyNames": ref("name"),
            "additionalProperties": ref("name"),
            "minProperties": 1,
        ])
        defs.append("checklistItem", [
            "title": "Checklist item",
            "description": "A plain text (its id is then item1, item2, … by position), or { id, en, zh }.",
            "oneOf": [
                ["type": "string"],
                closed(PlaybookKeys.checklistItem, extra: [("anyOf", [["required": ["en"]], ["required": ["zh"]]])]),
            ],
        ])
        defs.append("escalation", closed(PlaybookKeys.escalation, extra: [
            ("anyOf", [["required": ["notify"]], ["required": ["reassign"]], ["required": ["goto"]]]),
        ]))
        defs.append("transition", transitionDefinition)
        defs.append("decide", closed(PlaybookKeys.decide, extra: [
            ("dependentRequired", ["within": ["on_expiry"], "on_expiry": ["within"]]),
        ]))
        defs.append("option", [
            "title": "Option",
            "description": "A target, or { title, goto }.",
            "oneOf": [ref("target"), closed(PlaybookKeys.option)],
        ])
        defs.append("approve", closed(PlaybookKeys.approve, extra: [("dependentRequired", ["within": ["on_expiry"]])]))
        defs.append("parallel", closed(PlaybookKeys.parallel))
        defs.append("wait", closed(PlaybookKeys.wait))
        return defs
    }

    private static var transitionDefinition: JSONValue {
        let keys = PlaybookKeys.branch
        let branch = closed(keys.only(["when", "goto"], id: "branch", title: keys.title, description: keys.description))
        // The same mapping to the decoder; to the schema, a branch or the last, 'else' alone.
        var otherwiseKeys = keys.only(["else"], id: "else", title: "Else",
                                      description: "Taken when no branch before it holds; the last branch.")
        otherwiseKeys.keys[0].required = true
        let otherwise = closed(otherwiseKeys)
        return [
            "title": "Next",
            "description": """
                Where the step leads when it is done: a target, or a list of branches { when, goto } tried in \
                order, ending with { else: TARGET }.
                """,
            "oneOf": [
                ref("target"),
                [
                    "type": "array",
                    "items": ["oneOf": [branch, otherwise]],
                    "contains": ["required": ["else"]],
                    "minContains": 1,
                    "maxContains": 1,
                ],
            ],
        ]
    }

    /// A step at the top level, or (`inTrack`) inside a parallel track, where it has no `phase`.
    private static func step(inTrack: Bool) -> JSONValue {
        let kinds = PlaybookKeys.stepKinds
        var pairs: [JSONValue] = []
        for (index, first) in kinds.enumerated() {
            for second in kinds[(index + 1)...] { pairs.append(["required": [.string(first), .string(second)]]) }
        }
        var rules: [JSONValue] = [
            [
                "description": "A step is an action or one of decide, approve, parallel and wait: at most one kind.",
                "not": ["anyOf": .array(pairs)],
            ],
            [
                "description": "A decide or approve step says where it leads in its branches; it takes no 'next'.",
                "if": ["anyOf": [["required": ["decide"]], ["required": ["approve"]]]],
                "then": ["not": ["required": ["next"]]],
            ],
            [
                "description": "A parallel step has no owner (its tracks' steps do); every other step has one.",
                "if": ["required": ["parallel"]],
                "then": ["not": ["required": ["owner"]]],
                "else": ["required": ["owner"]],
            ],
        ]
        if !inTrack {
            rules.append([
                "description": "A main-phase action, wait or parallel step at the top level says where it leads.",
                "if": [
                    "not": [
                        "anyOf": [
                            ["required": ["decide"]], ["required": ["approve"]],
                            ["properties": ["phase": ["const": "after_end"]], "required": ["phase"]],
                        ],
                    ],
                ],
                "then": ["required": ["next"]],
            ])
        }
        return closed(inTrack ? PlaybookKeys.trackStep : PlaybookKeys.step, extra: [("allOf", .array(rules))])
    }

    // MARK: Building blocks

    static let nameBody = "[A-Za-z][A-Za-z0-9_-]*"
    private static let namePattern = "^" + nameBody + "$"
    /// A fixed length: units largest first, each at most once, at most six digits, some digit not zero.
    static let lengthPattern = "(?=[0-9dhms]*[1-9])(?:[0-9]{1,6}d)?(?:[0-9]{1,6}h)?(?:[0-9]{1,6}m)?"
        + "(?:[0-9]{1,6}s)?"

    private static func ref(_ definition: String) -> JSONValue {
        .object(SchemaBuilder.reference(definition))
    }

    private static func closed(_ spec: MappingSpec, extra: [(String, JSONValue)] = []) -> JSONValue {
        SchemaBuilder.closed(spec, extra: extra)
    }
}
