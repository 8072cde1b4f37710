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

    /// Every event of the unattended run, from its start.
    ///
    /// - Parameter horizon: milliseconds after the start beyond which nothing more is played (default 30 days).
    public func run(playbookHash: String, scenarioHash: String? = nil, horizon: Int64 = 30 * 86_400_000) -> [Event] {
        let startsAt = plan.scenario.startsAt
        var record = start(playbookHash: playbookHash, scenarioHash: scenarioHash)
        record.unattended = true
        var events = engine.start(record, at: startsAt)
        var state = RunState.fold(events)
        var moments = DrillPlan.Moments(events)
        var performed = Set<Int>()
        func append(_ new: [Event]) {
            for event in new {
                state.apply(event)
                moments.observe(event)
            }
            events += new
        }
        var now = startsAt
        var guardCount = 0
        while !state.closed, guardCount < 100_000 {
            guardCount += 1
            // At each instant: injects first, then scripted players, then the timers due at that very instant
            // (so that an action at a deadline's instant counts as in time).
            for delivery in plan.pendingDeliveries(moments) where delivery.at <= now {
                var delivery = delivery
                delivery.at = max(delivery.at, state.lastEventAt)  // time never runs back in a journal
                append([plan.event(delivery)])
            }
            var acted = false
            for (index, player) in plan.scenario.players.enumerated() where !performed.contains(index) {
                guard let at = moments.instant(player.trigger), at <= now else { continue }
                performed.insert(index)
                acted = true
                let person = plan.scenario.participants[player.role] ?? player.role
                let command = Command(person: person, kind: kind(player.action))
                switch engine.handle(command, state: state, at: now) {
                case .success(let produced): append(produced)
                case .failure(let rejection): append([engine.rejected(command, rejection, at: max(now, state.lastEventAt))])
                }
            }
            if acted { continue }
            let fired = engine.advance(state, to: now)
            if !fired.isEmpty {
                append(fired)
                continue
            }
            // Nothing more at this instant: on to the next one at which anything happens.
            var next: [Int64] = []
            if let timer = engine.nextDue(state) { next.append(timer) }
            next += plan.pendingDeliveries(moments).map(\.at)
            for (index, player) in plan.scenario.players.enumerated() where !performed.contains(index) {
                if let at = moments.instant(player.trigger) { next.append(at) }
            }
            guard let upcoming = next.filter({ $0 > now }).min(), upcoming <= startsAt + horizon else { break }
            // Stop once the run has its outcome and only clocks remain: nobody is left to act.
            let playersLeft = plan.scenario.players.indices.contains { !performed.contains($0) }
            if state.outcome != nil, !playersLeft, plan.pendingDeliveries(moments).isEmpty { break }
            append([Event(at: upcoming, actor: .engine, kind: .clockAdvanced(to: upcoming))])
            now = upcoming
            append(engine.advance(state, to: now - 1))
        }
        return events
    }

    /// The command a scripted action is; a scripted `done` ticks the step's whole checklist.
    public func kind(_ action: Scenario.PlayerAction.Action) -> Command.Kind {
        plan.commandKind(action)
    }
}

