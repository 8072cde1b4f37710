import Diagnostics
import Drills
import Hashing
import Journaling
import Platform
import PlaybookLanguage
import Reporting
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
        var (outcome, contents) = try transaction { contents in
            let playbook = try pinnedPlaybook(contents.playbook)
            let plan = try drillPlan(playbook: playbook, events: contents.events).map { ($0, contents.events) }
            var outcome = try decide(command, playbook: playbook, state: RunState.fold(contents.events),
                                     lineCount: contents.lines.count, plan: plan)
            outcome.appended = stampingRealTime(outcome.appended, state: outcome.state)
            return (outcome, outcome.appended)
        }
        outcome.contents = contents
        return outcome
    }

    /// What a command does to a run in `state`: the timers that fell due, a drill's injects that fell due (given
    /// the plan and the events so far) and what its scripted players did meanwhile, each at its own instant, then
    /// the command or its refusal, then the injects the command triggered and the scripted players it made due
    /// (in this very transaction, at the command's instant).
    ///
    /// On a virtual clock the command happens at the run's instant, before the timers due at that very instant:
    /// those fire when the clock moves on (`DrillPlan.advance`), so an action at a deadline's instant is in time,
    /// as in an unattended `drill run`.
    private func decide(
        _ command: Command?, playbook: Playbook, state: RunState, lineCount: Int, plan: (DrillPlan, [Event])?
    ) throws -> Outcome {
        let engine = Engine(playbook: playbook)
        var state = state
        let now = Self.runTime(state, realNow: self.now)
        let virtual = state.start?.virtualClock == true
        var events: [Event] = []
        func append(_ new: [Event]) {
            for event in new { state.apply(event) }
            events += new
        }
        /// The injects and scripted players due up to `target` (and, `firing`, the timers due at it), each at its
        /// own instant.
        func catchUp(to target: Int64, firing: Bool) {
            guard let (plan, earlier) = plan,
                let caught = plan.catchUp(earlier + events, to: target, firingAtTarget: firing)
            else { return }
            append(caught)
        }
        let elapsed = now - state.lastEventAt
        if plan != nil, !virtual, elapsed >= 0, elapsed <= Engine.clockJumpLimit {
            // A drill on a real clock: what fell due since the last command, instant by instant, timers too.
            catchUp(to: now, firing: true)
        } else {
            append(engine.advance(state, to: virtual ? now - 1 : now))
            catchUp(to: max(now, state.lastEventAt), firing: false)
        }
        var rejection: Rejection?
        if let command {
            switch engine.handle(command, state: state, at: now) {
            case .success(let produced):
                append(produced)
                catchUp(to: max(now, state.lastEventAt), firing: false)
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

    /// `events` with the wall clock's instant beside their own, in a drill whose clock is not the wall clock: a
    /// virtual or sped-up clock, or a real one that a controller paused (the time paused does not count).
    public func stampingRealTime(_ events: [Event], state: RunState) -> [Event] {
        guard Self.clockDiffersFromTheWall(state, adding: events) else { return events }
        return events.map { event in
            var event = event
            event.realAt = now
            return event
        }
    }

    /// Whether a run's instants are not the wall clock's (so that its lines carry the real time beside them):
    /// a drill on a virtual or sped-up clock, or one whose play was paused (or is paused by `events`).
    static func clockDiffersFromTheWall(_ state: RunState, adding events: [Event] = []) -> Bool {
        guard let start = state.start else { return false }
        if start.virtualClock || start.speed > 1 || state.pausedSince != nil || state.pausedFor > 0 { return true }
        return events.contains { event in
            if case .exercise(.mark(let mark)) = event.kind { return mark == .pause || mark == .resume }
            return false
        }
    }

    /// The run's own instant for what people are shown (a board's "due in", a panel's "pending since"): the
    /// virtual instant of a drill on a virtual clock, the sped-up instant of a fast drill, else the wall clock.
    public func runNow(_ state: RunState) -> Int64 { Self.runTime(state, realNow: now) }

    /// Delivers every pending notification of the run that is due (`Outbox.due`), oldest first, with
    /// `notifier`, and journals each result; no external program ever runs while the journal is locked. Results
    /// for deliveries that another deliverer recorded meanwhile are dropped, so that a delivery made twice (at
    /// least once is the promise) is journaled once. `clock` reads the wall clock (each result is stamped after
    /// its attempt, never before the run's last event; a drill on a virtual clock stamps them at its own instant).
    ///
    /// The messages name steps, roles and outcomes by the titles of `playbook` (the run's pinned playbook, read
    /// when not given).
    ///
    /// - Returns: how many result events were journaled.
    /// - Throws: the journal's error when the results could not be journaled.
    @discardableResult
    public func deliverPending(_ state: RunState, with notifier: Notifier, playbook: Playbook? = nil,
                               clock wallClock: () -> Int64) throws -> Int {
        // A drill on a virtual clock delivers in its own time: a result stamped at the wall clock would move
        // the virtual clock months ahead.
        let virtual = state.start?.virtualClock == true
        func clock() -> Int64 { virtual ? state.lastEventAt : max(Self.runTime(state, realNow: wallClock()), state.lastEventAt) }
        let stampReal = Self.clockDiffersFromTheWall(state)
        var due = state.outbox.due(at: clock())
        if let resend = notifier.resend {
            due += state.outbox.resends(at: clock(), after: resend.after, times: resend.times)
        }
        // An unattended drill pages nobody, whoever watches its run.
        guard !due.isEmpty, state.start?.unattended != true else { return 0 }
        let drill = state.start?.mode == .drill
        // Without the playbook (it no longer reads) a message says the ids: the page still goes out.
        let names = (playbook ?? (try? read().playbook)).map(PlaybookNames.init) ?? PlaybookNames()
        let results = due.map { notifier.attempt($0, runID: runID, drill: drill, names: names, now: clock) }
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
                if stampReal { event.realAt = wallClock() }
                kept.append(event)
            }
            journaled = kept.count
            return kept
        }
        return journaled
    }

    /// The instant a command happens at in a run: a drill on a virtual clock runs on its own time (the run's
    /// current instant, moved by 'drill advance'); a drill on a real clock sped up N times runs N times faster
    /// than the wall clock from its start; everything else at the wall clock's instant. A drill's clock does not
    /// move while a controller has paused play, and the time paused never counts: resumed, the drill goes on with
    /// the time that was left.
    public static func runTime(_ state: RunState, realNow: Int64) -> Int64 {
        guard let start = state.start else { return realNow }
        if start.virtualClock { return state.lastEventAt }
        let played = min(state.pausedSince ?? realNow, realNow) - state.pausedFor
        if start.speed > 1 { return state.startedAt + (played - state.startedAt) * Int64(start.speed) }
        return played
    }

    /// The wall clock's instant at which a drill on a real clock reaches the run's instant `instant` (when to wake
    /// for a timer), or `nil` on a virtual clock or while play is paused.
    public static func realInstant(of instant: Int64, state: RunState) -> Int64? {
        guard let start = state.start, !start.virtualClock, state.pausedSince == nil else { return nil }
        let speed = Int64(max(1, start.speed))
        return state.startedAt + (instant - state.startedAt + speed - 1) / speed + state.pausedFor
    }

    /// The wall-clock instant at which a run's next timer falls due: its own instant, or on a sped-up drill clock
    /// the real instant that reaches it; `nil` on a virtual clock (only 'drill advance' moves it) or while play
    /// is paused.
    public static func realInstant(dueNext next: Int64?, state: RunState) -> Int64? {
        next.flatMap { realInstant(of: $0, state: state) }
    }

    /// The pinned scenario of a drill run, if the run has one, checked against the hash its `run.started`
    /// recorded (journals from before the hash was recorded have none to check against).
    ///
    /// - Throws: `RunFailure` when the pinned scenario was changed since the run started, or no longer checks.
    public func drillPlan(playbook: Playbook, events: [Event]) throws(RunFailure) -> DrillPlan? {
        guard let bytes = Self.pinnedScenario(in: journal.directory) else {
            if case .runStarted(let start)? = events.first?.kind, start.scenarioHash != nil {
                throw RunFailure("the pinned scenario.yaml of run '\(runID)' is missing",
                                 chinese: "运行 '\(runID)' 固定的演练脚本 scenario.yaml 不见了")
            }
            return nil
        }
        if let problem = Self.scenarioProblem(bytes, events: events) {
            throw RunFailure("run '\(runID)': " + problem.english, chinese: "运行 '\(runID)'：" + problem.chinese)
        }
        let checked = ScenarioChecker.check(bytes, file: "scenario.yaml") { $0 == playbook.id ? playbook : nil }
        guard let scenario = checked.scenario else {
            throw RunFailure("the pinned scenario of run '\(runID)' no longer checks",
                                 chinese: "运行 '\(runID)' 固定的演练脚本已无法通过检查")
        }
        return DrillPlan(scenario: scenario, playbook: playbook)
    }

    /// The bytes of the scenario pinned in the run directory `directory`, if it holds one.
    public static func pinnedScenario(in directory: String) -> [UInt8]? {
        guard case .bytes(let bytes) = FileReading.read(directory + "/scenario.yaml", limit: 1 << 20) else { return nil }
        return bytes
    }

    /// Why a pinned scenario's bytes are not those the run started with (the hash in its `run.started`), if
    /// they are not: English and Chinese.
    public static func scenarioProblem(_ bytes: [UInt8], events: [Event]) -> (english: String, chinese: String)? {
        guard case .runStarted(let start)? = events.first?.kind, let expected = start.scenarioHash else { return nil }
        guard SHA256.hash(bytes).hex != expected else { return nil }
        return ("the pinned scenario.yaml does not match the hash the run started with (scenario_hash in line 1): "
                    + "it was changed after the drill, and the ratings would no longer be the drill's",
                "固定的 scenario.yaml 与运行开始时记录的哈希（第 1 行的 scenario_hash）不符：演练后被改动过，评定将不再是这次演练的评定")
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
