import Diagnostics
import YAMLLoading

/// Loads, decodes and checks a drill scenario file, against its playbook when one is given.
public enum ScenarioChecker {
    /// The rules only scenarios report.
    public static let rules: [DiagnosticRule] = [
        LanguageRules.undefinedPlaybook, LanguageRules.undefinedMilestone, LanguageRules.duplicateInject,
        LanguageRules.ignoredKey,
    ]

    /// Checks the scenario in `bytes`; `playbook` looks up a playbook by id (nil when it does not exist).
    public static func check(
        _ bytes: [UInt8], file: String, playbook lookup: (String) -> Playbook?
    ) -> (scenario: Scenario?, playbook: Playbook?, diagnostics: [Diagnostic]) {
        let loaded = YAMLLoader.load(bytes, file: file)
        guard let root = loaded.root else {
            return (nil, nil, loaded.diagnostics.isEmpty
                ? [.error(LanguageRules.missingField.id, "the scenario is empty", file: file, at: .start)]
                : loaded.diagnostics)
        }
        var decoder = ScenarioDecoder(decoder: PlaybookDecoder(reader: NodeReader(file: file)))
        let scenario = decoder.scenario(root)
        var playbook: Playbook?
        if let scenario {
            playbook = lookup(scenario.playbook.value)
            if let playbook {
                decoder.validate(scenario, against: playbook)
            } else {
                decoder.decoder.reader.error(
                    LanguageRules.undefinedPlaybook, "no playbook '\(scenario.playbook.value)' to drill",
                    at: scenario.playbook.location, hint: "name a playbook id of the playbooks directory")
            }
        }
        let diagnostics = loaded.diagnostics + decoder.decoder.reader.diagnostics
        return (diagnostics.containsErrors ? nil : scenario, playbook, diagnostics)
    }

    /// A UTC instant written like `2026-01-05T09:00:00Z`, in milliseconds since the epoch; `nil` when it is not
    /// one (a day the month does not have included).
    public static func instant(_ text: String) -> Int64? { ScenarioDecoder.parseInstant(text) }

    /// Whether a file is a drill scenario (`drill:` as its first key) rather than a playbook.
    public static func isScenario(_ bytes: [UInt8]) -> Bool {
        firstKey(bytes) == "drill"
    }

    static func firstKey(_ bytes: [UInt8]) -> String? {
        let text = String(decoding: bytes.prefix(4096), as: UTF8.self)
        for line in text.split(whereSeparator: \.isNewline) {
            let trimmed = line.drop { $0 == "\u{FEFF}" }
            if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed.hasPrefix("---") || trimmed.hasPrefix(" ") {
                continue
            }
            return trimmed.split(separator: ":", maxSplits: 1).first.map(String.init)
        }
        return nil
    }
}

struct ScenarioDecoder {
    var decoder: PlaybookDecoder
    private var reader: NodeReader {
        get { decoder.reader }
        set { decoder.reader = newValue }
    }

    init(decoder: PlaybookDecoder) {
        self.decoder = decoder
    }

