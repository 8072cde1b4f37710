import PlaybookLanguage

/// The step graph of a playbook as `muster graph` draws it, whatever the output format: nodes, the clusters of
/// parallel steps and their tracks, and typed edges.
///
/// Node keys are stable and unique but not safe in every format (`step:line-fault`); each renderer quotes or
/// sanitises them. A parallel step is entered at its own node (the fork) and left from its join node; its tracks
/// are clusters inside its cluster. After-end steps sit in a cluster of their own, entered from a node that
/// stands for "any outcome is reached", which every outcome leads to.
public struct StepGraph: Sendable {
    /// The kinds of edge; each renderer draws each kind differently, and DOT names it in the edge's `class`.
    enum EdgeKind: String, CaseIterable {
        /// From the start node to the `start` step.
        case start
        /// A step's `next`.
        case next
        /// A conditional branch, labelled with its condition (`else` for the last).
        case branch
        /// A decision's option, labelled with its title.
        case option
        /// A wait's `on_expiry`.
        case expiry
        /// An approval's `approved`.
        case approved
        /// An approval's `denied`.
        case denied
        /// An escalation rung's `goto`, labelled with its `after`.
        case escalation
        /// From a parallel step to the start of each of its tracks.
        case track
        /// From the end of a track to its parallel step's join.
        case join
        /// From each outcome to "any outcome is reached", and from there to the after-end steps that start then.
        case afterEnd = "after_end"
    }

    /// What a node stands for, which decides its shape.
    enum NodeKind: Equatable {
        case start
        case afterEndEntry
        case action
        case decide
        case approve
        case wait
        /// A parallel step: where its tracks fork.
        case fork
        /// Where a parallel step's tracks join.
        case join
        case outcome(Outcome.Kind)
    }

    /// One node.
    struct Node {
        /// The stable key: `start`, `after_end`, `step:ID`, `join:ID`, `outcome:ID`.
        var key: String
        var kind: NodeKind
        /// The first line, an id or a word: `report`.
        var name: String
        /// The title, in the graph's language (empty for start nodes).
        var title: String
        /// Further small lines: owner, deadline, approver.
        var details: [String]
    }

    /// What a cluster groups.
    enum ClusterKind {
        case parallel
        case track
        case afterEnd
    }

    /// A group of nodes drawn together, possibly holding further groups.
    struct Cluster {
        /// The stable key: `parallel:ID`, `track:STEP/TRACK`, `after_end`.
        var key: String
        var kind: ClusterKind
        var label: String
        var nodes: [Node] = []
        var clusters: [Cluster] = []
    }

    /// One edge.
    struct Edge {
        var kind: EdgeKind
        var from: String
        var to: String
        var label: String?
    }

    /// The playbook's id, version and title.
    var id: String
    var version: String
    var title: String
    /// The nodes and clusters at the top (the root's kind and label mean nothing).
    var root = Cluster(key: "", kind: .afterEnd, label: "")
    var edges: [Edge] = []

    /// The graph of `outline`'s playbook, in its language.
    public init(_ outline: PlaybookOutline) {
        let playbook = outline.playbook
        let labels = outline.labels
        id = playbook.id
        version = playbook.version
        title = outline.text(playbook.title)
        // Built in a local so that adding steps to it may append to `edges`.
        var top = Cluster(key: "", kind: .afterEnd, label: "")
        top.nodes.append(Node(key: "start", kind: .start, name: labels.start, title: "", details: []))
        edges.append(Edge(kind: .start, from: "start", to: Self.key(.step(playbook.start.value)), label: nil))
        for step in outline.mainSteps {
            add(step, to: &top, outline)
        }
        let afterEnd = outline.afterEndSteps
        if !afterEnd.isEmpty {
            var cluster = Cluster(key: "after_end", kind: .afterEnd, label: labels.afterEndSteps)
            cluster.nodes.append(Node(key: "after_end", kind: .afterEndEntry, name: labels.anyOutcome, title: "",
                                      details: []))
            var targeted: Set<String> = []
            for step in afterEnd {
                for target in step.next?.targets ?? [] {
                    if case .step(let id) = target.value { targeted.insert(id) }
                }
            }
            for step in afterEnd where !targeted.contains(step.id) {
                edges.append(Edge(kind: .afterEnd, from: "after_end", to: Self.key(.step(step.id)), label: nil))
            }
            for step in afterEnd {
                add(step, to: &cluster, outline)
            }
            top.clusters.append(cluster)
        }
        for outcome in playbook.outcomes {
            top.nodes.append(Node(
                key: Self.key(.outcome(outcome.id)), kind: .outcome(outcome.kind), name: outcome.id,
                title: outline.text(outcome.title), details: [labels.outcomeKind(outcome.kind)]))
            if !afterEnd.isEmpty {
                edges.append(Edge(kind: .afterEnd, from: Self.key(.outcome(outcome.id)), to: "after_end", label: nil))
            }
        }
        root = top
    }

    /// How many edges of each kind the graph has.
    var edgeCounts: [EdgeKind: Int] {
        var counts: [EdgeKind: Int] = [:]
        for edge in edges { counts[edge.kind, default: 0] += 1 }
        return counts
    }

    /// The key of the node a target names: a step's own node (a parallel step's fork), or an outcome's.
    static func key(_ target: Target) -> String {
        switch target {
        case .step(let id): "step:" + id
        case .outcome(let id): "outcome:" + id
        }
    }

    /// The key of the node a step is left from: its join for a parallel step, else its own node.
    private static func exitKey(_ step: Step) -> String {
        if case .parallel = step.kind { return "join:" + step.id }
        return key(.step(step.id))
    }

