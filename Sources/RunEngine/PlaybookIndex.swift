public import PlaybookLanguage

/// A playbook's steps indexed for the engine: each step by id, with the track it lives in.
public struct PlaybookIndex: Sendable {
    /// Where a step lives: the top level, or a track of a parallel step.
    public struct Place: Sendable, Hashable {
        public var parallelStep: String
        public var track: String
    }

    public let playbook: Playbook
    public let steps: [String: Step]
    /// The track of each track step; top-level steps are absent.
    public let places: [String: Place]
    /// The after-end steps that start when the run reaches its outcome.
    public let afterEndRoots: [String]
    /// The at-any-time chain each of its own steps belongs to (not the steps of tracks inside them).
    public let chains: [String: String]

    /// Indexes a checked playbook.
    public init(_ playbook: Playbook) {
        self.playbook = playbook
        var steps: [String: Step] = [:]
        var places: [String: Place] = [:]
        func visit(_ list: [Step], place: Place?) {
            for step in list {
                steps[step.id] = step
                if let place { places[step.id] = place }
                if case .parallel(let parallel) = step.kind {
                    for track in parallel.tracks {
                        visit(track.steps, place: Place(parallelStep: step.id, track: track.id))
                    }
                }
            }
        }
        visit(playbook.steps, place: nil)
        var chains: [String: String] = [:]
        for chain in playbook.anyTime {
            visit(chain.steps, place: nil)
            for step in chain.steps { chains[step.id] = chain.id }
        }
        self.chains = chains
        self.steps = steps
        self.places = places
        let afterEnd = playbook.steps.filter { $0.phase == .afterEnd }
        let targeted = Set(afterEnd.flatMap { $0.next?.targets ?? [] }.compactMap { target -> String? in
            if case .step(let id) = target.value { return id }
            return nil
        })
        afterEndRoots = afterEnd.map(\.id).filter { !targeted.contains($0) }
    }

    /// The role that commands the run: the owner of the first grading step, else the start step's owner (for an
    /// owner that depends on the severity, the most severe level's).
    public var commandingRole: String? {
        playbook.allSteps.first { $0.grades }.flatMap { owner(of: $0, severity: nil) }
            ?? steps[playbook.start.value].flatMap { owner(of: $0, severity: nil) }
    }

    /// The role that owns `step` at `severity`; a run not graded yet takes the most severe level's owner.
    public func owner(of step: Step, severity: String?) -> String? {
        step.resolvedOwner(atSeverity: severity, levels: playbook.severities.map(\.id))
    }

    /// The length of `duration` at `severity`, in milliseconds; `nil` for a clock while the level is unknown.
    /// A milestone's time limit in a run nobody has graded yet: a severity clock counts as the strictest level's
    /// (the shortest), so that forgetting to grade never lets the response go unjudged; the grade recomputes it.
    public func strictestUngraded(_ duration: Duration?, severity: String?) -> Int64? {
        guard severity == nil, case .clock(let name) = duration else { return nil }
        return playbook.severities.compactMap { $0.clocks[name] }.min()
    }

    public func milliseconds(_ duration: Duration?, severity: String?) -> Int64? {
        switch duration {
        case .fixed(let milliseconds): milliseconds
        case .clock(let name): severity.flatMap { playbook.severity($0)?.clocks[name] }
        case nil: nil
        }
    }
}
