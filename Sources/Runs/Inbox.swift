public import Platform
public import Reporting
import RunEngine
public import PlaybookLanguage
public import Views

extension RunsDirectory {
    /// One person's work on every live run of the directory (`muster inbox`), run id order: each live run is woken
    /// first as a watcher wakes it (its due timers fired and journaled, what waits delivered with `notifier`,
    /// `clock` reading the wall clock for the results, a failure to journal them handed to `warn`), then read for
    /// `person`'s work at the run's own instant. Runs where the person holds no role and has nothing are left out;
    /// a run that cannot be read or woken is passed over.
    public func inbox(person: String, files: any FileOperations, now: Int64, notifier: Notifier?,
                      clock: () -> Int64, warn: (any Error) -> Void, language: Language,
                      time: LocalTime) -> [PersonalWork] {
        var works: [PersonalWork] = []
        for runID in runIDs() {
            guard let session = try? RunSession(runID, in: self, files: files, now: now),
                let read = try? session.read(), read.state.isLive,
                let woke = try? session.wake(notifier: notifier, clock: clock, warn: warn)
            else { continue }
            let work = PersonalWork(runID: runID, playbook: woke.playbook, state: woke.state, person: person,
                                    now: session.runNow(woke.state), language: language, time: time)
            if !work.roles.isEmpty || !work.isEmpty { works.append(work) }
        }
        return works
    }
}
