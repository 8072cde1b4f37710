import PlaybookLanguage

extension Transaction {
    /// Corrects a fact recorded earlier: the commander (or a stand-in) or a holder of a role that owns a step
    /// recording it may, with a reason, at any time, after the outcome too. The old value stays in the journal
    /// beside the new one; decisions already taken on the old value stand.
    mutating func correct(_ factID: String, _ text: String, why: String, person: String) throws {
        guard let fact = playbook.fact(factID) else {
            throw Rejection(.factUndefined, ["fact": .text(factID), "suggestion": suggestion(factID, in: playbook.facts.map(\.id))])
        }
        guard let old = state.facts[factID] else {
            throw Rejection(.factNotRecorded, ["fact": .text(factID)])
        }
        guard why.contains(where: { !$0.isWhitespace }) else {
            throw Rejection(.correctionWithoutReason)
        }
        let value = try Self.value(text, for: fact)
        guard value != old else {
            throw Rejection(.valueUnchanged, ["fact": .text(factID), "value": .text(old.description)])
        }
        let owners = Set(playbook.allSteps.filter { $0.records.contains { $0.value == factID } }.flatMap(\.possibleOwners))
        let role = owners.sorted().first { state.holders[$0] == person }
        guard role != nil || mayCommand(person) else {
            throw Rejection(.correctionNotAllowed, ["fact": .text(factID)])
        }
        emit(.factCorrected(fact: factID, from: old, to: value, why: why), by: actor(person))
    }
}
