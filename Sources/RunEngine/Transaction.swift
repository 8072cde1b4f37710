import PlaybookLanguage

/// One engine call in progress: the state so far and the events produced, each applied as it is emitted.
struct Transaction {
    let index: PlaybookIndex
    var state: RunState
    /// The instant events are emitted at: the command's instant, or a timer's while it fires.
    var now: Int64
    private(set) var events: [Event] = []
    /// Who types the command being performed for its doer, if not the doer (see `Command.recordedBy`).
    var recordedBy: String?

    init(index: PlaybookIndex, state: RunState, now: Int64) {
        self.index = index
        self.state = state
        // Time never runs backwards in a journal, even if a clock does.
        self.now = max(now, state.lastEventAt)
    }

    var playbook: Playbook { index.playbook }

    mutating func emit(_ kind: EventKind, by actor: Actor) {
        // What a person did is recorded with whoever typed it for them; what the engine did in consequence is not.
        let recorder: String? = if case .person = actor { recordedBy } else { nil }
        let event = Event(at: now, actor: actor, kind: kind, recordedBy: recorder)
        state.apply(event)
        events.append(event)
    }

    // MARK: Activation

    mutating func activate(_ stepID: String) {
        guard let step = index.steps[stepID] else { return }
        let due = dueInstants(step, activatedAt: now)
        emit(.stepActivated(step: stepID, owner: index.owner(of: step, severity: state.severity), due: due), by: .engine)
        for instruction in step.standing where !state.standing.contains(instruction.id) {
            emit(.instructionRaised(instruction: instruction.id, step: stepID), by: .engine)
        }
        if case .approve(let approval) = step.kind {
            emit(.approvalRequested(step: stepID, approver: approval.approver.value), by: .engine)
        }
        scheduleStepTimers(step, due: due, activatedAt: now)
        checkMilestones(step: stepID, event: "activated")
        if case .parallel(let parallel) = step.kind {
            for track in parallel.tracks {
                emit(.trackStarted(step: stepID, track: track.id), by: .engine)
                activate(track.start.value)
            }
        }
    }

    func dueInstants(_ step: Step, activatedAt: Int64) -> StepDue {
        let severity = state.severity
        func at(_ duration: Duration?, from anchor: Int64 = activatedAt) -> Int64? {
            index.milliseconds(duration, severity: severity).map { anchor + $0 }
        }
        var expiry: Int64?
        switch step.kind {
        case .decide(let decision): expiry = at(decision.within?.value)
        case .approve(let approval): expiry = at(approval.within?.value)
        case .wait(let wait): expiry = at(wait.within.value, from: wait.from.map { state.instant($0.value) } ?? activatedAt)
        case .action, .parallel: break
        }
        return StepDue(ack: at(step.ackWithin?.value), progress: at(step.reportEvery?.value),
                       done: at(step.doneWithin?.value), expiry: expiry)
    }

    /// The activation of `stepID` its timers are named for.
    func activation(_ stepID: String) -> Int {
        state.activations[stepID] ?? 0
    }

    mutating func scheduleStepTimers(_ step: Step, due: StepDue, activatedAt: Int64) {
        let clocks: [(StepClock, Int64?)] = [(.ack, due.ack), (.progress, due.progress), (.done, due.done),
                                             (.expiry, due.expiry)]
        for (clock, fireAt) in clocks {
            guard let fireAt else { continue }
            let timer = TimerID.step(step.id, activation: activation(step.id), clock: clock)
            emit(.timerScheduled(timer: timer, fireAt: fireAt,
                                 purpose: .step(step.id, clock)), by: .engine)
        }
        let fired = state.escalationsFired[step.id] ?? []
        for (rung, escalation) in step.escalations.enumerated() where !fired.contains(rung) {
            guard let after = index.milliseconds(escalation.after.value, severity: state.severity) else { continue }
            let timer = TimerID.escalation(step.id, activation: activation(step.id), rung: rung)
            emit(.timerScheduled(timer: timer, fireAt: activatedAt + after,
                                 purpose: .escalation(step.id, rung: rung)), by: .engine)
        }
    }

    mutating func cancelTimers(of stepID: String) {
        let armed = state.timers.values.filter { $0.purpose.step == stepID }.sorted { ($0.fireAt, $0.id) < ($1.fireAt, $1.id) }
        for timer in armed {
            emit(.timerCancelled(timer: timer.id), by: .engine)
        }
    }

    // MARK: Leaving steps

    /// Ends an open step as done and follows `target` (or the step's own transition when `nil`).
    mutating func complete(_ stepID: String, by actor: Actor, goingTo target: Target?) {
        guard let step = index.steps[stepID] else { return }
        cancelTimers(of: stepID)
        emit(.stepCompleted(step: stepID), by: actor)
        checkMilestones(step: stepID, event: "done")
        if let continuation = step.continueIn { requestLinkedRun(continuation, from: stepID) }
        follow(target ?? transition(of: step), from: stepID)
    }