    mutating func scenario(_ root: YAMLNode) -> Scenario? {
        guard let fields = FieldReader(root, "the scenario", keys: ScenarioKeys.scenario, reader: &decoder.reader) else { return nil }
        if let format = fields.required("drill", reader: &decoder.reader, hint: "start the file with 'drill: 1'"),
            format.scalar?.text != "1"
        {
            reader.error(LanguageRules.unsupportedFormat, "unsupported format 'drill: \(format.scalar?.text ?? "")'",
                         at: format.location, hint: "this version of muster reads 'drill: 1'")
        }
        let id = fields.required("id", reader: &decoder.reader).flatMap { decoder.reader.name($0, "the scenario id") }
        let title = fields.required("title", reader: &decoder.reader).flatMap { decoder.localizedText($0, "the title") }
        var kind = Scenario.Kind.tabletop
        if let node = fields.required("kind", reader: &decoder.reader, hint: "tabletop, live, unscripted, restore or attack_defence"),
            let text = decoder.reader.text(node, "the kind")
        {
            if let parsed = Scenario.Kind(rawValue: text.value) {
                kind = parsed
            } else {
                reader.error(LanguageRules.wrongType, "unknown drill kind '\(text.value)'"
                    + NameSuggestion.didYouMean(text.value, in: Scenario.Kind.allCases.map(\.rawValue)),
                    at: node.location, hint: "tabletop, live, unscripted, restore or attack_defence")
            }
        }
        let playbook = fields.required("playbook", reader: &decoder.reader).flatMap { decoder.reader.name($0, "the playbook") }
        let severity = fields.optional("severity").flatMap { decoder.reader.name($0, "the severity") }
        var startsAt: Int64 = 1_767_225_600_000
        if let node = fields.optional("starts_at"), let text = decoder.reader.text(node, "starts_at") {
            if let parsed = Self.parseInstant(text.value) {
                startsAt = parsed
            } else {
                reader.error(LanguageRules.wrongType, "'starts_at' must be a real instant like 2026-01-01T09:00:00Z, "
                             + "not '\(text.value)'", at: node.location)
            }
        }
        var participants: [String: String] = [:]
        if let node = fields.required("participants", reader: &decoder.reader, hint: "ROLE: PERSON for every role that plays") {
            for (role, person) in decoder.namedEntries(node, "participants") {
                if let name = decoder.reader.personName(person, "a participant") { participants[role.value] = name.value }
            }
        }
        let objectives = fields.required("objectives", reader: &decoder.reader).map { decodeObjectives($0) } ?? []
        let injects = fields.optional("injects").map { decodeInjects($0) } ?? []
        reportDuplicateInjects(injects)
        let players = fields.optional("players").map { decodePlayers($0) } ?? []
        let staff = fields.optional("staff").map { decodeStaff($0) } ?? Scenario.Staff()
        guard let id, let playbook else { return nil }
        var scenario = Scenario(
            id: id.value, title: title ?? LocalizedText(english: id.value, chinese: id.value), kind: kind,
            playbook: playbook, severity: severity?.value, participants: participants, objectives: objectives,
            injects: injects, players: players, startsAt: startsAt)
        scenario.staff = staff
        return scenario
    }

    /// `2026-01-01T09:00:00Z` in milliseconds since the epoch.
    static func parseInstant(_ text: String) -> Int64? {
        let parts = text.split(whereSeparator: { "-T:Z".contains($0) }).compactMap { Int64($0) }
        guard parts.count == 6, text.hasSuffix("Z"), (1...12).contains(parts[1]), parts[2] >= 1,
            parts[3] < 24, parts[4] < 60, parts[5] < 60
        else { return nil }
        let (year, month, day) = (parts[0], parts[1], parts[2])
        // A day the month does not have (2026-02-31) is not rolled into the next month: it is refused.
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let monthDays: [Int64] = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day <= monthDays[Int(month) - 1] else { return nil }
        let adjustedYear = month <= 2 ? year - 1 : year
        let era = (adjustedYear >= 0 ? adjustedYear : adjustedYear - 399) / 400
        let yearOfEra = adjustedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        return ((days * 24 + parts[3]) * 60 + parts[4]) * 60_000 + parts[5] * 1000
    }

    mutating func decodeStaff(_ node: YAMLNode) -> Scenario.Staff {
        guard let fields = FieldReader(node, "the staff", keys: ScenarioKeys.staff,
                                       reader: &decoder.reader)
        else { return Scenario.Staff() }
        var staff = Scenario.Staff()
        staff.controllers = fields.optional("controllers").map { decoder.names($0, "a controller").map(\.value) } ?? []
        staff.evaluators = fields.optional("evaluators").map { decoder.names($0, "an evaluator").map(\.value) } ?? []
        let parties = fields.optional("simulated").map { decoder.namedEntries($0, "the simulated parties") } ?? []
        for party in parties {
            if let title = decoder.localizedText(party.value, "the title") { staff.simulated[party.name.value] = title }
        }
        return staff
    }

