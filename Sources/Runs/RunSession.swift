import Diagnostics
import Drills
import Journaling
import Platform
import PlaybookLanguage
import RunEngine

/// One command against a run: under the journal's lock, rebuild the state, fire what fell due, apply the
/// command (or journal its refusal), append, fsync; only then report.
public struct RunSession: Sendable {
    /// The run's id.
    public let runID: String
    /// The run's journal.
    public let journal: Journal
    /// The instant the command happens at, milliseconds since the epoch (read once, at the edge).
    public let now: Int64

    /// What happened.
    public struct Outcome {
        /// The run's pinned playbook.
        public var playbook: Playbook
        /// The run's state after the command.
        public var state: RunState
        /// The events this command appended (timers that fell due included).
        public var appended: [Event]
        /// Why the command was refused, if it was.
        public var rejection: Rejection?
        /// The sequence number of the first appended event.
        public var firstSeq: Int
        /// The journal after the write.
        public var contents: Journal.Contents? = nil
        /// The chain's head after the write: the SHA-256 of the journal's last line.
        public var head: String { contents?.head ?? "" }
    }

    /// A session on run `runID` of `runs`, writing with `files`, at the instant `now`.
    ///
    /// - Throws: `RunFailure` when `runID` is not a run id or its directory is a symbolic link.
    public init(_ runID: String, in runs: RunsDirectory, files: any FileOperations = SystemFiles(), now: Int64)
        throws(RunFailure)
    {
        self.runID = runID
        journal = Journal(directory: try runs.runPath(runID), files: files)
        self.now = now
    }

    /// The pinned playbook of a run. `start` checked the YAML before pinning it and the journal recognises its
    /// bytes as those the run started with (the hash in its first line), so it is decoded, not checked again; it
    /// is checked when it does not decode, to say why.
    public func pinnedPlaybook(_ bytes: [UInt8]) throws(RunFailure) -> Playbook {
        if let playbook = PlaybookChecker.decodeChecked(bytes, file: "playbook.yaml") { return playbook }
        guard let playbook = PlaybookChecker.check(bytes, file: "playbook.yaml").playbook else {
            throw RunFailure("the pinned playbook of run '\(runID)' no longer checks; the run cannot go on",
                                 chinese: "运行 '\(runID)' 固定的预案已无法通过检查；运行无法继续")
        }
        return playbook
    }

    /// Fires what fell due and performs `command` (when given), appending everything to the journal: under the
    /// journal's exclusive lock, every line is read, verified and folded, then the engine decides.
    ///
    /// - Throws: `RunFailure` when the run cannot be read, its pinned files no longer check, or nothing could be
    ///   written.
    public func perform(_ command: Command?) throws(RunFailure) -> Outcome {
        var result: Outcome?
        do {
            let contents = try journal.transact { contents in
                let playbook = try pinnedPlaybook(contents.playbook)
                let plan = try drillPlan(playbook: playbook).map { ($0, contents.events) }
                let outcome = try decide(command, playbook: playbook, state: RunState.fold(contents.events),
                                         lineCount: contents.lines.count, plan: plan)
                result = outcome
                return outcome.appended
            }
            result?.contents = contents
        } catch let error as JournalError {
            throw RunFailure(error, runID: runID)
        } catch let error as RunFailure {
            throw error
        } catch {
            throw RunFailure("\(error)")
        }
        guard let result else {
            throw RunFailure("the journal of '\(runID)' could not be read", chinese: "无法读取运行 '\(runID)' 的日志")
        }
        return result
    }

    /// What a command does to a run in `state`: the timers that fell due, a drill's injects that fell due (given
    /// the plan and the events so far), then the command or its refusal.
    private func decide(
        _ command: Command?, playbook: Playbook, state: RunState, lineCount: Int, plan: (DrillPlan, [Event])?
    ) throws -> Outcome {
        let engine = Engine(playbook: playbook)
        var state = state
        let now = Self.runTime(state, realNow: self.now)
        var events = engine.advance(state, to: now)
        for event in events { state.apply(event) }
        if let (plan, earlier) = plan {
            for delivery in plan.dueDeliveries(earlier + events, upTo: now) {
                var delivery = delivery
                delivery.at = max(delivery.at, state.lastEventAt)
                let event = plan.event(delivery)
                state.apply(event)
                events.append(event)
            }
        }
        var rejection: Rejection?
        if let command {
            switch engine.handle(command, state: state, at: now) {
            case .success(let produced):
                for event in produced { state.apply(event) }
                events += produced
            case .failure(let refused):
                rejection = refused
                let event = engine.rejected(command, refused, at: max(now, state.lastEventAt))
                state.apply(event)
                events.append(event)
            }
        }
        return Outcome(playbook: playbook, state: state, appended: events, rejection: rejection,
                       firstSeq: lineCount + 1)
    }

