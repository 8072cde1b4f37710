import Reporting

/// Instants as local times with their offset (`2026-12-06 17:30:05 +08:00`), for the people who read a page away
/// from the ops host: a due time they can compare with the clock on their wall.
///
/// The offset at each instant is given by the caller (the host's time zone, daylight saving time included, read
/// through `Platform`), so that the views stay pure.
public struct LocalTimes: Sendable {
    /// The offset from UTC at an instant (milliseconds since the epoch), in seconds east of Greenwich.
    public let offset: @Sendable (Int64) -> Int

    /// Local times with `offset`.
    public init(offset: @escaping @Sendable (Int64) -> Int) {
        self.offset = offset
    }

    /// UTC itself (`+00:00`).
    public static let utc = LocalTimes { _ in 0 }

    /// `2026-12-06 17:30:05 +08:00`: the local date and time to the second, and the offset.
    public func instant(_ milliseconds: Int64) -> String {
        let seconds = offset(milliseconds)
        let local = TimeText.instant(milliseconds + Int64(seconds) * 1000)
        return String(local.dropLast()) + " " + Self.offsetText(seconds)
    }

    /// `+08:00`, `-03:30`, `+00:00`.
    static func offsetText(_ seconds: Int) -> String {
        let minutes = abs(seconds) / 60
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return (seconds < 0 ? "-" : "+") + two(minutes / 60) + ":" + two(minutes % 60)
    }
}
