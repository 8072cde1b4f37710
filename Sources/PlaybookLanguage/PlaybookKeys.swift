import JSONText

/// Every mapping of the playbook language with its keys: what `PlaybookDecoder` accepts and what
/// `PlaybookSchema` describes. A new key is added here, then read in the decoder.
enum PlaybookKeys {
    /// The top level of a playbook file.
    static let playbook = MappingSpec("playbook", nil, nil, [
        KeySpec("muster", "Language version",
                "The version of the playbook language the file is written in; only 1 exists.",
                .schema(["const": 1]), required: true),
        KeySpec("id", "Playbook id", "How people and scripts name the playbook, e.g. to start a run of it.", .name,
                required: true),
        KeySpec("version", "Playbook version", "Yours to bump when the playbook changes, e.g. 1.0.0; a run records it.",
                .stringOrNumber, required: true),
        KeySpec("title", "Title", "The playbook's title, shown to responders.", .text, required: true),
        KeySpec("summary", "Summary", "A longer description of the playbook.", .text),
        KeySpec("roles", "Roles",
                "Who takes part: role ids mapped to roles. A role owns steps, approves and is notified.",
                .namedMap(of: .definition("role"), atLeastOne: true), required: true),
        KeySpec("severity", "Severity levels", "The severity levels, most severe first (e.g. fatal, severe, general).",
                .namedMap(of: .definition("severityLevel"), atLeastOne: true), required: true),
        KeySpec("milestones", "Milestones", "Deadlines a run is judged by, such as 'reported within 5 minutes'.",
                .namedMap(of: .definition("milestone"), atLeastOne: false)),
        KeySpec("facts", "Facts", "Typed values that people record during a run; conditions test them.",
                .namedMap(of: .definition("fact"), atLeastOne: false)),
        KeySpec("start", "Start step", "The first step: a main-phase step at the top level.", .name, required: true),
        KeySpec("steps", "Steps",
                "Step ids mapped to steps. Step ids are unique across the playbook, tracks included.",
                .namedMap(of: .definition("step"), atLeastOne: true), required: true),
        KeySpec("outcomes", "Outcomes", "The ways a run can end; transitions reach them as 'outcome.NAME'.",
                .namedMap(of: .definition("outcome"), atLeastOne: true), required: true),
        KeySpec("at_any_time", "At any time",
                "Chains of steps a holder of one of their roles may start at any time while the run has not reached "
                    + "its outcome ('muster raise RUN CHAIN'), such as an emergency shutdown.",
                .namedMap(of: .definition("anyTimeChain"), atLeastOne: false)),
    ])

    /// A bilingual text written as a mapping.
    static let text = MappingSpec("text", nil, nil, [
        KeySpec("en", nil, "The text in English.", .string),
        KeySpec("zh", nil, "The text in Chinese (中文).", .string),
    ])

    static let role = MappingSpec("role", "Role", "A role that owns steps, approves and is notified.", [
        KeySpec("title", "Title", "The role's title, e.g. { en: Commander, zh: 应急总指挥 }.", .text, required: true),
        KeySpec("stand_in", "Stand-in", "The role that acts when this role's holder is absent.", .name),
    ])

    static let severityLevel = MappingSpec("severityLevel", "Severity level", "A severity level with its title and clocks.", [
        KeySpec("title", "Title", "The level's title, e.g. { en: Fatal, zh: 致命 }.", .text, required: true),
        KeySpec("clocks", "Clocks", "Named lengths of time that differ by level (respond: 10m); every level has the same.",
                .namedMap(of: .length, atLeastOne: false)),
        KeySpec("aliases", "Aliases",
                "Other names of the level, e.g. a source plan's grade (Ⅲ级), that grade and regrade accept.",
                .schema(["oneOf": [["type": "string"], ["type": "array", "items": ["type": "string"]]]])),
    ])