    /// Where a step's `next` leads now, given the facts and severity.
    func transition(of step: Step) -> Target? {
        switch step.next {
        case nil: return nil
        case .always(let target): return target.value
        case .branches(let branches, let otherwise):
            for branch in branches where ConditionEvaluator(state: state, playbook: playbook).holds(branch.condition) {
                return branch.target.value
            }
            return otherwise.value
        }
    }

    /// Goes on from a step that has ended: to another step, an outcome, or the end of its track.
    mutating func follow(_ target: Target?, from stepID: String) {
        switch target {
        case .step(let next):
            activate(next)
        case .outcome(let outcome):
            reachOutcome(outcome, by: .engine)
        case nil:
            if let chain = index.chains[stepID] {
                emit(.chainEnded(chain: chain), by: .engine)
                if state.outcome != nil { closeIfDone() }
            } else if let place = index.places[stepID] {
                emit(.trackEnded(step: place.parallelStep, track: place.track), by: .engine)
                checkJoin(place.parallelStep)
            } else if state.outcome != nil {
                closeIfDone()
            }
        }
    }

    /// Ends an open step without it being done, saying why as `code` and in English and in Chinese; what is open
    /// in the tracks of a parallel step ends with it, for the same reason.
    mutating func cancel(_ stepID: String, _ code: EngineMessage, why: String, whyChinese: String) {
        cancelTimers(of: stepID)
        emit(.stepCancelled(step: stepID, why: why, whyChinese: whyChinese, code: code), by: .engine)
        // Cancelling a parallel step cancels what is open in its tracks.
        for open in state.activeOrder where index.places[open]?.parallelStep == stepID {
            cancel(open, code, why: why, whyChinese: whyChinese)
        }
    }

    mutating func checkJoin(_ parallelID: String) {
        guard let step = index.steps[parallelID], case .parallel(let parallel) = step.kind,
            state.active[parallelID] != nil
        else { return }
        let ended = state.endedTracks[parallelID]?.count ?? 0
        let needed: Int
        switch parallel.join {
        case .all: needed = parallel.tracks.count
        case .any: needed = 1
        case .count(let count): needed = count
        }
        guard ended >= needed else { return }
        for open in state.activeOrder where index.places[open]?.parallelStep == parallelID {
            cancel(open, EngineMessage(.joinSatisfied, ["step": .text(parallelID)]),
                   why: "the join of '\(parallelID)' is satisfied",
                   whyChinese: "步骤 '\(parallelID)' 的汇合条件已满足")
        }
        emit(.joinCompleted(step: parallelID), by: .engine)
        complete(parallelID, by: .engine, goingTo: nil)
    }

    mutating func reachOutcome(_ outcomeID: String, by actor: Actor) {
        guard state.outcome == nil else { return }
        let handedTo = state.continuation?.playbook
        for open in state.activeOrder where index.places[open] == nil {
            if let handedTo {
                cancel(open, EngineMessage(.handedOver, ["playbook": .text(handedTo)]),
                       why: "handed over: the run continues in '\(handedTo)'",
                       whyChinese: "已移交：本次运行转入预案 '\(handedTo)' 继续")
            } else {
                cancel(open, EngineMessage(.outcomeReached, ["outcome": .text(outcomeID)]),
                       why: "the run reached outcome '\(outcomeID)'", whyChinese: "本次运行已到达结果 '\(outcomeID)'")
            }
        }
        for chain in state.raisedChains {
            emit(.chainEnded(chain: chain), by: .engine)
        }
        let kind = playbook.outcome(outcomeID)?.kind.rawValue ?? "aborted"
        emit(.outcomeReached(outcome: outcomeID, kind: kind), by: actor)
        checkMilestones(step: nil, event: "outcome")
        // A milestone reached at a main-phase step can no longer be reached: the run ended another way. It is not
        // missed; its timer goes (no timer survives what it measures).
        for milestone in playbook.milestones where state.milestones[milestone.id]?.reachedAt == nil {
            guard let step = milestone.reachedWhen.step?.value, index.steps[step]?.phase == .main,
                state.timers[TimerID.milestone(milestone.id)] != nil
            else { continue }
            emit(.timerCancelled(timer: TimerID.milestone(milestone.id)), by: .engine)
        }
        if state.aborted {
            closeIfDone()
            return
        }
        if state.continuation != nil {
            handOverObligations()
            return
        }
        scheduleMilestones(from: [.outcome])
        for root in index.afterEndRoots { activate(root) }
        closeIfDone()
    }

    mutating func closeIfDone() {
        // A standing instruction holds the run open until it is released.
        guard state.outcome != nil, state.active.isEmpty, state.standing.isEmpty, !state.closed else { return }
        // Nothing is timed in a closed run.
        for timer in state.dueTimers {
            emit(.timerCancelled(timer: timer.id), by: .engine)
        }
        emit(.runClosed, by: .engine)
    }

    // MARK: Milestones

