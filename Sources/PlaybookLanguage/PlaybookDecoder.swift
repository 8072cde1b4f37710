import Diagnostics
import YAMLLoading

/// Turns a playbook's node tree into a `Playbook`, reporting every shape problem on the way.
///
/// Decoding checks shapes and types (unknown keys, wrong types, missing fields, bad durations, two step kinds,
/// condition syntax); `PlaybookValidator` then checks references, the graph and time on the result. Decoding
/// goes on past problems so that one pass reports them all; a playbook with errors is still returned, with the
/// broken parts left out, for the validator to look at.
struct PlaybookDecoder {
    var reader: NodeReader

    static func decode(_ root: YAMLNode, reader: inout NodeReader) -> Playbook? {
        var decoder = PlaybookDecoder(reader: reader)
        let playbook = decoder.playbook(root)
        reader = decoder.reader
        return playbook
    }

    mutating func playbook(_ root: YAMLNode) -> Playbook? {
        guard let fields = FieldReader(root, "the playbook", keys: PlaybookKeys.playbook, reader: &reader) else {
            return nil
        }
        if let format = fields.required("muster", reader: &reader, hint: "start the file with 'muster: 1'"),
            format.scalar?.text != "1"
        {
            reader.error(LanguageRules.unsupportedFormat,
                         "unsupported format 'muster: \(format.scalar?.text ?? format.kindName)'",
                         at: format.location, hint: "this version of muster reads 'muster: 1'")
        }
        let id = fields.required("id", reader: &reader).flatMap { reader.name($0, "the playbook id") }
        let version = fields.required("version", reader: &reader).flatMap { reader.text($0, "the version") }
        let title = fields.required("title", reader: &reader).flatMap { localizedText($0, "the title") }
        let summary = fields.optional("summary").flatMap { localizedText($0, "the summary") }
        let roles = fields.required("roles", reader: &reader).map { decodeRoles($0) } ?? []
        let severities = fields.required("severity", reader: &reader, hint: "list the levels, most severe first")
            .map { decodeSeverities($0) } ?? []
        let milestones = fields.optional("milestones").map { decodeMilestones($0) } ?? []
        let facts = fields.optional("facts").map { decodeFacts($0) } ?? []
        let start = fields.required("start", reader: &reader).flatMap { reader.name($0, "the start step") }
        let steps = fields.required("steps", reader: &reader).map { decodeSteps($0, inTrack: false) } ?? []
        let outcomes = fields.required("outcomes", reader: &reader).map { decodeOutcomes($0) } ?? []
        let anyTime = fields.optional("at_any_time").map { decodeAnyTime($0) } ?? []
        return Playbook(
            id: id?.value ?? "", version: version?.value ?? "", title: title ?? LocalizedText(english: nil),
            summary: summary, roles: roles, severities: severities, milestones: milestones, facts: facts,
            start: start ?? Located("", at: root.location), steps: steps, outcomes: outcomes, anyTime: anyTime)
    }

    // MARK: Texts, names, durations, targets

    mutating func localizedText(_ node: YAMLNode, _ what: String) -> LocalizedText? {
        if node.scalar != nil {
            return reader.text(node, what).map { LocalizedText(english: $0.value) }
        }
        guard let fields = FieldReader(node, what, keys: PlaybookKeys.text, reader: &reader) else { return nil }
        let english = fields.optional("en").flatMap { reader.text($0, what + " in English") }
        let chinese = fields.optional("zh").flatMap { reader.text($0, what + " in Chinese") }
        if english == nil, chinese == nil {
            reader.error(LanguageRules.missingField, "\(what) has neither 'en' nor 'zh'", at: node.location)
            return nil
        }
        return LocalizedText(english: english?.value, chinese: chinese?.value)
    }

