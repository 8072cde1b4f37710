public import Drills
import Journaling
import PlaybookLanguage
import Reporting
public import RunEngine

extension RunSession {
    /// What a member of a drill's exercise staff asks for.
    public enum StaffAction: Sendable {
        /// An evaluator's observation of an objective (or of the exercise, `objective` nil).
        case observe(objective: String?, kind: ExerciseRecord.ObservationKind, text: String)
        /// An evaluator's rating of an objective, with the written justification.
        case rate(objective: String, rating: String, why: String)
        /// A controller sends a scenario inject now (`id`), or an ad hoc one (`text` to `role`).
        case inject(id: String?, role: String?, text: String?)
        /// A controller cancels an inject not yet delivered.
        case cancel(id: String, why: String?)
        /// A controller marks the exercise.
        case mark(ExerciseRecord.Mark)
        /// A controller hands a role to the scenario's scripted players (nobody plays it any more).
        case script(role: String)
        /// A controller hands a role back from the scripted players to a person, who plays it from now on.
        case unscript(role: String, person: String)
        /// A controller or evaluator sets the improvement action for an objective.
        case improve(objective: String, action: String, owner: String, dueAt: Int64, status: String)

        var name: String {
            switch self {
            case .observe: "drill observe"
            case .rate: "drill rate"
            case .inject: "drill inject"
            case .cancel: "drill cancel"
            case .mark: "drill mark"
            case .script: "drill script"
            case .unscript: "drill unscript"
            case .improve: "drill improve"
            }
        }
    }

    /// What a staff action did: the events appended, or why it was refused (the refusal is journaled too).
    public struct StaffOutcome: Sendable {
        public var appended: [Event]
        public var refusal: RunFailure?
        public var plan: DrillPlan
    }

    /// The improvement plan's statuses.
    public static let improvementStatuses = ["open", "in_progress", "done"]

    /// Journals a staff action of `person` on a drill, at the drill's own instant, after checking that the person
    /// is on the staff the scenario declares (controllers send, cancel and mark; evaluators observe and rate; both
    /// set improvement actions) and that what they name exists. A refusal is journaled as `command.rejected`.
    ///
    /// - Throws: `RunFailure` when the run is not a drill or its journal cannot be written.
    public func staff(_ action: StaffAction, by person: String) throws(RunFailure) -> StaffOutcome {
        try transaction { contents in
            let playbook = try pinnedPlaybook(contents.playbook)
            guard let plan = try drillPlan(playbook: playbook, events: contents.events) else {
                throw RunFailure("run '\(runID)' is not a drill", chinese: "运行 '\(runID)' 不是演练")
            }
            let state = RunState.fold(contents.events)
            let now = Self.runTime(state, realNow: self.now)
            let at = max(now, state.lastEventAt)
            let (events, rejection) = Self.decide(action, by: person, plan: plan, events: contents.events,
                                                  state: state, at: at)
            var appended = events
            var refusal: RunFailure?
            if let rejection {
                appended = [Event(at: at, actor: .person(person, role: nil), kind: .commandRejected(
                    command: action.name, refusal: .coded(rejection)))]
                refusal = RunFailure(RefusalWords.recorded(.coded(rejection), .en),
                                     chinese: RefusalWords.recorded(.coded(rejection), .zh))
            }
            appended = stampingRealTime(appended, state: state)
            return (StaffOutcome(appended: appended, refusal: refusal, plan: plan), appended)
        }.decision
    }

