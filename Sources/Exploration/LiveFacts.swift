import PlaybookLanguage

/// Which facts can still change where a run goes, from the steps that are open: a fact matters while a step whose
/// branches read it can still be reached (from an open step, from any at-any-time chain, or from an after-end step).
/// Two states that differ only in facts nothing will read again behave alike, so the exploration compares states on
/// the facts that still matter.
struct LiveFacts {
    /// For each step, while it is open: the facts that may still be read with the value they have now, by its
    /// branches or those of a step it leads to.
    private var readFrom: [String: Set<String>] = [:]
    /// The facts read whatever is open: by the at-any-time chains and the after-end steps.
    private var always: Set<String> = []

    init(_ playbook: Playbook) {
        var byID: [String: Step] = [:]
        var enclosing: [String: String] = [:]
        func index(_ steps: [Step], inside parent: String?) {
            for step in steps {
                byID[step.id] = byID[step.id] ?? step
                if let parent { enclosing[step.id] = parent }
                if case .parallel(let parallel) = step.kind {
                    for track in parallel.tracks { index(track.steps, inside: step.id) }
                }
            }
        }
        index(playbook.steps, inside: nil)
        for chain in playbook.anyTime { index(chain.steps, inside: nil) }

        /// Where a step leads once it is done (its records written first), and where it leads without being
        /// done (an escalation's or an expiry's jump).
        func successors(_ step: Step) -> (done: [String], undone: [String]) {
            func ids(_ targets: [Target]) -> [String] {
                targets.compactMap { target in
                    if case .step(let id) = target { return id }
                    return nil
                }
            }
            var done = ids(step.targetsWhenDone)
            let undone = ids(step.targetsOtherwise)
            // A track's step also leads, when its track ends, to where its parallel step goes.
            if let parent = enclosing[step.id] { done.append(parent) }
            return (done, undone)
        }
        func read(_ step: Step) -> Set<String> {
            guard case .branches(let branches, _) = step.next else { return [] }
            var facts: Set<String> = []
            for branch in branches {
                for case .fact(let id) in branch.condition.subjects { facts.insert(id) }
            }
            return facts
        }
        /// The facts an action step writes before it is done (a reading taken again in each round): their earlier
        /// values are never read past it.
        func written(_ step: Step) -> Set<String> {
            guard case .action = step.kind else { return [] }
            return Set(step.records.map(\.value))
        }
        // Backwards, to a fixed point: what an open step may still read is what it reads, and what the steps it
        // leads to may read, less what it writes on the way.
        let edges = byID.mapValues(successors)
        let writes = byID.mapValues(written)
        let reads = byID.mapValues(read)
        for id in byID.keys { readFrom[id] = [] }
        var changed = true
        while changed {
            changed = false
            for (id, next) in edges {
                var facts = reads[id] ?? []
                for target in next.done { facts.formUnion(readFrom[target] ?? []) }
                facts.subtract(writes[id] ?? [])
                for target in next.undone { facts.formUnion(readFrom[target] ?? []) }
                if facts != readFrom[id] {
                    readFrom[id] = facts
                    changed = true
                }
            }
        }
        for chain in playbook.anyTime { always.formUnion(readFrom[chain.start.value] ?? []) }
        for step in playbook.steps where step.phase == .afterEnd { always.formUnion(readFrom[step.id] ?? []) }
    }

    /// The facts that can still matter when `open` are the open steps.
    func live(open: some Sequence<String>) -> Set<String> {
        var facts = always
        for id in open { facts.formUnion(readFrom[id] ?? []) }
        return facts
    }
}
