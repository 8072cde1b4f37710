import PlaybookLanguage

/// The values the exploration records for each fact: the ones the playbook's conditions tell apart. A choice
/// takes each value a condition names and one value none names, a flag true and false, a number each value a
/// condition compares it with and the numbers just around it, text what conditions compare it with and one other
/// text. A fact no condition reads takes one value: which one cannot change where a run goes.
struct FactValues {
    private var candidates: [String: [String]] = [:]
    /// At most this many combinations of a step's records are tried; past it, every value of every fact is still
    /// recorded once.
    static let combinationLimit = 32

    init(_ playbook: Playbook) {
        var numbers: [String: Set<Double>] = [:]
        var texts: [String: Set<String>] = [:]
        var read: Set<String> = []
        func visit(_ condition: Condition) {
            for case .fact(let id) in condition.subjects { read.insert(id) }
            switch condition {
            case .and(let left, let right), .or(let left, let right):
                visit(left)
                visit(right)
            case .not(let inner):
                visit(inner)
            case .isTrue:
                break
            case .compare(.fact(let fact), _, let literals):
                for literal in literals {
                    switch literal {
                    case .number(let number): numbers[fact, default: []].formUnion([number - 1, number, number + 1])
                    case .text(let text), .name(let text): texts[fact, default: []].insert(text)
                    case .flag: break
                    }
                }
            case .compare(.severity, _, _):
                break
            }
        }
        for step in playbook.allSteps {
            if case .branches(let branches, _) = step.next {
                for branch in branches { visit(branch.condition) }
            }
        }
        for fact in playbook.facts {
            switch fact.kind {
            case .choice(let values):
                let named = texts[fact.id] ?? []
                candidates[fact.id] = values.filter(named.contains) + values.filter { !named.contains($0) }.prefix(1)
            case .flag: candidates[fact.id] = read.contains(fact.id) ? ["true", "false"] : ["true"]
            case .number:
                let sorted = (numbers[fact.id] ?? [0]).sorted()
                // (a number no condition compares takes 0)
                candidates[fact.id] = sorted.map { $0 == $0.rounded() ? String(Int64($0)) : String($0) }
            case .text: candidates[fact.id] = (texts[fact.id] ?? []).sorted() + ["x"]
            }
        }
    }

    /// The combinations of values to record for `facts`.
    func combinations(_ facts: [String]) -> [[(fact: String, value: String)]] {
        var result: [[(fact: String, value: String)]] = [[]]
        for fact in facts {
            let values = candidates[fact] ?? ["x"]
            result = result.flatMap { partial in values.map { partial + [(fact, $0)] } }
            if result.count > Self.combinationLimit { return diagonal(facts) }
        }
        return result
    }

    /// Each value of each fact at least once, the others at their first value.
    private func diagonal(_ facts: [String]) -> [[(fact: String, value: String)]] {
        let widest = facts.map { candidates[$0]?.count ?? 1 }.max() ?? 1
        return (0..<widest).map { round in
            facts.map { fact in
                let values = candidates[fact] ?? ["x"]
                return (fact, values[min(round, values.count - 1)])
            }
        }
    }
}
