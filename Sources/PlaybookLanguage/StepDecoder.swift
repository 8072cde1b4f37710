import Diagnostics
import YAMLLoading

extension PlaybookDecoder {
    static let stepKindKeys = PlaybookKeys.stepKinds

    mutating func decodeSteps(_ node: YAMLNode, inTrack: Bool) -> [Step] {
        namedEntries(node, inTrack ? "a track's steps" : "steps").compactMap { name, value in
            step(name, value, inTrack: inTrack)
        }
    }

    mutating func step(_ name: Located<String>, _ node: YAMLNode, inTrack: Bool) -> Step? {
        let what = "step '\(name.value)'"
        guard let fields = FieldReader(node, what, keys: PlaybookKeys.step, owner: name.location, reader: &reader) else {
            return nil
        }
        let kindKeys = Self.stepKindKeys.filter(fields.has)
        if kindKeys.count > 1 {
            reader.error(LanguageRules.multipleStepKinds,
                         "\(what) is both '\(kindKeys[0])' and '\(kindKeys[1])'",
                         at: fields.keyLocation(kindKeys[1]),
                         hint: "a step is one of action, decide, approve, parallel or wait; split it in two steps",
                         notes: [.init("'\(kindKeys[0])' is given here", at: fields.keyLocation(kindKeys[0]))])
        }
        let title = fields.required("title", reader: &reader).flatMap { localizedText($0, "the step's title") }
        let instructions = fields.optional("instructions").flatMap { localizedText($0, "the instructions") }
        var owner: Located<String>?
        var ownersBySeverity: [SeverityOwner] = []
        if let ownerNode = fields.optional("owner") {
            if ownerNode.mapping != nil {
                ownersBySeverity = namedEntries(ownerNode, "the owner by severity").compactMap { level, role in
                    reader.name(role, "the owner at '\(level.value)'").map { SeverityOwner(level: level, role: $0) }
                }
            } else {
                owner = reader.name(ownerNode, "the owner")
            }
        }
        let source = fields.optional("source").flatMap { reader.text($0, "the source") }?.value
        var phase = Step.Phase.main
        if let phaseNode = fields.optional("phase"), let text = reader.text(phaseNode, "the phase") {
            if let parsed = Step.Phase(rawValue: text.value), !inTrack {
                phase = parsed
            } else {
                reader.error(LanguageRules.wrongType,
                             inTrack ? "a step inside a track has no 'phase'"
                                : "'phase' must be 'main' or 'after_end', not '\(text.value)'",
                             at: phaseNode.location)
            }
        }
        let checklist = fields.optional("checklist").map { decodeChecklist($0) } ?? []
        let records = fields.optional("record").map { names($0, "a fact to record") } ?? []
        let grades = fields.optional("grade").flatMap { reader.bool($0, "'grade'") } ?? false
        let ackWithin = fields.optional("ack_within").flatMap { duration($0, "ack_within") }
        let reportEvery = fields.optional("report_every").flatMap { duration($0, "report_every") }
        let doneWithin = fields.optional("done_within").flatMap { duration($0, "done_within") }
        let escalations = fields.optional("escalate").map { decodeEscalations($0) } ?? []
        let next = fields.optional("next").flatMap { transition($0) }
        let standing = fields.optional("standing").map { decodeStanding($0) } ?? []
        let togetherWith = fields.optional("together_with").flatMap { reader.name($0, "the role that signs with the owner") }

        var kind = Step.Kind.action
        if let decideNode = fields.optional("decide") {
            kind = decision(decideNode).map(Step.Kind.decide) ?? .action
        } else if let approveNode = fields.optional("approve") {
            kind = approval(approveNode).map(Step.Kind.approve) ?? .action
        } else if let parallelNode = fields.optional("parallel") {
            kind = parallel(parallelNode).map(Step.Kind.parallel) ?? .action
        } else if let waitNode = fields.optional("wait") {
            kind = wait(waitNode, at: fields.keyLocation("wait")).map(Step.Kind.wait) ?? .action
        }
        switch kind {
        case .decide, .approve:
            if let nextLocation = fields.keyLocation("next") {
                reader.error(LanguageRules.nextNotAllowed,
                             "\(what) is a '\(kind.name)' step, whose branches say where it leads; it takes no 'next'",
                             at: nextLocation, hint: "remove 'next' and give each branch its target")
            }
        case .parallel:
            if let ownerLocation = fields.keyLocation("owner") {
                reader.error(LanguageRules.unknownKey, "a parallel step has no owner; its tracks' steps do",
                             at: ownerLocation)
            }
        case .action, .wait:
            break
        }
        if let together = fields.keyLocation("together_with"), fields.has("decide") || fields.has("approve")
            || fields.has("parallel") || fields.has("wait")
        {
            reader.error(LanguageRules.wrongType, "only an action step is signed together ('together_with')", at: together,
                         hint: "make the signing its own action step")
        }
        let continueIn = fields.optional("continue_in").flatMap { continuation($0, kind: kind) }
        return Step(
            id: name.value, location: name.location, title: title ?? LocalizedText(english: name.value, chinese: name.value),
            instructions: instructions, owner: owner, source: source, phase: phase, kind: kind, checklist: checklist,
            records: records, grades: grades, ackWithin: ackWithin, reportEvery: reportEvery, doneWithin: doneWithin,
            escalations: escalations, next: next, nextLocation: fields.keyLocation("next"), standing: standing,
            togetherWith: togetherWith, ownersBySeverity: ownersBySeverity, continueIn: continueIn)
    }

