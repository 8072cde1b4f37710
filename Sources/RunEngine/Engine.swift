public import PlaybookLanguage

/// The run engine: a pure, deterministic function of (playbook, events so far, command, now).
///
/// It decides which events a command produces (or refuses it), which events the passage of time produces
/// (timers falling due), and nothing else: no I/O, no clock, no randomness. Every event it produces has already
/// been applied to the state it returns, through `RunState.apply`, so folding the journal gives the same state.
public struct Engine: Sendable {
    /// The playbook, indexed.
    public let index: PlaybookIndex

    /// Creates an engine for a checked playbook.
    public init(playbook: Playbook) {
        index = PlaybookIndex(playbook)
    }

    /// The events that start a run at `now`: the start record, milestones, the start step.
    public func start(_ start: RunStart, at now: Int64) -> [Event] {
        var run = Transaction(index: index, state: RunState(), now: now)
        run.emit(.runStarted(start), by: .engine)
        run.scheduleMilestones(from: [.start, .fault])
        run.activate(index.playbook.start.value)
        // A deadline counted from a fault long past may be due already.
        run.fireTimers(until: run.now)
        return run.events
    }

    /// How far past the run's last event a command's clock may be before the jump is journaled: a run left idle
    /// overnight is caught up without remark, a clock days ahead is made visible to everyone.
    public static let clockJumpLimit: Int64 = 86_400_000

    /// The events produced by the timers due at or before `now`, fired in order, each at its own instant. On a
    /// run that follows the wall clock, a `clock.jumped` is journaled when `now` is more than `clockJumpLimit` past
    /// the run's last event (after the timers that fell due in between, stamped `now`) or behind it (first,
    /// stamped at the run's last instant: instants in a journal never run backwards, and are never silently
    /// clamped).
    public func advance(_ state: RunState, to now: Int64) -> [Event] {
        advancing(state, to: now).events
    }

    /// The state the timers due at or before `now` lead to: `state` with the events `advance` gives applied.
    public func state(advancing state: RunState, to now: Int64) -> RunState {
        advancing(state, to: now).state
    }

    private func advancing(_ state: RunState, to now: Int64) -> Transaction {
        var run = Transaction(index: index, state: state, now: now)
        let from = state.lastEventAt
        let followsWallClock = state.start.map { !$0.virtualClock && $0.speed == 1 } ?? false
        // A clock behind the run is said once: until the run moves past the instant it was at, the commands that
        // follow on the same clock are stamped at that instant without a further record.
        let saidBehind = state.clockJumps.last.map { $0.size < 0 && $0.from == from } ?? false
        if followsWallClock, now < from, !saidBehind {
            run.emit(.clockJumped(from: from, to: now), by: .engine)
        }
        run.fireTimers(until: now)
        if followsWallClock, now - from > Self.clockJumpLimit {
            run.now = now
            run.emit(.clockJumped(from: from, to: now), by: .engine)
        }
        return run
    }

    /// The events `command` produces at `now` (after `advance` has fired what fell due), or why it is refused.
    public func handle(_ command: Command, state: RunState, at now: Int64) -> Result<[Event], Rejection> {
        handling(command, state: state, at: now).map(\.events)
    }

    /// The state `command` leads to at `now`: `state` with the events `handle` gives applied, or why it is
    /// refused. For a caller that only needs where a run goes (the checker's exploration), not the events.
    public func state(after command: Command, from state: RunState, at now: Int64) -> Result<RunState, Rejection> {
        handling(command, state: state, at: now).map(\.state)
    }

    private func handling(_ command: Command, state: RunState, at now: Int64) -> Result<Transaction, Rejection> {
        var run = Transaction(index: index, state: state, now: now)
        do {
            try run.perform(command)
            // A step the command activated may be counted from an instant long past (a wait `from: fault`): what
            // is due already fires now, not at the next command.
            run.fireTimers(until: run.now)
            return .success(run)
        } catch let rejection as Rejection {
            return .failure(rejection)
        } catch {
            return .failure(Rejection(.unexpected, ["error": .text("\(error)")]))
        }
    }

    /// The event that journals a refused command: the refusal's code and parameters.
    public func rejected(_ command: Command, _ rejection: Rejection, at now: Int64) -> Event {
        Event(at: now, actor: .person(command.person, role: nil),
              kind: .commandRejected(command: command.kind.name, refusal: .coded(rejection)),
              recordedBy: command.recordedBy)
    }

    /// The next instant at which a timer fires, if any.
    public func nextDue(_ state: RunState) -> Int64? {
        state.timers.values.map(\.fireAt).min()
    }
}
