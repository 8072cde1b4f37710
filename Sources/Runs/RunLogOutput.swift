public import Journaling
import JSONText
public import Reporting
import Views

/// What `log` prints of a run's journal when it does not follow it: every line as text (its time, person and
/// role) or as a JSON array for standard output, and for standard error the note on a torn last line.
public struct RunLogOutput: Sendable, Equatable {
    /// What goes to standard output.
    public var out: String
    /// What goes to standard error: empty, or the note that the last line is incomplete.
    public var error: String

    /// The output for a journal read as `contents`, with `tornBytes` bytes of a torn last line left out, as JSON
    /// when `json`, its instants in `time`.
    public init(_ contents: Journal.Contents, tornBytes: Int, json: Bool, time: LocalTime) {
        if json {
            let lines = contents.lines.map { RunStatusJSON.event(seq: $0.seq, event: $0.event, relative: $0.relative) }
            out = JSONValue.array(lines).serialized(pretty: true) + "\n"
        } else {
            out = contents.lines.map { EventLines.text(seq: $0.seq, event: $0.event, relative: $0.relative, time: time) }
                .joined()
        }
        error = tornBytes > 0 ? "muster: note: the last line is incomplete (\(tornBytes) bytes); the next write cuts it\n" : ""
    }
}
