public import PlaybookLanguage
public import RunEngine

/// Plays a whole scenario unattended on the virtual clock: injects, contingency injects, scripted players,
/// timers, until the run closes or nothing is left to happen. Deterministic: the same scenario gives the same
/// events, instant for instant.
public struct DrillRunner: Sendable {
    public let plan: DrillPlan
    public let engine: Engine

    public init(scenario: Scenario, playbook: Playbook) {
        plan = DrillPlan(scenario: scenario, playbook: playbook)
        engine = Engine(playbook: playbook)
    }

    /// The start record of a drill run of this scenario.
    ///
    /// - Parameter scenarioHash: the SHA-256 of the scenario file's bytes, pinned beside the journal.
    public func start(playbookHash: String, scenarioHash: String? = nil, virtualClock: Bool = true, speed: Int = 1)
        -> RunStart
    {
        RunStart(playbookID: plan.playbook.id, version: plan.playbook.version, playbookHash: playbookHash, mode: .drill,
                 virtualClock: virtualClock, severity: plan.scenario.severity,
                 assignments: plan.scenario.participants, scenario: plan.scenario.id, speed: virtualClock ? 1 : speed,
                 scenarioHash: scenarioHash)
    }

    /// Every event of the unattended run, from its start: the drill is played as a controller plays one with
    /// every role scripted (`DrillProgress`, the code the live commands and `drill advance` go through), the clock
    /// moving on to each next instant at which anything falls due.
    ///
    /// - Parameter horizon: milliseconds after the start beyond which nothing more is played (default 30 days).
    public func run(playbookHash: String, scenarioHash: String? = nil, horizon: Int64 = 30 * 86_400_000) -> [Event] {
        let startsAt = plan.scenario.startsAt
        var record = start(playbookHash: playbookHash, scenarioHash: scenarioHash)
        record.unattended = true
        var progress = DrillProgress(plan, events: [], engine: engine)
        progress.scriptEveryRole()
        progress.append(engine.start(record, at: startsAt))
        var now = startsAt
        var passes = 0
        while !progress.state.closed, passes < 100_000 {
            passes += 1
            // At each instant: injects first, then scripted players, then the timers due at that very instant
            // (so that an action at a deadline's instant counts as in time).
            progress.deliverDue(at: now)
            if progress.playScripted(at: now) { continue }
            if progress.fireTimers(at: now) { continue }
            // Nothing more at this instant: on to the next one at which anything happens.
            guard let upcoming = progress.nextInstant(after: now), upcoming <= startsAt + horizon else { break }
            // Stop once the run has its outcome and only clocks remain: nobody is left to act.
            let playersLeft = plan.scenario.players.indices.contains { !progress.moments.performed.contains($0) }
            if progress.state.outcome != nil, !playersLeft, plan.pendingDeliveries(progress.moments).isEmpty { break }
            progress.moveClock(to: upcoming)
            now = upcoming
        }
        return progress.produced
    }

    /// The command a scripted action is; a scripted `done` ticks the step's whole checklist.
    public func kind(_ action: Scenario.PlayerAction.Action) -> Command.Kind {
        plan.commandKind(action)
    }
}

