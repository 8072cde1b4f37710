/// Who caused an event: a person acting in a role, the engine (timers, transitions), or a drill inject.
public enum Actor: Sendable, Hashable {
    /// A person acting in a role.
    case person(String, role: String?)
    /// The engine itself: a timer fired, a transition followed.
    case engine
    /// A drill's scripted inject, by its id.
    case inject(String)
}

/// One thing that happened in a run, at an instant; the journal stores these, numbered and chained.
public struct Event: Sendable, Hashable {
    /// When it happened, in milliseconds since the Unix epoch (on a virtual clock, the virtual instant).
    public var at: Int64
    /// Who caused it.
    public var actor: Actor
    /// What happened.
    public var kind: EventKind
    /// The wall clock's instant when the event was written, in milliseconds since the Unix epoch, for a drill a
    /// controller drives on a virtual or sped-up clock (`at` is then the drill's own instant): when things really
    /// happened, for a sign-off, the programme and the report. `nil` elsewhere (`at` is the real instant of a live
    /// run, and an unattended `drill run` writes none, so that its journal stays the same byte for byte). The
    /// edge sets it; the engine never reads it.
    public var realAt: Int64? = nil
    /// Who typed the command, when it was not the person who acted: an action reported by phone and recorded by
    /// someone at the ops host for its doer (`--for PERSON`). `nil` when the actor typed it.
    public var recordedBy: String?
    /// In a drill people play, the scenario's scripted player that did this, for a role nobody plays: its number
    /// in the scenario's `players:` list, counted from 1. `nil` for what people and the engine do, and in an
    /// unattended `drill run` (every action there is scripted). The edge sets it; the engine never reads it.
    public var scriptedPlayer: Int? = nil

    /// Creates an event.
    public init(at: Int64, actor: Actor, kind: EventKind, recordedBy: String? = nil) {
        self.at = at
        self.actor = actor
        self.kind = kind
        self.recordedBy = recordedBy
    }
}

/// How a run is driven.
public enum RunMode: String, Sendable, Hashable {
    /// A real incident.
    case live
    /// A drill, with a scenario.
    case drill
}

/// Which deadline of a step a timer or an overdue event is about.
public enum StepClock: String, Sendable, Hashable, CaseIterable {
    /// Someone must acknowledge the step.
    case ack
    /// The progress heartbeat.
    case progress
    /// The step must be done.
    case done
    /// A decision's, approval's or wait's own bound.
    case expiry
}