    /// Delivers every pending notification of the run that is due (`Outbox.due`), oldest first, with
    /// `notifier`, and journals each result; no external program ever runs while the journal is locked. Results
    /// for deliveries that another deliverer recorded meanwhile are dropped, so that a delivery made twice (at
    /// least once is the promise) is journaled once. `clock` reads the wall clock (each result is stamped after
    /// its attempt, never before the run's last event).
    ///
    /// - Returns: how many result events were journaled.
    /// - Throws: the journal's error when the results could not be journaled.
    @discardableResult
    public func deliverPending(_ state: RunState, with notifier: Notifier, clock wallClock: () -> Int64) throws -> Int {
        func clock() -> Int64 { max(wallClock(), state.lastEventAt) }
        var due = state.outbox.due(at: clock())
        if let resend = notifier.resend {
            due += state.outbox.resends(at: clock(), after: resend.after, times: resend.times)
        }
        guard !due.isEmpty else { return 0 }
        let drill = state.start?.mode == .drill
        let results = due.map { notifier.attempt($0, runID: runID, drill: drill, now: clock) }
        var journaled = 0
        try journal.transact { contents in
            let current = RunState.fold(contents.events)
            var kept: [Event] = []
            for (delivery, result) in zip(due, results) {
                let now = current.outbox.deliveries.first {
                    $0.requestSeq == delivery.requestSeq && $0.recipient == delivery.recipient
                }
                guard now?.status == delivery.status, now?.attempts == delivery.attempts else { continue }
                var event = result
                event.at = max(event.at, current.lastEventAt, kept.last?.at ?? 0)
                kept.append(event)
            }
            journaled = kept.count
            return kept
        }
        return journaled
    }

    /// The instant a command happens at in a run: a drill on a virtual clock runs on its own time (the run's
    /// current instant, moved by 'drill advance'); a drill on a real clock sped up N times runs N times faster
    /// than the wall clock from its start; everything else at the wall clock's instant.
    public static func runTime(_ state: RunState, realNow: Int64) -> Int64 {
        guard let start = state.start else { return realNow }
        if start.virtualClock { return state.lastEventAt }
        if start.speed > 1 { return state.startedAt + (realNow - state.startedAt) * Int64(start.speed) }
        return realNow
    }

    /// The pinned scenario of a drill run, if the run has one.
    public func drillPlan(playbook: Playbook) throws(RunFailure) -> DrillPlan? {
        let path = journal.directory + "/scenario.yaml"
        guard case .bytes(let bytes) = FileReading.read(path, limit: 1 << 20) else { return nil }
        let checked = ScenarioChecker.check(bytes, file: "scenario.yaml") { $0 == playbook.id ? playbook : nil }
        guard let scenario = checked.scenario else {
            throw RunFailure("the pinned scenario of run '\(runID)' no longer checks",
                                 chinese: "运行 '\(runID)' 固定的演练脚本已无法通过检查")
        }
        return DrillPlan(scenario: scenario, playbook: playbook)
    }

    /// Reads the run without writing anything.
    ///
    /// - Returns: the journal, the pinned playbook, the folded state, and how many bytes of a torn last line
    ///   were left out.
    public func read() throws(RunFailure)
        -> (contents: Journal.Contents, playbook: Playbook, state: RunState, tornBytes: Int)
    {
        do {
            let (contents, torn) = try journal.read()
            let playbook = try pinnedPlaybook(contents.playbook)
            return (contents, playbook, RunState.fold(contents.events), torn)
        } catch let error as JournalError {
            throw RunFailure(error, runID: runID)
        } catch let error as RunFailure {
            throw error
        } catch {
            throw RunFailure("\(error)")
        }
    }
}
