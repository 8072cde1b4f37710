import PlaybookLanguage

/// The worst case of each milestone at each severity level, as `muster show` prints it: the very numbers
/// `muster check` judges by (`Playbook.worstCase(of:at:)`).
struct OutlineTiming {
    typealias WorstCase = MilestoneWorstCase

    private let playbook: Playbook

    init(playbook: Playbook) {
        self.playbook = playbook
    }

    /// A duration in milliseconds at `level`; `nil` for no duration or a clock the level lacks.
    static func resolve(_ duration: PlaybookLanguage.Duration?, _ level: SeverityLevel) -> Int64? {
        switch duration {
        case .fixed(let milliseconds): milliseconds
        case .clock(let name): level.clocks[name]
        case nil: nil
        }
    }

    /// The worst case of `milestone` at `level`, or `nil` when nothing from its anchor reaches it.
    func worstCase(_ milestone: Milestone, at level: SeverityLevel) -> WorstCase? {
        playbook.worstCase(of: milestone, at: level)
    }
}