/// Everything the journal records. Each case's name in the journal is its `type` (see `EventKind.type`).
public enum EventKind: Sendable, Hashable {
    /// The run began: the pinned playbook, the mode, the clock, the initial severity and people.
    case runStarted(RunStart)
    /// A person joined in a role.
    case personJoined(person: String, role: String)
    /// A role passed from one person to another.
    case handover(role: String, from: String?, to: String)
    /// The severity level was set for the first time.
    case severityGraded(level: String, why: String?)
    /// The severity level changed.
    case severityRegraded(from: String, to: String, why: String)
    /// A step became active, with its absolute due instants (milliseconds since the epoch).
    case stepActivated(step: String, owner: String?, due: StepDue)
    /// Someone took the step.
    case stepAcknowledged(step: String)
    /// A progress report on an open step.
    case stepProgress(step: String, note: String?)
    /// A checklist item was ticked.
    case checklistItemDone(step: String, item: String)
    /// A fact was recorded.
    case factRecorded(fact: String, value: FactValue, step: String?)
    /// A recorded fact was corrected, with the reason; the value it had is kept beside the new one.
    case factCorrected(fact: String, from: FactValue, to: FactValue, why: String)
    /// A step was done.
    case stepCompleted(step: String)
    /// A person signed a step signed together (`together_with`), for one of its two roles.
    case stepSigned(step: String, role: String)
    /// A step was reassigned to another role (by an escalation or a severity change); `whyChinese` is the reason
    /// in Chinese, `nil` in journals written before the engine wrote it; `code` the reason as a code (the rung of
    /// the escalation, or the new severity level), `nil` in journals written before the engine wrote codes.
    case stepReassigned(step: String, to: String, why: String, whyChinese: String? = nil, code: EngineMessage? = nil)
    /// A step's deadline passed with the step still open; `missed` counts the progress reports missed since the
    /// last one was due (a run caught up after a long silence journals them as one event), 1 otherwise.
    case stepOverdue(step: String, clock: StepClock, missed: Int = 1)
    /// A step's due instants changed (after a regrade).
    case stepRescheduled(step: String, due: StepDue)
    /// A step ended without being done (an interrupting escalation, a join, an outcome, an abort); `whyChinese`
    /// is the reason in Chinese, `nil` in journals written before the engine wrote it; `code` the reason as a
    /// code, `nil` in journals written before the engine wrote codes.
    case stepCancelled(step: String, why: String, whyChinese: String? = nil, code: EngineMessage? = nil)
    /// A decision was made.
    case decisionMade(step: String, option: String, why: String?)
    /// A decision's time ran out and its default option was taken.
    case decisionDefaulted(step: String, option: String)
    /// An approval was asked for.
    case approvalRequested(step: String, approver: String)
    /// An approval was granted.
    case approvalGranted(step: String, why: String?)
    /// An approval was denied.
    case approvalDenied(step: String, why: String?)
    /// An approval's time ran out; `granted` says which way it went.
    case approvalExpired(step: String, granted: Bool)
    /// A wait ended by a signal.
    case signalReceived(name: String)
    /// A parallel track started.
    case trackStarted(step: String, track: String)
    /// A parallel track ended.
    case trackEnded(step: String, track: String)
    /// A parallel step's join was satisfied.
    case joinCompleted(step: String)
    /// A timer was armed.
    case timerScheduled(timer: TimerID, fireAt: Int64, purpose: TimerPurpose)
    /// A timer fired.
    case timerFired(timer: TimerID)
    /// A timer was disarmed before it fired.
    case timerCancelled(timer: TimerID)
    /// An escalation rung fired.
    case escalationFired(step: String, rung: Int)
    /// Someone must be told something; `messageChinese` is the message in Chinese, `nil` in journals written
    /// before the engine wrote it; `code` the message as a code, `nil` for a drill inject's text and in journals
    /// written before the engine wrote codes.
    case notificationRequested(id: String, roles: [String], message: String, step: String?,
                               messageChinese: String? = nil, code: EngineMessage? = nil)
    /// A notification was delivered.
    case notificationSent(id: String, to: String)
    /// An attempt to deliver a notification failed: why, in English and (journals of older versions aside)
    /// Chinese. `final` when no further attempt will be made (always, in journals of older versions); otherwise
    /// the notification stays pending and is tried again (see `Outbox`).
    case notificationFailed(id: String, to: String, why: String, whyChinese: String? = nil, final: Bool = true)
    /// Someone confirmed that a notification sent to them reached them.
    case notificationAcknowledged(id: String, by: String)
    /// A milestone's due instant was set.
    case milestoneDue(milestone: String, dueAt: Int64)
    /// A milestone's due instant changed (after a regrade).
    case milestoneRecomputed(milestone: String, dueAt: Int64)
    /// A milestone was reached; `margin` is milliseconds before the due instant (negative: late).
    case milestoneReached(milestone: String, margin: Int64)
    /// A milestone's due instant passed before it was reached.
    case milestoneMissed(milestone: String)
    /// A free note; `section` files it under a part of the fault report (phenomenon, impact, cause, handling,
    /// prevention, lesson).
    case note(text: String, section: String? = nil)
    /// A drill inject was delivered.
    case injectDelivered(id: String, role: String?, message: String)
    /// A drill's virtual clock moved.
    case clockAdvanced(to: Int64)
    /// A record of a drill's exercise staff (an evaluator's observation or rating, a controller's mark).
    case exercise(ExerciseRecord)
    /// A command was refused: its code and parameters (or, in older journals, the words of the time).
    case commandRejected(command: String, refusal: RecordedRefusal)
    /// The run reached an outcome.
    case outcomeReached(outcome: String, kind: String)
    /// The run was aborted.
    case runAborted(why: String)
    /// A person started an at-any-time chain of steps, saying why.
    case chainRaised(chain: String, why: String?)
    /// An at-any-time chain ended: its last step was done, or the run reached its outcome.
    case chainEnded(chain: String)
    /// A step raised a standing instruction: it stands until released.
    case instructionRaised(instruction: String, step: String)
    /// A person released a standing instruction.
    case instructionReleased(instruction: String, why: String?)
    /// A user signed the run's report.
    case reportSigned(person: String)
    /// The incident's title (what happened, where) was given or corrected after the start.
    case runTitled(title: String)
    /// A step that continues in another playbook was done: the run asks for a linked run of it.
    case continueRequested(ContinuationRequest)
    /// The linked run this run continues in was started: its id, playbook and first line's hash.
    case continuedIn(RunLink)
    /// A milestone not reached when the run continued in another playbook: handed over to the linked run, not missed.
    case milestoneHandedOver(milestone: String)
    /// Every obligation is done: the run is closed.
    case runClosed
    /// A torn last line was cut from the journal when it was reopened.
    case journalRepaired(bytesCut: Int)
    /// The clock a command ran at was more than a day past the run's last event, or behind it: the command was
    /// given `to` while the run was at `from` (the event is stamped `from`, so that instants never run backwards).
    case clockJumped(from: Int64, to: Int64)
}

