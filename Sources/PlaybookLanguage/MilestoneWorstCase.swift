/// The worst case of one milestone at one severity level: the latest instant at which it is surely reached if
/// every step finishes exactly on its deadline (see `muster check`'s timing feasibility).
public struct MilestoneWorstCase: Sendable, Hashable {
    /// Milliseconds from the milestone's anchor (the run's start, or its outcome).
    public var at: Int64
    /// The slowest path: step ids and `outcome.ID`, from the anchor to what reaches the milestone.
    public var path: [String]
    /// Steps met on the way that have no deadline (they count as taking no time).
    public var undeadlined: [String]
}

extension Playbook {
    /// The worst case of `milestone` at `level`, or `nil` when nothing from its anchor reaches it.
    public func worstCase(of milestone: Milestone, at level: SeverityLevel) -> MilestoneWorstCase? {
        let steps = Dictionary(allSteps.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        guard let worst = TimingAnalysis(playbook: self, steps: steps).worstCase(milestone, at: level) else {
            return nil
        }
        return MilestoneWorstCase(at: worst.at, path: worst.path, undeadlined: worst.undeadlined)
    }
}
