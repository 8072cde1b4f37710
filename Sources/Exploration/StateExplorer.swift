public import PlaybookLanguage
public import RunEngine

/// Explores every state a run of a playbook can reach, with the run engine itself: every way each active step
/// can be finished (each decision option, approval and denial, the facts a step records with each value its
/// conditions tell apart, a wait's signal), each at-any-time chain raised, and time passing to the next deadline
/// that can change where the run goes (an expiry, an escalation that reassigns or jumps), which fires every timer
/// due by then in the order the engine fires them; from a start at every severity level (and, where an owner
/// depends on the severity, every regrade while the run is open).
///
/// States are compared on what decides a run's future: what is active (and how far), the tracks ended, the facts a
/// step can still read (`LiveFacts`), the severity, the outcome, the milestones reached, and the order of the timers
/// that steer (`SteeringTimers`); not on instants, nor on reminders and overdue marks that only notify. So loops are
/// explored once, and a reminder firing before or after another step is not a new state. Exploration stops at
/// `limit` states.
///
/// It proves, or gives the shortest counterexample for: every reachable state can still reach an outcome (no
/// join that waits for ever, no loop without a way out, no wait without an exit); every step can be reached; no
/// timer survives the run's closing.
public struct StateExplorer: Sendable {
    /// One move from a state to the next.
    public struct Move: Sendable, Hashable, CustomStringConvertible {
        /// What happened, as a person reads it: `on_site: done 'report'`, `time passes 5m`.
        public var description: String
        /// The step it is about, if any (for the location of a counterexample's note).
        public var step: String?
    }

    /// Something the exploration found.
    public struct Finding: Sendable, Hashable {
        public enum Kind: Sendable, Hashable {
            /// A reachable state from which no outcome can be reached.
            case stuck
            /// A step no run reaches.
            case unreachable(step: String)
            /// A timer still armed once the run is closed.
            case timerAfterClose(timer: String)
        }

        public var kind: Kind
        /// The shortest path of moves from the start that shows it (empty for an unreachable step).
        public var path: [Move]
        /// The active steps in the state it was found in.
        public var active: [String]
    }

    /// What an exploration gives.
    public struct Result: Sendable {
        /// How many distinct states were reached.
        public var states: Int
        /// Whether every reachable state was explored (false when `limit` was reached).
        public var complete: Bool
        public var findings: [Finding]
    }

    public let playbook: Playbook
    public let limit: Int

    /// Whether regrading is explored: when some step's owner depends on the severity.
    private let regrades: Bool
    /// Which timers can change where a run goes.
    private let steering: SteeringTimers

    public init(playbook: Playbook, limit: Int = 100_000) {
        self.playbook = playbook
        self.limit = limit
        regrades = playbook.allSteps.contains { !$0.ownersBySeverity.isEmpty }
        steering = SteeringTimers(playbook)
    }

    /// A state being explored: the run's state, and how it was reached.
    private struct Node {
        var state: RunState
        var parent: Int?
        var move: Move?
    }