/// What a run starts with.
public struct RunStart: Sendable, Hashable {
    /// The playbook's id.
    public var playbookID: String
    /// The playbook's version.
    public var version: String
    /// The SHA-256 of the playbook's bytes, hex.
    public var playbookHash: String
    /// Live or drill.
    public var mode: RunMode
    /// Whether the clock is virtual (drills) or real.
    public var virtualClock: Bool
    /// The severity level, if known at the start.
    public var severity: String?
    /// Who holds which role at the start, by role.
    public var assignments: [String: String]
    /// The drill scenario's id, in drill mode.
    public var scenario: String?
    /// The SHA-256 of the pinned scenario's bytes (`scenario.yaml`), hex, in drill mode; `nil` in journals written
    /// before it was recorded. Like the playbook's hash, it makes the scenario the ratings come from part of the
    /// record: `verify` and every command on the run check the pinned file against it.
    public var scenarioHash: String?
    /// Whether the drill is played unattended by the scenario's scripted players (`drill run`): practice, which
    /// the drill programme does not count as a drill held with people.
    public var unattended = false
    /// The incident's own title (what happened, where), as `start --title` gave it; `nil` when none was given.
    public var title: String?
    /// How many times faster than real time a drill's real clock runs (`drill start --clock real --speed N`).
    public var speed: Int = 1
    /// The instant of the fault, when it came before the run's start (`muster start --fault-at`); `nil` when the
    /// run starts at the fault. Waits and milestones counted `from: fault` count from it.
    public var faultAt: Int64? = nil
    /// The run this one continues, when a step of another run's playbook asked for it (`continue_in`).
    public var continuedFrom: RunLink? = nil
    /// In a drill people play, the roles nobody plays: the scenario's scripted players act for them at their
    /// instants (`drill start --scripted`, or the roles with scripted players but no person). Sorted; empty
    /// elsewhere.
    public var scripted: [String] = []
    /// The speeds a run may have: a journal or checkpoint saying another is refused, so that no instant computed
    /// from it can overflow.
    public static let speeds: ClosedRange<Int64> = 1...3_600

    /// Creates a start record.
    public init(
        playbookID: String, version: String, playbookHash: String, mode: RunMode, virtualClock: Bool,
        severity: String?, assignments: [String: String], scenario: String? = nil, speed: Int = 1,
        scenarioHash: String? = nil, faultAt: Int64? = nil, title: String? = nil
    ) {
        self.scenarioHash = scenarioHash
        self.title = title
        self.speed = speed
        self.faultAt = faultAt
        self.playbookID = playbookID
        self.version = version
        self.playbookHash = playbookHash
        self.mode = mode
        self.virtualClock = virtualClock
        self.severity = severity
        self.assignments = assignments
        self.scenario = scenario
    }
}

/// A step's absolute due instants (milliseconds since the epoch); `nil` when there is no such deadline or it
/// depends on a severity clock while the severity is not known yet.
public struct StepDue: Sendable, Hashable {
    public var ack: Int64?
    public var progress: Int64?
    public var done: Int64?
    public var expiry: Int64?

    /// Creates due instants.
    public init(ack: Int64? = nil, progress: Int64? = nil, done: Int64? = nil, expiry: Int64? = nil) {
        self.ack = ack
        self.progress = progress
        self.done = done
        self.expiry = expiry
    }
}

/// What a timer is for.
public enum TimerPurpose: Sendable, Hashable {
    /// One of a step's deadlines.
    case step(String, StepClock)
    /// A rung (0-based) of a step's escalation ladder.
    case escalation(String, rung: Int)
    /// A milestone's due instant.
    case milestone(String)

    /// The step the timer belongs to, if any.
    public var step: String? {
        switch self {
        case .step(let step, _), .escalation(let step, _): step
        case .milestone: nil
        }
    }
}
