import Reporting

/// Instants as local times with their offset (`2026-12-06 17:30:05 +08:00`), for the people who read a page away
/// from the ops host: a due time they can compare with the clock on their wall.
///
/// The zone is given by the caller (`--tz`, `TZ`, the host's), so that the views stay pure; the offset in force at
/// each instant comes from the zone's rules, daylight saving time included.
public struct LocalTimes: Sendable {
    /// The zone, as reports take it.
    public let time: LocalTime

    /// Local times in `time`'s zone.
    public init(_ time: LocalTime) {
        self.time = time
    }

    /// UTC itself (`+00:00`).
    public static let utc = LocalTimes(.utc)

    /// The offset from UTC at an instant (milliseconds since the epoch), in seconds east of Greenwich.
    public func offset(_ milliseconds: Int64) -> Int { time.offset(at: milliseconds) }

    /// `2026-12-06 17:30:05 +08:00`: the local date and time to the second, and the offset.
    public func instant(_ milliseconds: Int64) -> String { time.instant(milliseconds) }
}