    /// One standing instruction (a mapping) or a list of them: `{ id, en, zh, released_by }`.
    mutating func decodeStanding(_ node: YAMLNode) -> [StandingInstruction] {
        let items = node.mapping != nil ? [node] : reader.sequence(node, "'standing'") ?? []
        return items.compactMap { item in
            guard let fields = FieldReader(item, "a standing instruction", keys: PlaybookKeys.standingInstruction,
                                           reader: &reader),
                let id = fields.required("id", reader: &reader).flatMap({ reader.name($0, "the instruction's id") })
            else { return nil }
            let english = fields.optional("en").flatMap { reader.text($0, "the instruction in English") }
            let chinese = fields.optional("zh").flatMap { reader.text($0, "the instruction in Chinese") }
            if english == nil, chinese == nil {
                reader.error(LanguageRules.missingField, "standing instruction '\(id.value)' has neither 'en' nor 'zh'",
                             at: item.location)
            }
            let releasedBy = fields.required("released_by", reader: &reader,
                                             hint: "name the role that releases it, e.g. 'released_by: security'")
                .flatMap { reader.name($0, "the role that releases it") }
            guard let releasedBy else { return nil }
            return StandingInstruction(id: id.value, text: LocalizedText(english: english?.value, chinese: chinese?.value),
                                       releasedBy: releasedBy, location: item.location)
        }
    }

    mutating func decodeChecklist(_ node: YAMLNode) -> [ChecklistItem] {
        guard let items = reader.sequence(node, "the checklist") else { return [] }
        var result: [ChecklistItem] = []
        for (index, item) in items.enumerated() {
            if item.scalar != nil {
                if let text = localizedText(item, "a checklist item") {
                    result.append(ChecklistItem(id: "item\(index + 1)", text: text, location: item.location))
                }
                continue
            }
            guard let fields = FieldReader(item, "a checklist item", keys: PlaybookKeys.checklistItem, reader: &reader),
                let id = fields.required("id", reader: &reader).flatMap({ reader.name($0, "the item's id") })
            else { continue }
            let english = fields.optional("en").flatMap { reader.text($0, "the item in English") }
            let chinese = fields.optional("zh").flatMap { reader.text($0, "the item in Chinese") }
            if english == nil, chinese == nil {
                reader.error(LanguageRules.missingField, "checklist item '\(id.value)' has neither 'en' nor 'zh'",
                             at: item.location)
            }
            result.append(ChecklistItem(id: id.value, text: LocalizedText(english: english?.value,
                                                                            chinese: chinese?.value),
                                        location: item.location))
        }
        return result
    }

    mutating func decodeEscalations(_ node: YAMLNode) -> [Escalation] {
        guard let items = reader.sequence(node, "the escalation ladder") else { return [] }
        return items.compactMap { item in
            guard let fields = FieldReader(item, "an escalation rung", keys: PlaybookKeys.escalation,
                                           reader: &reader)
            else { return nil }
            let after = fields.required("after", reader: &reader).flatMap { duration($0, "after") }
            let notify = fields.optional("notify").map { names($0, "a role to notify") } ?? []
            let reassign = fields.optional("reassign").flatMap { reader.name($0, "the role to reassign to") }
            let goto = fields.optional("goto").flatMap { target($0, "goto") }
            if notify.isEmpty, reassign == nil, goto == nil {
                reader.error(LanguageRules.missingField, "an escalation rung does nothing",
                             at: item.location, hint: "give it 'notify', 'reassign' or 'goto'")
            }
            guard let after else { return nil }
            return Escalation(after: after, notify: notify, reassign: reassign, goto: goto, location: item.location)
        }
    }

