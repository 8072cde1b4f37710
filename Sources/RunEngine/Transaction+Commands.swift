import Diagnostics
import PlaybookLanguage

extension Transaction {
    /// The parts of the fault report a note can be filed under.
    static let noteSections = ["phenomenon", "impact", "cause", "handling", "prevention", "lesson"]

    /// Checks and carries out one command; throws a `Rejection` and emits nothing when it is refused.
    mutating func perform(_ command: Command) throws {
        guard state.start != nil else { throw Rejection(.notStarted) }
        // A closed run is a record: it takes a note, the user's signature and the acknowledgement of a page.
        if state.closed {
            switch command.kind {
            case .note, .signoff, .received, .correct, .retitle: break
            default:
                throw Rejection(.runClosed)
            }
        }
        try checkStale(command)
        try checkEnteredText(command)
        try checkRecorder(command)
        recordedBy = command.recordedBy == command.person ? nil : command.recordedBy
        let person = command.person
        switch command.kind {
        case .note(let text, let section):
            try requireOnRun(person)
            if let section, !Self.noteSections.contains(section) {
                throw Rejection(.notASection, ["section": .text(section), "sections": .list(Self.noteSections)])
            }
            emit(.note(text: text, section: section), by: actor(person))
        case .retitle(let title):
            try requireOnRun(person)
            guard !title.allSatisfy(\.isWhitespace) else {
                throw Rejection(.titleEmpty)
            }
            guard title != state.start?.title else {
                throw Rejection(.titleUnchanged)
            }
            emit(.runTitled(title: title), by: actor(person))
        case .received(let id):
            // Allowed after the outcome too: a page is acknowledged whenever it is read.
            let mine = state.outbox.deliveries.filter { $0.notification == id && $0.recipient == person }
            guard !mine.isEmpty else {
                throw Rejection(.notificationNotSent, ["notification": .text(id), "person": .text(person)])
            }
            guard !mine.contains(where: { if case .acknowledged = $0.status { true } else { false } }) else {
                throw Rejection(.notificationAcknowledgedAlready, ["notification": .text(id), "person": .text(person)])
            }
            emit(.notificationAcknowledged(id: id, by: person), by: .person(person, role: nil))
        case .signoff:
            guard state.outcome != nil else {
                throw Rejection(.outcomeNotReached)
            }
            emit(.reportSigned(person: person), by: .person(person, role: nil))
        case .join(let role):
            guard playbook.role(role) != nil else {
                throw Rejection(.roleUndefined, ["role": .text(role), "suggestion": suggestion(role, in: playbook.roles.map(\.id))])
            }
            if let holder = state.holders[role] {
                throw holder == person
                    ? Rejection(.roleHeldAlready, ["person": .text(person), "role": .text(role)])
                    : Rejection(.roleHeldByOther, ["role": .text(role), "holder": .text(holder)])
            }
            emit(.personJoined(person: person, role: role), by: .person(person, role: role))
        case .handover(let role, let to):
            guard playbook.role(role) != nil else {
                throw Rejection(.roleUndefined, ["role": .text(role), "suggestion": suggestion(role, in: playbook.roles.map(\.id))])
            }
            let holder = state.holders[role]
            guard holder == person || mayCommand(person) else {
                throw Rejection(.handoverNotAllowed, ["role": .text(role)])
            }
            guard holder != to else {
                throw Rejection(.roleHeldAlready, ["person": .text(to), "role": .text(role)])
            }
            emit(.handover(role: role, from: holder, to: to), by: actor(person))
        case .grade(let named, let why):
            let level = playbook.severityID(named: named) ?? named
            try requireSeverityLevel(level)
            if let graded = state.severity {
                throw Rejection(.gradedAlready, ["level": .text(graded)])
            }
            guard mayGrade(person) else {
                throw Rejection(.gradeNotAllowed, ["person": .text(person)])
            }
            emit(.severityGraded(level: level, why: why), by: actor(person))
            severityChanged()
        case .regrade(let named, let why):
            let level = playbook.severityID(named: named) ?? named
            try requireSeverityLevel(level)
            guard let current = state.severity else {
                throw Rejection(.notGraded)
            }
            guard current != level else {
                throw Rejection(.regradeToSameLevel, ["level": .text(level)])
            }
            guard mayCommand(person) else {
                throw Rejection(.regradeNotAllowed)
            }
            emit(.severityRegraded(from: current, to: level, why: why), by: actor(person))
            severityChanged(from: current)
        case .abort(let why):
            guard state.outcome == nil else {
                throw Rejection(.runEnded)
            }
            guard mayCommand(person) else {
                throw Rejection(.abortNotAllowed)
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
        case .correct(let fact, let value, let why):
            try correct(fact, value, why: why, person: person)
        case .raise(let chainID, let why):
            try raise(chainID, why: why, person: person)
        case .release(let id, let why):
            try release(id, why: why, person: person)
        default:
            try performStepCommand(command)
        }
    }

    /// Starts an at-any-time chain for `person`, who must hold (or stand in for) one of the roles that may raise it.
    private mutating func raise(_ chainID: String, why: String?, person: String) throws {
        guard let chain = playbook.anyTimeChain(chainID) else {
            let chains = playbook.anyTime.map(\.id)
            throw Rejection(.chainUndefined, ["chain": .text(chainID), "suggestion": suggestion(chainID, in: chains),
                                              "chains": .list(chains)])
        }
        guard state.outcome == nil else {
            throw Rejection(.chainAfterOutcome, ["chain": .text(chainID)])
        }
        guard !state.raisedChains.contains(chainID) else {
            throw Rejection(.chainRunning, ["chain": .text(chainID),
                                            "active": .list(state.activeOrder.filter { index.chains[$0] == chainID })])
        }
        let roles = chain.by.map(\.value)
        let acting = roles.compactMap { role in try? actingRole(person, for: role, reassigned: false) }
        guard let role = acting.first else {
            throw Rejection(.chainNotAllowed, ["person": .text(person), "chain": .text(chainID), "roles": .list(roles)])
        }
        emit(.chainRaised(chain: chainID, why: why), by: .person(person, role: role))
        activate(chain.start.value)
    }

    /// Releases a standing instruction for `person`, who must hold (or stand in for) the role that releases it.
    private mutating func release(_ id: String, why: String?, person: String) throws {
        guard let instruction = playbook.standingInstruction(id) else {
            let all = playbook.allSteps.flatMap(\.standing).map(\.id)
            throw Rejection(.instructionUndefined, ["instruction": .text(id), "suggestion": suggestion(id, in: all)])
        }
        guard state.standing.contains(id) else {
            throw Rejection(.instructionNotStanding, ["instruction": .text(id), "standing": .list(state.standing)])
        }
        let role = try actingRole(person, for: instruction.releasedBy.value, reassigned: false)
        emit(.instructionReleased(instruction: id, why: why), by: .person(person, role: role))
        closeIfDone()
    }

    private mutating func performStepCommand(_ command: Command) throws {
        guard let stepID = command.kind.step else { return }
        let person = command.person
        guard let step = index.steps[stepID] else {
            throw Rejection(.stepUndefined, ["step": .text(stepID), "suggestion": suggestion(stepID, in: index.steps.keys.sorted())])
        }
        guard let open = state.active[stepID] else {
            throw Rejection(state.completedAt[stepID] != nil ? .stepDoneEarlier : .stepNotActive,
                            ["step": .text(stepID), "active": .list(state.activeOrder)])
        }
        let role: String
        switch command.kind {
        case .approve, .deny:
            guard case .approve(let approval) = step.kind else {
                throw Rejection(.stepNotApproval, ["step": .text(stepID)])
            }
            role = try actingRole(person, for: approval.approver.value, reassigned: false)
            // Four eyes are two people: whoever holds the step's own role (who asks) does not decide on it, whatever
            // other roles they hold or took on.
            if let owner = open.owner, state.holders[owner] == person {
                throw Rejection(.approvalByAsker, ["person": .text(person), "owner": .text(owner),
                                                   "approver": .text(approval.approver.value)])
            }
        case .done where step.togetherWith != nil:
            role = try signingRole(person, step: step, open: open)
        default:
            role = try actingRole(person, for: open.owner, reassigned: open.reassigned)
        }
        let by = Actor.person(person, role: role)
        switch command.kind {
        case .acknowledge:
            guard open.acknowledgedAt == nil else {
                throw Rejection(.stepAcknowledgedAlready, ["step": .text(stepID)])
            }
            emit(.stepAcknowledged(step: stepID), by: by)
            cancelTimer(stepID, .ack)
            checkMilestones(step: stepID, event: "acknowledged")
        case .progress(_, let note):
            emit(.stepProgress(step: stepID, note: note), by: by)
        case .checkItems(_, let items):
            for item in items { try tick(item, of: step, open: state.active[stepID] ?? open, by: by) }
        case .done(_, let items):
            switch step.kind {
            case .decide:
                throw Rejection(.stepIsDecision, ["step": .text(stepID)])
            case .approve:
                throw Rejection(.stepIsApproval, ["step": .text(stepID)])
            case .parallel:
                throw Rejection(.stepIsParallel, ["step": .text(stepID)])
            case .action, .wait: break
            }
            for item in items where !(state.active[stepID]?.itemsDone.contains(item) ?? false) {
                try tick(item, of: step, open: open, by: by)
            }
            let missingItems = step.checklist.map(\.id).filter { !(state.active[stepID]?.itemsDone.contains($0) ?? false) }
            guard missingItems.isEmpty else {
                throw Rejection(.itemsUnticked, ["step": .text(stepID), "items": .list(missingItems)])
            }
            let missingFacts = state.needsRecording(step.records.map(\.value), step: stepID)
            guard missingFacts.isEmpty else {
                throw Rejection(.factsMissing, ["step": .text(stepID), "facts": .list(missingFacts)])
            }
            if step.grades, state.severity == nil {
                throw Rejection(.gradeFirst, ["step": .text(stepID)])
            }
            if open.acknowledgedAt == nil {
                emit(.stepAcknowledged(step: stepID), by: by)
                checkMilestones(step: stepID, event: "acknowledged")
            }
            if step.togetherWith != nil {
                // Signed together: each role's signature is journaled; the second one completes the step.
                emit(.stepSigned(step: stepID, role: role), by: by)
                guard (state.active[stepID]?.signatures.count ?? 0) >= 2 else { return }
            }
            complete(stepID, by: by, goingTo: nil)
        case .decide(_, let optionID, let why):
            guard case .decide(let decision) = step.kind else {
                throw Rejection(.stepNotDecision, ["step": .text(stepID)])
            }
            guard let option = decision.options.first(where: { $0.id == optionID }) else {
                throw Rejection(.optionUndefined, ["option": .text(optionID), "step": .text(stepID),
                                                   "options": .list(decision.options.map(\.id))])
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

    /// The role `person` signs a step signed together in: the owner's or the other role, whichever they may act in
    /// and is not signed yet. One person never signs twice, whatever roles they hold.
    private func signingRole(_ person: String, step: Step, open: RunState.ActiveStep) throws -> String {
        if let signed = open.signatures.first(where: { $0.value == person }) {
            let other = [open.owner, step.togetherWith?.value].compactMap { $0 }.first { $0 != signed.key } ?? "-"
            throw Rejection(.signedAlreadyByPerson, ["person": .text(person), "step": .text(step.id),
                                                     "role": .text(signed.key), "other": .text(other)])
        }
        let unsigned = [(open.owner, open.reassigned), (step.togetherWith?.value, false)]
            .compactMap { role, reassigned in role.map { ($0, reassigned) } }
            .filter { open.signatures[$0.0] == nil }
        var refusal: Rejection?
        for (role, reassigned) in unsigned {
            do {
                _ = try actingRole(person, for: role, reassigned: reassigned)
                return role
            } catch let rejection as Rejection {
                refusal = refusal ?? rejection
            }
        }
        throw refusal ?? Rejection(.signedAlready, ["step": .text(step.id)])
    }

    private mutating func tick(_ item: String, of step: Step, open: RunState.ActiveStep, by actor: Actor) throws {
        guard step.checklist.contains(where: { $0.id == item }) else {
            throw Rejection(.itemUndefined, ["item": .text(item), "step": .text(step.id),
                                             "items": .list(step.checklist.map(\.id))])
        }
        guard !(state.active[step.id]?.itemsDone.contains(item) ?? false) else {
            throw Rejection(.itemTickedAlready, ["item": .text(item), "step": .text(step.id)])
        }
        emit(.checklistItemDone(step: step.id, item: item), by: actor)
    }

    mutating func record(_ factID: String, _ text: String, person: String, step: String?) throws {
        guard let fact = playbook.fact(factID) else {
            throw Rejection(.factUndefined, ["fact": .text(factID), "suggestion": suggestion(factID, in: playbook.facts.map(\.id))])
        }
        let value = try Self.value(text, for: fact)
        // The fact is recorded in an open step that lists it, by someone who may act on that step.
        let candidates = state.activeOrder.filter { id in
            index.steps[id]?.records.contains { $0.value == factID } ?? false
        }
        guard !candidates.isEmpty else {
            throw Rejection(.noStepRecords, ["fact": .text(factID)])
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
        throw lastError ?? Rejection(.recordNotAllowed, ["person": .text(person), "fact": .text(factID)])
    }

    /// `text` read as a value of `fact`, or the refusal that says why it does not fit.
    static func value(_ text: String, for fact: Fact) throws -> FactValue {
        if case .success(let value) = FactValue.parse(text, for: fact) { return value }
        let parameters: [String: Rejection.Value?] = ["fact": .text(fact.id), "value": .text(text)]
        switch fact.kind {
        case .choice(let values):
            throw Rejection(.valueNotAChoice, parameters.merging(["values": .list(values)]) { $1 })
        case .number: throw Rejection(.valueNotANumber, parameters)
        case .flag, .text: throw Rejection(.valueNotAFlag, parameters)
        }
    }

    /// Refuses a severity level the playbook does not define.
    func requireSeverityLevel(_ level: String) throws {
        guard playbook.severity(level) == nil else { return }
        throw Rejection(.levelUndefined, ["level": .text(level), "suggestion": suggestion(level, in: playbook.severities.map(\.id))])
    }

    // MARK: Who may act

    /// The role `person` acts in for a step owned by `owner`, or a `wrong-role` rejection.
    ///
    /// A person acts in a role they hold; or as a stand-in for a role whose holder is unassigned (following the
    /// stand-in chain); a step reassigned by an escalation belongs to its new role outright.
    func actingRole(_ person: String, for owner: String?, reassigned: Bool) throws -> String {
        guard let owner else {
            throw Rejection(.stepWithoutOwner)
        }
        if state.holders[owner] == person { return owner }
        var role = owner
        var seen: Set<String> = [owner]
        while state.holders[role] == nil, let standIn = playbook.role(role)?.standIn?.value, seen.insert(standIn).inserted {
            if state.holders[standIn] == person { return standIn }
            role = standIn
        }
        let holder = state.holders[owner]
        let held = state.holders.filter { $0.value == person }.map(\.key).sorted()
        throw Rejection(.notYourRole, ["person": .text(person), "role": .text(owner), "holder": holder.map { .text($0) },
                                       "held": .list(held)])
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
            throw Rejection(.notOnRun, ["person": .text(person)])
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
            throw Rejection(.stale, ["seen": .number(expected), "changed": .number(changed),
                                     "step": command.kind.step.map { .text($0) }])
        }
    }

    /// The candidate close enough to an unknown `name` to be what was meant, as a refusal's `suggestion`.
    func suggestion(_ name: String, in candidates: [String]) -> Rejection.Value? {
        NameSuggestion.closest(to: name, in: candidates).map { .text($0) }
    }

    mutating func cancelTimer(_ stepID: String, _ clock: StepClock) {
        for timer in state.dueTimers where timer.purpose == .step(stepID, clock) {
            emit(.timerCancelled(timer: timer.id), by: .engine)
        }
    }
}
