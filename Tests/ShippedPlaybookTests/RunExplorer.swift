import PlaybookLanguage
import RunEngine

/// Drives a playbook through the engine down every way a run can go, breadth first, with an injected clock.
///
/// From each state it tries every move a responder could make on the open steps, plus letting time pass:
/// - an action or wait step: record each candidate value of each fact it records, grade each severity level when it
///   grades an ungraded run, then `done` with every checklist item ticked (once its facts are recorded);
/// - a wait step: also its signal;
/// - a decide step: each option; an approve step: approve and deny, by the approver;
/// - an at-any-time chain that is not running: raise it, by a holder of its first role;
/// - time: jump the clock to the next timer that changes the run's shape (a decision's, approval's or wait's
///   expiry; an escalation rung that reassigns or leaves the step), firing everything due up to it in order.
///
/// A fact that no condition tests gets one value; one that a condition tests gets each value that can make a
/// branch go either way (every choice value, true and false, each number in a condition and one either side of it,
/// each text in a condition and one other). Every role has its own person from the start. Commands come one second
/// apart. States that differ only in time (open steps and their owners, facts, severity, ended tracks, outcome and
/// whether the run is closed being equal) are explored once, so loops end. Everything is deterministic.
struct RunExplorer {
    /// What a responder does, or time passing.
    enum Action: Hashable {
        case command(Command)
        case advance(to: Int64)
    }

    /// One move on the way, with a label for messages.
    struct Move: Hashable {
        var label: String
        var action: Action
    }

    /// What the explorer found.
    struct Report {
        var playbook: String
        /// Every step id (tracks' steps and after-end steps included) and every outcome id.
        var steps: [String]
        var outcomes: [String]
        /// The first way found to each activated step and reached outcome.
        var activated: [String: [Move]] = [:]
        var reached: [String: [Move]] = [:]
        /// States explored.
        var explored = 0
        /// Whether the search ran out of budget before it had seen every state.
        var truncated = false
        /// Commands the engine refused although the explorer built them from the run's state.
        var rejections: [String] = []
        /// The journal types of every event seen (`approval.expired`, `decision.defaulted`, …).
        var eventTypes: Set<String> = []
        /// Why steps were cancelled, e.g. `escalation 2 went to gas_suppression`.
        var cancellations: Set<String> = []

        var missedSteps: [String] { steps.filter { activated[$0] == nil } }
        var missedOutcomes: [String] { outcomes.filter { reached[$0] == nil } }
        var complete: Bool { missedSteps.isEmpty && missedOutcomes.isEmpty }

        /// One line of figures, then what was missed, if anything.
        var summary: String {
            var text = "\(playbook): steps \(steps.count - missedSteps.count)/\(steps.count) activated, outcomes "
                + "\(outcomes.count - missedOutcomes.count)/\(outcomes.count) reached, \(explored) states explored"
                + (truncated ? " (search budget exhausted)" : "")
            if !missedSteps.isEmpty { text += "\n  steps never activated: " + missedSteps.joined(separator: ", ") }
            if !missedOutcomes.isEmpty {
                text += "\n  outcomes never reached: " + missedOutcomes.joined(separator: ", ")
            }
            return text
        }
    }

    /// What makes two states the same for the search.
    struct Signature: Hashable {
        var active: [String: String]
        var facts: [String: FactValue]
        var severity: String?
        var endedTracks: [String: [String]]
        var outcome: String?
        var closed: Bool
        var raisedChains: [String]
        var standing: [String]
        var signed: [String: [String: String]]
    }

    static let t0: Int64 = 1_700_000_000_000
    static let commandGap: Int64 = 1_000

    let playbook: Playbook
    let engine: Engine
    /// The person holding each role: `p-ROLE`.
    let people: [String: String]
    /// The values tried for each fact.
    let candidates: [String: [String]]

    init(playbook: Playbook) {
        self.playbook = playbook
        engine = Engine(playbook: playbook)
        people = Dictionary(uniqueKeysWithValues: playbook.roles.map { ($0.id, "p-\($0.id)") })
        candidates = Self.candidates(playbook)
    }

    // MARK: Values to record

