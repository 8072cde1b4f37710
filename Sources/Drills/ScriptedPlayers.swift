public import PlaybookLanguage
public import RunEngine

/// Scripted players inside a drill people play: the scenario's `players:` act for the roles nobody plays (named
/// at `drill start`, or handed over by a controller), at their own instants, as they do in an unattended
/// `drill run`; the roles people play are left to them. Each event a scripted player causes names it
/// (`Event.scriptedPlayer`), so the log and the after-action report tell scripted play from people's.
extension DrillPlan {
    /// A scripted player's action whose instant is known.
    public struct ScriptedAction: Sendable, Hashable {
        /// Its place in the scenario's `players:`, from 0.
        public var index: Int
        public var player: Scenario.PlayerAction
        /// The instant it is due at.
        public var at: Int64
    }

    /// The scripted actions not yet taken whose instant is known, for the roles the scripted players act for, in
    /// the order they are due (the scenario's order at one instant). An action due before its role was handed to
    /// the scripted players belonged to the person who played it then, and is never taken; while play is paused
    /// nothing is due.
    public func pendingScripted(_ moments: Moments) -> [ScriptedAction] {
        guard moments.anyRoleScripted else { return [] }
        var due: [ScriptedAction] = []
        for (index, player) in scenario.players.enumerated() where !moments.performed.contains(index) {
            guard let since = moments.scriptedSince(player.role), let at = moments.instant(player.trigger), at >= since
            else { continue }
            due.append(ScriptedAction(index: index, player: player, at: at))
        }
        return due.sorted { ($0.at, $0.index) < ($1.at, $1.index) }
    }

    /// The scripted actions due at `now`, taken in the scenario's order as `DrillRunner` takes them (an action
    /// that makes a later one due at the same instant lets it act in the same pass), each as a command of the
    /// role's holder at `now`; a refused one is journaled as refused. Every event names its scripted player,
    /// except in an unattended run (`Moments.everyRoleScripted`), where every action is scripted.
    ///
    /// - Returns: the events, already consistent with `state` (apply them in order), and the actions taken (their
    ///   places in the scenario's `players:`), refused ones included.
    public func playScripted(state: RunState, moments: Moments, at now: Int64, engine: Engine? = nil)
        -> (events: [Event], taken: [Int])
    {
        guard moments.anyRoleScripted else { return ([], []) }
        let engine = engine ?? Engine(playbook: playbook)
        var state = state
        var moments = moments
        var produced: [Event] = []
        var taken: [Int] = []
        for (index, player) in scenario.players.enumerated() where !moments.performed.contains(index) {
            guard let since = moments.scriptedSince(player.role), let at = moments.instant(player.trigger),
                at >= since, at <= now
            else { continue }
            taken.append(index)
            moments.performed.insert(index)
            let person = state.holders[player.role] ?? scenario.participants[player.role] ?? player.role
            let command = Command(person: person, kind: commandKind(player.action))
            var events: [Event]
            switch engine.handle(command, state: state, at: now) {
            case .success(let done): events = done
            case .failure(let rejection): events = [engine.rejected(command, rejection, at: max(now, state.lastEventAt))]
            }
            if moments.everyRoleScripted {
                for event in events { state.apply(event); moments.observe(event) }
                produced += events
                continue
            }
            // What the scripted player did names it; what the engine does in consequence stays the engine's.
            events = events.map { event in
                var event = event
                if case .person = event.actor { event.scriptedPlayer = index + 1 }
                return event
            }
            // Even an action that did nothing but be refused is taken: it is not tried again.
            if !events.contains(where: { $0.scriptedPlayer != nil }), var first = events.first {
                first.scriptedPlayer = index + 1
                events[0] = first
            }
            for event in events {
                state.apply(event)
                moments.observe(event)
            }
            produced += events
        }
        return (produced, taken)
    }

    /// The command a scripted action is; a scripted `done` ticks the step's whole checklist.
    public func commandKind(_ action: Scenario.PlayerAction.Action) -> Command.Kind {
        switch action {
        case .acknowledge(let step): .acknowledge(step: step)
        case .progress(let step): .progress(step: step, note: "scripted player")
        case .done(let step):
            .done(step: step, items: playbook.allSteps.first { $0.id == step }?.checklist.map(\.id) ?? [])
        case .record(let fact, let value): .record(fact: fact, value: value)
        case .decide(let step, let option): .decide(step: step, option: option, why: "scripted player")
        case .approve(let step): .approve(step: step, why: "scripted player")
        case .deny(let step): .deny(step: step, why: "scripted player")
        case .grade(let level): .grade(level: level, why: nil)
        case .signal(let name): .signal(name)
        case .note(let text): .note(text)
        }
    }

    /// The roles a drill people play leaves to the scripted players: those asked for (`all` for every role the
    /// scenario scripts), and every role the scenario scripts that no person plays (`people`: role → person).
    /// Sorted.
    public func scriptedRoles(asked: [String], people: [String: String]) -> [String] {
        let scriptedByScenario = Set(scenario.players.map(\.role))
        var roles = Set(asked.contains("all") ? scriptedByScenario : Set(asked))
        for role in scriptedByScenario where people[role] == nil { roles.insert(role) }
        return roles.sorted()
    }
}
