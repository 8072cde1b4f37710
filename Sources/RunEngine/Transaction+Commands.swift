import PlaybookLanguage

extension Transaction {
    /// The parts of the fault report a note can be filed under.
    static let noteSections = ["phenomenon", "impact", "cause", "handling", "prevention", "lesson"]

    /// Checks and carries out one command; throws a `Rejection` and emits nothing when it is refused.
    mutating func perform(_ command: Command) throws {
        guard state.start != nil else { throw Rejection("invalid", "the run has not started") }
        try checkStale(command)
        let person = command.person
        switch command.kind {
        case .note(let text, let section):
            try requireOnRun(person)
            if let section, !Self.noteSections.contains(section) {
                throw Rejection("invalid", "'\(section)' is not a report section; sections: "
                    + Self.noteSections.joined(separator: ", "))
            }
            emit(.note(text: text, section: section), by: actor(person))
        case .signoff:
            guard state.outcome != nil else {
                throw Rejection("invalid", "the run has not reached its outcome; sign the report once it has")
            }
            emit(.reportSigned(person: person), by: .person(person, role: nil))
        case .join(let role):
            guard playbook.role(role) != nil else {
                throw Rejection("invalid", "role '\(role)' is not defined in this playbook"
                    + suggestion(role, in: playbook.roles.map(\.id)))
            }
            if let holder = state.holders[role] {
                throw Rejection("invalid", holder == person ? "\(person) already holds '\(role)'"
                    : "'\(role)' is held by \(holder); ask for a handover instead")
            }
            emit(.personJoined(person: person, role: role), by: .person(person, role: role))
        case .handover(let role, let to):
            guard playbook.role(role) != nil else { throw Rejection("invalid", "role '\(role)' is not defined") }
            let holder = state.holders[role]
            guard holder == person || mayCommand(person) else {
                throw Rejection("wrong-role", "only the holder of '\(role)' or the commander may hand it over")
            }
            guard holder != to else { throw Rejection("invalid", "\(to) already holds '\(role)'") }
            emit(.handover(role: role, from: holder, to: to), by: actor(person))
        case .grade(let level, let why):
            guard playbook.severity(level) != nil else {
                throw Rejection("invalid", "severity level '\(level)' is not defined"
                    + suggestion(level, in: playbook.severities.map(\.id)))
            }
            guard state.severity == nil else {
                throw Rejection("invalid", "the run is already graded '\(state.severity!)'; use regrade to change it")
            }
            guard mayGrade(person) else {
                throw Rejection("wrong-role", "\(person) may not grade this run: the owner of the grading step does")
            }
            emit(.severityGraded(level: level, why: why), by: actor(person))
            severityChanged()
        case .regrade(let level, let why):
            guard playbook.severity(level) != nil else {
                throw Rejection("invalid", "severity level '\(level)' is not defined"
                    + suggestion(level, in: playbook.severities.map(\.id)))
            }
            guard let current = state.severity else { throw Rejection("invalid", "the run is not graded yet") }
            guard current != level else { throw Rejection("invalid", "the run is already graded '\(level)'") }
            guard mayCommand(person) else {
                throw Rejection("wrong-role", "only the commander (or a stand-in) may regrade the run")
            }
            emit(.severityRegraded(from: current, to: level, why: why), by: actor(person))
            severityChanged()
        case .abort(let why):
            guard state.outcome == nil else { throw Rejection("finished", "the run has already ended") }
            guard mayCommand(person) else {
                throw Rejection("wrong-role", "only the commander (or a stand-in) may abort the run")
            }
            emit(.runAborted(why: why), by: actor(person))
            let abortOutcome = playbook.outcomes.first { $0.kind == .aborted }?.id ?? "aborted"
            reachOutcome(abortOutcome, by: actor(person))
        case .signal(let name):
            try requireOnRun(person)
            emit(.signalReceived(name: name), by: actor(person))
            for stepID in state.activeOrder {
                // Completing one wait can cancel another (a join): only waits still open are ended.
                guard state.active[stepID] != nil, let step = index.steps[stepID], case .wait(let wait) = step.kind,
                    wait.signal == name
                else {
                    continue
                }
                complete(stepID, by: actor(person), goingTo: nil)
            }
        case .record(let fact, let value):
            try record(fact, value, person: person, step: nil)
        default:
            try performStepCommand(command)
        }
    }

