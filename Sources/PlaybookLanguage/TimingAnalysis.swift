import Diagnostics

/// Works out, for each severity level and milestone, the latest instant at which the milestone is surely
/// reached if every step finishes exactly on its deadline, and reports milestones that can be missed that way.
///
/// The run is modelled as a graph of top-level steps and outcomes. Leaving a step costs its deadline on the
/// normal exits (`done_within`, or a decision's or approval's `within`, or a wait's bound), an expiry's
/// `within` on expiry edges, and the rung's `after` on an escalation's `goto`. A parallel step costs its join of
/// its tracks' slowest paths. Cycles are taken at most once: each strongly connected group of steps is charged
/// the sum of its members' costs, a sound upper bound that is exact when there is no cycle. Outcomes lead to
/// the after-end steps. The cost is linear in the size of the playbook for each level.
struct TimingAnalysis {
    let playbook: Playbook
    let steps: [String: Step]
    /// The top-level steps by id, built once (steps are large values; copying them per query is what costs).
    private let topLevel: [String: Step]

    init(playbook: Playbook, steps: [String: Step]) {
        self.playbook = playbook
        self.steps = steps
        self.topLevel = Dictionary(playbook.steps.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// A node's worst arrival instant and the node it came from on the path that gives it. `at` charges the
    /// node's loop (if it is in one) once, for what comes after it; `first` is the worst instant the node is first
    /// reached, which is what a milestone reached at it waits for: going round a loop through the node means it
    /// was reached before.
    struct Arrival {
        var at: Int64
        var from: String?
        var first: Int64

        init(at: Int64, from: String?, first: Int64? = nil) {
            self.at = at
            self.from = from
            self.first = first ?? at
        }
    }

    /// The path to `node` through the arrivals' predecessors.
    static func path(to node: String, in arrivals: [String: Arrival]) -> [String] {
        var path = [node]
        var seen: Set<String> = [node]
        var current = node
        while let previous = arrivals[current]?.from, seen.insert(previous).inserted {
            path.append(previous)
            current = previous
        }
        return path.reversed()
    }

    private var diagnostics: [Diagnostic] = []
    private var undeadlinedReported: Set<String> = []

    mutating func run(file: String) -> [Diagnostic] {
        for level in playbook.severities {
            for milestone in playbook.milestones {
                check(milestone, at: level, file: file)
            }
        }
        return diagnostics
    }

    /// The worst-case report for one milestone at one level, for `muster show` as well as the checker.
    func worstCase(_ milestone: Milestone, at level: SeverityLevel) -> (at: Int64, path: [String], undeadlined: [String])? {
        var undeadlined: [String] = []
        let sources: [String]
        switch milestone.from {
        // The fault is taken to be at the run's start: the earliest it can be (a fault reported late eats into
        // the milestone's time, which no check can foresee).
        case .start, .fault: sources = [playbook.start.value]
        case .outcome: sources = playbook.outcomes.map { "outcome." + $0.id }
        }
        let arrivals = longestArrivals(from: sources, level: level, undeadlined: &undeadlined)
        let trigger = milestone.reachedWhen
        switch trigger {
        case .outcome:
            let outcomes = playbook.outcomes.map { "outcome." + $0.id }.filter { arrivals[$0] != nil }
            guard let worst = outcomes.max(by: { arrivals[$0]!.at < arrivals[$1]!.at }) else { return nil }
            return (arrivals[worst]!.at, Self.path(to: worst, in: arrivals), undeadlined)
        case .activated(let step), .acknowledged(let step), .done(let step):
            guard let node = steps[step.value] else { return nil }
            var arrival: Arrival
            var path: [String]
            if let topLevel = arrivals[step.value] {
                arrival = Arrival(at: topLevel.first, from: topLevel.from)
                path = Self.path(to: step.value, in: arrivals)
            } else if let (parallel, track) = enclosingTrack(of: step.value), let outer = arrivals[parallel.id] {
                // A step inside a track: the parallel step's arrival, then the track's slowest path to it.
                let trackSteps = Dictionary(track.steps.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
                let inner = longestArrivals(from: [track.start.value], level: level, undeadlined: &undeadlined,
                                            within: trackSteps)
                guard let innerArrival = inner[step.value] else { return nil }
                arrival = Arrival(at: outer.first + innerArrival.first, from: nil)
                path = Self.path(to: parallel.id, in: arrivals) + Self.path(to: step.value, in: inner)
            } else {
                return nil
            }
            var reached = arrival.at
            if case .acknowledged = trigger {
                reached = resolve(node.ackWithin?.value, level).map { arrival.at + $0 }
                    ?? finish(node, arrivedAt: arrival.at, level: level, undeadlined: &undeadlined)
            } else if case .done = trigger {
                reached = finish(node, arrivedAt: arrival.at, level: level, undeadlined: &undeadlined)
            }
            return (reached, path, undeadlined)
        }
    }

    private mutating func check(_ milestone: Milestone, at level: SeverityLevel, file: String) {
        guard let limit = resolve(milestone.within.value, level),
            let worst = worstCase(milestone, at: level)
        else { return }
        var onPath = Set(worst.path)
        if let step = milestone.reachedWhen.step?.value { onPath.remove(step) }
        // The milestone's own step counts only when its time to be reached depends on the step's deadline: being
        // done does, being acknowledged does without `ack_within`, being activated never does.
        var ownStep: String?
        switch milestone.reachedWhen {
        case .done(let step): ownStep = step.value
        case .acknowledged(let step) where steps[step.value]?.ackWithin == nil: ownStep = step.value
        case .activated, .acknowledged, .outcome: ownStep = nil
        }
        for step in Set(worst.undeadlined).sorted() where onPath.contains(step) || ownStep == step {
            guard undeadlinedReported.insert(milestone.id + "/" + step).inserted, let node = steps[step] else {
                continue
            }
            diagnostics.append(.warning(
                LanguageRules.noDeadlineOnPath.id,
                "step '\(step)' has no deadline, so milestone '\(milestone.id)' cannot be shown to be met",
                file: file, at: node.location, hint: "give the step 'done_within:' (a length or a severity clock)",
                notes: [.init("milestone '\(milestone.id)' is defined here", at: milestone.location)]))
        }
        guard worst.at > limit else { return }
        let path = worst.path.joined(separator: " → ")
        let levelText = playbook.severities.count > 1 ? " at level '\(level.id)'" : ""
        diagnostics.append(.error(
            LanguageRules.milestoneInfeasible.id,
            "milestone '\(milestone.id)' can be missed\(levelText): the slowest path reaches "
                + "'\(milestone.reachedWhen)' at \(Duration.format(milliseconds: worst.at)), "
                + "\(Duration.format(milliseconds: worst.at - limit)) after its limit of "
                + "\(Duration.format(milliseconds: limit))",
            file: file, at: milestone.within.location,
            hint: "shorten the deadlines on the path or lengthen the milestone",
            notes: [.init("the slowest path: \(path)")]))
    }

    func resolve(_ duration: Duration?, _ level: SeverityLevel) -> Int64? {
        switch duration {
        case .fixed(let milliseconds): milliseconds
        case .clock(let name): level.clocks[name]
        case nil: nil
        }
    }

    /// The bound of a wait counted from a named instant of the run (`from: start` or `from: fault`), at `level`:
    /// such a wait ends at that instant plus its bound, or at once when it is entered later. The analysis takes
    /// the fault to be at the run's start (the earliest start a run can have), and a track's or the after-end
    /// phase's own time as the run's (which only makes the bound later, never earlier).
    func anchoredBound(of step: Step, level: SeverityLevel) -> Int64? {
        guard case .wait(let wait) = step.kind, wait.from != nil else { return nil }
        return resolve(wait.within.value, level)
    }

    /// The instant a step entered at `arrivedAt` finishes on its normal exits, when it keeps its deadline.
    func finish(_ step: Step, arrivedAt: Int64, level: SeverityLevel, undeadlined: inout [String]) -> Int64 {
        if let bound = anchoredBound(of: step, level: level) { return max(arrivedAt, bound) }
        return arrivedAt + cost(of: step, level: level, undeadlined: &undeadlined)
    }

    /// The time a step takes on its normal exits when it finishes on its deadline.
    func cost(of step: Step, level: SeverityLevel, undeadlined: inout [String]) -> Int64 {
        let deadline: Duration?
        switch step.kind {
        case .action: deadline = step.doneWithin?.value
        case .decide(let decision): deadline = decision.within?.value ?? step.doneWithin?.value
        case .approve(let approval): deadline = approval.within?.value ?? step.doneWithin?.value
        case .wait(let wait): deadline = wait.within.value
        case .parallel(let parallel):
            var trackCosts: [Int64] = []
            for track in parallel.tracks {
                let trackSteps = Dictionary(track.steps.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
                let arrivals = longestArrivals(from: [track.start.value], level: level, undeadlined: &undeadlined,
                                               within: trackSteps)
                let ends = track.steps.filter { $0.next == nil }.compactMap { step in
                    arrivals[step.id].map { finish(step, arrivedAt: $0.at, level: level, undeadlined: &undeadlined) }
                }
                trackCosts.append(ends.max() ?? 0)
            }
            trackCosts.sort()
            let joined: Int64
            switch parallel.join {
            case .all: joined = trackCosts.last ?? 0
            case .any: joined = trackCosts.first ?? 0
            case .count(let count): joined = count >= 1 && count <= trackCosts.count ? trackCosts[count - 1] : 0
            }
            // The parallel step's own deadline makes it overdue, but does not stop its tracks: the join decides.
            return joined
        }
        if let milliseconds = resolve(deadline, level) { return milliseconds }
        undeadlined.append(step.id)
        return 0
    }

    /// Every way out of a step with the time it leaves by: normal exits at the step's cost, expiries at their
    /// bound, escalation gotos at their rung.
    /// A wait counted from a named instant leaves on its normal exits at that bound (`absolute`), not after it.
    private func exits(of step: Step, level: SeverityLevel, undeadlined: inout [String]) -> [Edge] {
        let normal = cost(of: step, level: level, undeadlined: &undeadlined)
        let absolute = anchoredBound(of: step, level: level) != nil
        var exits: [Edge] = step.next?.targets.map { Edge(to: key($0.value), time: normal, absolute: absolute) } ?? []
        for rung in step.escalations {
            if let goto = rung.goto, let after = resolve(rung.after.value, level) {
                exits.append(Edge(to: key(goto.value), time: after))
            }
        }
        switch step.kind {
        case .action, .parallel: break
        case .decide(let decision): exits += decision.options.map { Edge(to: key($0.target.value), time: normal) }
        case .approve(let approval):
            exits += [Edge(to: key(approval.approved.value), time: normal), Edge(to: key(approval.denied.value), time: normal)]
        case .wait(let wait):
            if let expiry = wait.onExpiry { exits.append(Edge(to: key(expiry.value), time: normal, absolute: absolute)) }
        }
        return exits
    }

    /// An edge of the timing graph: leaving for `to` after `time`, or at `time` from the anchor when `absolute`.
    private struct Edge {
        var to: String
        var time: Int64
        var absolute = false

        /// The instant the edge reaches its target from a node reached at `at`.
        func arrival(from at: Int64) -> Int64 { absolute ? max(at, time) : at + time }
    }

    private func key(_ target: Target) -> String {
        switch target {
        case .step(let id): id
        case .outcome(let id): "outcome." + id
        }
    }

    /// The latest arrival at every node reachable from `sources`, with cycles charged once (see the type's
    /// discussion). `within` limits the graph to a track's steps; by default it is the top level, with outcomes
    /// leading to the after-end steps.
    func longestArrivals(
        from sources: [String], level: SeverityLevel, undeadlined: inout [String], within: [String: Step]? = nil
    ) -> [String: Arrival] {
        let scope = within ?? topLevel
        let afterEndRoots = within == nil ? afterEndRoots() : []
        // Successor lists, with the time each edge takes.
        var edges: [String: [Edge]] = [:]
        var costs: [String: Int64] = [:]
        var order: [String] = []
        var seen: Set<String> = []
        var work = sources.reversed().map { $0 }
        while let node = work.popLast() {
            guard seen.insert(node).inserted else { continue }
            order.append(node)
            var out: [Edge] = []
            if node.hasPrefix("outcome.") {
                out = afterEndRoots.map { Edge(to: $0, time: 0) }
            } else if let step = scope[node] {
                out = exits(of: step, level: level, undeadlined: &undeadlined).filter {
                    $0.to.hasPrefix("outcome.") ? within == nil : scope[$0.to] != nil
                }
            }
            edges[node] = out
            // In a loop, a wait counted from an instant is charged its whole bound: a sound upper bound.
            costs[node] = out.map(\.time).max() ?? 0
            for edge in out where !seen.contains(edge.to) { work.append(edge.to) }
        }
        let components = StronglyConnected.components(order, edges: { edges[$0]?.map(\.to) ?? [] })
        var componentOf: [String: Int] = [:]
        for (index, component) in components.enumerated() {
            for node in component { componentOf[node] = index }
        }
        // Tarjan yields components in reverse topological order; walk them from the sources down.
        var arrivals: [String: Arrival] = [:]
        for source in sources { arrivals[source] = Arrival(at: 0, from: nil) }
        for component in components.reversed() {
            let members = Set(component)
            let entered = component.filter { arrivals[$0] != nil }
            guard let entryNode = entered.max(by: { arrivals[$0]!.at < arrivals[$1]!.at }),
                let entry = arrivals[entryNode]
            else { continue }
            let cyclic = component.count > 1 || (edges[component[0]] ?? []).contains { $0.to == component[0] }
            let total = component.reduce(Int64(0)) { $0 + (costs[$1] ?? 0) }
            if cyclic {
                // Entered from outside: first reached then, or through the loop from another entry.
                let outside = Dictionary(entered.map { ($0, arrivals[$0]!.at) }, uniquingKeysWith: { first, _ in first })
                for node in component {
                    let at = entry.at + total - (costs[node] ?? 0)
                    let throughLoop = entered.filter { $0 != node }.map { outside[$0]! + total - (costs[node] ?? 0) }.max()
                    let first = max(outside[node] ?? Int64.min, throughLoop ?? Int64.min)
                    arrivals[node] = Arrival(at: at, from: node == entryNode ? entry.from : entryNode,
                                             first: first == Int64.min ? at : first)
                }
            }
            for node in component {
                guard let from = arrivals[node] else { continue }
                for edge in edges[node] ?? [] where !members.contains(edge.to) {
                    let candidate = cyclic ? from.at + edge.time : edge.arrival(from: from.at)
                    if arrivals[edge.to].map({ candidate > $0.at }) ?? true {
                        arrivals[edge.to] = Arrival(at: candidate, from: node)
                    }
                }
            }
        }
        return arrivals
    }

    /// The top-level parallel step and track that hold `stepID` (tracks nested in tracks are not looked into).
    func enclosingTrack(of stepID: String) -> (Step, Track)? {
        for step in playbook.steps {
            guard case .parallel(let parallel) = step.kind else { continue }
            for track in parallel.tracks where track.steps.contains(where: { $0.id == stepID }) {
                return (step, track)
            }
        }
        return nil
    }

    /// After-end steps that no other after-end step leads to: they start when the run reaches its outcome.
    func afterEndRoots() -> [String] {
        let afterEnd = playbook.steps.filter { $0.phase == .afterEnd }
        let targeted = Set(afterEnd.flatMap { $0.next?.targets.map(\.value) ?? [] }.compactMap { target -> String? in
            if case .step(let id) = target { return id }
            return nil
        })
        return afterEnd.map(\.id).filter { !targeted.contains($0) }
    }
}

/// Tarjan's strongly connected components, iteratively (no recursion, whatever the graph's depth).
enum StronglyConnected {
    /// The components of the graph over `nodes`, in reverse topological order (a component comes before every
    /// component that leads to it).
    static func components(_ nodes: [String], edges: (String) -> [String]) -> [[String]] {
        var index: [String: Int] = [:]
        var lowLink: [String: Int] = [:]
        var onStack: Set<String> = []
        var stack: [String] = []
        var result: [[String]] = []
        var counter = 0
        for root in nodes where index[root] == nil {
            var work: [(node: String, successors: [String], next: Int)] = []
            func open(_ node: String) {
                index[node] = counter
                lowLink[node] = counter
                counter += 1
                stack.append(node)
                onStack.insert(node)
                work.append((node, edges(node), 0))
            }
            open(root)
            while !work.isEmpty {
                let top = work.count - 1
                let node = work[top].node
                if work[top].next < work[top].successors.count {
                    let successor = work[top].successors[work[top].next]
                    work[top].next += 1
                    if index[successor] == nil {
                        open(successor)
                    } else if onStack.contains(successor) {
                        lowLink[node] = min(lowLink[node]!, index[successor]!)
                    }
                    continue
                }
                work.removeLast()
                if let parent = work.last?.node { lowLink[parent] = min(lowLink[parent]!, lowLink[node]!) }
                if lowLink[node] == index[node] {
                    var component: [String] = []
                    while let member = stack.popLast() {
                        onStack.remove(member)
                        component.append(member)
                        if member == node { break }
                    }
                    result.append(component.reversed())
                }
            }
        }
        return result
    }
}
