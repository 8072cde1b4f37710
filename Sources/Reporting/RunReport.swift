public import PlaybookLanguage
public import RunEngine

/// One journal line as a report reads it: the event with its sequence number and run-relative time.
public struct JournalEntry: Sendable, Hashable {
    public var seq: Int
    public var event: Event
    /// Milliseconds since the run's first event.
    public var relative: Int64

    public init(seq: Int, event: Event, relative: Int64) {
        self.seq = seq
        self.event = event
        self.relative = relative
    }
}

/// What the journal's own check said, for the report's integrity footer.
public struct Integrity: Sendable, Hashable {
    /// The SHA-256 of the last line: the chain's head.
    public var head: String
    /// How many lines.
    public var lines: Int
    /// Whether every checksum and the chain verified.
    public var verified: Bool

    public init(head: String, lines: Int, verified: Bool) {
        self.head = head
        self.lines = lines
        self.verified = verified
    }
}

/// Everything a report says about a run, derived from its journal alone: a pure function of the replayed run.
public struct RunReport: Sendable, Hashable {
    public struct SeverityChange: Sendable, Hashable {
        public var at: Int64
        public var from: String?
        public var to: String
        public var why: String?
        public var person: String?
    }

    public struct StepRow: Sendable, Hashable {
        public enum Ending: Sendable, Hashable {
            case open
            case done
            /// Ended without being done, for the reason the engine journaled: in English, and in Chinese when the
            /// journal has it (journals written before the engine wrote Chinese have only the English).
            case cancelled(LocalizedText)
        }

        public var step: String
        public var title: LocalizedText
        public var owner: String?
        public var holder: String?
        public var activatedAt: Int64
        public var acknowledgedAt: Int64?
        public var endedAt: Int64?
        public var ending: Ending
        /// The `done` deadline (or the step's own bound), absolute.
        public var dueAt: Int64?
        /// The option taken when nobody decided in time (a decision that expired): it was not done on time.
        public var defaultTaken: String?
        /// Milliseconds the step ended before its deadline (negative: overdue by); none for a decision that expired.
        public var margin: Int64? {
            guard let dueAt, let endedAt, ending == .done, defaultTaken == nil else { return nil }
            return dueAt - endedAt
        }
        public var phase: Step.Phase
    }

    public struct MilestoneRow: Sendable, Hashable {
        public enum Status: String, Sendable, Hashable {
            case met, late, missed, pending
            case notReached = "not-reached"
            /// Not reached here: the run continued in another playbook, whose linked run holds it.
            case handedOver = "handed-over"
        }

        public var milestone: String
        public var title: LocalizedText
        public var measures: Milestone.Measure?
        public var dueAt: Int64?
        public var reachedAt: Int64?
        public var margin: Int64?
        public var status: Status
    }

    public struct DecisionRow: Sendable, Hashable {
        public var at: Int64
        public var step: String
        public var person: String?
        public var role: String?
        public var option: String
        public var optionTitle: LocalizedText
        public var why: String?
        public var defaulted: Bool
    }

    public struct ApprovalRow: Sendable, Hashable {
        public var at: Int64
        public var step: String
        public var approver: String?
        public var person: String?
        public var granted: Bool
        public var why: String?
        public var expired: Bool
    }

    public struct EscalationRow: Sendable, Hashable {
        public var at: Int64
        public var step: String
        public var rung: Int
        public var notified: [String]
        /// Who held each role notified when the escalation fired.
        public var holders: [String: String] = [:]
        public var reassignedTo: String?
        public var goto: String?
    }

    public struct NotificationRow: Sendable, Hashable {
        public var id: String
        public var at: Int64
        public var roles: [String]
        /// What the engine asked to be said: in English, and in Chinese when the journal has it.
        public var message: LocalizedText
        public var sent: [String]
        /// Who was not reached and why, in English, and in Chinese when the journal has it.
        public var failed: [LocalizedText]
        /// Who held each role notified when the notification was asked for.
        public var holders: [String: String] = [:]
        /// Why each person was not reached (the last failure journaled), by person.
        public var failures: [String: LocalizedText] = [:]
        /// The failed attempts said once per person and reason, with how many attempts ended so, in the order
        /// first journaled: what a document lists (`failed` keeps every attempt).
        public var deliveryFailures: [DeliveryFailure] = []
    }

    /// Attempts to reach one person that failed for one reason.
    public struct DeliveryFailure: Sendable, Hashable {
        public var person: String
        /// Why, in English, and in Chinese when the journal has it.
        public var why: LocalizedText
        /// How many attempts failed so.
        public var attempts: Int
    }

