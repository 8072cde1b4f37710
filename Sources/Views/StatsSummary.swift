import PlaybookLanguage
import Reporting
import RunEngine

/// The monthly statistics of the live runs in a runs directory (考核指标): per playbook and severity level, how
/// many runs, and the share of them whose response, repair and report milestones were met on time; and the runs
/// whose after-end reports are overdue or whose report nobody signed.
///
/// A pure function of the runs' journals, their pinned playbooks and the instant `now` (for deadlines that have
/// passed without anybody journaling it yet).
public struct StatsSummary: Sendable {
    /// What a run's milestones of one measure came to.
    enum Verdict: Equatable, Sendable {
        /// Every milestone of the measure that fell due was reached with margin ≥ 0.
        case onTime
        /// One was reached late, missed, or can no longer be reached.
        case late
        /// One is due later and not reached yet: the run does not count for the measure yet.
        case pending
    }

    /// The tally of one measure over a set of runs.
    struct Tally: Equatable, Sendable {
        /// Runs in which a milestone of the measure fell due and was decided (on time or not).
        var counted = 0
        var onTime = 0
        /// Runs whose milestone of the measure is due later.
        var pending = 0

        /// `onTime / counted`, or `nil` when no run counted.
        var rate: Double? { counted == 0 ? nil : Double(onTime) / Double(counted) }

        mutating func add(_ verdict: Verdict?) {
            switch verdict {
            case .onTime?:
                counted += 1
                onTime += 1
            case .late?: counted += 1
            case .pending?: pending += 1
            case nil: break
            }
        }
    }

    /// The runs of one playbook at one severity level (`severity` nil: never graded).
    struct Group: Sendable {
        var playbook: String
        /// The playbook's title, for a reader who does not know its id.
        var playbookTitle: LocalizedText? = nil
        var severity: String?
        var severityTitle: LocalizedText?
        /// The severity level's place in its playbook (most severe first), for ordering.
        var severityRank: Int
        var runs: [String] = []
        var tallies: [Milestone.Measure: Tally] = [:]
    }

    /// An after-end obligation (the written report) done after its deadline, or still open past it.
    struct OverdueReport: Sendable {
        var run: String
        var playbook: String
        var playbookTitle: LocalizedText? = nil
        var severity: String?
        var step: String
        var stepTitle: LocalizedText
        var dueAt: Int64
        /// When it was done; `nil` while it is still open.
        var doneAt: Int64?
        var overdueBy: Int64
    }

    /// An ended run without a `report.signed` event.
    struct UnsignedRun: Sendable {
        var run: String
        var playbook: String
        var severity: String?
        var outcome: String
        var endedAt: Int64
        /// The titles of the playbook, the level and the outcome, for a reader who does not know their ids.
        var playbookTitle: LocalizedText? = nil
        var severityTitle: LocalizedText? = nil
        var outcomeTitle: LocalizedText? = nil
    }

    /// A run that could not be read, with why.
    public struct UnreadableRun: Sendable {
        /// The run's id.
        public var run: String
        /// Why it could not be read, in English.
        public var reason: String
    }

    static let measures: [Milestone.Measure] = [.response, .repair, .report]

    /// One run as the charts over time show it: when it started, whether it was a drill, its verdict per measure.
    struct RunPoint: Sendable {
        var run: String
        var startedAt: Int64
        var drill: Bool
        var verdicts: [Milestone.Measure: Verdict]
    }

    /// Every counted live run and every drill, in the order read; drills never enter the tallies.
    var points: [RunPoint] = []

    var runsDirectory: String
    var now: Int64
    var since: Int64?
    var groups: [Group] = []
    var total = Group(playbook: "", severity: nil, severityTitle: nil, severityRank: 0)
    var overdueReports: [OverdueReport] = []
    var unsigned: [UnsignedRun] = []
    /// The runs that were not counted because they could not be read, in the order given.
    public internal(set) var unreadable: [UnreadableRun] = []
    var drillsExcluded: [String] = []
    var beforeSince: [String] = []
    /// Playbooks (by id) whose measures were taken from milestone ids because none declares `measures:`.
    var measuresFromIDs: Set<String> = []

