import PlaybookLanguage

/// Instants and spans as people read them, the same in reports, boards and every other view.
///
/// Pure arithmetic on milliseconds: no clock, no time zone database; instants are UTC.
public enum TimeText {
    /// An instant as `2026-11-22 02:53:08Z` (UTC, to the second, rounded down).
    ///
    /// - Parameter milliseconds: Milliseconds since 1970-01-01 00:00:00Z (negative before it).
    public static func instant(_ milliseconds: Int64) -> String { dateAndTime(milliseconds) + "Z" }

    /// `2026-11-22 02:53:08`: the calendar date and time of `milliseconds` read as if it were UTC (a caller adds a
    /// zone's offset first to get local time).
    public static func dateAndTime(_ milliseconds: Int64) -> String {
        let days = floorDivide(milliseconds, 86_400_000)
        let seconds = (milliseconds - days * 86_400_000) / 1000
        let (year, month, day) = civil(fromDays: days)
        return "\(year)-\(two(month))-\(two(day)) "
            + "\(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))"
    }

    /// An offset from UTC as `+08:00`, `-03:30`, `+00:00`.
    public static func offset(seconds: Int) -> String {
        let minutes = abs(seconds) / 60
        return (seconds < 0 ? "-" : "+") + two(Int64(minutes / 60)) + ":" + two(Int64(minutes % 60))
    }

    /// A span in Chinese words: `4分30秒`, `1小时`, `1天2小时`, `0秒` (its sign is dropped; at most two units, the
    /// smaller one rounded down).
    public static func chineseSpan(_ milliseconds: Int64) -> String {
        let seconds = abs(milliseconds) / 1000
        let units: [(size: Int64, name: String)] = [(86_400, "天"), (3_600, "小时"), (60, "分"), (1, "秒")]
        guard let first = units.firstIndex(where: { seconds >= $0.size }) else { return "0秒" }
        var parts = ["\(seconds / units[first].size)\(units[first].name)"]
        if first + 1 < units.count {
            let next = units[first + 1]
            let rest = seconds % units[first].size / next.size
            if rest > 0 { parts.append("\(rest)\(next.name)") }
        }
        if parts.count == 1, parts[0].hasSuffix("分") { parts[0] += "钟" }
        return parts.joined()
    }

    /// A time since a run's start as `+01:02:03` (hours, minutes, seconds; `-` before the start).
    ///
    /// - Parameter milliseconds: Milliseconds since the run's first event.
    public static func relative(_ milliseconds: Int64) -> String {
        let total = abs(milliseconds) / 1000
        return (milliseconds < 0 ? "-" : "+") + "\(two(total / 3600)):\(two(total / 60 % 60)):\(two(total % 60))"
    }

    /// A span the way playbooks write durations: `4m30s`, `1h`, `0s` (its sign is dropped).
    ///
    /// - Parameter milliseconds: The span's length in milliseconds.
    public static func span(_ milliseconds: Int64) -> String {
        PlaybookLanguage.Duration.format(milliseconds: abs(milliseconds))
    }

    /// A span in the reader's language: `4m30s` in English (`span`), `4分30秒` in Chinese (`chineseSpan`).
    public static func span(_ milliseconds: Int64, language: Language) -> String {
        language == .zh ? chineseSpan(milliseconds) : span(milliseconds)
    }

    private static func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }

    private static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : (a - b + 1) / b }

    /// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's civil-from-days algorithm).
    private static func civil(fromDays days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthPart = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthPart + 2) / 5 + 1
        let month = monthPart < 10 ? monthPart + 3 : monthPart - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
