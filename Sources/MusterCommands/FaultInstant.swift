import CommandSyntax
import Reporting
import PlaybookLanguage
import RunEngine

/// The instant of the fault given at `muster start --fault-at TIME`, which waits and milestones counted
/// `from: fault` count from.
enum FaultInstant {
    /// What `--fault-at` takes, for help and messages.
    static let forms = "an instant like 2026-12-06T08:30Z or 2026-12-06T16:30+08:00, or a length before now like '25m ago'"

    /// The instant `text` names, given the command's `now`: an ISO 8601 date and time with `Z` or an offset
    /// (seconds optional), or a length followed by ` ago`. The fault cannot come after `now`.
    static func parse(_ text: String, now: Int64) throws(UsageError) -> Int64 {
        guard let instant = instant(text, now: now) else {
            throw UsageError("--fault-at takes \(forms), not '\(text)'",
                             chinese: "--fault-at 须为时刻（如 2026-12-06T08:30Z 或 2026-12-06T16:30+08:00）"
                                + "或距今的时长（如 '25m ago'），不能是 '\(text)'")
        }
        guard instant <= now else {
            throw UsageError("--fault-at \(text) is after now: the fault has to have happened",
                             chinese: "--fault-at \(text) 晚于当前时间：故障须已发生")
        }
        guard EventCoding.instantRange.contains(instant) else {
            throw UsageError("--fault-at \(text) is beyond what a journal holds",
                             chinese: "--fault-at \(text) 超出日志可记录的范围")
        }
        return instant
    }

    private static func instant(_ text: String, now: Int64) -> Int64? {
        if text.hasSuffix(" ago") {
            return Duration.parseFixed(String(text.dropLast(" ago".count))).map { now - $0 }
        }
        // YYYY-MM-DDTHH:MM[:SS] then Z or ±HH:MM.
        let parts = text.split(separator: "T", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, let day = CalendarDay.midnight(parts[0]) else { return nil }
        var clock = parts[1]
        var offset: Int64 = 0
        if clock.hasSuffix("Z") {
            clock.removeLast()
        } else if let sign = clock.lastIndex(where: { $0 == "+" || $0 == "-" }) {
            let zone = clock[clock.index(after: sign)...].split(separator: ":", omittingEmptySubsequences: false)
            guard zone.count == 2, zone.allSatisfy({ $0.count == 2 }), let hours = Int64(zone[0]),
                let minutes = Int64(zone[1]), hours <= 14, minutes < 60
            else { return nil }
            offset = (hours * 60 + minutes) * 60_000 * (clock[sign] == "+" ? 1 : -1)
            clock = String(clock[..<sign])
        } else {
            return nil
        }
        let fields = clock.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(fields.count), fields.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) }),
            let hours = Int64(fields[0]), let minutes = Int64(fields[1]), hours < 24, minutes < 60
        else { return nil }
        let seconds = fields.count == 3 ? Int64(fields[2]) : 0
        guard let seconds, seconds < 60 else { return nil }
        return day + ((hours * 60 + minutes) * 60 + seconds) * 1_000 - offset
    }
}
