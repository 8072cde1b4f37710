/// Every mapping of the drill-scenario language with its keys: what `ScenarioDecoder` accepts and what
/// `ScenarioSchema` describes. A new key is added here, then read in the decoder.
enum ScenarioKeys {
    /// The top level of a scenario file.
    static let scenario = MappingSpec("scenario", nil, nil, [
        KeySpec("drill", nil, "The version of the scenario language; only 1 exists.", .schema(["const": 1]),
                required: true),
        KeySpec("id", nil, "The scenario's id.", .name, required: true),
        KeySpec("title", nil, "The scenario's title.", .text, required: true),
        KeySpec("kind", nil, "The kind of exercise.", .oneOf(Scenario.Kind.allCases.map(\.rawValue), default: nil),
                required: true),
        KeySpec("playbook", nil, "The id of the playbook drilled.", .name, required: true),
        KeySpec("severity", nil, "The severity level the run starts at.", .name),
        KeySpec("starts_at", nil, "The drill's virtual start, in UTC: 2026-01-05T09:00:00Z.",
                .schema(["type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$"])),
        KeySpec("participants", nil, "Role ids mapped to the people who play them.",
                .namedMap(of: .name, atLeastOne: false), required: true),
        KeySpec("staff", nil, "", .mapping(staff)),
        KeySpec("objectives", nil, "Objective ids mapped to objectives.",
                .namedMap(of: .mapping(objective), atLeastOne: false), required: true),
        KeySpec("injects", nil, "The master scenario events list.", .list(of: .mapping(inject))),
        KeySpec("players", nil, "What the simulated players do in an unattended run.", .list(of: .mapping(player))),
    ])

    static let staff = MappingSpec("staff", nil, "The exercise staff and the simulated parties.", [
        KeySpec("controllers", nil, "The people who run the exercise.", .list(of: .name)),
        KeySpec("evaluators", nil, "The people who observe and evaluate.", .list(of: .name)),
        KeySpec("simulated", nil, "Parties played by the staff (the utility, a vendor) mapped to their titles.",
                .namedMap(of: .text, atLeastOne: false)),
    ])

    static let objective = MappingSpec("objective", nil, "An objective: 'milestone: ID', or 'step: ID' with 'within'.", [
        KeySpec("title", nil, "What the objective is.", .text, required: true),
        KeySpec("milestone", nil, "The playbook's milestone that must be met.", .name),
        KeySpec("step", nil, "The step that must be done in time.", .name),
        KeySpec("within", nil, "The time the step has, from the start.", .duration),
        KeySpec("critical_tasks", nil, "The steps evaluated as critical tasks.", .names),
        KeySpec("owner", nil, "The role that owns the objective's improvements.", .name),
    ])

    static let contingency = MappingSpec("contingency", nil, "Sent when the expected step is not done in time.", [
        KeySpec("id", nil, "The contingency's id, unique among the injects.", .name, required: true),
        KeySpec("to", nil, "The role told.", .name),
        KeySpec("from", nil, "The role or simulated party it comes from.", .name),
        KeySpec("via", nil, "How it is delivered.", .oneOf(Scenario.deliveryMeans, default: nil)),
        KeySpec("message", nil, "What is said.", .text, required: true),
    ])

    static let inject = MappingSpec("inject", nil, "An inject of the master scenario events list (MSEL).", [
        KeySpec("id", nil, "The inject's id.", .name, required: true),
        KeySpec("at", nil, "When, from the start.", .duration),
        KeySpec("when", nil, "The event it follows: STEP.activated, STEP.done or fact.NAME.", .definition("trigger")),
        KeySpec("after", nil, "How long after 'when'.", .duration),
        KeySpec("to", nil, "The role or roles told.", .names),
        KeySpec("from", nil, "The role or simulated party it comes from.", .name),
        KeySpec("via", nil, "How it is delivered.", .oneOf(Scenario.deliveryMeans, default: nil)),
        KeySpec("message", nil, "What is said.", .text, required: true),
        KeySpec("expect", nil, "The step the team is expected to do.", .name),
        KeySpec("within", nil, "How long the team has for it.", .duration),
        KeySpec("contingency", nil, "", .mapping(contingency)),
    ])

    /// The keys of a player action that say what it does; an action has exactly one.
    static let actionKeys = ["ack", "progress", "done", "record", "decide", "approve", "deny", "grade", "signal", "note"]

    static let player = MappingSpec(
        "player", nil, "A scripted action of an unattended run: exactly one action key.",
        [
            KeySpec("role", nil, "The role that acts.", .name, required: true),
            KeySpec("at", nil, "When, from the start.", .duration),
            KeySpec("when", nil, "The event it follows.", .definition("trigger")),
            KeySpec("after", nil, "How long after 'when'.", .duration),
        ] + actionKeys.map { KeySpec($0, nil, "", .string) })

    /// Every mapping, for the tests that compare the decoder and the schema.
    static let all: [MappingSpec] = [scenario, staff, objective, contingency, inject, player]
}