    mutating func transition(_ node: YAMLNode) -> Transition? {
        if node.scalar != nil { return target(node, "next").map(Transition.always) }
        guard let items = reader.sequence(node, "next") else { return nil }
        var branches: [Branch] = []
        var otherwise: Located<Target>?
        for item in items {
            guard let fields = FieldReader(item, "a branch", keys: PlaybookKeys.branch, reader: &reader) else {
                continue
            }
            if let elseNode = fields.optional("else") {
                if fields.has("when") || fields.has("goto") {
                    reader.error(LanguageRules.wrongType, "an 'else' branch has no 'when' or 'goto'",
                                 at: item.location, hint: "write '- else: TARGET' on its own")
                }
                if otherwise != nil {
                    reader.error(LanguageRules.wrongType, "a second 'else' branch", at: item.location)
                }
                otherwise = target(elseNode, "else")
                continue
            }
            if otherwise != nil {
                reader.error(LanguageRules.unreachableBranch, "this branch comes after 'else' and is never taken",
                             at: item.location, hint: "move 'else' to the end")
            }
            let conditionNode = fields.required("when", reader: &reader)
            let goto = fields.required("goto", reader: &reader).flatMap { target($0, "goto") }
            guard let conditionNode, let text = reader.text(conditionNode, "a condition") else { continue }
            let condition: Condition
            do {
                condition = try ConditionParser.parse(text.value)
            } catch {
                var at = conditionNode.location
                if !text.value.contains("\n") {
                    let quoted = conditionNode.scalar?.style == .singleQuoted
                        || conditionNode.scalar?.style == .doubleQuoted
                    at.column += error.offset + (quoted ? 1 : 0)
                }
                reader.error(LanguageRules.conditionSyntax, error.message, at: at,
                             hint: "a condition compares facts or severity: 'kind == ups_fault and hottest_c > 40'")
                continue
            }
            if let goto {
                branches.append(Branch(condition: condition, conditionLocation: conditionNode.location, target: goto))
            }
        }
        guard let otherwise else {
            reader.error(LanguageRules.missingElse, "conditional 'next' has no 'else' branch", at: node.location,
                         hint: "add '- else: TARGET' as the last branch, so that every case leads somewhere")
            return nil
        }
        return .branches(branches, otherwise: otherwise)
    }

    mutating func decision(_ node: YAMLNode) -> Decision? {
        guard let fields = FieldReader(node, "'decide'", keys: PlaybookKeys.decide,
                                       reader: &reader)
        else { return nil }
        let prompt = fields.required("prompt", reader: &reader).flatMap { localizedText($0, "the prompt") }
        var options: [Decision.Option] = []
        if let optionsNode = fields.required("options", reader: &reader) {
            let entries = namedEntries(optionsNode, "the options")
            if entries.count < 2, optionsNode.mapping != nil {
                reader.error(LanguageRules.missingField, "a decision needs at least two options",
                             at: optionsNode.location)
            }
            for (name, value) in entries {
                if value.scalar != nil {
                    if let goto = target(value, "option '\(name.value)'") {
                        options.append(.init(id: name.value, title: LocalizedText(english: name.value, chinese: name.value), target: goto))
                    }
                    continue
                }
                guard let optionFields = FieldReader(value, "option '\(name.value)'", keys: PlaybookKeys.option, owner: name.location,
                                                     reader: &reader)
                else { continue }
                let title = optionFields.optional("title").flatMap { localizedText($0, "the option's title") }
                if let goto = optionFields.required("goto", reader: &reader).flatMap({ target($0, "goto") }) {
                    options.append(.init(id: name.value, title: title ?? LocalizedText(english: name.value, chinese: name.value),
                                         target: goto))
                }
            }
        }
        let within = fields.optional("within").flatMap { duration($0, "within") }
        let onExpiry = fields.optional("on_expiry").flatMap { reader.name($0, "on_expiry") }
        let notify = fields.optional("notify").map { names($0, "a role to notify") } ?? []
        if within != nil, onExpiry == nil {
            reader.error(LanguageRules.missingField, "a decision with 'within' needs 'on_expiry'",
                         at: fields.keyLocation("within"),
                         hint: "name the option taken when time runs out: the default-safe branch")
        }
        if onExpiry != nil, within == nil {
            reader.error(LanguageRules.missingField, "a decision with 'on_expiry' needs 'within'",
                         at: fields.keyLocation("on_expiry"))
        }
        return Decision(prompt: prompt ?? LocalizedText(english: ""), options: options, within: within,
                        onExpiry: onExpiry, notifyOnExpiry: notify)
    }