    public func explore() -> Result {
        let engine = Engine(playbook: playbook)
        let holders = Dictionary(playbook.roles.map { ($0.id, $0.id) }, uniquingKeysWith: { first, _ in first })
        let values = FactValues(playbook)
        let live = LiveFacts(playbook)
        var nodes: [Node] = []
        var keys: [Key: Int] = [:]
        var edges: [[Int]] = []
        var queue: [Int] = []
        var complete = true
        func add(_ state: RunState, parent: Int?, move: Move?) -> Int? {
            let key = key(state, live: live)
            if let known = keys[key] {
                if let parent { edges[parent].append(known) }
                return nil
            }
            guard nodes.count < limit else {
                complete = false
                return nil
            }
            let index = nodes.count
            nodes.append(Node(state: state, parent: parent, move: move))
            edges.append([])
            keys[key] = index
            if let parent { edges[parent].append(index) }
            queue.append(index)
            return index
        }
        let levels: [String?] = playbook.severities.isEmpty ? [nil] : playbook.severities.map { Optional($0.id) }
        for level in levels {
            let start = RunStart(playbookID: playbook.id, version: playbook.version, playbookHash: "", mode: .live,
                                 virtualClock: false, severity: level, assignments: holders)
            _ = add(RunState.fold(engine.start(start, at: 0)), parent: nil,
                    move: Move(description: "start at level '\(level ?? "-")'", step: nil))
        }
        var head = 0
        var activated: Set<String> = []
        var findings: [Finding] = []
        var timerFound = false
        while head < queue.count {
            let index = queue[head]
            head += 1
            let state = nodes[index].state
            activated.formUnion(state.activeOrder)
            if state.closed, !timerFound, let timer = state.timers.keys.sorted().first {
                timerFound = true
                findings.append(Finding(kind: .timerAfterClose(timer: timer), path: path(to: index, in: nodes),
                                        active: state.activeOrder))
            }
            if state.closed || state.outcome != nil && state.activeOrder.isEmpty && state.standing.isEmpty { continue }
            for (move, next) in moves(from: state, engine: engine, values: values) {
                _ = add(next, parent: index, move: move)
            }
        }
        // Which states can still reach an outcome: backwards from those that have one.
        var reverse = [[Int]](repeating: [], count: nodes.count)
        for (from, targets) in edges.enumerated() { for to in targets { reverse[to].append(from) } }
        var canFinish = [Bool](repeating: false, count: nodes.count)
        var work: [Int] = []
        for (index, node) in nodes.enumerated() where node.state.outcome != nil {
            canFinish[index] = true
            work.append(index)
        }
        while let index = work.popLast() {
            for from in reverse[index] where !canFinish[from] {
                canFinish[from] = true
                work.append(from)
            }
        }
        // The first stuck state in breadth-first order is the one with the shortest path.
        if complete, let stuck = queue.first(where: { !canFinish[$0] }) {
            findings.insert(Finding(kind: .stuck, path: path(to: stuck, in: nodes), active: nodes[stuck].state.activeOrder),
                            at: 0)
        }
        if complete {
            for step in playbook.allSteps where step.phase == .main && !activated.contains(step.id) {
                findings.append(Finding(kind: .unreachable(step: step.id), path: [], active: []))
            }
        }
        return Result(states: nodes.count, complete: complete, findings: findings)
    }

    private func path(to index: Int, in nodes: [Node]) -> [Move] {
        var moves: [Move] = []
        var current: Int? = index
        while let at = current {
            if let move = nodes[at].move { moves.append(move) }
            current = nodes[at].parent
        }
        return moves.reversed()
    }

