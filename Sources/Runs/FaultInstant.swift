import RunEngine
import Reporting

/// The instant of the fault given at `muster start --fault-at TIME`, which waits and milestones counted
/// `from: fault` count from.
public enum FaultInstant {
    /// What `--fault-at` takes, for help and messages.
    public static let forms =
        "an instant like 2026-12-06T08:30Z or 2026-12-06T16:30+08:00, or a length before now like '25m ago'"

    /// The instant `text` names (`InstantText.parse`), given the command's `now`; the fault cannot come after it.
    ///
    /// - Throws: a usage `RunFailure` when `text` names no instant, one after `now`, or one a journal cannot hold.
    public static func parse(_ text: String, now: Int64) throws(RunFailure) -> Int64 {
        guard let instant = InstantText.parse(text, now: now) else {
            throw RunFailure("--fault-at takes \(forms), not '\(text)'",
                             chinese: "--fault-at 须为时刻（如 2026-12-06T08:30Z 或 2026-12-06T16:30+08:00）"
                                + "或距今的时长（如 '25m ago'），不能是 '\(text)'", isUsage: true)
        }
        guard instant <= now else {
            throw RunFailure("--fault-at \(text) is after now: the fault has to have happened",
                             chinese: "--fault-at \(text) 晚于当前时间：故障须已发生", isUsage: true)
        }
        guard EventCoding.instantRange.contains(instant) else {
            throw RunFailure("--fault-at \(text) is beyond what a journal holds",
                             chinese: "--fault-at \(text) 超出日志可记录的范围", isUsage: true)
        }
        return instant
    }
}