    private mutating func performStepCommand(_ command: Command) throws {
        guard let stepID = command.kind.step else { return }
        let person = command.person
        guard let step = index.steps[stepID] else {
            throw Rejection("invalid", "step '\(stepID)' is not defined in this playbook"
                + suggestion(stepID, in: index.steps.keys.sorted()))
        }
        guard let open = state.active[stepID] else {
            let when = state.completedAt[stepID] == nil ? "" : " (it was done earlier)"
            throw Rejection("not-active", "step '\(stepID)' is not active\(when)"
                + (state.activeOrder.isEmpty ? "" : "; active: " + state.activeOrder.joined(separator: ", ")))
        }
        let role: String
        switch command.kind {
        case .approve, .deny:
            guard case .approve(let approval) = step.kind else {
                throw Rejection("invalid", "step '\(stepID)' is not an approval")
            }
            role = try actingRole(person, for: approval.approver.value, reassigned: false)
        default:
            role = try actingRole(person, for: open.owner, reassigned: open.reassigned)
        }
        let by = Actor.person(person, role: role)
        switch command.kind {
        case .acknowledge:
            guard open.acknowledgedAt == nil else { throw Rejection("invalid", "step '\(stepID)' is acknowledged already") }
            emit(.stepAcknowledged(step: stepID), by: by)
            cancelTimer(stepID, .ack)
            checkMilestones(step: stepID, event: "acknowledged")
        case .progress(_, let note):
            emit(.stepProgress(step: stepID, note: note), by: by)
        case .checkItem(_, let item):
            try tick(item, of: step, open: open, by: by)
        case .done(_, let items):
            switch step.kind {
            case .decide: throw Rejection("invalid", "step '\(stepID)' is a decision: use 'decide' with an option")
            case .approve: throw Rejection("invalid", "step '\(stepID)' is an approval: use 'approve' or 'deny'")
            case .parallel: throw Rejection("invalid", "step '\(stepID)' is done when its tracks join")
            case .action, .wait: break
            }
            for item in items where !(state.active[stepID]?.itemsDone.contains(item) ?? false) {
                try tick(item, of: step, open: open, by: by)
            }
            let missingItems = step.checklist.map(\.id).filter { !(state.active[stepID]?.itemsDone.contains($0) ?? false) }
            guard missingItems.isEmpty else {
                throw Rejection("invalid", "step '\(stepID)' has unticked checklist items: "
                    + missingItems.joined(separator: ", "))
            }
            let missingFacts = step.records.map(\.value).filter { state.facts[$0] == nil }
            guard missingFacts.isEmpty else {
                throw Rejection("invalid", "step '\(stepID)' needs these facts recorded first: "
                    + missingFacts.joined(separator: ", "))
            }
            if step.grades, state.severity == nil {
                throw Rejection("invalid", "step '\(stepID)' grades the run: use 'grade LEVEL' first")
            }
            if open.acknowledgedAt == nil {
                emit(.stepAcknowledged(step: stepID), by: by)
                checkMilestones(step: stepID, event: "acknowledged")
            }
            complete(stepID, by: by, goingTo: nil)
        case .decide(_, let optionID, let why):
            guard case .decide(let decision) = step.kind else {
                throw Rejection("invalid", "step '\(stepID)' is not a decision")
            }
            guard let option = decision.options.first(where: { $0.id == optionID }) else {
                throw Rejection("invalid", "'\(optionID)' is not an option of '\(stepID)'; options: "
                    + decision.options.map(\.id).joined(separator: ", "))
            }
            emit(.decisionMade(step: stepID, option: optionID, why: why), by: by)
            complete(stepID, by: by, goingTo: option.target.value)
        case .approve(_, let why), .deny(_, let why):
            guard case .approve(let approval) = step.kind else { return }
            let granted: Bool
            if case .approve = command.kind { granted = true } else { granted = false }
            emit(granted ? .approvalGranted(step: stepID, why: why) : .approvalDenied(step: stepID, why: why), by: by)
            complete(stepID, by: by, goingTo: granted ? approval.approved.value : approval.denied.value)
        default:
            break
        }
    }

    private mutating func tick(_ item: String, of step: Step, open: RunState.ActiveStep, by actor: Actor) throws {
        guard step.checklist.contains(where: { $0.id == item }) else {
            throw Rejection("invalid", "'\(item)' is not an item of '\(step.id)'"
                + (step.checklist.isEmpty ? "; it has no checklist" : "; items: "
                    + step.checklist.map(\.id).joined(separator: ", ")))
        }
        guard !(state.active[step.id]?.itemsDone.contains(item) ?? false) else {
            throw Rejection("invalid", "item '\(item)' of '\(step.id)' is ticked already")
        }
        emit(.checklistItemDone(step: step.id, item: item), by: actor)
    }

