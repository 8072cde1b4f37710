import Glibc

/// The system's clocks, and sleeping.
public enum SystemClock {
    /// Milliseconds since the epoch on the real-time (wall) clock.
    public static func wallMilliseconds() -> Int64 {
        let spec = now(CLOCK_REALTIME)
        return Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000
    }

    /// Seconds since the epoch on the real-time (wall) clock, to the microsecond: for waiting until an instant.
    public static func wallSeconds() -> Double {
        seconds(CLOCK_REALTIME)
    }

    /// Seconds on a clock that never jumps (from an arbitrary start): for timeouts.
    public static func monotonicSeconds() -> Double {
        seconds(CLOCK_MONOTONIC)
    }

    /// Sleeps for `seconds` (nothing when it is not positive); a signal may end the sleep early.
    public static func sleep(seconds: Double) {
        guard var spec = interval(seconds) else { return }
        _ = nanosleep(&spec, nil)
    }

    /// The interval `nanosleep` is given for `seconds`: the whole seconds and the rest in nanoseconds; `nil` when
    /// `seconds` is not positive (no sleep at all).
    static func interval(_ seconds: Double) -> timespec? {
        guard seconds > 0 else { return nil }
        let whole = seconds.rounded(.down)
        return timespec(tv_sec: Int(whole), tv_nsec: Int((seconds - whole) * 1e9))
    }

    private static func seconds(_ clock: clockid_t) -> Double {
        let spec = now(clock)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    private static func now(_ clock: clockid_t) -> timespec {
        var spec = timespec()
        clock_gettime(clock, &spec)
        return spec
    }
}

extension SystemClock {
    /// The host's offset from UTC at an instant, in seconds east of Greenwich (28800 for UTC+8), from the time
    /// zone `TZ` names (the system's own when it is unset), daylight saving time included; 0 when it is unknown.
    ///
    /// - Parameter milliseconds: The instant, in milliseconds since the epoch.
    public static func utcOffsetSeconds(at milliseconds: Int64) -> Int {
        var seconds = time_t(milliseconds / 1000)
        var broken = tm()
        guard localtime_r(&seconds, &broken) != nil else { return 0 }
        return broken.tm_gmtoff
    }
}
