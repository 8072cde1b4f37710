public import Journaling
public import Reporting
import Views

/// What a piped `watch` prints of a run's journal: each line after the last one it printed, as one line of text
/// (`EventLines.watched`).
public enum WatchedLines {
    /// The text of the lines of `lines` after line `printed`, at the run's `now`, instants in `time`; at the start
    /// (`printed` 0), given `atFirst`, only those from line `lines.count - atFirst` on (`watch RUN` gives 20;
    /// `watch --all` shows a new run whole); each after `run` and a space when given (`watch --all`).
    public static func text(_ lines: [JournalLine], after printed: Int, now: Int64, time: LocalTime,
                            atFirst: Int? = nil, run: String? = nil) -> String {
        lines.filter { $0.seq > printed && (printed > 0 || $0.seq >= lines.count - (atFirst ?? lines.count)) }
            .map { (run.map { $0 + " " } ?? "") + EventLines.watched(seq: $0.seq, event: $0.event, now: now, time: time) }
            .joined()
    }
}