    public struct NoteRow: Sendable, Hashable {
        public var at: Int64
        public var person: String?
        public var text: String
        public var section: String?
    }

    public struct FactRow: Sendable, Hashable {
        public var at: Int64
        public var fact: String
        public var title: LocalizedText
        public var value: String
        public var person: String?
        /// For a correction: the value it replaced and why.
        public var corrected: Correction? = nil
        /// The value as people read it: a choice value's title when the playbook gives one, else `value`.
        public var shownValue: LocalizedText? = nil
        /// The title of the value recorded (the new one of a correction), when the playbook gives the value one.
        public var valueTitle: LocalizedText? = nil
    }

    /// What a fact's correction replaced, and why.
    public struct Correction: Sendable, Hashable {
        public var from: String
        public var why: String
    }

    public struct HandoverRow: Sendable, Hashable {
        public var at: Int64
        public var role: String
        public var from: String?
        public var to: String
    }

    public var playbook: Playbook
    /// The run's id (its directory's name), when the caller knows it.
    public var runID: String?
    /// The instant the report was made (the command's clock): what an open run's lateness is counted against.
    public var asOf: Int64?
    /// The incident's own title (what happened, where): the last one given at the start or by `muster title`.
    public var incidentTitle: String?
    public var start: RunStart?
    public var startedAt: Int64
    public var endedAt: Int64?
    public var closedAt: Int64?
    public var outcome: RunState.ReachedOutcome?
    /// The run this one continues (`continue_in` of another playbook), if any.
    public var continuedFrom: RunLink?
    /// The run this one continued in, if any.
    public var continuedIn: RunLink?
    /// The continuation this run asked for, if any (its linked run may not be journaled yet).
    public var continuation: ContinuationRequest?

    /// The sentences that show the run's links both ways, in `language`.
    public func linkLines(_ language: Language) -> [String] {
        RunLinkLines.lines(from: continuedFrom, to: continuedIn, asked: continuation, language: language)
    }
    public var abortedWhy: String?
    public var initialSeverity: String?
    public var severityChanges: [SeverityChange] = []
    public var people: [String: String] = [:]
    /// Everyone who held each role, in the order they took it (the start's holder first).
    public var roleHistory: [String: [String]] = [:]
    public var timeline: [JournalEntry] = []
    public var steps: [StepRow] = []
    public var milestones: [MilestoneRow] = []
    public var decisions: [DecisionRow] = []
    public var approvals: [ApprovalRow] = []
    public var escalations: [EscalationRow] = []
    public var notifications: [NotificationRow] = []
    public var handovers: [HandoverRow] = []
    public var notes: [NoteRow] = []
    public var facts: [FactRow] = []

    /// The facts recorded that the fault report lists in `section` (the fact's `section:`, phenomenon by default).
    public func facts(inSection section: String) -> [FactRow] {
        facts.filter { (playbook.fact($0.fact)?.section ?? "phenomenon") == section }
    }
    public var signatures: [(person: String, at: Int64)] = []
    /// Refused commands; `reason` is the code and English message, with the Chinese message when the journal
    /// has it.
    public var rejections: [(at: Int64, person: String?, command: String, reason: LocalizedText)] = []
    /// Actions reported by their doers (by phone) and typed by someone else: who did it, who recorded it, what
    /// (`event` is the type the JSON report names, `kind` the event that a document describes in words).
    public var recordedForOthers: [(at: Int64, doer: String, recorder: String, event: String, kind: EventKind)] = []
    public var integrity: Integrity

    /// A recorded value as people read it in each language, `format`ted from the value's title; nil when the
    /// playbook gives the value no title, so the row shows it as recorded.
    static func shownValue(_ playbook: Playbook, _ fact: String, _ value: String,
                           _ format: (String, Language) -> String) -> LocalizedText?
    {
        guard playbook.fact(fact)?.valueTitles[value] != nil else { return nil }
        return LocalizedText(english: format(playbook.valueText(fact: fact, value, .en), .en),
                             chinese: format(playbook.valueText(fact: fact, value, .zh), .zh))
    }

    public static func == (lhs: RunReport, rhs: RunReport) -> Bool {
        lhs.timeline == rhs.timeline && lhs.integrity == rhs.integrity && lhs.playbook == rhs.playbook
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(timeline)
        hasher.combine(integrity)
    }

    /// The after-end obligations: after-end steps, with whether and when they were done.
    public var obligations: [StepRow] { steps.filter { $0.phase == .afterEnd } }

