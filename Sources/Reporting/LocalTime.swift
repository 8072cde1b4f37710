public import Foundation

/// Instants as people in one time zone read them: local date and time with the zone's offset, never UTC alone.
///
/// The zone comes from the caller (`--tz`, `TZ`, the host's); the offset in force at each instant is looked up in
/// the zone's rules, so a summer-time change inside a run shows on the rows after it.
public struct LocalTime: Sendable, Hashable {
    /// The zone times are shown in.
    public let zone: TimeZone

    public init(_ zone: TimeZone) {
        self.zone = zone
    }

    /// Coordinated Universal Time (`+00:00`).
    public static let utc = LocalTime(TimeZone(secondsFromGMT: 0)!)

    /// The zone's name as the caller gave it: `Asia/Shanghai`, `UTC`, `GMT`.
    public var name: String { zone.identifier }

    /// The zone's offset from UTC at `milliseconds` (since 1970-01-01 00:00:00Z), in seconds.
    public func offset(at milliseconds: Int64) -> Int {
        zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(floorDivide(milliseconds, 1000))))
    }

    /// `2026-11-22 10:53:08 +08:00`.
    public func instant(_ milliseconds: Int64) -> String {
        let offset = offset(at: milliseconds)
        return TimeText.dateAndTime(milliseconds + Int64(offset) * 1000) + " " + TimeText.offset(seconds: offset)
    }

    /// `2026-11-22`: the local date.
    public func date(_ milliseconds: Int64) -> String {
        String(TimeText.dateAndTime(shifted(milliseconds)).prefix { $0 != " " })
    }

    /// `10:53:08`: the local time of day.
    public func clock(_ milliseconds: Int64) -> String {
        String(TimeText.dateAndTime(shifted(milliseconds)).drop { $0 != " " }.dropFirst())
    }

    /// `10:53:08` when `milliseconds` falls on the same local day as `reference`, else `11-23 10:53:08`: the short
    /// time of a table, whose dates the report states once.
    public func short(_ milliseconds: Int64, sameDayAs reference: Int64) -> String {
        let full = TimeText.dateAndTime(shifted(milliseconds))
        if date(milliseconds) == date(reference) { return String(full.drop { $0 != " " }.dropFirst()) }
        // `YYYY-MM-DD hh:mm:ss` → `MM-DD hh:mm:ss` (years before 1000 never reach a report).
        return String(full.drop { $0 != "-" }.dropFirst())
    }

    /// `UTC+08:00` at `milliseconds`.
    public func offsetName(at milliseconds: Int64) -> String { "UTC" + TimeText.offset(seconds: offset(at: milliseconds)) }

    private func shifted(_ milliseconds: Int64) -> Int64 { milliseconds + Int64(offset(at: milliseconds)) * 1000 }

    private func floorDivide(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : (a - b + 1) / b }
}
