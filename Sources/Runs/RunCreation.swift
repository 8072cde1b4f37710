import Hashing
import Journaling
public import Platform
public import PlaybookLanguage
public import RunEngine

extension RunsDirectory {
    /// Creates run `runID` (and the runs directory, 0770, if need be): its directory, fsync'd, with the pinned
    /// `playbook` bytes, the `companions` (a drill's `scenario.yaml`, the date a practice was held) and a journal
    /// of `events`. Nothing is overwritten.
    ///
    /// - Throws: `RunFailure`, a usage one when `runID` is not a run id; when the run exists, or nothing could be
    ///   written.
    public func create(
        _ runID: String, playbook: [UInt8], events: [Event], companions: [(name: String, bytes: [UInt8])] = [],
        files: any FileOperations = SystemFiles()
    ) throws(RunFailure) {
        let path = try runPath(runID)
        try ensureExists()
        do throws(JournalError) {
            try Journal.create(directory: path, playbook: playbook, events: events, companions: companions, files: files)
        } catch {
            throw RunFailure(error, runID: runID)
        }
    }

    /// Starts a live run of `playbook` (read from `bytes`) at `now`: checks that the roles assigned and the
    /// severity level (an id or a level's alias) are the playbook's, then journals `run.started` and the first
    /// steps.
    ///
    /// - Parameters:
    ///   - faultAt: when the fault happened, if before `now` (what `from: fault` counts from).
    ///   - title: the incident's title, for its reports.
    /// - Returns: the new run's state.
    /// - Throws: `RunFailure` naming the role or level that is not the playbook's, or why the run cannot be created.
    public func startLive(
        _ runID: String, playbook: Playbook, bytes: [UInt8], severity named: String?, assignments: [String: String],
        faultAt: Int64?, title: String?, now: Int64, files: any FileOperations = SystemFiles()
    ) throws(RunFailure) -> RunState {
        for role in assignments.keys.sorted() where playbook.role(role) == nil {
            let roles = playbook.roles.map(\.id)
            throw RunFailure(
                "role '\(role)' is not defined in '\(playbook.id)'; roles: " + roles.joined(separator: ", "),
                chinese: "预案 '\(playbook.id)' 中没有角色 '\(role)'；角色有：" + roles.joined(separator: "、"))
        }
        // A level's alias (a source plan's grade, such as Ⅲ级) starts the run at that level.
        let severity = named.map { playbook.severityID(named: $0) ?? $0 }
        if let severity, playbook.severity(severity) == nil {
            let levels = playbook.severities.map(\.id)
            throw RunFailure(
                "severity level '\(severity)' is not defined in '\(playbook.id)'; levels: " + levels.joined(separator: ", "),
                chinese: "预案 '\(playbook.id)' 中没有严重级别 '\(severity)'；级别有：" + levels.joined(separator: "、"))
        }
        let start = RunStart(
            playbookID: playbook.id, version: playbook.version, playbookHash: SHA256.hash(bytes).hex,
            mode: .live, virtualClock: false, severity: severity, assignments: assignments,
            faultAt: faultAt == now ? nil : faultAt, title: title)
        let events = Engine(playbook: playbook).start(start, at: now)
        try create(runID, playbook: bytes, events: events, files: files)
        return RunState.fold(events)
    }
}
