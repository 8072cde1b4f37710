import PlaybookLanguage

extension Transaction {
    /// A step that continues in another playbook is done: the run asks for the linked run. The edge starts it
    /// and journals `run.continued_in`; the engine never does I/O.
    mutating func requestLinkedRun(_ continuation: Continuation, from stepID: String) {
        guard state.continuation == nil else { return }
        var facts: [String: String] = [:]
        for setting in continuation.facts { facts[setting.fact.value] = setting.value.value }
        emit(.continueRequested(ContinuationRequest(step: stepID, playbook: continuation.playbook.value,
                                                    entry: continuation.step?.value, facts: facts)),
             by: .engine)
    }

    /// At the outcome of a run that continued in another playbook: every milestone not reached is handed over
    /// (its timer goes, it is not missed), and the after-end obligations are not started here (the linked run has
    /// its own). Then the run closes, once nothing else holds it open.
    mutating func handOverObligations() {
        for milestone in playbook.milestones {
            let progress = state.milestones[milestone.id]
            guard progress?.reachedAt == nil, progress?.missed != true else { continue }
            if let timer = state.timers[.milestone(milestone.id)] {
                emit(.timerCancelled(timer: timer.id), by: .engine)
            }
            emit(.milestoneHandedOver(milestone: milestone.id), by: .engine)
        }
        closeIfDone()
    }
}

extension Engine {
    /// The events that start a linked run at `now`: the start record (which says which run it continues), the
    /// facts it starts with, milestones, then `entry` (the playbook's start when `nil`). A milestone reached only
    /// at steps that cannot follow `entry` is not armed but journaled as handed over: the run it continues holds it.
    public func start(_ start: RunStart, at now: Int64, entry: String?, facts: [(String, FactValue)]) -> [Event] {
        var run = Transaction(index: index, state: RunState(), now: now)
        run.emit(.runStarted(start), by: .engine)
        for (fact, value) in facts {
            run.emit(.factRecorded(fact: fact, value: value, step: nil), by: .engine)
        }
        let first = entry ?? index.playbook.start.value
        let reachable = index.reachable(from: first)
        run.scheduleMilestones(from: [.start, .fault]) { milestone in
            guard let step = milestone.reachedWhen.step?.value else { return true }
            return reachable.contains(step)
        }
        for milestone in index.playbook.milestones {
            guard let step = milestone.reachedWhen.step?.value, !reachable.contains(step) else { continue }
            run.emit(.milestoneHandedOver(milestone: milestone.id), by: .engine)
        }
        run.activate(first)
        run.fireTimers(until: run.now)
        return run.events
    }
}

extension PlaybookIndex {
    /// The steps a run can come to from `stepID`: itself, what its transitions, branches, expiries and
    /// escalations lead to, the steps of its tracks, and so on; the after-end steps and the chains besides, which
    /// do not depend on where the run entered.
    func reachable(from stepID: String) -> Set<String> {
        var seen: Set<String> = []
        var queue = [stepID] + afterEndRoots + playbook.anyTime.flatMap { $0.steps.map(\.id) }
        while let id = queue.popLast() {
            guard seen.insert(id).inserted, let step = steps[id] else { continue }
            let targets = step.targetsWhenDone + step.targetsOtherwise
            if case .parallel(let parallel) = step.kind { queue += parallel.tracks.flatMap { $0.steps.map(\.id) } }
            for case .step(let next) in targets { queue.append(next) }
        }
        return seen
    }
}
