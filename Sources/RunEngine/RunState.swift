public import PlaybookLanguage

/// The state of a run: always `RunState.fold(events)`, never anything else.
///
/// `apply` is the only way state changes, and it needs nothing but the event: replaying a journal rebuilds the
/// very state the engine had when it wrote it.
public struct RunState: Sendable, Hashable {
    /// An open step.
    public struct ActiveStep: Sendable, Hashable {
        public var id: String
        /// The role that owns it now (after any reassignment).
        public var owner: String?
        public var activatedAt: Int64
        public var acknowledgedAt: Int64?
        public var lastProgressAt: Int64?
        public var due: StepDue
        public var itemsDone: Set<String>
        /// Whether a reassignment moved it from its playbook owner.
        public var reassigned: Bool
        /// The progress reports its owner missed (its `report_every`) since it was activated.
        public var missedReports = 0
        /// Who signed a step signed together, by the role they signed for.
        public var signatures: [String: String] = [:]
        /// The sequence number of the event that activated it.
        public var activatedSeq = 0
    }

    /// A milestone's progress.
    public struct MilestoneState: Sendable, Hashable {
        public var dueAt: Int64?
        public var reachedAt: Int64?
        public var margin: Int64?
        public var missed: Bool = false
        /// Whether it was handed over, not reached, when the run continued in another playbook.
        public var handedOver: Bool = false
    }

    /// An armed timer.
    public struct Timer: Sendable, Hashable {
        public var id: TimerID
        public var fireAt: Int64
        public var purpose: TimerPurpose
    }

    /// A reached outcome.
    public struct ReachedOutcome: Sendable, Hashable {
        public var id: String
        public var kind: String
        public var at: Int64
    }

    /// How the run started; `nil` before the first event.
    public var start: RunStart?
    /// The instant of the first event.
    public var startedAt: Int64 = 0
    /// The instant of the last event.
    public var lastEventAt: Int64 = 0
    /// How many events have been applied: the sequence number of the last one.
    public var eventCount = 0
    /// The current severity level.
    public var severity: String?
    /// Who holds each role.
    public var holders: [String: String] = [:]
    /// Open steps by id.
    public var active: [String: ActiveStep] = [:]
    /// Open steps' ids in activation order.
    public var activeOrder: [String] = []
    /// The escalation rungs (0-based) that have fired since each open step's activation.
    public var escalationsFired: [String: Set<Int>] = [:]
    /// How often each step has been activated.
    public var activations: [String: Int] = [:]
    /// When each step was last done.
    public var completedAt: [String: Int64] = [:]
    /// The sequence number of the last event about each step.
    public var stepChangedAt: [String: Int] = [:]
    /// Recorded facts.
    public var facts: [String: FactValue] = [:]
    /// The sequence number of the event that last recorded each fact: a step entered again needs fresh readings
    /// (see `needsRecording`).
    public var factRecordedSeq: [String: Int] = [:]
    /// Armed timers by id.
    public var timers: [TimerID: Timer] = [:]
    /// Milestones by id.
    public var milestones: [String: MilestoneState] = [:]
    /// The tracks that have ended, by parallel step.
    public var endedTracks: [String: [String]] = [:]
    /// The outcome, once reached.
    public var outcome: ReachedOutcome?
    /// Whether the run was aborted.
    public var aborted = false
    /// Whether the run is closed: outcome reached and every obligation done.
    public var closed = false
    /// Who signed the report.
    public var signatures: [String] = []
    /// The at-any-time chains running now, in the order they were raised.
    public var raisedChains: [String] = []
    /// The standing instructions not released yet, in the order they were raised.
    public var standing: [String] = []
    /// Notifications asked for, by id.
    public var notificationCount = 0
    /// Every notification for every person it is for, and how far its delivery got.
    public var outbox = Outbox()
    /// The jumps of the clock commands ran at, in order.
    public var clockJumps: [ClockJump] = []
    /// The linked run this run asked for when a step continued in another playbook.
    public var continuation: ContinuationRequest?
    /// The linked run this run continues in, once it was started.
    public var continuedIn: RunLink?

    /// Whether the run asked for a linked run that has not been started yet (or not journaled here yet).
    public var awaitsLinkedRun: Bool { continuation != nil && continuedIn == nil }
    /// In a drill people play, the roles the scenario's scripted players play, in the order they were handed over.
    public var scriptedRoles: [String] = []
    /// A drill's injects delivered so far, in order: what the players' boards show.
    public var injects: [DeliveredInject] = []
    /// In a drill, the wall clock's instant at which a controller paused play, while it is paused.
    public var pausedSince: Int64?
    /// In a drill, how long play was paused before, in wall-clock milliseconds: a drill on a real clock does not
    /// count that time (see `RunSession.runTime`). Read by the edge's clock only, never by the engine.
    public var pausedFor: Int64 = 0