    static let milestone = MappingSpec("milestone", "Milestone", "A deadline the run is judged by.", [
        KeySpec("title", "Title", "The milestone's title; the id when left out.", .text),
        KeySpec("within", "Within", "The limit, from the anchor; a clock name makes it depend on the level.", .duration,
                required: true),
        KeySpec("from", "From",
                "What 'within' counts from: the run's start, the fault (given at 'muster start --fault-at', else the "
                    + "run's start), or the instant it reached its outcome.",
                .oneOf(["start", "fault", "outcome"], default: "start")),
        KeySpec("reached_when", "Reached when", "STEP.activated, STEP.acknowledged, STEP.done, or outcome (any outcome).",
                .schema([
                    "type": "string",
                    "pattern": .string("^(?:outcome|" + PlaybookSchema.nameBody + "\\.(?:activated|acknowledged|done))$"),
                    "examples": ["report.done", "assess.acknowledged", "outcome"],
                ]), required: true),
        KeySpec("measures", "Measures",
                "What the milestone scores in 'muster stats': response timeliness (响应及时率), repair timeliness "
                    + "(故障修复及时率), or report timeliness.",
                .oneOf(["response", "repair", "report"], default: nil)),
    ])

    static let fact = MappingSpec("fact", "Fact", "A typed value people record during a run.", [
        KeySpec("title", "Title", "The fact's title; the id when left out.", .text),
        KeySpec("type", "Type", "choice: one of 'values'; number: a decimal; text: free text; flag: true or false.",
                .oneOf(["choice", "number", "text", "flag"], default: nil), required: true),
        KeySpec("values", "Values",
                "The values a choice fact may take (only a choice fact has them): a list of ids, each alone or as "
                    + "{ id, title }, or ids mapped to their titles ({ ok: { en: OK, zh: 正常 } }).",
                .schema(["anyOf": [
                    ["$ref": "#/$defs/name"],
                    ["type": "array", "items": ["$ref": "#/$defs/factValue"], "minItems": 1],
                    ["type": "object", "propertyNames": ["$ref": "#/$defs/name"],
                     "additionalProperties": ["$ref": "#/$defs/text"], "minProperties": 1],
                ]])),
        KeySpec("unit", "Unit", "Text shown beside a number, e.g. °C.", .string),
        KeySpec("section", "Report section",
                "The fault report's section the fact is listed in, as 'muster note --section' files notes: the "
                    + "phenomenon (the default), the impact, the cause, the handling or the prevention.",
                .oneOf(Fact.sections, default: "phenomenon")),
    ])

    /// A value of a choice fact written as a mapping, with its title.
    static let factValue = MappingSpec("factValue", "Value", "A value of a choice fact with the title people read.", [
        KeySpec("id", "Id", "The value's id: what a condition compares and 'record' takes.", .name, required: true),
        KeySpec("title", "Title", "What people read for it, e.g. { en: OK, zh: 正常 }.", .text),
    ])

    static let outcome = MappingSpec("outcome", "Outcome", "A way a run can end.", [
        KeySpec("title", "Title", "The outcome's title.", .text, required: true),
        KeySpec("kind", "Kind", "How the run counts in reports and statistics.",
                .oneOf(Outcome.Kind.allCases.map(\.rawValue), default: nil), required: true),
    ])

    static let anyTimeChain = MappingSpec(
        "anyTimeChain", "At-any-time chain",
        "Steps started with 'muster raise RUN CHAIN'; they run beside the main flow like a track.", [
            KeySpec("title", "Title", "The chain's title.", .text, required: true),
            KeySpec("by", "By", "The roles whose holders (or stand-ins) may raise it.", .names, required: true),
            KeySpec("start", "Start", "The chain's first step.", .name, required: true),
            KeySpec("steps", "Steps", "The chain's steps; it ends at a step without 'next'.",
                    .namedMap(of: .definition("trackStep"), atLeastOne: true), required: true),
        ])

    /// Where a run continues (`continue_in`), written as a mapping.
    static let continuation = MappingSpec(
        "continuationMapping", "Continue in another playbook", "The other playbook, the step to start at and its facts.", [
            KeySpec("playbook", "Playbook", "The other playbook's id.", .name, required: true),
            KeySpec("step", "Step", "A top-level main-phase step of the other playbook to start at.", .name),
            KeySpec("facts", "Facts", "The facts the linked run starts with: the other playbook's fact ids and values.",
                    .schema(["type": "object", "propertyNames": ["$ref": "#/$defs/name"],
                             "additionalProperties": ["type": ["string", "number", "boolean"]]])),
        ])

    static let standingInstruction = MappingSpec(
        "standingInstruction", "Standing instruction",
        "What stands (en, zh or both) until a holder of released_by releases it.", [
            KeySpec("id", "Id", "The instruction's id, unique in the playbook.", .name, required: true),
            KeySpec("en", nil, "The instruction in English.", .string),
            KeySpec("zh", nil, "The instruction in Chinese (中文).", .string),
            KeySpec("released_by", "Released by", "The role that releases it.", .name, required: true),
        ])

