import CommandSyntax
import Reporting
import PlaybookLanguage
import RunEngine

/// The instant of the fault given at `muster start --fault-at TIME`, which waits and milestones counted
/// `from: fault` count from.
enum FaultInstant {
    /// What `--fault-at` takes, for help and messages.
    static let forms = "an instant like 2026-12-06T08:30Z or 2026-12-06T16:30+08:00, or a length before now like '25m ago'"

    /// The instant `text` names (`InstantText.parse`), given the command's `now`; the fault cannot come after it.
    static func parse(_ text: String, now: Int64) throws(UsageError) -> Int64 {
        guard let instant = InstantText.parse(text, now: now) else {
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
}