    /// A drill's inject as the players see it.
    public struct DeliveredInject: Sendable, Hashable {
        public var id: String
        /// The roles it is addressed to (empty when it names none).
        public var roles: [String]
        /// Its text as the journal keeps it (English, then Chinese).
        public var message: String
        /// Its announcement to the roles in English and Chinese (who sends it and how), when people play the drill.
        public var announcement: String?
        public var announcementChinese: String?
        public var at: Int64
        /// The sequence number of its `drill.inject` line.
        public var seq: Int
    }

    /// A jump of the clock: the run was at `from` when a command came at `to`.
    public struct ClockJump: Sendable, Hashable {
        public var at: Int64
        public var from: Int64
        public var to: Int64
        /// How far the clock moved: positive ahead, negative back.
        public var size: Int64 { to - from }
    }

    /// An empty state, before the first event.
    public init() {}

    /// The state after `events`, applied in order.
    public static func fold(_ events: some Sequence<Event>) -> RunState {
        var state = RunState()
        for event in events { state.apply(event) }
        return state
    }

    /// The instant of the fault: the one given at the start, else the run's start.
    public var faultAt: Int64 { start?.faultAt ?? startedAt }

    /// The instant a named instant of the run stands for.
    public func instant(_ named: RunInstant) -> Int64 {
        switch named {
        case .start: startedAt
        case .fault: faultAt
        }
    }

    /// Whether the run is still going: started, not closed.
    public var isLive: Bool { start != nil && !closed }

    /// The timers in the order they fire (ties broken by id, so that the order is deterministic).
    public var dueTimers: [Timer] {
        timers.values.sorted { ($0.fireAt, $0.id) < ($1.fireAt, $1.id) }
    }