    /// One run, read and checked.
    public struct RunInput: Sendable {
        /// The run's id.
        public var id: String
        /// Its journal's lines, in order.
        public var entries: [JournalEntry]
        /// The SHA-256 of its journal's last line: the chain's head.
        public var head: String
        /// Its pinned playbook.
        public var playbook: Playbook

        /// A run read from its journal.
        public init(id: String, entries: [JournalEntry], head: String, playbook: Playbook) {
            self.id = id
            self.entries = entries
            self.head = head
            self.playbook = playbook
        }
    }

    /// The statistics of `runs` (in the order given; unreadable runs come with their reason).
    ///
    /// - Parameters:
    ///   - runsDirectory: Where the runs were read, as the output names it.
    ///   - runs: Each run of the directory, read, or why it could not be.
    ///   - now: The instant deadlines are judged against, in milliseconds since the epoch.
    ///   - since: Only runs started at or after this instant count (milliseconds since the epoch), if given.
    public init(runsDirectory: String, runs: [Result<RunInput, StatsReadError>], now: Int64, since: Int64?) {
        self.runsDirectory = runsDirectory
        self.now = now
        self.since = since
        var groupIndex: [String: Int] = [:]
        for input in runs {
            let run: RunInput
            switch input {
            case .failure(let error):
                unreadable.append(UnreadableRun(run: error.run, reason: error.reason))
                continue
            case .success(let value):
                run = value
            }
            let state = RunState.fold(run.entries.map(\.event))
            guard let start = state.start else {
                unreadable.append(UnreadableRun(run: run.id, reason: "the journal has no run.started event"))
                continue
            }
            let (measured, fromIDs) = Self.measuredMilestones(run.playbook)
            var verdicts: [Milestone.Measure: Verdict] = [:]
            for measure in Self.measures {
                verdicts[measure] = Self.verdict(measure, of: measured, in: state, playbook: run.playbook, now: now)
            }
            if !start.kind.isLive {
                drillsExcluded.append(run.id)
                if since.map({ state.startedAt >= $0 }) ?? true {
                    points.append(RunPoint(run: run.id, startedAt: state.startedAt, drill: true, verdicts: verdicts))
                }
                continue
            }
            if let since, state.startedAt < since {
                beforeSince.append(run.id)
                continue
            }
            let key = start.playbookID + "\u{0}" + (state.severity ?? "")
            if groupIndex[key] == nil {
                let level = state.severity.flatMap { run.playbook.severity($0) }
                let rank = state.severity.flatMap { id in run.playbook.severities.firstIndex { $0.id == id } }
                groupIndex[key] = groups.count
                groups.append(Group(playbook: start.playbookID, playbookTitle: run.playbook.title,
                                    severity: state.severity, severityTitle: level?.title,
                                    severityRank: rank ?? Int.max))
            }
            points.append(RunPoint(run: run.id, startedAt: state.startedAt, drill: false, verdicts: verdicts))
            if fromIDs, !measured.isEmpty { measuresFromIDs.insert(start.playbookID) }
            let index = groupIndex[key]!
            groups[index].runs.append(run.id)
            total.runs.append(run.id)
            for measure in Self.measures {
                let verdict = verdicts[measure]
                groups[index].tallies[measure, default: Tally()].add(verdict)
                total.tallies[measure, default: Tally()].add(verdict)
            }
            obligations(of: run, state: state)
            if let outcome = state.outcome, state.signatures.isEmpty {
                unsigned.append(UnsignedRun(run: run.id, playbook: start.playbookID, severity: state.severity,
                                            outcome: outcome.id, endedAt: outcome.at, playbookTitle: run.playbook.title,
                                            severityTitle: state.severity.flatMap { run.playbook.severity($0)?.title },
                                            outcomeTitle: run.playbook.outcome(outcome.id)?.title))
            }
        }
        groups.sort { ($0.playbook, $0.severityRank, $0.severity ?? "") < ($1.playbook, $1.severityRank, $1.severity ?? "") }
    }