    /// `via:`, checked against the means of delivery.
    mutating func means(_ fields: FieldReader) -> String? {
        guard let node = fields.optional("via"), let text = decoder.reader.name(node, "the means of delivery") else {
            return nil
        }
        guard Scenario.deliveryMeans.contains(text.value) else {
            reader.error(LanguageRules.wrongType, "unknown means of delivery '\(text.value)'"
                + NameSuggestion.didYouMean(text.value, in: Scenario.deliveryMeans), at: node.location,
                hint: Scenario.deliveryMeans.joined(separator: ", "))
            return nil
        }
        return text.value
    }

    /// Inject and contingency ids are one namespace: a second inject of the same id would never be delivered
    /// (and a contingency would fire from the first one's delivery).
    mutating func reportDuplicateInjects(_ injects: [Scenario.Inject]) {
        var seen: [String: SourceLocation] = [:]
        for inject in injects {
            for id in [inject.id] + (inject.contingency.map { [$0.id] } ?? []) {
                if let first = seen[id] {
                    reader.error(LanguageRules.duplicateInject, "inject id '\(id)' is used twice (first at line \(first.line))",
                                 at: inject.location, hint: "give every inject and contingency its own id")
                } else {
                    seen[id] = inject.location
                }
            }
        }
    }

    mutating func trigger(_ fields: FieldReader) -> Scenario.Trigger? {
        var after: Int64 = 0
        if fields.has("at"), fields.has("when"), let node = fields.optional("when") {
            reader.error(LanguageRules.ignoredKey, "'at' and 'when' both given: 'when' would be ignored",
                         at: node.location, hint: "give 'at: 10m' (from the start) or 'when: STEP.done' with 'after:'")
        }
        if let node = fields.optional("after") {
            guard let duration = decoder.duration(node, "after"), case .fixed(let milliseconds) = duration.value else {
                return nil
            }
            after = milliseconds
        }
        if let node = fields.optional("at") {
            if let text = node.scalar?.text, text == "0" || text == "0s" || text == "start" {
                return Scenario.Trigger(event: .start, after: after)
            }
            guard let duration = decoder.duration(node, "at"), case .fixed(let milliseconds) = duration.value else {
                return nil
            }
            return Scenario.Trigger(event: .start, after: milliseconds + after)
        }
        guard let node = fields.optional("when") else { return Scenario.Trigger(event: .start, after: after) }
        guard let text = decoder.reader.text(node, "when") else { return nil }
        let parts = text.value.split(separator: ".").map(String.init)
        if parts.count == 2 {
            switch (parts[0], parts[1]) {
            case ("fact", let fact): return Scenario.Trigger(event: .recorded(fact), after: after)
            case (let step, "activated"): return Scenario.Trigger(event: .activated(step), after: after)
            case (let step, "done"): return Scenario.Trigger(event: .done(step), after: after)
            default: break
            }
        }
        reader.error(LanguageRules.wrongType, "'when' is STEP.activated, STEP.done or fact.NAME, not '\(text.value)'",
                     at: node.location)
        return nil
    }