    /// Adds a step's node (or, for a parallel step, its cluster with its tracks) and its outgoing edges.
    private mutating func add(_ step: Step, to cluster: inout Cluster, _ outline: PlaybookOutline) {
        let labels = outline.labels
        let own = Self.key(.step(step.id))
        switch step.kind {
        case .parallel(let parallel):
            var group = Cluster(key: "parallel:" + step.id, kind: .parallel, label: labels.kindName(step.kind))
            group.nodes.append(Node(key: own, kind: .fork, name: step.id, title: outline.text(step.title),
                                    details: details(of: step, outline)))
            for track in parallel.tracks {
                var trackCluster = Cluster(
                    key: "track:" + step.id + "/" + track.id, kind: .track,
                    label: labels.track + " " + labels.glossed(track.id, outline.text(track.title)))
                edges.append(Edge(kind: .track, from: own, to: Self.key(.step(track.start.value)), label: nil))
                let first = track.steps.filter { $0.id == track.start.value }
                for trackStep in first + track.steps.filter({ $0.id != track.start.value }) {
                    add(trackStep, to: &trackCluster, outline)
                    if Self.endsTrack(trackStep) {
                        edges.append(Edge(kind: .join, from: Self.exitKey(trackStep), to: "join:" + step.id,
                                          label: nil))
                    }
                }
                group.clusters.append(trackCluster)
            }
            group.nodes.append(Node(key: "join:" + step.id, kind: .join, name: labels.join,
                                    title: labels.joinRule(parallel.join), details: []))
            cluster.clusters.append(group)
        case .action, .decide, .approve, .wait:
            let kind: NodeKind
            switch step.kind {
            case .decide: kind = .decide
            case .approve: kind = .approve
            case .wait: kind = .wait
            default: kind = .action
            }
            cluster.nodes.append(Node(key: own, kind: kind, name: step.id, title: outline.text(step.title),
                                      details: details(of: step, outline)))
        }
        for exit in outline.exits(of: step) {
            edges.append(Edge(kind: Self.edgeKind(exit.kind), from: Self.exitKey(step), to: Self.key(exit.target),
                              label: label(of: exit, outline)))
        }
    }

    /// Whether a track's step ends its track: one that leads nowhere when done (decisions and approvals always
    /// lead on).
    private static func endsTrack(_ step: Step) -> Bool {
        switch step.kind {
        case .decide, .approve: false
        case .action, .wait, .parallel: step.next == nil
        }
    }

    private static func edgeKind(_ kind: PlaybookOutline.Exit.Kind) -> EdgeKind {
        switch kind {
        case .next: .next
        case .branch: .branch
        case .option: .option
        case .expiry: .expiry
        case .approved: .approved
        case .denied: .denied
        case .escalation: .escalation
        }
    }

    private func label(of exit: PlaybookOutline.Exit, _ outline: PlaybookOutline) -> String? {
        let labels = outline.labels
        let expiry = exit.takenOnExpiry ? exit.after.map { labels.expiry + " " + Self.spoken($0, outline) } : nil
        switch exit.kind {
        case .next: return nil
        case .branch:
            return exit.condition.map { ConditionWords(playbook: outline.playbook, language: outline.language).text($0) }
                ?? labels.otherwise
        case .option: return labels.glossed(exit.option.map { outline.text($0.title) } ?? exit.target.description, expiry)
        case .approved: return labels.glossed(labels.approved, expiry)
        case .denied: return labels.glossed(labels.denied, expiry)
        case .expiry: return labels.expiry + (exit.after.map { " " + Self.spoken($0, outline) } ?? "")
        case .escalation: return labels.after(exit.after.map { Self.spoken($0, outline) } ?? "?")
        }
    }

    /// The small lines under a step's title: its owner and main deadline, an approval's approver.
    private func details(of step: Step, _ outline: PlaybookOutline) -> [String] {
        var line: [String] = []
        if let owner = step.owner?.value { line.append(Self.role(owner, outline)) }
        // An owner by severity: the roles most severe level first, as 'commander/tech_lead/on_site'.
        let byLevel = outline.ownersByLevel(of: step)
        if !byLevel.isEmpty { line.append(byLevel.map { Self.role($0.role, outline) }.joined(separator: "/")) }
        let main = outline.deadlines(of: step).first { [.done, .decide, .answer, .wait].contains($0.kind) }
        if let main { line.append(Self.spoken(main.duration, outline)) }
        var details = line.isEmpty ? [] : [line.joined(separator: " · ")]
        if case .approve(let approval) = step.kind {
            details.append(outline.labels.approver + " " + Self.role(approval.approver.value, outline))
        }
        return details
    }

    /// A role as the graph names it: by its id for the authors in English (`on_site`), by its title in Chinese
    /// (`现场应急负责人`).
    private static func role(_ id: String, _ outline: PlaybookOutline) -> String {
        outline.language == .zh ? outline.roleTitle(id) ?? id : id
    }

    /// A duration as the graph says it: as the playbook writes it in English (`5m`, `resolve`), in Chinese words
    /// in Chinese (`5分钟`, `解决时限`).
    private static func spoken(_ duration: PlaybookLanguage.Duration, _ outline: PlaybookOutline) -> String {
        guard outline.language == .zh else { return duration.description }
        switch duration {
        case .fixed(let milliseconds): return ConditionWords.duration(milliseconds, language: .zh)
        case .clock(let name): return ConditionWords.clockName(name, language: .zh) + "时限"
        }
    }
}
