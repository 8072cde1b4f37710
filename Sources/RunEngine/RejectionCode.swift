extension Rejection {
    /// Every rule a command can meet, by the name the journal records (`code` of `command.rejected`).
    ///
    /// The names are part of the journal format: they never change, new ones are added. The comment on each names
    /// its parameters (`?` when it may be absent).
    public enum Code: String, Sendable, Hashable, CaseIterable {
        // The run
        /// No `run.started` yet.
        case notStarted = "not-started"
        /// The run is closed: only notes, corrections, titles, the sign-off and acknowledgements are taken.
        case runClosed = "run-closed"
        /// `stale`: the run (or `step?`) changed at `changed`, after the `seen` the person acted on.
        case stale
        /// An unexpected failure inside the engine: `error`.
        case unexpected

        // People and roles
        /// `person` is not on the run.
        case notOnRun = "not-on-run"
        /// `person` may not act as `role` (held by `holder?`, else unassigned); `person` holds `held` (a list).
        case notYourRole = "not-your-role"
        /// The step has no owner to act on it.
        case stepWithoutOwner = "step-without-owner"
        /// `role` is not a role of the playbook; `suggestion?` is close to it.
        case roleUndefined = "role-undefined"
        /// `person` holds `role` already.
        case roleHeldAlready = "role-held-already"
        /// `role` is held by `holder`: a handover, not a join.
        case roleHeldByOther = "role-held-by-other"
        /// Only the holder of `role` or the commander hands it over.
        case handoverNotAllowed = "handover-not-allowed"
        /// `recorder` holds no role on the run and records for nobody.
        case recorderNotOnRun = "recorder-not-on-run"
        /// `command` is only ever one's own: `recorder` cannot give it for `person`.
        case onlyOnesOwn = "only-ones-own"

        // What people type
        /// A person's name is empty.
        case nameEmpty = "name-empty"
        /// A person's name has `count` characters, more than `limit`.
        case nameTooLong = "name-too-long"
        /// A person's name holds the control or formatting character `character` (`U+XXXX`).
        case nameHiddenCharacter = "name-hidden-character"
        /// A person's name starts with `-`.
        case nameDashFirst = "name-dash-first"
        /// A person's name starts or ends with a space.
        case nameSpaceAtEdge = "name-space-at-edge"
        /// A free text (`field`: `progress-note`, `note`, `reason`, `value`) has `count` characters, more than `limit`.
        case textTooLong = "text-too-long"
        /// A free text (`field`) holds the control character `character`.
        case textControlCharacter = "text-control-character"

        // Notes, titles, notifications, sign-off
        /// `section` is not a report section; `sections` lists them.
        case notASection = "not-a-section"
        /// The title is empty.
        case titleEmpty = "title-empty"
        /// The run has this title already.
        case titleUnchanged = "title-unchanged"
        /// No notification `notification` went to `person` on this run.
        case notificationNotSent = "notification-not-sent"
        /// `person` has acknowledged `notification` already.
        case notificationAcknowledgedAlready = "notification-acknowledged-already"
        /// The report is signed once the run has reached its outcome.
        case outcomeNotReached = "outcome-not-reached"

        // Severity
        /// `level` is not a severity level; `suggestion?`.
        case levelUndefined = "level-undefined"
        /// The run is graded `level` already: regrade changes it.
        case gradedAlready = "graded-already"
        /// `person` may not grade the run: the owner of the grading step does.
        case gradeNotAllowed = "grade-not-allowed"
        /// The run is not graded yet.
        case notGraded = "not-graded"
        /// The run is graded `level` already (a regrade to the same level).
        case regradeToSameLevel = "regrade-to-same-level"
        /// Only the commander (or a stand-in) regrades.
        case regradeNotAllowed = "regrade-not-allowed"

        // The end
        /// The run has ended already.
        case runEnded = "run-ended"
        /// Only the commander (or a stand-in) aborts.
        case abortNotAllowed = "abort-not-allowed"

        // At-any-time chains and standing instructions
        /// `chain` is not an at-any-time chain; `suggestion?`, else `chains` lists them (maybe none).
        case chainUndefined = "chain-undefined"
        /// The run has reached its outcome: `chain` is raised no more.
        case chainAfterOutcome = "chain-after-outcome"
        /// `chain` is running already; `active` lists its open steps.
        case chainRunning = "chain-running"
        /// `person` may not raise `chain`: `roles` (or their stand-ins) do.
        case chainNotAllowed = "chain-not-allowed"
        /// `instruction` is not a standing instruction; `suggestion?`.
        case instructionUndefined = "instruction-undefined"
        /// `instruction` does not stand now; `standing` lists those that do.
        case instructionNotStanding = "instruction-not-standing"

        // Steps
        /// `step` is not a step of the playbook; `suggestion?`.
        case stepUndefined = "step-undefined"
        /// `step` is not active; `active` lists the open steps.
        case stepNotActive = "step-not-active"
        /// `step` is not active: it was done earlier; `active` lists the open steps.
        case stepDoneEarlier = "step-done-earlier"
        /// `step` is not an approval.
        case stepNotApproval = "step-not-approval"
        /// `step` is not a decision.
        case stepNotDecision = "step-not-decision"
        /// `step` is a decision: finished with `decide`.
        case stepIsDecision = "step-is-decision"
        /// `step` is an approval: finished with `approve` or `deny`.
        case stepIsApproval = "step-is-approval"
        /// `step` is parallel: done when its tracks join.
        case stepIsParallel = "step-is-parallel"
        /// `step` is acknowledged already.
        case stepAcknowledgedAlready = "step-acknowledged-already"
        /// `step` has unticked checklist items `items`.
        case itemsUnticked = "items-unticked"
        /// `step` needs the facts `facts` recorded first.
        case factsMissing = "facts-missing"
        /// `step` grades the run: grade it first.
        case gradeFirst = "grade-first"
        /// `option` is not an option of `step`; `options` lists them.
        case optionUndefined = "option-undefined"
        /// `person` holds `owner`, which asks for the approval, and may not decide on it: another holder of
        /// `approver` does.
        case approvalByAsker = "approval-by-asker"
        /// `person` has signed `step` already as `role`: another holder of `other` signs it.
        case signedAlreadyByPerson = "signed-already-by-person"
        /// `step` is signed already.
        case signedAlready = "signed-already"
        /// `item` is not a checklist item of `step`; `items` lists them (maybe none).
        case itemUndefined = "item-undefined"
        /// `item` of `step` is ticked already.
        case itemTickedAlready = "item-ticked-already"

        // Facts
        /// `fact` is not a fact of the playbook; `suggestion?`.
        case factUndefined = "fact-undefined"
        /// `value` is not one of `values`, the values of the choice `fact`.
        case valueNotAChoice = "value-not-a-choice"
        /// `value` is not a decimal number, which `fact` takes.
        case valueNotANumber = "value-not-a-number"
        /// `value` is not yes or no, which `fact` takes.
        case valueNotAFlag = "value-not-a-flag"
        /// No active step records `fact`.
        case noStepRecords = "no-step-records"
        /// `person` may not record `fact`.
        case recordNotAllowed = "record-not-allowed"
        /// `fact` has not been recorded yet: it is recorded, not corrected.
        case factNotRecorded = "fact-not-recorded"
        /// A correction needs its reason.
        case correctionWithoutReason = "correction-without-reason"
        /// `fact` is `value` already.
        case valueUnchanged = "value-unchanged"
        /// Only the commander (or a stand-in) or the owner of a step that records `fact` corrects it.
        case correctionNotAllowed = "correction-not-allowed"

        // A drill's exercise staff (controllers and evaluators)
        /// `person` is neither a controller nor an evaluator of the drill.
        case notOnStaff = "not-on-staff"
        /// `person` is not a controller of the drill.
        case notAController = "not-a-controller"
        /// `person` is not an evaluator of the drill.
        case notAnEvaluator = "not-an-evaluator"
        /// `objective` is not an objective of the drill; `objectives` lists them.
        case objectiveUndefined = "objective-undefined"
        /// An observation has no text.
        case observationEmpty = "observation-empty"
        /// `rating` is not one of `ratings`.
        case ratingUndefined = "rating-undefined"
        /// A rating needs its written justification.
        case ratingWithoutJustification = "rating-without-justification"
        /// `inject` is not an inject of the drill.
        case injectUndefined = "inject-undefined"
        /// `inject` was delivered or cancelled already.
        case injectDoneAlready = "inject-done-already"
        /// An ad hoc inject needs a role of the playbook and a text.
        case adHocInjectIncomplete = "ad-hoc-inject-incomplete"
        /// The exercise is marked `mark` already.
        case markedAlready = "marked-already"
        /// Play is paused already.
        case pausedAlready = "paused-already"
        /// Play is not paused.
        case notPaused = "not-paused"
        /// No scripted player of the drill acts for `role`; `roles` lists the roles scripted.
        case roleNotScripted = "role-not-scripted"
        /// `role` is played by the scripted players already.
        case roleScriptedAlready = "role-scripted-already"
        /// `role` is not played by the scripted players now (so it cannot be handed back); `roles` lists those that are.
        case roleNotScriptedNow = "role-not-scripted-now"
        /// An unattended drill is all scripted.
        case unattendedAllScripted = "unattended-all-scripted"
        /// An improvement action needs its action and its owner.
        case improvementIncomplete = "improvement-incomplete"
        /// `status` is not one of `statuses`.
        case statusUndefined = "status-undefined"

        /// The class of refusal this code belongs to (what `--format json` calls `reason`).
        public var reason: String {
            switch self {
            case .notOnRun, .notYourRole, .handoverNotAllowed, .recorderNotOnRun, .gradeNotAllowed, .regradeNotAllowed,
                .abortNotAllowed, .chainNotAllowed, .recordNotAllowed, .correctionNotAllowed, .notOnStaff, .notAController,
                .notAnEvaluator:
                "wrong-role"
            case .instructionNotStanding, .stepNotActive, .stepDoneEarlier, .noStepRecords: "not-active"
            case .stale: "stale"
            case .runEnded, .chainAfterOutcome: "finished"
            case .runClosed: "closed"
            case .approvalByAsker, .signedAlreadyByPerson: "separation-of-duties"
            default: "invalid"
            }
        }
    }
}