    /// Every move from `state`, with the state it leads to (refused commands lead nowhere).
    private func moves(from state: RunState, engine: Engine, values: FactValues) -> [(Move, RunState)] {
        var result: [(Move, RunState)] = []
        let now = state.lastEventAt
        func run(_ commands: [Command], _ description: String, step: String?) {
            var next = state
            for command in commands {
                guard case .success(let events) = engine.handle(command, state: next, at: now) else { return }
                for event in events { next.apply(event) }
            }
            result.append((Move(description: description, step: step), next))
        }
        for stepID in state.activeOrder {
            guard let step = engine.index.steps[stepID], let open = state.active[stepID] else { continue }
            let person = open.owner.flatMap { state.holders[$0] } ?? open.owner ?? "nobody"
            let who = open.owner ?? "-"
            switch step.kind {
            case .parallel:
                continue
            case .decide(let decision):
                for option in decision.options {
                    run([Command(person: person, kind: .decide(step: stepID, option: option.id, why: nil))],
                        "\(who): decide '\(option.id)' on '\(stepID)'", step: stepID)
                }
            case .approve(let approval):
                let approver = state.holders[approval.approver.value] ?? approval.approver.value
                run([Command(person: approver, kind: .approve(step: stepID, why: nil))],
                    "\(approval.approver.value): approve '\(stepID)'", step: stepID)
                run([Command(person: approver, kind: .deny(step: stepID, why: nil))],
                    "\(approval.approver.value): deny '\(stepID)'", step: stepID)
            case .wait(let wait):
                if let signal = wait.signal {
                    run([Command(person: person, kind: .signal(signal))], "\(who): signal '\(signal)'", step: stepID)
                }
            case .action:
                var grading: [Command] = []
                if step.grades, state.severity == nil, let level = playbook.severities.first {
                    grading = [Command(person: person, kind: .grade(level: level.id, why: nil))]
                }
                for combination in values.combinations(step.records.map(\.value)) {
                    let records = combination.map { Command(person: person, kind: .record(fact: $0.fact, value: $0.value)) }
                    var done = [Command(person: person, kind: .done(step: stepID, items: step.checklist.map(\.id)))]
                    // A step signed together is done when the other role's holder signs it too.
                    if let together = step.togetherWith?.value {
                        done.append(Command(person: state.holders[together] ?? together, kind: .done(step: stepID, items: [])))
                    }
                    let facts = combination.map { "\($0.fact)=\($0.value)" }.joined(separator: ", ")
                    run(grading + records + done, "\(who): done '\(stepID)'" + (facts.isEmpty ? "" : " with \(facts)"),
                        step: stepID)
                }
            }
        }
        // A standing instruction can be released whenever it stands.
        for id in state.standing {
            guard let role = playbook.standingInstruction(id)?.releasedBy.value else { continue }
            run([Command(person: state.holders[role] ?? role, kind: .release(instruction: id, why: nil))],
                "\(role): release '\(id)'", step: nil)
        }
        // An at-any-time chain can be raised whenever it is not running and the run has not ended.
        if state.outcome == nil {
            for chain in playbook.anyTime where !state.raisedChains.contains(chain.id) {
                guard let role = chain.by.first?.value else { continue }
                run([Command(person: state.holders[role] ?? role, kind: .raise(chain: chain.id, why: nil))],
                    "\(role): raise '\(chain.id)'", step: chain.start.value)
            }
        }
        // Where an owner depends on the severity, the commander may regrade while the run is open, which hands
        // open steps over: every other level is explored (only then, so other playbooks' state counts stay).
        if regrades, state.outcome == nil, let current = state.severity, let commander = engine.index.commandingRole {
            for level in playbook.severities where level.id != current {
                run([Command(person: state.holders[commander] ?? commander, kind: .regrade(level: level.id, why: "-"))],
                    "\(commander): regrade to '\(level.id)'", step: nil)
            }
        }
        // Time moves on to the next deadline that can change where the run goes (an expiry, an escalation that
        // reassigns or jumps), firing on the way those that only journal and notify (reminders, overdue marks,
        // progress clocks, milestones' due instants).
        let deciding = state.timers.values.filter { steering.contains($0.purpose) }
        if let due = deciding.map(\.fireAt).min() {
            var next = state
            for event in engine.advance(state, to: due) { next.apply(event) }
            let fired = next.eventCount - state.eventCount
            if fired > 0 {
                result.append((Move(description: "time passes to the next deadline (\(describe(due - now)))", step: nil),
                               next))
            }
        }
        return result
    }

    private func describe(_ milliseconds: Int64) -> String {
        Duration.format(milliseconds: milliseconds)
    }

    /// What decides a state's future: what is active (and how far), the tracks ended, the facts still read, the
    /// severity, the outcome, the milestones reached, and the steering timers in the order they fire.
    struct Key: Hashable {
        struct Open: Hashable {
            var step: String
            var owner: String?
            var acknowledged: Bool
            var items: Set<String>
        }
        var severity: String?
        var active: Set<Open>
        var ended: [String: Set<String>]
        var facts: [String: FactValue]
        var outcome: String?
        var closed: Bool
        var aborted: Bool
        var milestones: [String: UInt8]
        var raised: [String]
        var standing: Set<String>
        /// The armed steering timers in the order they fire (those due at one instant together): which deadline comes
        /// first is what a run can do next; how far off it is, is not.
        var timers: [Set<TimerPurpose>]
    }

    func key(_ state: RunState, live: LiveFacts) -> Key {
        var byInstant: [Int64: Set<TimerPurpose>] = [:]
        for timer in state.timers.values {
            guard steering.contains(timer.purpose) else { continue }
            byInstant[timer.fireAt, default: []].insert(timer.purpose)
        }
        let timers = byInstant.keys.sorted().map { byInstant[$0]! }
        let matters = live.live(open: state.activeOrder)
        return Key(
            severity: state.severity,
            active: Set(state.active.values.map {
                Key.Open(step: $0.id, owner: $0.owner, acknowledged: $0.acknowledgedAt != nil, items: $0.itemsDone)
            }),
            ended: state.endedTracks.mapValues(Set.init), facts: state.facts.filter { matters.contains($0.key) }, outcome: state.outcome?.id,
            closed: state.closed, aborted: state.aborted,
            milestones: state.milestones.mapValues { $0.reachedAt != nil ? 1 : 0 },
            raised: state.raisedChains.sorted(), standing: Set(state.standing), timers: timers)
    }
}