    mutating func decodeObjectives(_ node: YAMLNode) -> [Scenario.Objective] {
        decoder.namedEntries(node, "objectives").compactMap { name, value in
            guard let fields = FieldReader(value, "objective '\(name.value)'",
                                           keys: ScenarioKeys.objective,
                                           owner: name.location, reader: &decoder.reader)
            else { return nil }
            let title = fields.required("title", reader: &decoder.reader).flatMap { decoder.localizedText($0, "the title") }
            let critical = fields.optional("critical_tasks").map { decoder.names($0, "a critical task").map(\.value) } ?? []
            let owner = fields.optional("owner").flatMap { decoder.reader.name($0, "the owner") }?.value
            var target: Scenario.Objective.Target?
            if let milestone = fields.optional("milestone").flatMap({ decoder.reader.name($0, "the milestone") }) {
                target = .milestone(milestone.value)
                for key in ["step", "within"] where fields.has(key) {
                    reader.error(LanguageRules.ignoredKey, "objective '\(name.value)' has a milestone: its '\(key)' "
                        + "would be ignored", at: fields.optional(key)?.location ?? name.location,
                        hint: "a target is either 'milestone: ID', or 'step: ID' with 'within: 10m'")
                }
            } else if let step = fields.optional("step").flatMap({ decoder.reader.name($0, "the step") }) {
                guard let withinNode = fields.required("within", reader: &decoder.reader),
                    let within = decoder.duration(withinNode, "within"), case .fixed(let milliseconds) = within.value
                else { return nil }
                target = .stepDone(step.value, withinMilliseconds: milliseconds)
            } else {
                reader.error(LanguageRules.missingField, "objective '\(name.value)' has no target",
                             at: name.location, hint: "give 'milestone: ID', or 'step: ID' with 'within: 10m'")
            }
            guard let target else { return nil }
            return Scenario.Objective(id: name.value, title: title ?? LocalizedText(english: name.value, chinese: name.value),
                                      target: target, criticalTasks: critical, owner: owner, location: name.location)
        }
    }

    mutating func decodeInjects(_ node: YAMLNode) -> [Scenario.Inject] {
        guard let items = decoder.reader.sequence(node, "the injects") else { return [] }
        return items.compactMap { item in
            guard let fields = FieldReader(item, "an inject",
                                           keys: ScenarioKeys.inject, reader: &decoder.reader),
                let id = fields.required("id", reader: &decoder.reader).flatMap({ decoder.reader.name($0, "the inject id") })
            else { return nil }
            let message = fields.required("message", reader: &decoder.reader).flatMap { decoder.localizedText($0, "the message") }
            let roles = fields.optional("to").map { decoder.names($0, "the role").map(\.value) } ?? []
            let from = fields.optional("from").flatMap { decoder.reader.name($0, "the sender") }?.value
            let via = means(fields)
            let expect = fields.optional("expect").flatMap { decoder.reader.name($0, "the expected step") }?.value
            var maxMilliseconds: Int64?
            if let node = fields.optional("within"), let within = decoder.duration(node, "within"),
                case .fixed(let milliseconds) = within.value
            {
                maxMilliseconds = milliseconds
            }
            if expect == nil, let node = fields.optional("within") {
                reader.error(LanguageRules.ignoredKey, "inject '\(id.value)' gives 'within' but no 'expect': nothing "
                    + "would wait for it", at: node.location, hint: "add 'expect: STEP', or remove 'within'")
            }
            if expect != nil, maxMilliseconds == nil {
                reader.error(LanguageRules.missingField, "inject '\(id.value)' expects a step but gives no 'within'",
                             at: item.location, hint: "say how long the team has, e.g. 'within: 3m'")
            }
            var contingency: Scenario.Contingency?
            if let node = fields.optional("contingency"),
                let contingencyFields = FieldReader(node, "the contingency", keys: ScenarioKeys.contingency,
                                                    reader: &decoder.reader),
                let contingencyID = contingencyFields.required("id", reader: &decoder.reader)
                    .flatMap({ decoder.reader.name($0, "the contingency id") }),
                let contingencyMessage = contingencyFields.required("message", reader: &decoder.reader)
                    .flatMap({ decoder.localizedText($0, "the message") })
            {
                if expect == nil {
                    reader.error(LanguageRules.missingField, "a contingency needs an 'expect' to wait for",
                                 at: node.location)
                }
                contingency = Scenario.Contingency(
                    id: contingencyID.value, to: contingencyFields.optional("to").flatMap { decoder.reader.name($0, "the role") }?.value,
                    message: contingencyMessage,
                    from: contingencyFields.optional("from").flatMap { decoder.reader.name($0, "the sender") }?.value,
                    via: means(contingencyFields))
            }
            guard let trigger = trigger(fields), let message else { return nil }
            var inject = Scenario.Inject(id: id.value, trigger: trigger, message: message, expectStep: expect,
                                         maxMilliseconds: maxMilliseconds, contingency: contingency,
                                         location: item.location)
            inject.roles = roles
            inject.from = from
            inject.via = via
            return inject
        }
    }

