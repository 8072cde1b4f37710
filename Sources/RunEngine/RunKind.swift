/// The kinds of run, the one list every part uses: the statistics count only live runs, and the drill programme
/// counts only rehearsals and drills held with people that reached their outcome.
public enum RunKind: String, Sendable, Hashable, CaseIterable {
    /// A real incident.
    case live
    /// A drill played by people on the real clock (`drill start --clock real`).
    case rehearsal
    /// A drill played by people on a virtual clock that a controller advances (`drill start`, `drill advance`).
    case drill
    /// An unattended drill played by the scenario's scripted players (`drill run`): it pages nobody.
    case practice

    /// Whether the run is a real incident, the only kind the statistics count.
    public var isLive: Bool { self == .live }

    /// Whether people played the run as an exercise, so that, once completed, it counts as a drill held.
    public var isHeldWithPeople: Bool { self == .rehearsal || self == .drill }
}

extension RunStart {
    /// The kind of run this start record begins.
    public var kind: RunKind {
        switch mode {
        case .live: .live
        case .drill: unattended ? .practice : virtualClock ? .drill : .rehearsal
        }
    }
}