    /// The events of a staff action, or why it is refused (a code with its parameters, journaled as such).
    static func decide(_ action: StaffAction, by person: String, plan: DrillPlan, events: [Event], state: RunState,
                       at: Int64) -> ([Event], Rejection?)
    {
        let staff = plan.scenario.staff
        let isController = staff.controllers.contains(person)
        let isEvaluator = staff.evaluators.contains(person)
        func refuse(_ code: Rejection.Code, _ parameters: [String: Rejection.Value?] = [:]) -> ([Event], Rejection?) {
            ([], Rejection(code, parameters))
        }
        let controllerOnly: Bool
        switch action {
        case .observe, .rate: controllerOnly = false
        case .inject, .cancel, .mark, .script, .unscript: controllerOnly = true
        case .improve:
            if !isController && !isEvaluator {
                return refuse(.notOnStaff, ["person": .text(person)])
            }
            controllerOnly = false
        }
        if controllerOnly, !isController {
            return refuse(.notAController, ["person": .text(person)])
        }
        if case .observe = action, !isEvaluator {
            return refuse(.notAnEvaluator, ["person": .text(person)])
        }
        if case .rate = action, !isEvaluator {
            return refuse(.notAnEvaluator, ["person": .text(person)])
        }
        let objectives = plan.scenario.objectives.map(\.id)
        func unknownObjective(_ id: String) -> ([Event], Rejection?)? {
            objectives.contains(id) ? nil
                : refuse(.objectiveUndefined, ["objective": .text(id), "objectives": .list(objectives)])
        }
        let actor = Actor.person(person, role: isController && controllerOnly ? "controller" : "evaluator")
        let moments = DrillPlan.Moments(events)
        switch action {
        case .observe(let objective, let kind, let text):
            if let objective, let refusal = unknownObjective(objective) { return refusal }
            guard !text.isEmpty else { return refuse(.observationEmpty) }
            return ([Event(at: at, actor: actor, kind: .exercise(.observation(objective: objective, kind: kind, text: text)))], nil)
        case .rate(let objective, let rating, let why):
            if let refusal = unknownObjective(objective) { return refusal }
            guard DrillEvaluation.Rating(rawValue: rating) != nil else {
                return refuse(.ratingUndefined, ["rating": .text(rating),
                                                 "ratings": .list(DrillEvaluation.Rating.allCases.map(\.rawValue))])
            }
            guard !why.isEmpty else {
                return refuse(.ratingWithoutJustification)
            }
            return ([Event(at: at, actor: actor, kind: .exercise(.rating(objective: objective, rating: rating, why: why)))], nil)
        case .inject(let id, let role, let text):
            var delivery: DrillPlan.Delivery
            if let id {
                guard let inject = plan.scenario.injects.first(where: { $0.id == id }) else {
                    return refuse(.injectUndefined, ["inject": .text(id)])
                }
                guard moments.delivered[id] == nil, !moments.cancelled.contains(id) else {
                    return refuse(.injectDoneAlready, ["inject": .text(id)])
                }
                delivery = DrillPlan.Delivery(at: at, id: id, role: inject.to, message: plan.text(inject.message),
                                              roles: inject.roles, from: inject.from, via: inject.via)
            } else {
                guard let text, !text.isEmpty, let role, plan.playbook.role(role) != nil else {
                    return refuse(.adHocInjectIncomplete)
                }
                let count = moments.delivered.keys.filter { $0.hasPrefix("adhoc-") }.count
                delivery = DrillPlan.Delivery(at: at, id: "adhoc-\(count + 1)", role: role, message: text, roles: [role])
            }
            var produced = plan.announced(delivery, state: state)
            produced[0].actor = actor
            return (produced, nil)
        case .cancel(let id, let why):
            let known = plan.scenario.injects.flatMap { [$0.id] + ($0.contingency.map { [$0.id] } ?? []) }
            guard known.contains(id) else { return refuse(.injectUndefined, ["inject": .text(id)]) }
            guard moments.delivered[id] == nil, !moments.cancelled.contains(id) else {
                return refuse(.injectDoneAlready, ["inject": .text(id)])
            }
            return ([Event(at: at, actor: actor, kind: .exercise(.injectCancelled(id: id, why: why)))], nil)
        case .mark(let mark):
            let marks: [ExerciseRecord.Mark] = events.compactMap { event in
                if case .exercise(.mark(let mark)) = event.kind { return mark }
                return nil
            }
            switch mark {
            case .startex where marks.contains(.startex), .endex where marks.contains(.endex):
                return refuse(.markedAlready, ["mark": .text(mark.rawValue)])
            case .pause where moments.paused:
                return refuse(.pausedAlready)
            case .resume where !moments.paused:
                return refuse(.notPaused)
            default:
                break
            }
            var produced = [Event(at: at, actor: actor, kind: .exercise(.mark(mark)))]
            if mark == .resume {
                // What fell due while play was paused is delivered now.
                produced += plan.deliveries(events + produced, upTo: at)
            }
            return (produced, nil)
        case .script(let role):
            let scriptedByScenario = Set(plan.scenario.players.map(\.role))
            guard scriptedByScenario.contains(role) else {
                return refuse(.roleNotScripted, ["role": .text(role), "roles": .list(scriptedByScenario.sorted())])
            }
            guard moments.scripted[role] == nil else {
                return refuse(.roleScriptedAlready, ["role": .text(role)])
            }
            guard state.start?.unattended != true else {
                return refuse(.unattendedAllScripted)
            }
            var produced = [Event(at: at, actor: actor, kind: .exercise(.scripted(role: role)))]
            if state.holders[role] == nil {
                // The scripted player acts under the scenario's name for the role, as in an unattended run.
                let standIn = plan.scenario.participants[role] ?? role
                produced.append(Event(at: at, actor: .person(standIn, role: role),
                                      kind: .personJoined(person: standIn, role: role)))
            }
            // What the role's scripted player does from this instant on is played now.
            produced += plan.catchUp(events + produced, to: at, firingAtTarget: false) ?? []
            return (produced, nil)
        case .unscript(let role, let player):
            guard moments.scripted[role] != nil else {
                return refuse(.roleNotScriptedNow, ["role": .text(role), "roles": .list(moments.scripted.keys.sorted())])
            }
            guard state.start?.unattended != true else {
                return refuse(.unattendedAllScripted)
            }
            if let issue = EnteredText.nameIssue(player) {
                return ([], Rejection(issue))
            }
            // From this instant the role's scripted player does nothing more; the person holds the role.
            return ([Event(at: at, actor: actor, kind: .exercise(.unscripted(role: role))),
                     Event(at: at, actor: .person(player, role: role), kind: .personJoined(person: player, role: role))],
                    nil)
        case .improve(let objective, let action, let owner, let dueAt, let status):
            if let refusal = unknownObjective(objective) { return refusal }
            guard !action.isEmpty, !owner.isEmpty else {
                return refuse(.improvementIncomplete)
            }
            guard improvementStatuses.contains(status) else {
                return refuse(.statusUndefined, ["status": .text(status), "statuses": .list(improvementStatuses)])
            }
            return ([Event(at: at, actor: .person(person, role: isController ? "controller" : "evaluator"),
                           kind: .exercise(.improvement(objective: objective, action: action, owner: owner,
                                                        dueAt: dueAt, status: status)))], nil)
        }
    }
}
