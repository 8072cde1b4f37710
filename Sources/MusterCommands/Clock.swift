import CommandSyntax
import Platform
import Reporting
import RunEngine
import Views

/// The wall clock, read once per command at the edge and handed to the engine as a plain value.
enum Clock {
    /// Milliseconds since the epoch: the system's real time; in debug builds (what the tests run), `MUSTER_NOW`
    /// when set. Only instants a journal can read back are given out: anything else is refused here, before
    /// anything is written.
    static func now(_ environment: [String: String]) throws(UsageError) -> Int64 {
        #if DEBUG
            if let fixed = environment["MUSTER_NOW"] {
                guard let milliseconds = Int64(fixed), EventCoding.instantRange.contains(milliseconds) else {
                    throw UsageError("MUSTER_NOW must be milliseconds since the epoch, from "
                        + "\(EventCoding.instantRange.lowerBound) to \(EventCoding.instantRange.upperBound), not '\(fixed)'")
                }
                return milliseconds
            }
        #endif
        let milliseconds = SystemClock.wallMilliseconds()
        guard EventCoding.instantRange.contains(milliseconds) else {
            throw UsageError("the system clock reads \(milliseconds) ms since the epoch, beyond what a journal holds; "
                + "set the clock right")
        }
        return milliseconds
    }
}

extension Invocation {
    /// The zone of `--tz` (else `TZ`, else the host's) as the boards take it: local times with their offset.
    func localTimes() throws(UsageError) -> LocalTimes { LocalTimes(LocalTime(try timeZone())) }
}