    /// Arms the milestones counted from `anchors`; a milestone counted from the fault is armed with those counted
    /// from the start (a due instant already past fires at once: see `Engine.start`).
    mutating func scheduleMilestones(from anchors: [Milestone.Anchor], where armed: (Milestone) -> Bool = { _ in true }) {
        for milestone in playbook.milestones where anchors.contains(milestone.from) && armed(milestone) {
            let instant = milestone.from == .fault ? state.faultAt : now
            guard state.milestones[milestone.id]?.dueAt == nil,
                let within = index.milliseconds(milestone.within.value, severity: state.severity)
                    ?? index.strictestUngraded(milestone.within.value, severity: state.severity)
            else { continue }
            emit(.milestoneDue(milestone: milestone.id, dueAt: instant + within), by: .engine)
            emit(.timerScheduled(timer: TimerID.milestone(milestone.id), fireAt: instant + within,
                                 purpose: .milestone(milestone.id)), by: .engine)
        }
    }

    /// Reports milestones reached by `event` ("activated", "acknowledged", "done" of `step`, or "outcome").
    mutating func checkMilestones(step: String?, event: String) {
        let instant = now
        for milestone in playbook.milestones where state.milestones[milestone.id]?.reachedAt == nil {
            let matches: Bool
            switch milestone.reachedWhen {
            case .activated(let target): matches = event == "activated" && target.value == step
            case .acknowledged(let target): matches = event == "acknowledged" && target.value == step
            case .done(let target): matches = event == "done" && target.value == step
            // An abort is an outcome, but not what an "ended within" milestone asks for.
            case .outcome: matches = event == "outcome" && !state.aborted
            }
            guard matches else { continue }
            if milestone.from == .outcome, state.outcome == nil, event != "outcome" { continue }
            let dueAt = state.milestones[milestone.id]?.dueAt
            if let timer = state.timers[TimerID.milestone(milestone.id)] {
                emit(.timerCancelled(timer: timer.id), by: .engine)
            }
            emit(.milestoneReached(milestone: milestone.id, margin: dueAt.map { $0 - instant } ?? 0), by: .engine)
        }
    }

    /// After the severity changed from `previous` (nil: the run was not graded): milestones and open steps whose
    /// deadlines use its clocks are recomputed, and open steps whose owner depends on the severity pass to the new
    /// level's owner.
    mutating func severityChanged(from previous: String? = nil) {
        for milestone in playbook.milestones {
            guard case .clock = milestone.within.value,
                state.milestones[milestone.id]?.reachedAt == nil,
                let within = index.milliseconds(milestone.within.value, severity: state.severity)
            else { continue }
            let anchorInstant: Int64?
            switch milestone.from {
            case .start: anchorInstant = state.startedAt
            case .fault: anchorInstant = state.faultAt
            case .outcome: anchorInstant = state.outcome?.at
            }
            guard let anchorInstant else { continue }
            let dueAt = anchorInstant + within
            let timerID = TimerID.milestone(milestone.id)
            if state.milestones[milestone.id]?.dueAt == nil {
                emit(.milestoneDue(milestone: milestone.id, dueAt: dueAt), by: .engine)
            } else if state.milestones[milestone.id]?.dueAt != dueAt {
                if state.timers[timerID] != nil { emit(.timerCancelled(timer: timerID), by: .engine) }
                emit(.milestoneRecomputed(milestone: milestone.id, dueAt: dueAt), by: .engine)
            } else {
                continue
            }
            if state.milestones[milestone.id]?.missed != true {
                emit(.timerScheduled(timer: timerID, fireAt: dueAt, purpose: .milestone(milestone.id)), by: .engine)
            }
        }
        for stepID in state.activeOrder {
            guard let step = index.steps[stepID], let open = state.active[stepID] else { continue }
            let due = dueInstants(step, activatedAt: open.activatedAt)
            guard due != open.due else { continue }
            cancelTimers(of: stepID)
            emit(.stepRescheduled(step: stepID, due: due), by: .engine)
            var remaining = due
            if open.acknowledgedAt != nil { remaining.ack = nil }
            scheduleStepTimers(step, due: remaining, activatedAt: open.activatedAt)
        }
        handOverBySeverity(from: previous)
    }

    /// An open step whose owner depends on the severity passes to the new level's owner, unless an escalation
    /// has already given it to another role: the owner the old level named still has it.
    private mutating func handOverBySeverity(from previous: String?) {
        guard let level = state.severity else { return }
        for stepID in state.activeOrder {
            guard let step = index.steps[stepID], !step.ownersBySeverity.isEmpty, let open = state.active[stepID],
                open.owner == index.owner(of: step, severity: previous),
                let owner = index.owner(of: step, severity: level), owner != open.owner
            else { continue }
            let title = playbook.severity(level)?.title
            emit(.stepReassigned(step: stepID, to: owner, why: "the severity is now \(title?.text(.en) ?? level)",
                                 whyChinese: "级别改为\(title?.text(.zh) ?? level)",
                                 code: EngineMessage(.reassignedBySeverity, ["level": .text(level)])), by: .engine)
            notify([owner], "step '\(stepID)' (\(step.title.text(.en))) is now yours: the severity is now "
                       + (title?.text(.en) ?? level),
                   "步骤 '\(stepID)'（\(step.title.text(.zh))）现改由你负责：级别改为\(title?.text(.zh) ?? level)",
                   step: stepID, code: EngineMessage(.stepNowYours, ["step": .text(stepID), "level": .text(level)]))
        }
    }
}
