import Diagnostics
import YAMLLoading

extension PlaybookDecoder {
    /// `continue_in: { playbook: ID, step: STEP, facts: { FACT: VALUE, ... } }` on an action step, or
    /// `continue_in: ID` for the other playbook's start with no facts.
    mutating func continuation(_ node: YAMLNode, kind: Step.Kind) -> Continuation? {
        if case .action = kind {} else {
            reader.error(LanguageRules.wrongType,
                         "only an action step continues in another playbook ('continue_in'), not a '\(kind.name)' step",
                         at: node.location, hint: "make continuing its own action step, leading to an outcome")
            return nil
        }
        if node.scalar != nil {
            guard let playbook = reader.name(node, "the playbook to continue in") else { return nil }
            return Continuation(playbook: playbook, step: nil, facts: [], location: node.location)
        }
        guard let fields = FieldReader(node, "'continue_in'", keys: PlaybookKeys.continuation, reader: &reader),
            let playbook = fields.required("playbook", reader: &reader,
                                           hint: "name the other playbook's id, e.g. 'playbook: power-loss'")
                .flatMap({ reader.name($0, "the playbook to continue in") })
        else { return nil }
        let step = fields.optional("step").flatMap { reader.name($0, "the step to continue at") }
        var facts: [Continuation.FactSetting] = []
        if let factsNode = fields.optional("facts") {
            for (name, value) in namedEntries(factsNode, "the facts of 'continue_in'") {
                guard value.scalar != nil else {
                    reader.error(LanguageRules.wrongType,
                                 "the value of fact '\(name.value)' must be one value (a choice, a number, true or false, a text)",
                                 at: value.location)
                    continue
                }
                if let text = reader.text(value, "the value of fact '\(name.value)'") {
                    facts.append(.init(fact: name, value: text))
                }
            }
        }
        return Continuation(playbook: playbook, step: step, facts: facts, location: node.location)
    }
}
