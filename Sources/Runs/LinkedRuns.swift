import Hashing
import Journaling
import Platform
import PlaybookLanguage
import RunEngine

/// Starts the linked run a run asked for when it continued in another playbook (`run.continue_requested`), and
/// journals the link in both runs: `continued_from` in the new run's `run.started`, `run.continued_in` in the
/// first run.
///
/// The two writes are in two journals, so a crash can fall between them. What makes that safe: the new run's id
/// is a function of the first run's (`linkedRunID`), and the new run's first line names the run it continues and
/// the hash of that run's first line. Whatever happened before, `complete` finishes the work: it starts the new
/// run if it is not there, takes it as it is if it is there and points back, and then journals the link in the
/// first run. Every command on the first run calls it, so the link is never left half made for long; a directory
/// with the new run's id that is not that run is said, never overwritten.
public struct LinkedRuns: Sendable {
    /// The runs directory.
    public let runs: RunsDirectory
    /// The file operations writes use.
    public let files: any FileOperations
    /// The wall clock's instant, milliseconds since the epoch.
    public let now: Int64

    /// Links in `runs`, writing with `files`, at `now`.
    public init(runs: RunsDirectory, files: any FileOperations = SystemFiles(), now: Int64) {
        self.runs = runs
        self.files = files
        self.now = now
    }

    /// The id of the run that run `runID` continues in, in playbook `playbookID`: `RUN-PLAYBOOK`, shortened from
    /// the left end of the run id if it would be longer than a run id may be.
    public static func linkedRunID(continuing runID: String, in playbookID: String) -> String {
        let suffix = "-" + playbookID
        let room = max(1, 100 - suffix.utf8.count)
        return String(runID.utf8.prefix(room))! + suffix
    }

    /// Finishes the continuation run `runID` asked for, if it asked for one that is not journaled yet:
    /// starts the linked run (unless it is there already, from a write cut short) and journals the link.
    /// `playbookBytes` gives the bytes of a playbook by id, from the playbooks directory.
    ///
    /// - Returns: the link, when this call made or completed it; `nil` when there was nothing to do.
    /// - Throws: `RunFailure` saying what is missing; the first run keeps waiting, and the next call tries again.
    @discardableResult
    public func complete(_ runID: String, playbookBytes: (String) throws(RunFailure) -> [UInt8])
        throws(RunFailure) -> RunLink?
    {
        let session = try RunSession(runID, in: runs, files: files, now: now)
        let (contents, _, state, _) = try session.read()
        guard state.awaitsLinkedRun, let request = state.continuation, let first = contents.lines.first else {
            return nil
        }
        let link = try startLinkedRun(for: runID, state: state, firstLine: first, request: request,
                                      playbookBytes: playbookBytes)
        try recordLink(link, in: runID)
        return link
    }