    /// A checklist item written as a mapping.
    static let checklistItem = MappingSpec("checklistItem", nil, nil, [
        KeySpec("id", "Id", "The item's id.", .name, required: true),
        KeySpec("en", nil, "The item in English.", .string),
        KeySpec("zh", nil, "The item in Chinese (中文).", .string),
    ])

    static let escalation = MappingSpec(
        "escalation", "Escalation rung", "What happens when the step is still open 'after' a time from its activation.", [
            KeySpec("after", "After", "When the rung fires, from the step's activation.", .duration, required: true),
            KeySpec("notify", "Notify", "A role or a list of roles to tell.", .names),
            KeySpec("reassign", "Reassign", "The role the step passes to.", .name),
            KeySpec("goto", "Go to", "Leave the step and go on there.", .target),
        ])

    /// One item of a conditional `next`: `{ when, goto }`, or `{ else }` last.
    static let branch = MappingSpec("branch", "Branch", "Taken when its condition holds.", [
        KeySpec("when", "When", "A condition over facts and severity: 'kind == ups_fault and hottest_c > 40'.", .string,
                required: true),
        KeySpec("goto", "Go to", "Where the branch leads.", .target, required: true),
        KeySpec("else", "Else", "Where the run goes when no condition holds.", .target),
    ])

    static let decide = MappingSpec("decide", "Decision", "A role picks one of named options; each option leads somewhere.", [
        KeySpec("prompt", "Prompt", "The question.", .text, required: true),
        KeySpec("options", "Options", "At least two: option ids mapped to a target or to { title, goto }.",
                .schema([
                    "type": "object", "propertyNames": ["$ref": "#/$defs/name"],
                    "additionalProperties": ["$ref": "#/$defs/option"], "minProperties": 2,
                ]), required: true),
        KeySpec("within", "Within", "The time to decide; comes with 'on_expiry'.", .duration),
        KeySpec("on_expiry", "On expiry", "The option taken when 'within' runs out: the default-safe branch.", .name),
        KeySpec("notify", "Notify", "Roles told when the decision defaults.", .names),
    ])

    /// An option of a decision written as a mapping.
    static let option = MappingSpec("option", nil, nil, [
        KeySpec("title", "Title", "The option's title; the id when left out.", .text),
        KeySpec("goto", "Go to", "Where the option leads.", .target, required: true),
    ])

    static let approve = MappingSpec("approve", "Approval", "A gate: the step's owner asks, another role approves or denies.", [
        KeySpec("by", "By", "The role that approves or denies.", .name, required: true),
        KeySpec("within", "Within", "The time to answer; comes with 'on_expiry'.", .duration),
        KeySpec("on_expiry", "On expiry", "What happens when 'within' runs out.", .oneOf(["approve", "deny"], default: nil)),
        KeySpec("then", nil, "", .mapping(approvalThen), required: true),
    ])

    static let approvalThen = MappingSpec("then", "Then", "Where approval and denial lead.", [
        KeySpec("approved", "Approved", "Where the run goes when approved.", .target, required: true),
        KeySpec("denied", "Denied", "Where the run goes when denied.", .target, required: true),
    ])

    static let parallel = MappingSpec("parallel", "Parallel", "Tracks that run at once, joined when enough of them have ended.", [
        KeySpec("tracks", "Tracks", "Track ids mapped to tracks.", .namedMap(of: .mapping(track), atLeastOne: true),
                required: true),
        KeySpec("join", "Join", "When the step is done: all tracks ended, any one, or { count: N } of them.",
                .schema(["default": "all", "oneOf": [["enum": ["all", "any"]], SchemaBuilder.closed(joinCount)]])),
    ])

    static let track = MappingSpec(
        "track", "Track", "Steps that run alongside the other tracks; the track ends at a step without 'next'.", [
            KeySpec("title", "Title", "The track's title; the id when left out.", .text),
            KeySpec("start", "Start", "The track's first step.", .name, required: true),
            KeySpec("steps", "Steps", "The track's steps; they lead only to steps of the same track.",
                    .namedMap(of: .definition("trackStep"), atLeastOne: true), required: true),
        ])