    static func candidates(_ playbook: Playbook) -> [String: [String]] {
        var tested: Set<String> = []
        var literals: [String: [Condition.Literal]] = [:]
        func visit(_ condition: Condition) {
            switch condition {
            case .and(let left, let right), .or(let left, let right):
                visit(left)
                visit(right)
            case .not(let inner):
                visit(inner)
            case .compare(.fact(let fact), _, let values):
                tested.insert(fact)
                literals[fact, default: []] += values
            case .isTrue(.fact(let fact)):
                tested.insert(fact)
            case .compare(.severity, _, _), .isTrue(.severity):
                break
            }
        }
        for step in playbook.allSteps {
            if case .branches(let branches, _) = step.next { branches.forEach { visit($0.condition) } }
        }
        var result: [String: [String]] = [:]
        for fact in playbook.facts {
            let isTested = tested.contains(fact.id)
            switch fact.kind {
            case .choice(let values):
                result[fact.id] = isTested ? values : Array(values.prefix(1))
            case .flag:
                result[fact.id] = isTested ? ["true", "false"] : ["true"]
            case .number:
                var numbers: [Double] = []
                for case .number(let number) in literals[fact.id] ?? [] { numbers += [number - 1, number, number + 1] }
                let values = numbers.isEmpty ? [0] : Array(Set(numbers)).sorted()
                result[fact.id] = values.map { FactValue.number($0).description }
            case .text:
                var texts: [String] = []
                for case .text(let text) in literals[fact.id] ?? [] where !texts.contains(text) { texts.append(text) }
                result[fact.id] = texts + ["noted during the drill"]
            }
        }
        return result
    }

    // MARK: Moves

    /// The run's first state, at `t0`.
    func start() -> [Event] {
        let start = RunStart(
            playbookID: playbook.id, version: playbook.version, playbookHash: "explorer", mode: .drill,
            virtualClock: true, severity: nil, assignments: people)
        return engine.start(start, at: Self.t0)
    }

    /// Every move worth trying in `state`; `atStart` when no move has been made yet.
    func moves(_ state: RunState, atStart: Bool = false) -> [Move] {
        guard !state.closed else { return [] }
        var moves: [Move] = []
        func command(_ label: String, _ person: String, _ kind: Command.Kind) {
            moves.append(Move(label: label, action: .command(Command(person: person, kind: kind))))
        }
        for stepID in state.activeOrder {
            guard let step = engine.index.steps[stepID], let open = state.active[stepID] else { continue }
            let owner = open.owner.flatMap { people[$0] }
            switch step.kind {
            case .action, .wait:
                guard let owner else { continue }
                for fact in step.records.map(\.value) {
                    for value in candidates[fact] ?? [] where state.facts[fact]?.description != value {
                        command("record \(fact)=\(value)", owner, .record(fact: fact, value: value))
                    }
                }
                if step.grades, state.severity == nil {
                    for level in playbook.severities {
                        command("grade \(level.id)", owner, .grade(level: level.id, why: nil))
                    }
                }
                let ready = step.records.allSatisfy { state.facts[$0.value] != nil }
                    && (!step.grades || state.severity != nil)
                if ready, open.signatures[open.owner ?? ""] == nil {
                    command("done \(stepID)", owner, .done(step: stepID, items: step.checklist.map(\.id)))
                }
                if ready {
                    // A step signed together is done once the other role's holder has signed it too.
                    if let together = step.togetherWith?.value, let cosigner = people[together],
                        open.signatures[together] == nil
                    {
                        command("sign \(stepID)", cosigner, .done(step: stepID, items: step.checklist.map(\.id)))
                    }
                }
                if case .wait(let wait) = step.kind, let signal = wait.signal {
                    command("signal \(signal)", owner, .signal(signal))
                }
            case .decide(let decision):
                guard let owner else { continue }
                for option in decision.options {
                    command("decide \(stepID) \(option.id)", owner, .decide(step: stepID, option: option.id, why: nil))
                }
            case .approve(let approval):
                guard let approver = people[approval.approver.value] else { continue }
                command("approve \(stepID)", approver, .approve(step: stepID, why: nil))
                command("deny \(stepID)", approver, .deny(step: stepID, why: nil))
            case .parallel:
                break
            }
        }
        // At-any-time chains are raised at the start only: that reaches every step of a chain beside every way the
        // main flow can go, without multiplying the states by every moment a chain could be raised.
        if atStart {
            for chain in playbook.anyTime {
                guard let role = chain.by.first?.value, let person = people[role] else { continue }
                command("raise \(chain.id)", person, .raise(chain: chain.id, why: nil))
            }
        }
        // A standing instruction can be released whenever it stands; only then can the run close.
        for id in state.standing {
            guard let role = playbook.standingInstruction(id)?.releasedBy.value, let person = people[role] else { continue }
            command("release \(id)", person, .release(instruction: id, why: nil))
        }
        if let timer = nextShapingTimer(state) {
            let offset = PlaybookLanguage.Duration.format(milliseconds: timer.fireAt - Self.t0)
            moves.append(Move(label: "time passes to +\(offset) (\(timer.id))", action: .advance(to: timer.fireAt)))
        }
        return moves
    }