    static let actionKeys = ScenarioKeys.actionKeys

    mutating func decodePlayers(_ node: YAMLNode) -> [Scenario.PlayerAction] {
        guard let items = decoder.reader.sequence(node, "the players") else { return [] }
        return items.compactMap { item in
            guard let fields = FieldReader(item, "a player action",
                                           keys: ScenarioKeys.player, reader: &decoder.reader),
                let role = fields.required("role", reader: &decoder.reader).flatMap({ decoder.reader.name($0, "the role") })
            else { return nil }
            let given = Self.actionKeys.filter(fields.has)
            guard given.count == 1, let key = given.first, let valueNode = fields.optional(key),
                let text = decoder.reader.text(valueNode, "'\(key)'")
            else {
                reader.error(LanguageRules.missingField, "a player action needs exactly one of "
                    + Self.actionKeys.joined(separator: ", "), at: item.location)
                return nil
            }
            let pair = text.value.split(separator: "=", maxSplits: 1).map(String.init)
            let action: Scenario.PlayerAction.Action
            switch key {
            case "ack": action = .acknowledge(step: text.value)
            case "progress": action = .progress(step: text.value)
            case "done": action = .done(step: text.value)
            case "approve": action = .approve(step: text.value)
            case "deny": action = .deny(step: text.value)
            case "grade": action = .grade(level: text.value)
            case "signal": action = .signal(text.value)
            case "note": action = .note(text.value)
            case "record", "decide":
                guard pair.count == 2 else {
                    reader.error(LanguageRules.wrongType, "'\(key)' takes \(key == "record" ? "FACT=VALUE" : "STEP=OPTION")",
                                 at: valueNode.location)
                    return nil
                }
                action = key == "record" ? .record(fact: pair[0], value: pair[1]) : .decide(step: pair[0], option: pair[1])
            default: return nil
            }
            guard let trigger = trigger(fields) else { return nil }
            return Scenario.PlayerAction(role: role.value, trigger: trigger, action: action, location: item.location)
        }
    }