    /// Builds the report of a run from its journal entries.
    ///
    /// - Parameters:
    ///   - runID: The run's id, for the report's cover.
    ///   - asOf: When the report is made (milliseconds since the epoch), for a run still open.
    public init(playbook: Playbook, entries: [JournalEntry], integrity: Integrity, runID: String? = nil,
                asOf: Int64? = nil) {
        self.playbook = playbook
        self.runID = runID
        self.asOf = asOf
        self.integrity = integrity
        self.timeline = entries
        startedAt = entries.first?.event.at ?? 0
        let index = PlaybookIndex(playbook)
        let names = PlaybookNames(playbook)
        var state = RunState()
        var openRows: [String: Int] = [:]
        var notificationRows: [String: Int] = [:]
        for entry in entries {
            let event = entry.event
            state.apply(event)
            var person: String?
            var role: String?
            if case .person(let who, let acting) = event.actor {
                person = who
                role = acting
                if let recorder = event.recordedBy {
                    recordedForOthers.append((event.at, who, recorder, EventCoding.type(of: event.kind), event.kind))
                }
            }
            switch event.kind {
            case .runStarted(let start):
                self.start = start
                initialSeverity = start.severity
                incidentTitle = start.title
                for (role, person) in start.assignments { roleHistory[role] = [person] }
            case .personJoined(let person, let role):
                roleHistory[role, default: []].append(person)
            case .runTitled(let title):
                incidentTitle = title
            case .severityGraded(let level, let why):
                severityChanges.append(SeverityChange(at: event.at, from: nil, to: level, why: why, person: person))
            case .severityRegraded(let from, let to, let why):
                severityChanges.append(SeverityChange(at: event.at, from: from, to: to, why: why, person: person))
            case .stepActivated(let step, let owner, let due):
                let title = index.steps[step]?.title ?? LocalizedText(english: step, chinese: step)
                openRows[step] = steps.count
                steps.append(StepRow(
                    step: step, title: title, owner: owner, holder: owner.flatMap { state.holders[$0] },
                    activatedAt: event.at, acknowledgedAt: nil, endedAt: nil, ending: .open,
                    dueAt: due.done ?? due.expiry, phase: index.steps[step]?.phase ?? .main))
            case .stepAcknowledged(let step):
                if let row = openRows[step] { steps[row].acknowledgedAt = event.at }
            case .stepRescheduled(let step, let due):
                if let row = openRows[step] { steps[row].dueAt = due.done ?? due.expiry }
            case .stepReassigned(let step, let to, _, _, _):
                if let row = openRows[step] {
                    steps[row].owner = to
                    steps[row].holder = state.holders[to]
                }
            case .stepCompleted(let step):
                if let row = openRows.removeValue(forKey: step) {
                    steps[row].endedAt = event.at
                    steps[row].ending = .done
                    // A person who finishes a step (a decision, an approval) has taken it; the engine finishing
                    // one (a default on expiry, a join) is no acknowledgement by anyone.
                    if steps[row].acknowledgedAt == nil, person != nil { steps[row].acknowledgedAt = event.at }
                    if steps[row].holder == nil, let person { steps[row].holder = person }
                }
            case .stepCancelled(let step, let why, let whyChinese, let code):
                if let row = openRows.removeValue(forKey: step) {
                    steps[row].endedAt = event.at
                    steps[row].ending = .cancelled(EngineMessageWords.localized(
                        code: code, english: why, chinese: whyChinese, names: names))
                }
            case .decisionMade(let step, let option, let why):
                decisions.append(DecisionRow(at: event.at, step: step, person: person, role: role, option: option,
                                             optionTitle: optionTitle(step, option, index), why: why, defaulted: false))
            case .decisionDefaulted(let step, let option):
                if let row = openRows[step] { steps[row].defaultTaken = option }
                decisions.append(DecisionRow(at: event.at, step: step, person: nil, role: nil, option: option,
                                             optionTitle: optionTitle(step, option, index), why: nil, defaulted: true))
            case .approvalGranted(let step, let why), .approvalDenied(let step, let why):
                var granted = false
                if case .approvalGranted = event.kind { granted = true }
                approvals.append(ApprovalRow(at: event.at, step: step, approver: role, person: person, granted: granted,
                                             why: why, expired: false))
            case .approvalExpired(let step, let granted):
                approvals.append(ApprovalRow(at: event.at, step: step, approver: nil, person: nil, granted: granted,
                                             why: nil, expired: true))
            case .escalationFired(let step, let rung):
                let escalation = index.steps[step].flatMap { rung >= 0 && rung < $0.escalations.count ? $0.escalations[rung] : nil }
                let notified = escalation?.notify.map(\.value) ?? []
                escalations.append(EscalationRow(
                    at: event.at, step: step, rung: rung + 1, notified: notified,
                    holders: state.holders.filter { notified.contains($0.key) },
                    reassignedTo: escalation?.reassign?.value, goto: escalation?.goto?.value.description))
            case .notificationRequested(let id, let roles, let message, _, let messageChinese, let code):
                notificationRows[id] = notifications.count
                let text = EngineMessageWords.localized(code: code, english: message, chinese: messageChinese,
                                                        names: names)
                notifications.append(NotificationRow(id: id, at: event.at, roles: roles, message: text, sent: [],
                                                     failed: [],
                                                     holders: state.holders.filter { roles.contains($0.key) }))
            case .notificationSent(let id, let to):
                if let row = notificationRows[id] { notifications[row].sent.append(to) }
            case .notificationFailed(let id, let to, let why, let whyChinese, _):
                if let row = notificationRows[id] {
                    let reason = LocalizedText(english: why, chinese: whyChinese)
                    notifications[row].failures[to] = reason
                    if let same = notifications[row].deliveryFailures.firstIndex(where: { $0.person == to && $0.why == reason }) {
                        notifications[row].deliveryFailures[same].attempts += 1
                    } else {
                        notifications[row].deliveryFailures.append(DeliveryFailure(person: to, why: reason, attempts: 1))
                    }
                    notifications[row].failed.append(LocalizedText(english: "\(to): \(why)",
                                                                   chinese: whyChinese.map { "\(to)：\($0)" }))
                }
            case .handover(let role, let from, let to):
                handovers.append(HandoverRow(at: event.at, role: role, from: from, to: to))
                if roleHistory[role]?.last != to { roleHistory[role, default: []].append(to) }
                // An open step of the role is now held by the new holder, who is the one to finish it.
                for row in openRows.values where steps[row].owner == role { steps[row].holder = to }
            case .note(let text, let section):
                notes.append(NoteRow(at: event.at, person: person, text: text, section: section))
            case .factRecorded(let fact, let value, _):
                facts.append(FactRow(at: event.at, fact: fact,
                                     title: playbook.fact(fact)?.title ?? LocalizedText(english: fact, chinese: fact),
                                     value: value.description, person: person,
                                     shownValue: Self.shownValue(playbook, fact, value.description) { title, _ in title }))
                facts[facts.count - 1].valueTitle = playbook.fact(fact)?.valueTitles[value.description]
            case .factCorrected(let fact, let from, let to, let why):
                facts.append(FactRow(at: event.at, fact: fact,
                                     title: playbook.fact(fact)?.title ?? LocalizedText(english: fact, chinese: fact),
                                     value: "\(to) ← \(from): \(why)", person: person,
                                     corrected: Correction(from: from.description, why: why),
                                     shownValue: Self.shownValue(playbook, fact, to.description) { title, language in
                                         "\(title) ← \(playbook.valueText(fact: fact, from.description, language)): \(why)"
                                     }))
                facts[facts.count - 1].valueTitle = playbook.fact(fact)?.valueTitles[to.description]
            case .reportSigned(let who):
                // When it was really signed: a drill on its own clock stamps the wall clock beside its instant.
                signatures.append((who, event.realAt ?? event.at))
            case .commandRejected(let command, let refusal):
                rejections.append((event.at, person, command, RefusalWords.localized(refusal, names: names)))
            case .outcomeReached:
                endedAt = event.at
            case .runAborted(let why):
                abortedWhy = why
            case .runClosed:
                closedAt = event.at
            default:
                break
            }
        }
        outcome = state.outcome
        continuedFrom = state.start?.continuedFrom
        continuedIn = state.continuedIn
        continuation = state.continuation
        people = state.holders
        milestones = playbook.milestones.map { milestone in
            let progress = state.milestones[milestone.id]
            let status: MilestoneRow.Status
            if let margin = progress?.margin, progress?.reachedAt != nil {
                status = margin >= 0 ? .met : .late
            } else if progress?.missed == true {
                status = .missed
            } else if progress?.handedOver == true {
                status = .handedOver
            } else if state.outcome != nil && milestone.from == .start {
                status = .notReached
            } else {
                status = .pending
            }
            return MilestoneRow(milestone: milestone.id, title: milestone.title, measures: milestone.measures,
                                dueAt: progress?.dueAt, reachedAt: progress?.reachedAt, margin: progress?.margin,
                                status: status)
        }
    }

    private func optionTitle(_ stepID: String, _ option: String, _ index: PlaybookIndex) -> LocalizedText {
        if let step = index.steps[stepID], case .decide(let decision) = step.kind,
            let found = decision.options.first(where: { $0.id == option })
        {
            return found.title
        }
        return LocalizedText(english: option, chinese: option)
    }

    /// The severity the run ended with.
    public var finalSeverity: String? { severityChanges.last?.to ?? initialSeverity }
}