    /// The milestones a playbook scores, with what each measures: those declaring `measures:`, or, when none
    /// does, by id (`responded` → response, `repaired` and `resolved` → repair, `written_report` → report).
    static func measuredMilestones(_ playbook: Playbook) -> (milestones: [(Milestone, Milestone.Measure)], fromIDs: Bool) {
        let declared = playbook.milestones.compactMap { milestone in milestone.measures.map { (milestone, $0) } }
        if !declared.isEmpty { return (declared, false) }
        let byID: [String: Milestone.Measure] = [
            "responded": .response, "repaired": .repair, "resolved": .repair, "written_report": .report,
        ]
        return (playbook.milestones.compactMap { milestone in byID[milestone.id].map { (milestone, $0) } }, true)
    }

    /// What the milestones measuring `measure` came to in one run; `nil` when none of them fell due.
    static func verdict(
        _ measure: Milestone.Measure, of measured: [(Milestone, Milestone.Measure)], in state: RunState,
        playbook: Playbook, now: Int64
    ) -> Verdict? {
        var verdicts: [Verdict] = []
        for (milestone, what) in measured where what == measure {
            if let verdict = verdict(of: milestone, in: state, playbook: playbook, now: now) { verdicts.append(verdict) }
        }
        if verdicts.contains(.late) { return .late }
        if verdicts.contains(.pending) { return .pending }
        return verdicts.isEmpty ? nil : .onTime
    }

    /// One milestone in one run: `nil` when it never fell due (no due instant: its anchor was not reached, or its
    /// clock's severity level was never set).
    static func verdict(of milestone: Milestone, in state: RunState, playbook: Playbook, now: Int64) -> Verdict? {
        guard let progress = state.milestones[milestone.id], let dueAt = progress.dueAt else { return nil }
        if progress.reachedAt != nil {
            return (progress.margin ?? 0) >= 0 ? .onTime : .late
        }
        if progress.missed || dueAt < now { return .late }
        // Due later, but the run has ended and what reaches the milestone can no longer happen.
        if !canStillBeReached(milestone, state: state, playbook: playbook) { return .late }
        return .pending
    }

    /// Whether an unreached milestone can still be reached: the run is not closed, and either it has not reached
    /// its outcome or what reaches the milestone is an after-end step.
    private static func canStillBeReached(_ milestone: Milestone, state: RunState, playbook: Playbook) -> Bool {
        if state.closed { return false }
        guard state.outcome != nil else { return true }
        guard let step = milestone.reachedWhen.step?.value else { return false }
        return playbook.allSteps.first { $0.id == step }?.phase == .afterEnd
    }

    /// The run's after-end obligations done after their deadline, or open past it.
    private mutating func obligations(of run: RunInput, state: RunState) {
        let report = RunReport(playbook: run.playbook, entries: run.entries,
                               integrity: Integrity(head: run.head, lines: run.entries.count, verified: true))
        for row in report.obligations {
            guard let dueAt = row.dueAt else { continue }
            var doneAt: Int64?
            let overdueBy: Int64
            switch row.ending {
            case .done:
                guard let endedAt = row.endedAt, endedAt > dueAt else { continue }
                doneAt = endedAt
                overdueBy = endedAt - dueAt
            case .open:
                guard now > dueAt else { continue }
                overdueBy = now - dueAt
            case .cancelled:
                continue
            }
            overdueReports.append(OverdueReport(
                run: run.id, playbook: run.playbook.id, playbookTitle: run.playbook.title, severity: state.severity,
                step: row.step, stepTitle: row.title,
                dueAt: dueAt, doneAt: doneAt, overdueBy: overdueBy))
        }
    }
}

/// Why one run could not be read for the statistics.
public struct StatsReadError: Error, Sendable {
    /// The run's id.
    public var run: String
    /// Why it could not be read, in English.
    public var reason: String

    /// Why run `run` could not be read.
    public init(run: String, reason: String) {
        self.run = run
        self.reason = reason
    }
}
