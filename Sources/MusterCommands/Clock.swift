#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import PlaybookLanguage
import RunEngine

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
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        let milliseconds = Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000
        guard EventCoding.instantRange.contains(milliseconds) else {
            throw UsageError("the system clock reads \(milliseconds) ms since the epoch, beyond what a journal holds; "
                + "set the clock right")
        }
        return milliseconds
    }

    /// Seconds since the epoch on the system's real clock, to the microsecond: for waiting until an instant.
    static func realSeconds() -> Double {
        seconds(CLOCK_REALTIME)
    }

    /// Seconds on a clock that never jumps: for timeouts.
    static func monotonicSeconds() -> Double {
        seconds(CLOCK_MONOTONIC)
    }

    private static func seconds(_ clock: clockid_t) -> Double {
        var spec = timespec()
        clock_gettime(clock, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}

/// Instants and spans as people read them.
enum TimeText {
    /// `2026-11-22 02:53:08Z` (UTC).
    static func instant(_ milliseconds: Int64) -> String {
        var seconds = time_t(milliseconds / 1000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday)) "
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }

    /// `20261122-025308` (UTC), for run ids.
    static func compact(_ milliseconds: Int64) -> String {
        instant(milliseconds).replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
            .replacingOccurrences(of: " ", with: "-").replacingOccurrences(of: "Z", with: "")
    }

    /// `+01:02:03` (hours:minutes:seconds since the run's start).
    static func relative(_ milliseconds: Int64) -> String {
        let sign = milliseconds < 0 ? "-" : "+"
        let total = abs(milliseconds) / 1000
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(sign)\(two(total / 3600)):\(two(total / 60 % 60)):\(two(total % 60))"
    }

    /// `4m30s`, `1h`, `0s`: the way playbooks write durations.
    static func span(_ milliseconds: Int64) -> String {
        PlaybookLanguage.Duration.format(milliseconds: abs(milliseconds))
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: Substring(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
