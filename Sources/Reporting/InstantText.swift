import PlaybookLanguage

/// Instants as people type them on the command line (`start --fault-at`), and as run ids carry them.
public enum InstantText {
    /// The instant `text` names, given `now`: an ISO 8601 date and time with `Z` or an offset (`2026-12-06T08:30Z`,
    /// `2026-12-06T16:30:15+08:00`; seconds optional), or a length before `now` (`25m ago`); `nil` when it names none.
    public static func parse(_ text: String, now: Int64) -> Int64? {
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

    /// `20261122-025308` (UTC): an instant as run ids carry it.
    public static func compact(_ milliseconds: Int64) -> String {
        String(TimeText.instant(milliseconds).compactMap { character -> Character? in
            switch character {
            case "-", ":", "Z": nil
            case " ": "-"
            default: character
            }
        })
    }
}
