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
            "type": "object",
        ]
        root.append("properties", properties([
            ("muster", [
                "title": "Language version",
                "description": "The version of the playbook language the file is written in; only 1 exists.",
                "const": 1,
            ]),
            ("id", described(ref("name"), "Playbook id",
                             "How people and scripts name the playbook, e.g. to start a run of it.")),
            ("version", [
                "title": "Playbook version",
                "description": "Yours to bump when the playbook changes, e.g. 1.0.0; a run records it.",
                "type": ["string", "number"],
            ]),
            ("title", described(ref("text"), "Title", "The playbook's title, shown to responders.")),
            ("summary", described(ref("text"), "Summary", "A longer description of the playbook.")),
            ("roles", namedMap(
                "Roles", "Who takes part: role ids mapped to roles. A role owns steps, approves and is notified.",
                value: ref("role"), atLeastOne: true)),
            ("severity", namedMap(
                "Severity levels", "The severity levels, most severe first (e.g. fatal, severe, general).",
                value: ref("severityLevel"), atLeastOne: true)),
            ("milestones", namedMap(
                "Milestones", "Deadlines a run is judged by, such as 'reported within 5 minutes'.",
                value: ref("milestone"))),
            ("facts", namedMap(
                "Facts", "Typed values that people record during a run; conditions test them.",
                value: ref("fact"))),
            ("start", described(ref("name"), "Start step", "The first step: a main-phase step at the top level.")),
            ("steps", namedMap(
                "Steps", "Step ids mapped to steps. Step ids are unique across the playbook, tracks included.",
                value: ref("step"), atLeastOne: true)),
            ("outcomes", namedMap(
                "Outcomes", "The ways a run can end; transitions reach them as 'outcome.NAME'.",
                value: ref("outcome"), atLeastOne: true)),
            ("at_any_time", namedMap(
                "At any time",
                "Chains of steps a holder of one of their roles may start at any time while the run has not reached "
                    + "its outcome ('muster raise RUN CHAIN'), such as an emergency shutdown.",
                value: ref("anyTimeChain"))),
        ]))
        root.append("required", strings([
            "muster", "id", "version", "title", "roles", "severity", "start", "steps", "outcomes",
        ]))
        root.append("additionalProperties", false)
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
            "oneOf": [
                ["type": "string"],
                [
                    "type": "object",
                    "properties": [
                        "en": ["description": "The text in English.", "type": "string"],
                        "zh": ["description": "The text in Chinese (中文).", "type": "string"],
                    ],
                    "minProperties": 1,
                    "additionalProperties": false,
                ],
            ],
        ])
        defs.append("role", closed(
            "Role", "A role that owns steps, approves and is notified.",
            [
                ("title", described(ref("text"), "Title", "The role's title, e.g. { en: Commander, zh: 应急总指挥 }.")),
                ("stand_in", described(ref("name"), "Stand-in",
                                       "The role that acts when this role's holder is absent.")),
            ],
            required: ["title"]))
        defs.append("severityLevel", closed(
            "Severity level", "A severity level with its title and clocks.",
            [
                ("title", described(ref("text"), "Title", "The level's title, e.g. { en: Fatal, zh: 致命 }.")),
                ("aliases", [
                    "title": "Aliases",
                    "description": "Other names of the level, e.g. a source plan's grade (Ⅲ级), that grade and regrade accept.",
                    "oneOf": [["type": "string"], ["type": "array", "items": ["type": "string"]]],
                ]),
                ("clocks", namedMap(
                    "Clocks", "Named lengths of time that differ by level (respond: 10m); every level has the same.",
                    value: ref("length"))),
            ],
            required: ["title"]))
        defs.append("milestone", closed(
            "Milestone", "A deadline the run is judged by.",
            [
                ("title", described(ref("text"), "Title", "The milestone's title; the id when left out.")),
                ("within", described(ref("duration"), "Within",
                                     "The limit, from the anchor; a clock name makes it depend on the level.")),
                ("from", [
                    "title": "From",
                    "description": .string("What 'within' counts from: the run's start, the fault (given at "
                        + "'muster start --fault-at', else the run's start), or the instant it reached its outcome."),
                    "enum": ["start", "fault", "outcome"],
                    "default": "start",
                ]),
                ("reached_when", [
                    "title": "Reached when",
                    "description": "STEP.activated, STEP.acknowledged, STEP.done, or outcome (any outcome).",
                    "type": "string",
                    "pattern": .string("^(?:outcome|" + nameBody + "\\.(?:activated|acknowledged|done))$"),
                    "examples": ["report.done", "assess.acknowledged", "outcome"],
                ]),
                ("measures", [
                    "title": "Measures",
                    "description": .string("What the milestone scores in 'muster stats': response timeliness "
                        + "(响应及时率), repair timeliness (故障修复及时率), or report timeliness."),
                    "enum": ["response", "repair", "report"],
                ]),
            ],
            required: ["within", "reached_when"]))
        defs.append("fact", factDefinition)
        defs.append("outcome", closed(
            "Outcome", "A way a run can end.",
            [
                ("title", described(ref("text"), "Title", "The outcome's title.")),
                ("kind", [
                    "title": "Kind",
                    "description": "How the run counts in reports and statistics.",
                    "enum": ["success", "partial", "failure", "aborted"],
                ]),
            ],
            required: ["title", "kind"]))
        defs.append("anyTimeChain", closed(
            "At-any-time chain", "Steps started with 'muster raise RUN CHAIN'; they run beside the main flow like a track.",
            [
                ("title", described(ref("text"), "Title", "The chain's title.")),
                ("by", described(ref("nameList"), "By", "The roles whose holders (or stand-ins) may raise it.")),
                ("start", described(ref("name"), "Start", "The chain's first step.")),
                ("steps", namedMap("Steps", "The chain's steps; it ends at a step without 'next'.",
                                   value: ref("trackStep"), atLeastOne: true)),
            ],
            required: ["title", "by", "start", "steps"]))
        defs.append("standingInstruction", [
            "title": "Standing instruction",
            "description": "What stands (en, zh or both) until a holder of released_by releases it.",
            "type": "object",
            "properties": properties([
                ("id", described(ref("name"), "Id", "The instruction's id, unique in the playbook.")),
                ("en", ["description": "The instruction in English.", "type": "string"]),
                ("zh", ["description": "The instruction in Chinese (中文).", "type": "string"]),
                ("released_by", described(ref("name"), "Released by", "The role that releases it.")),
            ]),
            "required": ["id", "released_by"],
            "anyOf": [["required": ["en"]], ["required": ["zh"]]],
            "additionalProperties": false,
        ])
        defs.append("continuation", [
            "title": "Continue in another playbook",
            "description": .string("When the step is done, a linked run of another playbook starts, at 'step' (or its "
                + "start) with 'facts'; this run goes to its outcome and hands its remaining limits over. A playbook "
                + "id alone starts at the start with no facts."),
            "oneOf": [
                ref("name"),
                [
                    "type": "object",
                    "properties": properties([
                        ("playbook", described(ref("name"), "Playbook", "The other playbook's id.")),
                        ("step", described(ref("name"), "Step",
                                           "A top-level main-phase step of the other playbook to start at.")),
                        ("facts", [
                            "title": "Facts",
                            "description": "The facts the linked run starts with: the other playbook's fact ids and values.",
                            "type": "object",
                            "propertyNames": ref("name"),
                            "additionalProperties": ["type": ["string", "number", "boolean"]],
                        ]),
                    ]),
                    "required": ["playbook"],
                    "additionalProperties": false,
                ],
            ],
        ])
        defs.append("step", step(inTrack: false))
        defs.append("trackStep", step(inTrack: true))
        defs.append("checklistItem", [
            "title": "Checklist item",
            "description": "A plain text (its id is then item1, item2, … by position), or { id, en, zh }.",
            "oneOf": [
                ["type": "string"],
                [
                    "type": "object",
                    "properties": properties([
                        ("id", described(ref("name"), "Id", "The item's id.")),
                        ("en", ["description": "The item in English.", "type": "string"]),
                        ("zh", ["description": "The item in Chinese (中文).", "type": "string"]),
                    ]),
                    "required": ["id"],
                    "anyOf": [["required": ["en"]], ["required": ["zh"]]],
                    "additionalProperties": false,
                ],
            ],
        ])
        defs.append("escalation", closed(
            "Escalation rung", "What happens when the step is still open 'after' a time from its activation.",
            [
                ("after", described(ref("duration"), "After", "When the rung fires, from the step's activation.")),
                ("notify", described(ref("nameList"), "Notify", "A role or a list of roles to tell.")),
                ("reassign", described(ref("name"), "Reassign", "The role the step passes to.")),
                ("goto", described(ref("target"), "Go to", "Leave the step and go on there.")),
            ],
            required: ["after"],
            extra: [("anyOf", [["required": ["notify"]], ["required": ["reassign"]], ["required": ["goto"]]])]))
        defs.append("transition", transitionDefinition)
        defs.append("decide", decideDefinition)
        defs.append("approve", approveDefinition)
        defs.append("parallel", parallelDefinition)
        defs.append("wait", closed(
            "Wait", "A bounded wait for something to happen; the owner or a signal ends it.",
            [
                ("until", described(ref("text"), "Until", "What is awaited.")),
                ("signal", described(ref("name"), "Signal", "The signal that ends the wait.")),
                ("within", described(ref("duration"), "Within", "The bound: how long to wait at most.")),
                ("from", [
                    "title": "From",
                    "description": .string("What 'within' counts from when not the step's activation: the run's "
                        + "start, or the fault (given at 'muster start --fault-at', else the run's start)."),
                    "enum": ["start", "fault"],
                ]),
                ("on_expiry", described(ref("target"), "On expiry",
                                        "Where to go when the bound is reached; without it, the step's 'next'.")),
            ],
            required: ["within"]))
        return defs
    }

    private static var factDefinition: JSONValue {
        closed(
            "Fact", "A typed value people record during a run.",
            [
                ("title", described(ref("text"), "Title", "The fact's title; the id when left out.")),
                ("type", [
                    "title": "Type",
                    "description": "choice: one of 'values'; number: a decimal; text: free text; flag: true or false.",
                    "enum": ["choice", "number", "text", "flag"],
                ]),
                ("values", [
                    "title": "Values",
                    "description": "The names a choice fact may take; only a choice fact has them.",
                    "anyOf": [ref("name"), ["type": "array", "items": ref("name"), "minItems": 1]],
                ]),
                ("unit", ["title": "Unit", "description": "Text shown beside a number, e.g. °C.", "type": "string"]),
            ],
            required: ["type"],
            extra: [
                ("if", ["properties": ["type": ["const": "choice"]], "required": ["type"]]),
                ("then", ["required": ["values"]]),
                ("else", ["not": ["required": ["values"]]]),
            ])
    }

    private static var transitionDefinition: JSONValue {
        let branch: JSONValue = closed(
            "Branch", "Taken when its condition holds.",
            [
                ("when", [
                    "title": "When",
                    "description": "A condition over facts and severity: 'kind == ups_fault and hottest_c > 40'.",
                    "type": "string",
                ]),
                ("goto", described(ref("target"), "Go to", "Where the branch leads.")),
            ],
            required: ["when", "goto"])
        let otherwise: JSONValue = closed(
            "Else", "Taken when no branch before it holds; the last branch.",
            [("else", described(ref("target"), "Else", "Where the run goes when no condition holds."))],
            required: ["else"])
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

    private static var decideDefinition: JSONValue {
        let option: JSONValue = [
            "title": "Option",
            "description": "A target, or { title, goto }.",
            "oneOf": [
                ref("target"),
                closed(nil, nil, [
                    ("title", described(ref("text"), "Title", "The option's title; the id when left out.")),
                    ("goto", described(ref("target"), "Go to", "Where the option leads.")),
                ], required: ["goto"]),
            ],
        ]
        return closed(
            "Decision", "A role picks one of named options; each option leads somewhere.",
            [
                ("prompt", described(ref("text"), "Prompt", "The question.")),
                ("options", [
                    "title": "Options",
                    "description": "At least two: option ids mapped to a target or to { title, goto }.",
                    "type": "object",
                    "propertyNames": ref("name"),
                    "additionalProperties": option,
                    "minProperties": 2,
                ]),
                ("within", described(ref("duration"), "Within", "The time to decide; comes with 'on_expiry'.")),
                ("on_expiry", described(ref("name"), "On expiry",
                                        "The option taken when 'within' runs out: the default-safe branch.")),
                ("notify", described(ref("nameList"), "Notify", "Roles told when the decision defaults.")),
            ],
            required: ["prompt", "options"],
            extra: [("dependentRequired", ["within": ["on_expiry"], "on_expiry": ["within"]])])
    }

    private static var approveDefinition: JSONValue {
        closed(
            "Approval", "A gate: the step's owner asks, another role approves or denies.",
            [
                ("by", described(ref("name"), "By", "The role that approves or denies.")),
                ("within", described(ref("duration"), "Within", "The time to answer; comes with 'on_expiry'.")),
                ("on_expiry", [
                    "title": "On expiry",
                    "description": "What happens when 'within' runs out.",
                    "enum": ["approve", "deny"],
                ]),
                ("then", closed("Then", "Where approval and denial lead.", [
                    ("approved", described(ref("target"), "Approved", "Where the run goes when approved.")),
                    ("denied", described(ref("target"), "Denied", "Where the run goes when denied.")),
                ], required: ["approved", "denied"])),
            ],
            required: ["by", "then"],
            extra: [("dependentRequired", ["within": ["on_expiry"]])])
    }

    private static var parallelDefinition: JSONValue {
        let track: JSONValue = closed(
            "Track", "Steps that run alongside the other tracks; the track ends at a step without 'next'.",
            [
                ("title", described(ref("text"), "Title", "The track's title; the id when left out.")),
                ("start", described(ref("name"), "Start", "The track's first step.")),
                ("steps", namedMap(
                    "Steps", "The track's steps; they lead only to steps of the same track.",
                    value: ref("trackStep"), atLeastOne: true)),
            ],
            required: ["start", "steps"])
        return closed(
            "Parallel", "Tracks that run at once, joined when enough of them have ended.",
            [
                ("tracks", namedMap("Tracks", "Track ids mapped to tracks.", value: track, atLeastOne: true)),
                ("join", [
                    "title": "Join",
                    "description": "When the step is done: all tracks ended, any one, or { count: N } of them.",
                    "default": "all",
                    "oneOf": [
                        ["enum": ["all", "any"]],
                        closed(nil, nil, [
                            ("count", [
                                "description": "How many tracks must have ended.",
                                "type": "integer",
                                "minimum": 1,
                                "maximum": 1_000,
                            ]),
                        ], required: ["count"]),
                    ],
                ]),
            ],
            required: ["tracks"])
    }

    /// A step at the top level, or (`inTrack`) inside a parallel track, where it has no `phase`.
    private static func step(inTrack: Bool) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("title", described(ref("text"), "Title", "The step's title, shown to responders.")),
            ("instructions", described(ref("text"), "Instructions", "What to do, for the responder.")),
            ("owner", described(ref("name"), "Owner",
                                "The role that does the step; every step but a parallel one has one.")),
            ("source", [
                "title": "Source",
                "description": "The plan clause the step comes from, e.g. '§4.2 water leak'.",
                "type": ["string", "number"],
            ]),
        ]
        if !inTrack {
            fields.append(("phase", [
                "title": "Phase",
                "description": "main, or after_end: a duty that starts when the run reaches its outcome.",
                "enum": ["main", "after_end"],
                "default": "main",
            ]))
        }
        fields += [
            ("checklist", [
                "title": "Checklist",
                "description": "Items ticked one by one.",
                "type": "array",
                "items": ref("checklistItem"),
            ]),
            ("record", described(ref("nameList"), "Record",
                                 "A fact or a list of facts that must be recorded before the step is done.")),
            ("grade", [
                "title": "Grade",
                "description": "Whether this step sets the run's severity level.",
                "type": "boolean",
                "default": false,
            ]),
            ("ack_within", described(ref("duration"), "Acknowledge within",
                                     "Someone acknowledges the step this soon after it is activated.")),
            ("report_every", described(ref("duration"), "Report every",
                                       "The owner reports progress at this interval while the step is open.")),
            ("done_within", described(ref("duration"), "Done within", "The step's deadline, from its activation.")),
            ("escalate", [
                "title": "Escalation ladder",
                "description": "Rungs in increasing 'after', each before the step's deadline.",
                "type": "array",
                "items": ref("escalation"),
            ]),
            ("next", ref("transition")),
            ("together_with", described(ref("name"), "Together with",
                                        "A second role whose holder signs the step with its owner: two people.")),
            ("continue_in", ref("continuation")),
            ("standing", [
                "title": "Standing instructions",
                "description": .string("Instructions raised when the step starts that stay on every board until a "
                    + "holder of 'released_by' releases them ('muster release RUN ID'): one, or a list."),
                "oneOf": [ref("standingInstruction"), ["type": "array", "items": ref("standingInstruction")]],
            ]),
            ("decide", ref("decide")),
            ("approve", ref("approve")),
            ("parallel", ref("parallel")),
            ("wait", ref("wait")),
        ]
        let kinds = ["decide", "approve", "parallel", "wait"]
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
        return closed(
            inTrack ? "Track step" : "Step",
            "An action, unless it has one of decide, approve, parallel or wait.",
            fields, required: ["title"], extra: [("allOf", .array(rules))])
    }

    // MARK: Building blocks

    private static let nameBody = "[A-Za-z][A-Za-z0-9_-]*"
    private static let namePattern = "^" + nameBody + "$"
    /// A fixed length: units largest first, each at most once, at most six digits, some digit not zero.
    private static let lengthPattern = "(?=[0-9dhms]*[1-9])(?:[0-9]{1,6}d)?(?:[0-9]{1,6}h)?(?:[0-9]{1,6}m)?"
        + "(?:[0-9]{1,6}s)?"

    private static func ref(_ definition: String) -> JSONValue {
        ["$ref": .string("#/$defs/" + definition)]
    }

    private static func strings(_ values: [String]) -> JSONValue {
        .array(values.map(JSONValue.string))
    }

    private static func properties(_ fields: [(String, JSONValue)]) -> JSONValue {
        var object = JSONObject()
        for (key, value) in fields { object.append(key, value) }
        return .object(object)
    }

    /// A reference with a title and description of its own, for hovers where the value is used.
    private static func described(_ schema: JSONValue, _ title: String, _ description: String) -> JSONValue {
        var object: JSONObject = ["title": .string(title), "description": .string(description)]
        for (key, value) in schema.objectValue ?? JSONObject() { object.append(key, value) }
        return .object(object)
    }

    /// A mapping whose keys are names and whose values all have the shape `value`.
    private static func namedMap(
        _ title: String, _ description: String, value: JSONValue, atLeastOne: Bool = false
    ) -> JSONValue {
        var object: JSONObject = [
            "title": .string(title),
            "description": .string(description),
            "type": "object",
            "propertyNames": ref("name"),
            "additionalProperties": value,
        ]
        if atLeastOne { object.append("minProperties", 1) }
        return .object(object)
    }

    /// A mapping with a closed set of keys.
    private static func closed(
        _ title: String?, _ description: String?, _ fields: [(String, JSONValue)], required: [String] = [],
        extra: [(String, JSONValue)] = []
    ) -> JSONValue {
        var object = JSONObject()
        if let title { object.append("title", .string(title)) }
        if let description { object.append("description", .string(description)) }
        object.append("type", "object")
        object.append("properties", properties(fields))
        if !required.isEmpty { object.append("required", strings(required)) }
        object.append("additionalProperties", false)
        for (key, value) in extra { object.append(key, value) }
        return .object(object)
    }
}