    mutating func duration(_ node: YAMLNode, _ what: String) -> Located<Duration>? {
        guard let text = reader.text(node, what) else { return nil }
        if let milliseconds = Duration.parseFixed(text.value) {
            return Located(.fixed(milliseconds: milliseconds), at: node.location)
        }
        // Lengths start with a digit; anything else that is a name is a clock's name (`respond`, `p1`).
        if Identifier.isValid(text.value) {
            return Located(.clock(text.value), at: node.location)
        }
        reader.error(LanguageRules.badDuration, "\(what) '\(text.value)' is not a duration", at: node.location,
                     hint: "write a length like 90s, 10m, 1h30m or 1d, or the name of a severity clock")
        return nil
    }

    mutating func target(_ node: YAMLNode, _ what: String) -> Located<Target>? {
        guard let text = reader.text(node, what) else { return nil }
        let target = Target(parsing: text.value)
        let name: String
        switch target {
        case .step(let id): name = id
        case .outcome(let id): name = id
        }
        guard Identifier.isValid(name) else {
            reader.error(LanguageRules.badName, "\(what) '\(text.value)' is not a step id or 'outcome.NAME'",
                         at: node.location)
            return nil
        }
        return Located(target, at: node.location)
    }

    mutating func names(_ node: YAMLNode, _ what: String) -> [Located<String>] {
        guard let items = reader.sequence(node, what, allowSingle: true) else { return [] }
        return items.compactMap { reader.name($0, what) }
    }

    /// The entries of a mapping whose keys are ids, each key checked as a name.
    mutating func namedEntries(_ node: YAMLNode, _ what: String) -> [(name: Located<String>, value: YAMLNode)] {
        guard let entries = reader.mapping(node, what) else { return [] }
        return entries.compactMap { entry in
            reader.name(entry.key, "a name in \(what)").map { ($0, entry.value) }
        }
    }

    // MARK: Roles, severity, milestones, facts, outcomes

    mutating func decodeRoles(_ node: YAMLNode) -> [Role] {
        namedEntries(node, "roles").compactMap { name, value in
            guard let fields = FieldReader(value, "role '\(name.value)'", keys: PlaybookKeys.role, owner: name.location,
                                           reader: &reader)
            else { return nil }
            let title = fields.required("title", reader: &reader).flatMap { localizedText($0, "the role's title") }
            let standIn = fields.optional("stand_in").flatMap { reader.name($0, "the stand-in") }
            return Role(id: name.value, title: title ?? LocalizedText(english: name.value, chinese: name.value), standIn: standIn,
                        location: name.location)
        }
    }

    mutating func decodeSeverities(_ node: YAMLNode) -> [SeverityLevel] {
        namedEntries(node, "severity").compactMap { name, value in
            guard let fields = FieldReader(value, "severity level '\(name.value)'", keys: PlaybookKeys.severityLevel, owner: name.location,
                                           reader: &reader)
            else { return nil }
            let title = fields.required("title", reader: &reader).flatMap { localizedText($0, "the level's title") }
            var clocks: [String: Int64] = [:]
            var order: [String] = []
            if let clockNode = fields.optional("clocks") {
                for (clock, length) in namedEntries(clockNode, "the clocks of '\(name.value)'") {
                    guard let parsed = duration(length, "clock '\(clock.value)'") else { continue }
                    guard case .fixed(let milliseconds) = parsed.value else {
                        reader.error(LanguageRules.badDuration,
                                     "clock '\(clock.value)' must be a length like 10m, not another clock's name",
                                     at: length.location)
                        continue
                    }
                    clocks[clock.value] = milliseconds
                    order.append(clock.value)
                }
            }
            var aliases: [Located<String>] = []
            if let aliasNode = fields.optional("aliases") {
                aliases = (reader.sequence(aliasNode, "the aliases of '\(name.value)'", allowSingle: true) ?? [])
                    .compactMap { reader.text($0, "an alias of '\(name.value)'") }
            }
            return SeverityLevel(id: name.value, title: title ?? LocalizedText(english: name.value, chinese: name.value), clocks: clocks,
                                 clockOrder: order, aliases: aliases, location: name.location)
        }
    }

