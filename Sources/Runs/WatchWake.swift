public import Journaling
public import PlaybookLanguage
public import RunEngine

extension RunSession {
    /// What one wake of a watcher did to a run and found in it.
    public struct Wake: Sendable {
        /// The run's pinned playbook.
        public var playbook: Playbook
        /// The run's state, the results of this wake's deliveries included.
        public var state: RunState
        /// The run's journal, the results of this wake's deliveries included.
        public var contents: Journal.Contents
        /// How many delivery results this wake journaled.
        public var delivered: Int
        /// The wall-clock instant, milliseconds since the epoch, at which the run's next timer falls due; `nil`
        /// when none will on the wall clock (none is set, a drill's virtual clock, play paused).
        public var nextDue: Int64?
        /// Whether the run was live, and so woken; a closed run (`watchEvery`) is only read.
        public var woken = true
    }

    /// What a watcher of every run (`muster watch --all`) does to this one on a wake: a live run is woken
    /// (`wake`); a closed run needs nothing more, and its journal is read, not written.
    ///
    /// - Throws: `RunFailure` when the run cannot be read or its timers could not be journaled.
    public func watchEvery(notifier: Notifier?, clock: () -> Int64, warn: (any Error) -> Void) throws(RunFailure)
        -> Wake
    {
        let read = try read()
        guard read.state.isLive else {
            return Wake(playbook: read.playbook, state: read.state, contents: read.contents, delivered: 0, nextDue: nil,
                        woken: false)
        }
        return try wake(notifier: notifier, clock: clock, warn: warn)
    }

    /// One wake of a watcher (`muster watch`, `muster inbox`): fires what fell due, delivers every pending
    /// notification that is due with `notifier` (none without one; `clock` reads the wall clock for the results),
    /// and reads back what is journaled. A failure to journal the delivery results is handed to `warn`, and the
    /// wake goes on.
    ///
    /// - Throws: `RunFailure` when the run cannot be read or its timers could not be journaled.
    public func wake(notifier: Notifier?, clock: () -> Int64, warn: (any Error) -> Void) throws(RunFailure) -> Wake {
        let outcome = try perform(nil)
        var delivered = 0
        if let notifier {
            do {
                delivered = try deliverPending(outcome.state, with: notifier, playbook: outcome.playbook, clock: clock)
            } catch {
                warn(error)
            }
        }
        // The results of this wake's deliveries were journaled after the state was folded: only then is the
        // journal read again.
        let (contents, state): (Journal.Contents, RunState)
        if delivered == 0, let written = outcome.contents {
            (contents, state) = (written, outcome.state)
        } else {
            let again = try read()
            (contents, state) = (again.contents, again.state)
        }
        let nextDue = Self.realInstant(dueNext: Engine(playbook: outcome.playbook).nextDue(state), state: state)
        return Wake(playbook: outcome.playbook, state: state, contents: contents, delivered: delivered,
                    nextDue: nextDue)
    }
}
