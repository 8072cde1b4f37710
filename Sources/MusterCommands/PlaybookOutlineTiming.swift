import PlaybookLanguage

/// The worst case of each milestone at each severity level, as `muster show` prints it.
///
/// This is the model of `PlaybookLanguage.TimingAnalysis` (which is internal to its module), kept to the same
/// rules so that `show` prints the numbers `check` judges by: every step finishes exactly on its deadline, a
/// parallel step costs its join over its tracks' slowest paths, expiries leave at the step's bound, escalation
/// gotos at their rung, and each strongly connected group of steps is charged once, the sum of its members'
/// costs. Once `TimingAnalysis.worstCase(_:at:)` is public, this type can call it instead.
struct OutlineTiming {
    /// The worst case of one milestone at one level.
    struct WorstCase {
        /// The latest instant at which the milestone is surely reached, from its anchor.
        var at: Int64
        /// The slowest path: step ids and `outcome.ID`, from the anchor to what reaches the milestone.
        var path: [String]
        /// Steps met on the way that have no deadline (they count as taking no time).
        var undeadlined: [String]
    }

    private let playbook: Playbook
    /// Every step by id, tracks' steps included.
    private let steps: [String: Step]
    /// The top-level steps by id.
    private let topLevel: [String: Step]

    init(playbook: Playbook) {
        self.playbook = playbook
        self.steps = Dictionary(playbook.allSteps.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.topLevel = Dictionary(playbook.steps.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// A duration in milliseconds at `level`; `nil` for no duration or a clock the level lacks.
    static func resolve(_ duration: Duration?, _ level: SeverityLevel) -> Int64? {
        switch duration {
        case .fixed(let milliseconds): milliseconds
        case .clock(let name): level.clocks[name]
        case nil: nil
        }
    }

    /// The worst case of `milestone` at `level`, or `nil` when nothing from its anchor reaches it.
    func worstCase(_ milestone: Milestone, at level: SeverityLevel) -> WorstCase? {
        var undeadlined: [String] = []
        let sources: [String]
        switch milestone.from {
        case .start: sources = [playbook.start.value]
        case .outcome: sources = playbook.outcomes.map { "outcome." + $0.id }
        }
        let arrivals = longestArrivals(from: sources, level: level, undeadlined: &undeadlined)
        let trigger = milestone.reachedWhen
        switch trigger {
        case .outcome:
            var worst: (node: String, at: Int64)?
            for outcome in playbook.outcomes {
                let node = "outcome." + outcome.id
                if let arrival = arrivals[node], worst.map({ arrival.at > $0.at }) ?? true {
                    worst = (node, arrival.at)
                }
            }
            guard let worst else { return nil }
            return WorstCase(at: worst.at, path: Self.path(to: worst.node, in: arrivals), undeadlined: undeadlined)
        case .activated(let step), .acknowledged(let step), .done(let step):
            guard let arrival = arrivals[step.value], let node = steps[step.value] else { return nil }
            var extra: Int64 = 0
            if case .acknowledged = trigger {
                extra = Self.resolve(node.ackWithin?.value, level)
                    ?? cost(of: node, level: level, undeadlined: &undeadlined)
            } else if case .done = trigger {
                extra = cost(of: node, level: level, undeadlined: &undeadlined)
            }
            return WorstCase(
                at: arrival.at + extra, path: Self.path(to: step.value, in: arrivals), undeadlined: undeadlined)
        }
    }

    /// A node's worst arrival instant and the node it came from on the path that gives it.
    private struct Arrival {
        var at: Int64
        var from: String?
    }

    private static func path(to node: String, in arrivals: [String: Arrival]) -> [String] {
        var path = [node]
        var seen: Set<String> = [node]
        var current = node
        while let previous = arrivals[current]?.from, seen.insert(previous).inserted {
            path.append(previous)
            current = previous
        }
        return path.reversed()
    }

    /// The time a step takes on its normal exits when it finishes on its deadline.
    private func cost(of step: Step, level: SeverityLevel, undeadlined: inout [String]) -> Int64 {
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
                let arrivals = longestArrivals(
                    from: [track.start.value], level: level, undeadlined: &undeadlined, within: trackSteps)
                let ends = track.steps.filter { $0.next == nil }.compactMap { step in
                    arrivals[step.id].map { $0.at + cost(of: step, level: level, undeadlined: &undeadlined) }
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
            if let own = Self.resolve(step.doneWithin?.value, level) { return min(own, joined) }
            return joined
        }
        if let milliseconds = Self.resolve(deadline, level) { return milliseconds }
        undeadlined.append(step.id)
        return 0
    }

    /// Every way out of a step with the time it leaves by.
    private func exits(of step: Step, level: SeverityLevel, undeadlined: inout [String]) -> [(String, Int64)] {
        let normal = cost(of: step, level: level, undeadlined: &undeadlined)
        var exits: [(String, Int64)] = step.next?.targets.map { (key($0.value), normal) } ?? []
        for rung in step.escalations {
            if let goto = rung.goto, let after = Self.resolve(rung.after.value, level) {
                exits.append((key(goto.value), after))
            }
        }
        switch step.kind {
        case .action, .parallel: break
        case .decide(let decision): exits += decision.options.map { (key($0.target.value), normal) }
        case .approve(let approval):
            exits += [(key(approval.approved.value), normal), (key(approval.denied.value), normal)]
        case .wait(let wait): if let expiry = wait.onExpiry { exits.append((key(expiry.value), normal)) }
        }
        return exits
    }

    private func key(_ target: Target) -> String {
        switch target {
        case .step(let id): id
        case .outcome(let id): "outcome." + id
        }
    }

    /// The latest arrival at every node reachable from `sources`, each cycle charged once. `within` limits the
    /// graph to a track's steps; by default it is the top level, with outcomes leading to the after-end steps.
    private func longestArrivals(
        from sources: [String], level: SeverityLevel, undeadlined: inout [String], within: [String: Step]? = nil
    ) -> [String: Arrival] {
        let scope = within ?? topLevel
        let afterEndRoots = within == nil ? afterEndRoots() : []
        var edges: [String: [(String, Int64)]] = [:]
        var costs: [String: Int64] = [:]
        var order: [String] = []
        var seen: Set<String> = []
        var work = Array(sources.reversed())
        while let node = work.popLast() {
            guard seen.insert(node).inserted else { continue }
            order.append(node)
            var out: [(String, Int64)] = []
            if node.hasPrefix("outcome.") {
                out = afterEndRoots.map { ($0, 0) }
            } else if let step = scope[node] {
                out = exits(of: step, level: level, undeadlined: &undeadlined).filter {
                    $0.0.hasPrefix("outcome.") ? within == nil : scope[$0.0] != nil
                }
            }
            edges[node] = out
            costs[node] = out.map(\.1).max() ?? 0
            for (next, _) in out where !seen.contains(next) { work.append(next) }
        }
        let components = Self.components(order, edges: { edges[$0]?.map(\.0) ?? [] })
        var arrivals: [String: Arrival] = [:]
        for source in sources { arrivals[source] = Arrival(at: 0, from: nil) }
        // The components come in reverse topological order; walk them from the sources down.
        for component in components.reversed() {
            let members = Set(component)
            var entry: (node: String, arrival: Arrival)?
            for node in component {
                if let arrival = arrivals[node], entry.map({ arrival.at > $0.arrival.at }) ?? true {
                    entry = (node, arrival)
                }
            }
            guard let entry else { continue }
            let first = component[0]
            let cyclic = component.count > 1 || (edges[first] ?? []).contains { $0.0 == first }
            let total = component.reduce(Int64(0)) { $0 + (costs[$1] ?? 0) }
            if cyclic {
                for node in component {
                    let at = entry.arrival.at + total - (costs[node] ?? 0)
                    arrivals[node] = Arrival(at: at, from: node == entry.node ? entry.arrival.from : entry.node)
                }
            }
            for node in component {
                guard let from = arrivals[node] else { continue }
                for (next, time) in edges[node] ?? [] where !members.contains(next) {
                    let candidate = from.at + time
                    if arrivals[next].map({ candidate > $0.at }) ?? true {
                        arrivals[next] = Arrival(at: candidate, from: node)
                    }
                }
            }
        }
        return arrivals
    }

    /// After-end steps that no other after-end step leads to: they start when the run reaches its outcome.
    private func afterEndRoots() -> [String] {
        let afterEnd = playbook.steps.filter { $0.phase == .afterEnd }
        var targeted: Set<String> = []
        for step in afterEnd {
            for target in step.next?.targets ?? [] {
                if case .step(let id) = target.value { targeted.insert(id) }
            }
        }
        return afterEnd.map(\.id).filter { !targeted.contains($0) }
    }

    /// Tarjan's strongly connected components, iteratively, in reverse topological order.
    private static func components(_ nodes: [String], edges: (String) -> [String]) -> [[String]] {
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
            while let top = work.indices.last {
                let node = work[top].node
                if work[top].next < work[top].successors.count {
                    let successor = work[top].successors[work[top].next]
                    work[top].next += 1
                    if index[successor] == nil {
                        open(successor)
                    } else if onStack.contains(successor), let successorIndex = index[successor] {
                        lowLink[node] = min(lowLink[node] ?? successorIndex, successorIndex)
                    }
                    continue
                }
                work.removeLast()
                let low = lowLink[node] ?? 0
                if let parent = work.last?.node { lowLink[parent] = min(lowLink[parent] ?? low, low) }
                if low == index[node] {
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
