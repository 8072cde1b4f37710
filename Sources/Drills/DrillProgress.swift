public import PlaybookLanguage
public import RunEngine

/// A drill in play: the run's state and the scenario's moments, kept up to date event by event as the engine
/// decides, with the one rule for what happens at an instant. Every way a drill's clock moves goes through it:
/// the ordinary commands and `drill advance` on a drill people play (`DrillPlan.catchUp`, `DrillPlan.advance`,
/// from the Runs layer's transaction) and the unattended `drill run` (`DrillRunner`), which only sets every role
/// scripted from the start. Pure: the same events give the same answers, and each event is folded once, so that
/// playing a long scenario stays linear in the events it produces.
public struct DrillProgress: Sendable {
    public let plan: DrillPlan
    public let engine: Engine
    /// The run's state after every event so far.
    public private(set) var state: RunState
    /// When the things the scenario's triggers wait for happened, after every event so far.
    public private(set) var moments: DrillPlan.Moments
    /// The events decided here, in order, after those the progress was made from.
    public private(set) var produced: [Event] = []

    /// The progress of a run whose journal holds `events`.
    public init(_ plan: DrillPlan, events: [Event], engine: Engine? = nil) {
        self.plan = plan
        self.engine = engine ?? Engine(playbook: plan.playbook)
        state = RunState.fold(events)
        moments = DrillPlan.Moments(events)
    }

    /// Makes the scenario's scripted players act for every role from the start, their actions journaled as plain
    /// commands (an unattended run, in which every action is scripted, marks none).
    public mutating func scriptEveryRole() {
        moments.everyRoleScripted = true
    }

    /// Takes `events` into the state and the moments, in order, and keeps them.
    public mutating func append(_ events: [Event]) {
        for event in events {
            state.apply(event)
            moments.observe(event)
        }
        produced += events
    }

    /// Delivers the injects and contingency injects due by `now`, each stamped no earlier than the run's last event.
    public mutating func deliverDue(at now: Int64) {
        for delivery in plan.pendingDeliveries(moments) where delivery.at <= now {
            append(plan.announced(delivery, state: state))
        }
    }

    /// Lets the scripted players due by `now` act (`DrillPlan.playScripted`).
    ///
    /// - Returns: whether any acted.
    public mutating func playScripted(at now: Int64) -> Bool {
        let (acted, taken) = plan.playScripted(state: state, moments: moments, at: now, engine: engine)
        append(acted)
        moments.performed.formUnion(taken)
        return !taken.isEmpty
    }

    /// Fires the timers due by `now`.
    ///
    /// - Returns: whether any fired.
    public mutating func fireTimers(at now: Int64) -> Bool {
        let fired = engine.advance(state, to: now)
        append(fired)
        return !fired.isEmpty
    }

    /// The next instant after `now` at which a timer, an inject or a scripted player's action falls due.
    public func nextInstant(after now: Int64) -> Int64? {
        var next: [Int64] = []
        if let timer = engine.nextDue(state) { next.append(timer) }
        next += plan.pendingDeliveries(moments).map(\.at)
        next += plan.pendingScripted(moments).map(\.at)
        return next.filter { $0 > now }.min()
    }

    /// Brings the drill from the run's instant to `target`, instant by instant: at each, the injects due, then the
    /// scripted players due, then (as the clock leaves the instant) the timers due. With `firingAtTarget` the
    /// timers due at `target` itself fire too; without, they wait for the clock to leave it.
    ///
    /// - Returns: `false` when more than `limit` events would be produced (what was produced is then not to be
    ///   written).
    public mutating func catchUp(to target: Int64, firingAtTarget: Bool, limit: Int = .max) -> Bool {
        let before = produced.count
        var now = state.lastEventAt
        while produced.count - before <= limit {
            deliverDue(at: now)
            if playScripted(at: now) { continue }
            if now >= target, !firingAtTarget { break }
            // The instant is left behind: the timers due at it fire now that people had their turn.
            if fireTimers(at: now) { continue }
            if now >= target { break }
            now = min(nextInstant(after: now) ?? target, target)
        }
        return produced.count - before <= limit
    }

    /// Moves the virtual clock on to `instant`, as an unattended run does between instants: the `clock.advanced`,
    /// then any timer due before the instant (none, when `instant` is `nextInstant`).
    public mutating func moveClock(to instant: Int64) {
        append([Event(at: instant, actor: .engine, kind: .clockAdvanced(to: instant))])
        append(engine.advance(state, to: instant - 1))
    }
}
