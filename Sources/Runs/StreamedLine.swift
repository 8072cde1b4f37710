public import Journaling
import JSONText
public import Reporting
import Views

extension JournalStreaming {
    /// A streamed journal line as `log --follow` prints it: as written (`jsonl`), or as text; after its run id
    /// when `runID` is given (in JSON Lines, `{"run":ID,"line":LINE}`).
    public static func printed(_ line: JournalFollower.Line, runID: String? = nil, jsonl: Bool, time: LocalTime)
        -> String
    {
        if jsonl {
            let written = String(decoding: line.bytes, as: UTF8.self)
            guard let runID else { return written + "\n" }
            return "{\"run\":" + JSONValue.string(runID).serialized() + ",\"line\":" + written + "}\n"
        }
        let text = EventLines.text(seq: line.line.seq, event: line.line.event, relative: line.line.relative, time: time)
        return runID.map { $0 + " " + text } ?? text
    }
}