    mutating func decodeMilestones(_ node: YAMLNode) -> [Milestone] {
        namedEntries(node, "milestones").compactMap { name, value in
            guard let fields = FieldReader(value, "milestone '\(name.value)'",
                                           keys: PlaybookKeys.milestone, owner: name.location,
                                           reader: &reader)
            else { return nil }
            let title = fields.optional("title").flatMap { localizedText($0, "the milestone's title") }
            let within = fields.required("within", reader: &reader).flatMap { duration($0, "within") }
            var from = Milestone.Anchor.start
            if let fromNode = fields.optional("from"), let text = reader.text(fromNode, "from") {
                if let anchor = Milestone.Anchor(rawValue: text.value) {
                    from = anchor
                } else {
                    reader.error(LanguageRules.wrongType,
                                 "'from' must be 'start', 'fault' or 'outcome', not '\(text.value)'"
                                    + NameSuggestion.didYouMean(text.value, in: PlaybookKeys.milestone.allowedValues("from")),
                                 at: fromNode.location)
                }
            }
            let trigger = fields.required("reached_when", reader: &reader,
                                          hint: "name a step event like 'report.done' or 'outcome'")
                .flatMap { milestoneTrigger($0) }
            var measures: Milestone.Measure?
            if let node = fields.optional("measures"), let text = reader.text(node, "measures") {
                measures = Milestone.Measure(rawValue: text.value)
                if measures == nil {
                    reader.error(LanguageRules.wrongType,
                                 "'measures' is response, repair or report, not '\(text.value)'", at: node.location)
                }
            }
            guard let within, let trigger else { return nil }
            return Milestone(id: name.value, title: title ?? LocalizedText(english: name.value, chinese: name.value), within: within,
                             from: from, reachedWhen: trigger, measures: measures, location: name.location)
        }
    }

    mutating func milestoneTrigger(_ node: YAMLNode) -> Milestone.Trigger? {
        guard let text = reader.text(node, "reached_when") else { return nil }
        if text.value == "outcome" { return .outcome }
        let parts = text.value.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if parts.count == 2, Identifier.isValid(parts[0]) {
            let step = Located(parts[0], at: node.location)
            switch parts[1] {
            case "activated": return .activated(step)
            case "acknowledged": return .acknowledged(step)
            case "done": return .done(step)
            default: break
            }
        }
        reader.error(LanguageRules.wrongType, "'reached_when' must be STEP.activated, STEP.acknowledged, STEP.done "
                     + "or outcome, not '\(text.value)'", at: node.location)
        return nil
    }

    mutating func decodeFacts(_ node: YAMLNode) -> [Fact] {
        namedEntries(node, "facts").compactMap { name, value in
            guard let fields = FieldReader(value, "fact '\(name.value)'", keys: PlaybookKeys.fact, owner: name.location,
                                           reader: &reader)
            else { return nil }
            let title = fields.optional("title").flatMap { localizedText($0, "the fact's title") }
            guard let typeNode = fields.required("type", reader: &reader, hint: "choice, number, text or flag"),
                let type = reader.text(typeNode, "the fact's type")
            else { return nil }
            let kind: Fact.Kind
            var valueTitles: [String: LocalizedText] = [:]
            switch type.value {
            case "choice":
                guard let valuesNode = fields.required("values", reader: &reader) else { return nil }
                let values = choiceValues(valuesNode, of: name.value, titles: &valueTitles)
                if values.isEmpty {
                    reader.error(LanguageRules.missingField, "choice fact '\(name.value)' has no values",
                                 at: valuesNode.location)
                }
                kind = .choice(values)
            case "number":
                kind = .number(unit: fields.optional("unit").flatMap { reader.text($0, "the unit") }?.value)
            case "text": kind = .text
            case "flag": kind = .flag
            default:
                reader.error(LanguageRules.wrongType,
                             "unknown fact type '\(type.value)'"
                                + NameSuggestion.didYouMean(type.value, in: PlaybookKeys.fact.allowedValues("type")),
                             at: typeNode.location, hint: "a fact's type is choice, number, text or flag")
                return nil
            }
            if case .choice = kind {} else if let values = fields.optional("values") {
                reader.error(LanguageRules.wrongType, "only a choice fact has 'values'", at: values.location)
            }
            var fact = Fact(id: name.value, title: title ?? LocalizedText(english: name.value, chinese: name.value),
                            kind: kind, location: name.location)
            fact.valueTitles = valueTitles
            if let node = fields.optional("section"), let text = reader.text(node, "the fact's section") {
                if Fact.sections.contains(text.value) {
                    fact.section = text.value
                } else {
                    reader.error(LanguageRules.wrongType,
                                 "a fact's section is " + Fact.sections.joined(separator: ", ") + ", not '\(text.value)'"
                                    + NameSuggestion.didYouMean(text.value, in: Fact.sections),
                                 at: node.location)
                }
            }
            return fact
        }
    }