    /// `join: { count: N }`.
    static let joinCount = MappingSpec("join", nil, nil, [
        KeySpec("count", nil, "How many tracks must have ended.", .integer(1...1_000), required: true),
    ])

    static let wait = MappingSpec("wait", "Wait", "A bounded wait for something to happen; the owner or a signal ends it.", [
        KeySpec("until", "Until", "What is awaited.", .text),
        KeySpec("signal", "Signal", "The signal that ends the wait.", .name),
        KeySpec("within", "Within", "The bound: how long to wait at most.", .duration, required: true),
        KeySpec("from", "From",
                "What 'within' counts from when not the step's activation: the run's start, or the fault (given at "
                    + "'muster start --fault-at', else the run's start).",
                .oneOf(RunInstant.allCases.map(\.rawValue), default: nil)),
        KeySpec("on_expiry", "On expiry", "Where to go when the bound is reached; without it, the step's 'next'.", .target),
    ])

    /// The keys that make a step something other than an action; a step has at most one.
    static let stepKinds = ["decide", "approve", "parallel", "wait"]

    /// A step at the top level.
    static let step = MappingSpec("step", "Step", "An action, unless it has one of decide, approve, parallel or wait.", [
        KeySpec("title", "Title", "The step's title, shown to responders.", .text, required: true),
        KeySpec("instructions", "Instructions", "What to do, for the responder.", .text),
        KeySpec("owner", "Owner",
                "The role that does the step; every step but a parallel one has one. Or the role per severity level: "
                    + "{ fatal: commander, severe: tech_lead, default: on_site }; a level not named takes 'default'.",
                .schema(["anyOf": [["$ref": "#/$defs/name"], ["$ref": "#/$defs/ownerBySeverity"]]])),
        KeySpec("source", "Source", "The plan clause the step comes from, e.g. '§4.2 water leak'.", .stringOrNumber),
        KeySpec("phase", "Phase", "main, or after_end: a duty that starts when the run reaches its outcome.",
                .oneOf(["main", "after_end"], default: "main")),
        KeySpec("checklist", "Checklist", "Items ticked one by one.", .list(of: .definition("checklistItem"))),
        KeySpec("record", "Record", "A fact or a list of facts that must be recorded before the step is done.", .names),
        KeySpec("grade", "Grade", "Whether this step sets the run's severity level.", .boolean(default: false)),
        KeySpec("ack_within", "Acknowledge within", "Someone acknowledges the step this soon after it is activated.",
                .duration),
        KeySpec("report_every", "Report every", "The owner reports progress at this interval while the step is open.",
                .duration),
        KeySpec("done_within", "Done within", "The step's deadline, from its activation.", .duration),
        KeySpec("escalate", "Escalation ladder", "Rungs in increasing 'after', each before the step's deadline.",
                .list(of: .definition("escalation"))),
        KeySpec("next", nil, "", .definition("transition")),
        KeySpec("standing", "Standing instructions",
                "Instructions raised when the step starts that stay on every board until a holder of 'released_by' "
                    + "releases them ('muster release RUN ID'): one, or a list.",
                .schema(["oneOf": [["$ref": "#/$defs/standingInstruction"],
                                   ["type": "array", "items": ["$ref": "#/$defs/standingInstruction"]]]])),
        KeySpec("together_with", "Together with",
                "A second role whose holder signs the step with its owner: two people.", .name),
        KeySpec("continue_in", "Continue in",
                "When the step is done, a linked run of another playbook starts: its id, or { playbook, step, facts }.",
                .definition("continuation")),
        KeySpec("decide", nil, "", .definition("decide")),
        KeySpec("approve", nil, "", .definition("approve")),
        KeySpec("parallel", nil, "", .definition("parallel")),
        KeySpec("wait", nil, "", .definition("wait")),
    ])

    /// A step inside a parallel track or an at-any-time chain: no `phase`.
    static let trackStep = step.without(["phase"], id: "trackStep", title: "Track step")

    /// Every mapping, for the tests that compare the decoder and the schema.
    static let all: [MappingSpec] = [
        playbook, text, role, severityLevel, milestone, fact, factValue, outcome, anyTimeChain, standingInstruction,
        checklistItem, escalation, branch, decide, option, approve, approvalThen, parallel, track, joinCount, wait,
        step, trackStep, continuation,
    ]
}