    mutating func approval(_ node: YAMLNode) -> Approval? {
        guard let fields = FieldReader(node, "'approve'", keys: PlaybookKeys.approve,
                                       reader: &reader)
        else { return nil }
        let approver = fields.required("by", reader: &reader).flatMap { reader.name($0, "the approver") }
        let within = fields.optional("within").flatMap { duration($0, "within") }
        var approveOnExpiry = false
        if let expiry = fields.optional("on_expiry"), let text = reader.text(expiry, "on_expiry") {
            switch text.value {
            case "approve": approveOnExpiry = true
            case "deny": approveOnExpiry = false
            default:
                reader.error(LanguageRules.wrongType, "'on_expiry' of an approval is 'approve' or 'deny', "
                             + "not '\(text.value)'", at: expiry.location)
            }
        } else if within != nil {
            reader.error(LanguageRules.missingField, "an approval with 'within' needs 'on_expiry: approve|deny'",
                         at: fields.keyLocation("within"))
        }
        if fields.has("on_expiry"), within == nil, fields.optional("within") == nil {
            reader.error(LanguageRules.missingField, "an approval with 'on_expiry' needs 'within'",
                         at: fields.keyLocation("on_expiry"))
        }
        var approved: Located<Target>?
        var denied: Located<Target>?
        if let then = fields.required("then", reader: &reader, hint: "then: { approved: STEP, denied: STEP }"),
            let thenFields = FieldReader(then, "'then'", keys: PlaybookKeys.approvalThen, reader: &reader)
        {
            approved = thenFields.required("approved", reader: &reader).flatMap { target($0, "approved") }
            denied = thenFields.required("denied", reader: &reader).flatMap { target($0, "denied") }
        }
        guard let approver, let approved, let denied else { return nil }
        return Approval(approver: approver, within: within, approveOnExpiry: approveOnExpiry, approved: approved,
                        denied: denied)
    }

    mutating func parallel(_ node: YAMLNode) -> ParallelBlock? {
        guard let fields = FieldReader(node, "'parallel'", keys: PlaybookKeys.parallel, reader: &reader) else {
            return nil
        }
        var tracks: [Track] = []
        if let tracksNode = fields.required("tracks", reader: &reader) {
            for (name, value) in namedEntries(tracksNode, "the tracks") {
                guard let trackFields = FieldReader(value, "track '\(name.value)'", keys: PlaybookKeys.track, owner: name.location,
                                                    reader: &reader)
                else { continue }
                let title = trackFields.optional("title").flatMap { localizedText($0, "the track's title") }
                let start = trackFields.required("start", reader: &reader).flatMap { reader.name($0, "start") }
                let steps = trackFields.required("steps", reader: &reader).map { decodeSteps($0, inTrack: true) } ?? []
                guard let start else { continue }
                tracks.append(Track(id: name.value, title: title ?? LocalizedText(english: name.value, chinese: name.value), start: start,
                                    steps: steps, location: name.location))
            }
        }
        var join = ParallelBlock.Join.all
        var joinLocation = node.location
        if let joinNode = fields.optional("join") {
            joinLocation = joinNode.location
            if let text = joinNode.scalar?.text, joinNode.scalar?.style == .plain, ["all", "any"].contains(text) {
                join = text == "all" ? .all : .any
            } else if joinNode.scalar != nil {
                reader.error(LanguageRules.wrongType,
                             "'join' is all, any or { count: N }, not '\(joinNode.scalar?.text ?? "")'",
                             at: joinNode.location, hint: "all: every track; any: the first; { count: 2 }: two of them")
            } else if let joinFields = FieldReader(joinNode, "'join'", keys: PlaybookKeys.joinCount, reader: &reader),
                let countNode = joinFields.required("count", reader: &reader),
                let count = reader.integer(countNode, "the join count", in: 1...1_000)
            {
                join = .count(count)
            }
        }
        return ParallelBlock(tracks: tracks, join: join, joinLocation: joinLocation)
    }

    mutating func wait(_ node: YAMLNode, at keyLocation: SourceLocation?) -> Wait? {
        guard let fields = FieldReader(node, "'wait'", keys: PlaybookKeys.wait,
                                       owner: keyLocation, reader: &reader)
        else { return nil }
        let until = fields.optional("until").flatMap { localizedText($0, "until") }
        let signal = fields.optional("signal").flatMap { reader.name($0, "the signal") }
        let onExpiry = fields.optional("on_expiry").flatMap { target($0, "on_expiry") }
        var from: Located<RunInstant>?
        if let fromNode = fields.optional("from"), let text = reader.text(fromNode, "from") {
            if let instant = RunInstant(rawValue: text.value) {
                from = Located(instant, at: fromNode.location)
            } else {
                reader.error(LanguageRules.wrongType,
                             "a wait's 'from' is 'start' or 'fault', not '\(text.value)'"
                                + NameSuggestion.didYouMean(text.value, in: RunInstant.allCases.map(\.rawValue)),
                             at: fromNode.location,
                             hint: "leave 'from' out to count from the step's activation")
            }
        }
        guard let withinNode = fields.optional("within") else {
            reader.error(LanguageRules.unboundedWait, "a wait must be bounded: it has no 'within'",
                         at: keyLocation ?? node.location, hint: "say how long to wait at most, e.g. 'within: 2h'")
            return nil
        }
        guard let within = duration(withinNode, "within") else { return nil }
        return Wait(until: until, signal: signal?.value, within: within, onExpiry: onExpiry, from: from)
    }
}
