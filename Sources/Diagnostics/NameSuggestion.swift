/// Finds the known name closest to a misspelt one, for "did you mean" hints.
public enum NameSuggestion {
    /// The candidate closest to `name` by edit distance (ignoring case, `-` versus `_`), if one is close enough
    /// to be a plausible typo: at most a third of the name's length, one more when the two share their first four
    /// characters (`on_sight` for `on_site`), and at most 3 edits.
    public static func closest(to name: String, in candidates: some Sequence<String>) -> String? {
        let wanted = normalised(name)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(wanted, normalised(candidate))
            if best == nil || distance < best!.distance { best = (candidate, distance) }
        }
        guard let best else { return nil }
        let sharedStart = zip(wanted, normalised(best.candidate)).prefix { $0 == $1 }.count >= 4
        let allowed = min(3, max(1, wanted.count / 3) + (sharedStart ? 1 : 0))
        return best.distance <= allowed ? best.candidate : nil
    }

    /// `; did you mean 'x'?` when a close candidate exists, otherwise the empty string.
    public static func didYouMean(_ name: String, in candidates: some Sequence<String>) -> String {
        closest(to: name, in: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }

    private static func normalised(_ text: String) -> [Unicode.Scalar] {
        text.lowercased().unicodeScalars.map { $0 == "-" ? "_" : $0 }
    }

    /// Levenshtein distance with adjacent transpositions counted as one edit.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previousPrevious[j - 2] + 1)
                }
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