    /// The first timer that, when it fires, changes which steps are open or who owns them.
    func nextShapingTimer(_ state: RunState) -> RunState.Timer? {
        state.dueTimers.first { timer in
            switch timer.purpose {
            case .step(let stepID, .expiry):
                return state.active[stepID] != nil
            case .escalation(let stepID, let rung):
                guard state.active[stepID] != nil, let step = engine.index.steps[stepID],
                    rung < step.escalations.count
                else { return false }
                return step.escalations[rung].goto != nil || step.escalations[rung].reassign != nil
            default:
                return false
            }
        }
    }

    /// Makes `move` at `now` in `state`: the events, the new instant, or the engine's refusal.
    func perform(_ move: Move, on state: RunState, at now: Int64) -> Result<(events: [Event], now: Int64), Rejection> {
        switch move.action {
        case .advance(let instant):
            return .success((engine.advance(state, to: instant), instant))
        case .command(let command):
            switch engine.handle(command, state: state, at: now) {
            case .failure(let rejection):
                return .failure(rejection)
            case .success(var events):
                // The next command comes a second later, after whatever fell due meanwhile.
                var after = state
                for event in events { after.apply(event) }
                events += engine.advance(after, to: now + Self.commandGap)
                return .success((events, now + Self.commandGap))
            }
        }
    }

    func signature(_ state: RunState) -> Signature {
        Signature(
            active: state.active.mapValues { $0.owner ?? "" }, facts: state.facts, severity: state.severity,
            endedTracks: state.endedTracks, outcome: state.outcome?.id, closed: state.closed,
            raisedChains: state.raisedChains.sorted(), standing: state.standing,
            signed: state.active.mapValues(\.signatures).filter { !$0.value.isEmpty })
    }

    // MARK: The search

    /// Explores breadth first until every state is seen or `budget` states are.
    func explore(budget: Int = 100_000) -> Report {
        var report = Report(
            playbook: playbook.id, steps: playbook.allSteps.map(\.id), outcomes: playbook.outcomes.map(\.id))
        func note(_ events: [Event], path: [Move]) {
            for event in events {
                report.eventTypes.insert(EventCoding.type(of: event.kind))
                if case .stepCancelled(let step, let why, _, _) = event.kind {
                    report.cancellations.insert("\(step): \(why)")
                }
                switch event.kind {
                case .stepActivated(let step, _, _) where report.activated[step] == nil:
                    report.activated[step] = path
                case .outcomeReached(let outcome, _) where report.reached[outcome] == nil:
                    report.reached[outcome] = path
                default:
                    break
                }
            }
        }
        let first = start()
        note(first, path: [])
        let initial = RunState.fold(first)
        var seen: Set<Signature> = [signature(initial)]
        var queue: [(state: RunState, now: Int64, path: [Move])] = [(initial, Self.t0, [])]
        var head = 0
        search: while head < queue.count {
            let (state, now, path) = queue[head]
            head += 1
            for move in moves(state, atStart: path.isEmpty) {
                switch perform(move, on: state, at: now) {
                case .failure(let rejection):
                    report.rejections.append(
                        "\(move.label) after [\(path.map(\.label).joined(separator: ", "))]: "
                            + "\(rejection.reason): \(rejection)")
                case .success(let (events, later)):
                    var next = state
                    for event in events { next.apply(event) }
                    note(events, path: path + [move])
                    guard seen.insert(signature(next)).inserted else { continue }
                    if seen.count > budget {
                        report.truncated = true
                        break search
                    }
                    queue.append((next, later, path + [move]))
                }
            }
        }
        report.explored = seen.count
        return report
    }

    /// Makes the moves of `path` from the start: every event, and the state they fold to.
    func replay(_ path: [Move]) -> (events: [Event], state: RunState, rejection: String?) {
        var events = start()
        var state = RunState.fold(events)
        var now = Self.t0
        for move in path {
            switch perform(move, on: state, at: now) {
            case .failure(let rejection):
                return (events, state, "\(move.label): \(rejection)")
            case .success(let (produced, later)):
                for event in produced { state.apply(event) }
                events += produced
                now = later
            }
        }
        return (events, state, nil)
    }
}