    /// The first half: the linked run, started now, or found as an earlier attempt left it.
    public func startLinkedRun(
        for runID: String, state: RunState, firstLine: JournalLine, request: ContinuationRequest,
        playbookBytes: (String) throws(RunFailure) -> [UInt8]
    ) throws(RunFailure) -> RunLink {
        guard let start = state.start else { throw RunFailure("run '\(runID)' has not started") }
        let linkedID = Self.linkedRunID(continuing: runID, in: request.playbook)
        let path = try runs.runPath(linkedID)
        let back = RunLink(run: runID, playbook: start.playbookID,
                           startedHash: SHA256.hash(firstLine.encoded()).hex)
        if (try? FileStatus.of(path, followingLinks: false)) != nil { return try existing(linkedID, pointingAt: back) }

        let bytes = try playbookBytes(request.playbook)
        guard let playbook = PlaybookChecker.check(bytes, file: request.playbook).playbook,
            playbook.id == request.playbook
        else {
            throw RunFailure("playbook '\(request.playbook)' does not check; the linked run cannot start",
                             chinese: "预案 '\(request.playbook)' 未通过检查；无法启动关联运行")
        }
        if let entry = request.entry, !playbook.steps.contains(where: { $0.id == entry && $0.phase == .main }) {
            throw RunFailure("playbook '\(playbook.id)' has no top-level step '\(entry)' to continue at",
                             chinese: "预案 '\(playbook.id)' 中没有可接续的顶层步骤 '\(entry)'")
        }
        var facts: [(String, FactValue)] = []
        for name in request.facts.keys.sorted() {
            guard let fact = playbook.fact(name) else {
                throw RunFailure("playbook '\(playbook.id)' has no fact '\(name)' to start with",
                                 chinese: "预案 '\(playbook.id)' 中没有事实 '\(name)'")
            }
            switch FactValue.parse(request.facts[name]!, for: fact) {
            case .success(let value): facts.append((name, value))
            case .failure(let error):
                throw RunFailure("fact '\(name)' of '\(playbook.id)': \(error.message)",
                                 chinese: "预案 '\(playbook.id)' 的事实 '\(name)' 取值不符：\(error.message)")
            }
        }
        var linked = RunStart(
            playbookID: playbook.id, version: playbook.version, playbookHash: SHA256.hash(bytes).hex,
            mode: start.mode, virtualClock: start.virtualClock,
            severity: state.severity.flatMap { playbook.severity($0) == nil ? nil : $0 },
            assignments: state.holders.filter { playbook.role($0.key) != nil }, speed: start.speed,
            faultAt: state.faultAt, title: start.title)
        linked.continuedFrom = back
        // A drill played unattended hands over to a linked run that is practice too, and both journals stay a
        // function of the scenario alone: no wall-clock instant beside the drill's.
        linked.unattended = start.unattended
        let at = max(RunSession.runTime(state, realNow: now), state.lastEventAt)
        var events = Engine(playbook: playbook).start(linked, at: at, entry: request.entry, facts: facts)
        if Self.stampsRealTime(start) {
            for index in events.indices { events[index].realAt = now }
        }
        try runs.ensureExists()
        do throws(JournalError) {
            try Journal.create(directory: path, playbook: bytes, events: events, files: files)
        } catch {
            throw RunFailure(error, runID: linkedID)
        }
        return try existing(linkedID, pointingAt: back)
    }

    /// The second half: `run.continued_in` journaled in run `runID`, once.
    public func recordLink(_ link: RunLink, in runID: String) throws(RunFailure) {
        let session = try RunSession(runID, in: runs, files: files, now: now)
        do {
            _ = try session.journal.transact { contents in
                let state = RunState.fold(contents.events)
                guard state.continuedIn == nil else { return [] }
                var event = Event(at: max(RunSession.runTime(state, realNow: now), state.lastEventAt), actor: .engine,
                                  kind: .continuedIn(link))
                if let start = state.start, Self.stampsRealTime(start) { event.realAt = now }
                return [event]
            }
        } catch let error as JournalError {
            throw RunFailure(error, runID: runID)
        } catch {
            throw RunFailure("\(error)")
        }
    }

    /// Whether the events of a run that started with `start` carry the wall clock's instant beside their own: a
    /// drill people play on a virtual or sped-up clock does; an unattended one, whose journal is a function of its
    /// scenario, does not.
    static func stampsRealTime(_ start: RunStart) -> Bool {
        !start.unattended && (start.virtualClock || start.speed > 1)
    }

    /// The link to run `linkedID` as it is on disk, when its first line continues `back`.
    private func existing(_ linkedID: String, pointingAt back: RunLink) throws(RunFailure) -> RunLink {
        let journal = Journal(directory: try runs.runPath(linkedID), files: files)
        let first: JournalLine
        do {
            guard let line = try journal.read().contents.lines.first else { throw JournalError.notFound(linkedID) }
            first = line
        } catch {
            throw RunFailure(
                "the linked run '\(linkedID)' was left half made (\(error)); remove its directory and run any command "
                    + "on run '\(back.run)' to start it again",
                chinese: "关联运行 '\(linkedID)' 未建完整（\(error)）；删除其目录后，对运行 '\(back.run)' 执行任一命令即可重新启动")
        }
        guard case .runStarted(let start) = first.event.kind, start.continuedFrom == back else {
            throw RunFailure(
                "a run '\(linkedID)' exists that does not continue run '\(back.run)'; the linked run cannot take its id. "
                    + "Rename or remove it, then run any command on run '\(back.run)'",
                chinese: "已有一个运行 '\(linkedID)'，但它并非接续运行 '\(back.run)'；关联运行无法使用该编号。将其改名或删除后，对运行 '\(back.run)' 执行任一命令")
        }
        return RunLink(run: linkedID, playbook: start.playbookID, startedHash: SHA256.hash(first.encoded()).hex)
    }
}
