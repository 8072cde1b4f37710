import PlaybookLanguage

extension Transaction {
    /// Corrects a fact recorded earlier: the commander (or a stand-in) or a holder of a role that owns a step
    /// recording it may, with a reason, at any time, after the outcome too. The old value stays in the journal
    /// beside the new one; decisions already taken on the old value stand.
    mutating func correct(_ factID: String, _ text: String, why: String, person: String) throws {
        guard let fact = playbook.fact(factID) else {
            let hint = suggestion(factID, in: playbook.facts.map(\.id))
            throw Rejection("invalid", "fact '\(factID)' is not defined" + hint.english,
                            "未定义记录信息 '\(factID)'" + hint.chinese)
        }
        guard let old = state.facts[factID] else {
            throw Rejection("invalid", "'\(factID)' has not been recorded yet: record it instead of correcting it",
                            "'\(factID)' 尚未记录：请直接记录，而不是更正")
        }
        guard why.contains(where: { !$0.isWhitespace }) else {
            throw Rejection("invalid", "a correction needs its reason (--why)", "更正需要说明理由（--why）")
        }
        let value: FactValue
        switch FactValue.parse(text, for: fact) {
        case .success(let parsed): value = parsed
        case .failure(let error): throw Rejection("invalid", error.message, Self.misfitInChinese(text, for: fact))
        }
        guard value != old else {
            throw Rejection("invalid", "'\(factID)' is already \(old)", "'\(factID)' 已经是 \(old)")
        }
        let owners = Set(playbook.allSteps.filter { $0.records.contains { $0.value == factID } }.flatMap(\.possibleOwners))
        let role = owners.sorted().first { state.holders[$0] == person }
        guard role != nil || mayCommand(person) else {
            throw Rejection("wrong-role", "only the commander (or a stand-in) or the owner of a step that records '\(factID)' "
                + "may correct it", "只有应急总指挥（或其代理）或记录 '\(factID)' 的步骤负责人可以更正它")
        }
        emit(.factCorrected(fact: factID, from: old, to: value, why: why), by: actor(person))
    }
}
