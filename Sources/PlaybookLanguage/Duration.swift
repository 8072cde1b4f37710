/// A time span in a playbook: a fixed length or the name of a severity level's clock.
///
/// Fixed lengths are written `90s`, `10m`, `1h30m`, `1d` (units d, h, m, s, largest first, each at most once) and
/// kept in milliseconds. A clock name (`respond`) takes its length from the run's current severity level.
public enum Duration: Sendable, Hashable, CustomStringConvertible {
    /// A fixed length in milliseconds.
    case fixed(milliseconds: Int64)
    /// The named clock of the current severity level.
    case clock(String)

    /// Parses `90s`, `10m`, `1h30m`, `1d`; `nil` when the text is not of that form or is zero.
    public static func parseFixed(_ text: String) -> Int64? {
        let units: [(Character, Int64)] = [("d", 86_400_000), ("h", 3_600_000), ("m", 60_000), ("s", 1_000)]
        var total: Int64 = 0
        var digits = ""
        var nextUnit = 0
        for character in text {
            if character.isASCII, character.isNumber {
                digits.append(character)
                guard digits.count <= 6 else { return nil }
                continue
            }
            guard !digits.isEmpty, let number = Int64(digits),
                let index = units[nextUnit...].firstIndex(where: { $0.0 == character })
            else { return nil }
            total += number * units[index].1
            nextUnit = index + 1
            digits = ""
        }
        guard digits.isEmpty, total > 0 else { return nil }
        return total
    }

    /// Formats milliseconds the way playbooks write them: `1h30m`, `45s`, `1d`; sub-second rests are dropped.
    public static func format(milliseconds: Int64) -> String {
        if milliseconds == 0 { return "0s" }
        var rest = abs(milliseconds) / 1000
        var text = milliseconds < 0 ? "-" : ""
        for (unit, size) in [("d", Int64(86_400)), ("h", 3_600), ("m", 60), ("s", 1)] where rest >= size {
            text += "\(rest / size)\(unit)"
            rest %= size
        }
        return text == "" || text == "-" ? "0s" : text
    }

    public var description: String {
        switch self {
        case .fixed(let milliseconds): Duration.format(milliseconds: milliseconds)
        case .clock(let name): name
        }
    }
}