    /// Applies one event.
    public mutating func apply(_ event: Event) {
        eventCount += 1
        if start == nil { startedAt = event.at }
        lastEventAt = max(lastEventAt, event.at)
        switch event.kind {
        case .runStarted(let runStart):
            start = runStart
            scriptedRoles = runStart.scripted
            severity = runStart.severity
            holders = runStart.assignments
        case .personJoined(let person, let role):
            holders[role] = person
        case .handover(let role, _, let to):
            holders[role] = to
        case .severityGraded(let level, _):
            severity = level
        case .severityRegraded(_, let to, _):
            severity = to
        case .stepActivated(let step, let owner, let due):
            activations[step, default: 0] += 1
            escalationsFired[step] = nil
            active[step] = ActiveStep(
                id: step, owner: owner, activatedAt: event.at, acknowledgedAt: nil, lastProgressAt: nil, due: due,
                itemsDone: [], reassigned: false, activatedSeq: eventCount)
            activeOrder.removeAll { $0 == step }
            activeOrder.append(step)
            touch(step)
        case .stepAcknowledged(let step):
            active[step]?.acknowledgedAt = event.at
            touch(step)
        case .stepProgress(let step, _):
            active[step]?.lastProgressAt = event.at
            if active[step]?.acknowledgedAt == nil { active[step]?.acknowledgedAt = event.at }
            touch(step)
        case .checklistItemDone(let step, let item):
            active[step]?.itemsDone.insert(item)
            if active[step]?.acknowledgedAt == nil { active[step]?.acknowledgedAt = event.at }
            touch(step)
        case .factRecorded(let fact, let value, let step):
            facts[fact] = value
            factRecordedSeq[fact] = eventCount
            if let step { touch(step) }
        case .stepSigned(let step, let role):
            if case .person(let person, _) = event.actor { active[step]?.signatures[role] = person }
            touch(step)
        case .factCorrected(let fact, _, let value, _):
            // A correction mends the record; it is not a fresh reading for a step entered again.
            facts[fact] = value
        case .stepCompleted(let step):
            close(step)
            completedAt[step] = event.at
        case .stepReassigned(let step, let role, _, _, _):
            active[step]?.owner = role
            active[step]?.reassigned = true
            touch(step)
        case .stepOverdue(let step, let clock, let missed):
            if clock == .progress { active[step]?.missedReports += missed }
            touch(step)
        case .stepRescheduled(let step, let due):
            active[step]?.due = due
            touch(step)
        case .stepCancelled(let step, _, _, _):
            close(step)
        case .decisionMade(let step, _, _), .decisionDefaulted(let step, _), .approvalGranted(let step, _),
            .approvalDenied(let step, _), .approvalExpired(let step, _), .approvalRequested(let step, _):
            touch(step)
        case .trackStarted(let step, let track):
            // A parallel step entered again (a denial looping back) starts every track afresh.
            endedTracks[step]?.removeAll { $0 == track }
        case .trackEnded(let step, let track):
            endedTracks[step, default: []].append(track)
        case .joinCompleted:
            break
        case .timerScheduled(let id, let fireAt, let purpose):
            timers[id] = Timer(id: id, fireAt: fireAt, purpose: purpose)
        case .timerFired(let id), .timerCancelled(let id):
            timers[id] = nil
        case .escalationFired(let step, let rung):
            escalationsFired[step, default: []].insert(rung)
            touch(step)
        case .notificationRequested(let id, let roles, let message, let step, let messageChinese, let code):
            notificationCount += 1
            if case .inject(let inject) = event.actor, let last = injects.indices.last, injects[last].id == inject {
                // The announcement that goes with the inject just delivered: its roles and words.
                injects[last].roles = roles
                injects[last].announcement = message
                injects[last].announcementChinese = messageChinese
            }
            outbox.request(id: id, roles: roles, message: message, messageChinese: messageChinese, step: step,
                           code: code, holders: holders, seq: eventCount, at: event.at)
        case .notificationSent(let id, let to):
            outbox.sent(id: id, to: to, at: event.at)
        case .notificationFailed(let id, let to, let why, let whyChinese, let final):
            outbox.failed(id: id, to: to, why: why, whyChinese: whyChinese, final: final, at: event.at)
        case .notificationAcknowledged(let id, let by):
            outbox.acknowledged(id: id, by: by, at: event.at)
        case .milestoneDue(let milestone, let dueAt), .milestoneRecomputed(let milestone, let dueAt):
            milestones[milestone, default: MilestoneState()].dueAt = dueAt
        case .milestoneReached(let milestone, let margin):
            milestones[milestone, default: MilestoneState()].reachedAt = event.at
            milestones[milestone, default: MilestoneState()].margin = margin
        case .milestoneMissed(let milestone):
            milestones[milestone, default: MilestoneState()].missed = true
        case .outcomeReached(let outcome, let kind):
            self.outcome = ReachedOutcome(id: outcome, kind: kind, at: event.at)
        case .runAborted:
            aborted = true
        case .chainRaised(let chain, _):
            raisedChains.removeAll { $0 == chain }
            raisedChains.append(chain)
        case .chainEnded(let chain):
            raisedChains.removeAll { $0 == chain }
        case .instructionRaised(let instruction, _):
            if !standing.contains(instruction) { standing.append(instruction) }
        case .instructionReleased(let instruction, _):
            standing.removeAll { $0 == instruction }
        case .reportSigned(let person):
            signatures.append(person)
        case .continueRequested(let request):
            continuation = request
        case .continuedIn(let link):
            continuedIn = link
        case .milestoneHandedOver(let milestone):
            milestones[milestone, default: MilestoneState()].handedOver = true
        case .runClosed:
            closed = true
        case .clockJumped(let from, let to):
            clockJumps.append(ClockJump(at: event.at, from: from, to: to))
        case .runTitled(let title):
            start?.title = title
        case .injectDelivered(let id, let role, let message):
            injects.append(DeliveredInject(id: id, roles: role.map { [$0] } ?? [], message: message, at: event.at,
                                           seq: eventCount))
        case .exercise(.scripted(let role)):
            if !scriptedRoles.contains(role) { scriptedRoles.append(role) }
        case .exercise(.unscripted(let role)):
            scriptedRoles.removeAll { $0 == role }
        case .exercise(.mark(.pause)):
            if pausedSince == nil { pausedSince = event.realAt ?? event.at }
        case .exercise(.mark(.resume)):
            if let since = pausedSince { pausedFor += max(0, (event.realAt ?? event.at) - since) }
            pausedSince = nil
        case .note, .clockAdvanced, .commandRejected, .exercise, .signalReceived, .journalRepaired:
            break
        }
    }

    private mutating func touch(_ step: String) {
        stepChangedAt[step] = eventCount
    }

    private mutating func close(_ step: String) {
        active[step] = nil
        activeOrder.removeAll { $0 == step }
        touch(step)
    }

    /// The facts `records` that the open step `stepID` still needs before it is done. On a step's first round a
    /// value recorded anywhere earlier counts; on a step entered again (a loop) only a reading taken since it was
    /// entered does: the water level measured an hour ago is not this round's reading.
    public func needsRecording(_ records: [String], step stepID: String) -> [String] {
        guard let open = active[stepID] else { return [] }
        let again = (activations[stepID] ?? 0) > 1
        return records.filter { fact in
            guard let seq = factRecordedSeq[fact], facts[fact] != nil else { return true }
            return again && seq < open.activatedSeq
        }
    }
}