    mutating func record(_ factID: String, _ text: String, person: String, step: String?) throws {
        guard let fact = playbook.fact(factID) else {
            throw Rejection("invalid", "fact '\(factID)' is not defined" + suggestion(factID, in: playbook.facts.map(\.id)))
        }
        let value: FactValue
        switch FactValue.parse(text, for: fact) {
        case .success(let parsed): value = parsed
        case .failure(let error): throw Rejection("invalid", error.message)
        }
        // The fact is recorded in an open step that lists it, by someone who may act on that step.
        let candidates = state.activeOrder.filter { id in
            index.steps[id]?.records.contains { $0.value == factID } ?? false
        }
        guard !candidates.isEmpty else {
            throw Rejection("not-active", "no active step records '\(factID)'")
        }
        var lastError: Rejection?
        for candidate in candidates {
            guard let open = state.active[candidate] else { continue }
            do {
                let role = try actingRole(person, for: open.owner, reassigned: open.reassigned)
                emit(.factRecorded(fact: factID, value: value, step: candidate), by: .person(person, role: role))
                return
            } catch let rejection as Rejection {
                lastError = rejection
            }
        }
        throw lastError ?? Rejection("wrong-role", "\(person) may not record '\(factID)'")
    }

    // MARK: Who may act

    /// The role `person` acts in for a step owned by `owner`, or a `wrong-role` rejection.
    ///
    /// A person acts in a role they hold; or as a stand-in for a role whose holder is unassigned (following the
    /// stand-in chain); a step reassigned by an escalation belongs to its new role outright.
    func actingRole(_ person: String, for owner: String?, reassigned: Bool) throws -> String {
        guard let owner else { throw Rejection("invalid", "this step has no owner to act on it") }
        if state.holders[owner] == person { return owner }
        var role = owner
        var seen: Set<String> = [owner]
        while state.holders[role] == nil, let standIn = playbook.role(role)?.standIn?.value, seen.insert(standIn).inserted {
            if state.holders[standIn] == person { return standIn }
            role = standIn
        }
        let holder = state.holders[owner].map { " (held by \($0))" } ?? " (unassigned)"
        let held = state.holders.filter { $0.value == person }.map(\.key).sorted()
        throw Rejection("wrong-role", "\(person) may not act as '\(owner)'\(holder)"
            + (held.isEmpty ? "; \(person) holds no role on this run" : "; \(person) holds " + held.joined(separator: ", ")))
    }

    func mayCommand(_ person: String) -> Bool {
        guard let commanding = index.commandingRole else { return state.holders.values.contains(person) }
        return (try? actingRole(person, for: commanding, reassigned: false)) != nil
    }

    func mayGrade(_ person: String) -> Bool {
        if let grading = state.activeOrder.compactMap({ index.steps[$0] }).first(where: \.grades),
            let open = state.active[grading.id],
            (try? actingRole(person, for: open.owner, reassigned: open.reassigned)) != nil
        {
            return true
        }
        return mayCommand(person)
    }

    func requireOnRun(_ person: String) throws {
        guard state.holders.values.contains(person) else {
            throw Rejection("wrong-role", "\(person) is not on this run; join it first ('muster join RUN --role ROLE')")
        }
    }

    func actor(_ person: String) -> Actor {
        let roles = state.holders.filter { $0.value == person }.map(\.key).sorted()
        return .person(person, role: roles.first)
    }

    func checkStale(_ command: Command) throws {
        guard let expected = command.expectSeq else { return }
        let changed = command.kind.step.flatMap { state.stepChangedAt[$0] } ?? state.eventCount
        if changed > expected {
            throw Rejection("stale", "the run moved on since seq \(expected): "
                + (command.kind.step.map { "step '\($0)' changed at seq \(changed)" } ?? "it is at seq \(changed)")
                + "; look at 'muster status' and try again")
        }
    }

    func suggestion(_ name: String, in candidates: [String]) -> String {
        var best: (String, Int)?
        for candidate in candidates {
            let distance = editDistance(Array(name), Array(candidate))
            if best == nil || distance < best!.1 { best = (candidate, distance) }
        }
        guard let best, best.1 <= max(1, name.count / 3) else { return "" }
        return "; did you mean '\(best.0)'?"
    }

    private func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }

    mutating func cancelTimer(_ stepID: String, _ clock: StepClock) {
        for timer in state.dueTimers where timer.purpose == .step(stepID, clock) {
            emit(.timerCancelled(timer: timer.id), by: .engine)
        }
    }
}