    /// Checks names in the scenario against its playbook.
    mutating func validate(_ scenario: Scenario, against playbook: Playbook) {
        let steps = Set(playbook.allSteps.map(\.id))
        let roles = playbook.roles.map(\.id)
        func requireStep(_ id: String, _ what: String, at location: SourceLocation) {
            if !steps.contains(id) {
                reader.error(LanguageRules.undefinedStep, "\(what): '\(playbook.id)' has no step '\(id)'"
                    + NameSuggestion.didYouMean(id, in: steps), at: location)
            }
        }
        func requireRole(_ id: String?, _ what: String, at location: SourceLocation) {
            if let id, playbook.role(id) == nil {
                reader.error(LanguageRules.undefinedRole, "\(what): '\(playbook.id)' has no role '\(id)'"
                    + NameSuggestion.didYouMean(id, in: roles), at: location)
            }
        }
        func requireTrigger(_ trigger: Scenario.Trigger, at location: SourceLocation) {
            switch trigger.event {
            case .start: break
            case .activated(let step), .done(let step): requireStep(step, "the trigger", at: location)
            case .recorded(let fact):
                if playbook.fact(fact) == nil {
                    reader.error(LanguageRules.undefinedFact, "the trigger: '\(playbook.id)' has no fact '\(fact)'", at: location)
                }
            }
        }
        for role in scenario.participants.keys.sorted() { requireRole(role, "a participant", at: scenario.playbook.location) }
        if let severity = scenario.severity, playbook.severity(severity) == nil {
            reader.error(LanguageRules.undefinedValue, "'\(playbook.id)' has no severity level '\(severity)'",
                         at: scenario.playbook.location)
        }
        for objective in scenario.objectives {
            switch objective.target {
            case .milestone(let id):
                if !playbook.milestones.contains(where: { $0.id == id }) {
                    reader.error(LanguageRules.undefinedMilestone, "objective '\(objective.id)': '\(playbook.id)' has no "
                        + "milestone '\(id)'" + NameSuggestion.didYouMean(id, in: playbook.milestones.map(\.id)),
                        at: objective.location)
                }
            case .stepDone(let step, _): requireStep(step, "objective '\(objective.id)'", at: objective.location)
            }
            for task in objective.criticalTasks { requireStep(task, "objective '\(objective.id)'", at: objective.location) }
            requireRole(objective.owner, "objective '\(objective.id)'", at: objective.location)
        }
        func requireSender(_ sender: String?, _ what: String, at location: SourceLocation) {
            if let sender, playbook.role(sender) == nil, scenario.staff.simulated[sender] == nil {
                reader.error(LanguageRules.undefinedValue, "\(what): '\(sender)' is neither a role of '\(playbook.id)' "
                    + "nor a simulated party" + NameSuggestion.didYouMean(sender, in: roles + scenario.staff.simulated.keys.sorted()),
                    at: location, hint: "declare it under 'staff: { simulated: { \(sender): { en: …, zh: … } } }'")
            }
        }
        for inject in scenario.injects {
            for role in inject.roles { requireRole(role, "inject '\(inject.id)'", at: inject.location) }
            requireSender(inject.from, "inject '\(inject.id)'", at: inject.location)
            requireSender(inject.contingency?.from, "the contingency of '\(inject.id)'", at: inject.location)
            if let step = inject.expectStep { requireStep(step, "inject '\(inject.id)'", at: inject.location) }
            requireRole(inject.contingency?.to, "the contingency of '\(inject.id)'", at: inject.location)
            requireTrigger(inject.trigger, at: inject.location)
        }
        for player in scenario.players {
            requireRole(player.role, "a player", at: player.location)
            requireTrigger(player.trigger, at: player.location)
            switch player.action {
            case .acknowledge(let step), .progress(let step), .done(let step), .approve(let step), .deny(let step):
                requireStep(step, "a player action", at: player.location)
            case .decide(let step, _): requireStep(step, "a player action", at: player.location)
            case .record(let fact, let value):
                if let declared = playbook.fact(fact) {
                    switch declared.kind {
                    case .choice(let values) where declared.valueID(named: value) == nil:
                        reader.error(LanguageRules.undefinedValue, "'\(value)' is not a value of '\(fact)'"
                            + NameSuggestion.didYouMean(value, in: values), at: player.location)
                    case .number where Double(value) == nil:
                        reader.error(LanguageRules.wrongType, "'\(fact)' takes a number, not '\(value)'", at: player.location)
                    case .flag where value != "true" && value != "false":
                        reader.error(LanguageRules.wrongType, "'\(fact)' takes true or false, not '\(value)'",
                                     at: player.location)
                    default:
                        break
                    }
                } else {
                    reader.error(LanguageRules.undefinedFact, "a player records '\(fact)', which '\(playbook.id)' does not have",
                                 at: player.location)
                }
            case .grade(let level):
                if playbook.severity(level) == nil {
                    reader.error(LanguageRules.undefinedValue, "'\(playbook.id)' has no severity level '\(level)'",
                                 at: player.location)
                }
            case .signal, .note: break
            }
        }
    }
}
