public import Drills
import Hashing
public import Journaling
public import Platform
public import PlaybookLanguage
public import Reporting
public import RunEngine

/// A scenario and the playbook it drills, both checked, with the bytes each was read from (pinned in the run).
public struct CheckedScenario: Sendable {
    public var scenario: Scenario
    public var scenarioBytes: [UInt8]
    public var playbook: Playbook
    public var playbookBytes: [UInt8]

    public init(scenario: Scenario, scenarioBytes: [UInt8], playbook: Playbook, playbookBytes: [UInt8]) {
        self.scenario = scenario
        self.scenarioBytes = scenarioBytes
        self.playbook = playbook
        self.playbookBytes = playbookBytes
    }

    /// The scenario's plan: its injects and players on the playbook.
    public var plan: DrillPlan { DrillPlan(scenario: scenario, playbook: playbook) }
}

extension RunsDirectory {
    /// Starts a drill of `drill` for people to play: on the virtual clock at the scenario's start, or on the real
    /// clock (sped up `speed` times) at `now`; the injects due at the start are delivered in the same write, and
    /// the wall clock's instant stands beside the drill's own. The scenario is pinned beside the playbook.
    ///
    /// - Returns: the events journaled.
    public func startDrill(
        _ runID: String, _ drill: CheckedScenario, virtualClock: Bool, speed: Int, now: Int64,
        staffing: (assignments: [String: String], scripted: [String])? = nil,
        files: any FileOperations = SystemFiles()
    ) throws(RunFailure) -> [Event] {
        let runner = DrillRunner(scenario: drill.scenario, playbook: drill.playbook)
        let startsAt = virtualClock ? drill.scenario.startsAt : now
        var record = runner.start(playbookHash: SHA256.hash(drill.playbookBytes).hex,
                                  scenarioHash: SHA256.hash(drill.scenarioBytes).hex,
                                  virtualClock: virtualClock, speed: speed)
        // Who plays: the people named, and the scripted players for the roles nobody plays.
        if let staffing { (record.assignments, record.scripted) = (staffing.assignments, staffing.scripted) }
        var events = runner.engine.start(record, at: startsAt)
        events += runner.plan.catchUp(events, to: startsAt, firingAtTarget: false) ?? []
        // When the drill is really held, beside its virtual instants.
        if virtualClock || speed > 1 { events = events.map { var event = $0; event.realAt = now; return event } }
        try create(runID, playbook: drill.playbookBytes, events: events,
                   companions: [("scenario.yaml", drill.scenarioBytes)], files: files)
        return events
    }

    /// Plays `drill` unattended on the virtual clock (`DrillRunner`) and keeps the result as run `runID`. The real
    /// date of the practice, `heldAt`, is kept beside the journal (the file `held`), never in it: the same scenario
    /// and run id give the same journal, byte for byte, whenever it is played.
    public func playUnattended(
        _ runID: String, _ drill: CheckedScenario, heldAt: Int64, files: any FileOperations = SystemFiles()
    ) throws(RunFailure) {
        let runner = DrillRunner(scenario: drill.scenario, playbook: drill.playbook)
        let events = runner.run(playbookHash: SHA256.hash(drill.playbookBytes).hex,
                                scenarioHash: SHA256.hash(drill.scenarioBytes).hex)
        try create(runID, playbook: drill.playbookBytes, events: events,
                   companions: [("scenario.yaml", drill.scenarioBytes),
                                (PracticeDate.fileName, PracticeDate.bytes(heldAt))],
                   files: files)
    }
}

extension RunSession {
    /// A drill run's record as its after-action report reads it.
    public struct DrillRecord: Sendable {
        /// The journal, verified.
        public var contents: Journal.Contents
        /// The objectives rated from the journal.
        public var evaluation: DrillEvaluation
        /// The after-action report.
        public var report: DrillReport
        /// The scripted or played actions the engine refused.
        public var refused: Int {
            contents.events.filter { if case .commandRejected = $0.kind { true } else { false } }.count
        }
        /// Whether the run reached an outcome.
        public var reachedOutcome: Bool { RunState.fold(contents.events).outcome != nil }
    }

    /// Reads a drill run and evaluates it against its pinned scenario, for the report in `language`.
    ///
    /// - Throws: `RunFailure` when the run cannot be read or is not a drill.
    public func drillRecord(language: Language, time: LocalTime = .utc) throws(RunFailure) -> DrillRecord {
        let (contents, playbook, _, _) = try read()
        guard let plan = try drillPlan(playbook: playbook, events: contents.events) else {
            throw RunFailure("run '\(runID)' is not a drill", chinese: "运行 '\(runID)' 不是演练")
        }
        let evaluation = DrillEvaluation(scenario: plan.scenario, playbook: playbook, events: contents.events)
        let report = DrillReport(evaluation: evaluation, report: RunReport(contents, playbook: playbook, runID: runID),
                                 language: language.rawValue, time: time,
                                 practiceHeldAt: PracticeDate.read(in: journal.directory))
        return DrillRecord(contents: contents, evaluation: evaluation, report: report)
    }
}

extension RunReport {
    /// The report of a run read from its verified journal.
    public init(_ contents: Journal.Contents, playbook: Playbook, runID: String? = nil, asOf: Int64? = nil) {
        let entries = contents.lines.map { JournalEntry(seq: $0.seq, event: $0.event, relative: $0.relative) }
        let integrity = Integrity(head: contents.head, lines: contents.lines.count, verified: true)
        self.init(playbook: playbook, entries: entries, integrity: integrity, runID: runID, asOf: asOf)
    }
}