    /// A choice fact's values: a list of ids (each alone or as `{ id, title }`), or ids mapped to their titles.
    mutating func choiceValues(_ node: YAMLNode, of fact: String, titles: inout [String: LocalizedText]) -> [String] {
        let what = "a value of '\(fact)'"
        if node.mapping != nil {
            return namedEntries(node, "the values of '\(fact)'").map { value, title in
                if let text = localizedText(title, "the title of '\(value.value)'") { titles[value.value] = text }
                return value.value
            }
        }
        guard let items = reader.sequence(node, what, allowSingle: true) else { return [] }
        return items.compactMap { item in
            guard item.mapping != nil else { return reader.name(item, what)?.value }
            guard let fields = FieldReader(item, what, keys: PlaybookKeys.factValue, reader: &reader),
                let id = fields.required("id", reader: &reader).flatMap({ reader.name($0, "the value's id") })
            else { return nil }
            if let title = fields.optional("title").flatMap({ localizedText($0, "the title of '\(id.value)'") }) {
                titles[id.value] = title
            }
            return id.value
        }
    }

    mutating func decodeAnyTime(_ node: YAMLNode) -> [AnyTimeChain] {
        namedEntries(node, "at_any_time").compactMap { name, value in
            guard let fields = FieldReader(value, "at-any-time chain '\(name.value)'",
                                           keys: PlaybookKeys.anyTimeChain, owner: name.location,
                                           reader: &reader)
            else { return nil }
            let title = fields.required("title", reader: &reader).flatMap { localizedText($0, "the chain's title") }
            let by = fields.required("by", reader: &reader, hint: "the roles that may raise it, e.g. 'by: [commander]'")
                .map { names($0, "a role that may raise it") } ?? []
            let start = fields.required("start", reader: &reader).flatMap { reader.name($0, "start") }
            let steps = fields.required("steps", reader: &reader).map { decodeSteps($0, inTrack: true) } ?? []
            guard let start else { return nil }
            return AnyTimeChain(id: name.value, title: title ?? LocalizedText(english: name.value, chinese: name.value),
                                by: by, start: start, steps: steps, location: name.location)
        }
    }

    mutating func decodeOutcomes(_ node: YAMLNode) -> [Outcome] {
        namedEntries(node, "outcomes").compactMap { name, value in
            guard let fields = FieldReader(value, "outcome '\(name.value)'", keys: PlaybookKeys.outcome, owner: name.location,
                                           reader: &reader)
            else { return nil }
            let title = fields.required("title", reader: &reader).flatMap { localizedText($0, "the outcome's title") }
            var kind = Outcome.Kind.success
            if let kindNode = fields.required("kind", reader: &reader, hint: "success, partial, failure or aborted"),
                let text = reader.text(kindNode, "the outcome's kind")
            {
                if let parsed = Outcome.Kind(rawValue: text.value) {
                    kind = parsed
                } else {
                    reader.error(LanguageRules.wrongType,
                                 "unknown outcome kind '\(text.value)'"
                                    + NameSuggestion.didYouMean(text.value, in: Outcome.Kind.allCases.map(\.rawValue)),
                                 at: kindNode.location, hint: "an outcome's kind is success, partial, failure or aborted")
                }
            }
            return Outcome(id: name.value, title: title ?? LocalizedText(english: name.value, chinese: name.value), kind: kind,
                           location: name.location)
        }
    }
}
