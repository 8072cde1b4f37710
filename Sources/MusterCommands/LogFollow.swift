import CommandSyntax
import JSONText
import Journaling
import Platform
import Reporting
import RunEngine
import Runs
import Views

/// `muster log RUN --follow` and `muster log --follow --all`: the journal as a stream for log pipelines, each line
/// printed once it is committed and verified (see `JournalFollower`), until SIGINT, SIGTERM or the reader goes
/// away. `--since-seq N` resumes after line N; with `--all` every run of the runs directory is followed, new ones
/// from their first line.
enum LogFollow {
    /// How long a follower waits between two looks at the journals: the lag a reader may see at most, about.
    static let pollInterval = 0.02
    /// How many polls pass between two listings of the runs directory (`--all`): new runs are found within
    /// this many intervals.
    static let pollsPerListing = 10

    /// Prints the lines of one run after `since` (all of them with 0), then, when `follow`, each new one.
    static func run(_ invocation: Invocation, runID: String, format: String, since: Int, follow: Bool) throws -> Int32 {
        let journal = Journal(directory: try RunsDirectory(invocation).runPath(runID))
        let time = LocalTime(try invocation.timeZone())
        var follower = JournalFollower(journal: journal)
        if follow { StopRequest.catchInterrupts() }
        while true {
            let lines: [JournalFollower.Line]
            do {
                lines = try follower.poll()
            } catch {
                throw CommandFailure(error, runID: runID)
            }
            var out = ""
            for line in lines where line.line.seq > since {
                out += format == "jsonl" ? String(decoding: line.bytes, as: UTF8.self) + "\n" : EventLines.text(seq: line.line.seq, event: line.line.event, relative: line.line.relative, time: time)
            }
            if !out.isEmpty { invocation.console.out(out) }
            if !follow || invocation.console.outputClosed || StopRequest.requested { return ExitStatus.success }
            SystemClock.sleep(seconds: pollInterval)
            if StopRequest.requested { return ExitStatus.success }
        }
    }

    /// Prints the lines of every run of the runs directory, then, when `follow`, each new line of every run (new
    /// runs included), each after its run id (in JSON Lines: `{"run":ID,"line":LINE}`, LINE as written).
    static func runAll(_ invocation: Invocation, format: String, follow: Bool) throws -> Int32 {
        let runs = RunsDirectory(invocation)
        let console = invocation.console
        let time = LocalTime(try invocation.timeZone())
        var followers: [String: JournalFollower] = [:]
        /// Runs that could not be followed (a damaged journal): said once, then left alone.
        var given: Set<String> = []
        if follow { StopRequest.catchInterrupts() }
        var polls = 0
        while true {
            if polls % pollsPerListing == 0 {
                for runID in runs.runIDs() where followers[runID] == nil && !given.contains(runID) {
                    followers[runID] = JournalFollower(journal: Journal(directory: runs.path + "/" + runID))
                }
            }
            polls += 1
            var out = ""
            for runID in followers.keys.sorted() {
                do {
                    for line in try followers[runID]!.poll() {
                        if format == "jsonl" {
                            out += "{\"run\":" + JSONValue.string(runID).serialized() + ",\"line\":"
                                + String(decoding: line.bytes, as: UTF8.self) + "}\n"
                        } else {
                            out += runID + " " + EventLines.text(seq: line.line.seq, event: line.line.event, relative: line.line.relative, time: time)
                        }
                    }
                } catch .notFound {
                    // A run being created: its journal comes a moment later.
                    continue
                } catch {
                    console.error("muster: error: " + CommandFailure(error, runID: runID).text(invocation.language.rawValue)
                        + (invocation.language == .zh ? "（不再跟随此运行）\n" : " (no longer followed)\n"))
                    followers[runID] = nil
                    given.insert(runID)
                }
            }
            if !out.isEmpty { console.out(out) }
            if !follow || console.outputClosed || StopRequest.requested {
                return given.isEmpty ? ExitStatus.success : ExitStatus.failure
            }
            SystemClock.sleep(seconds: pollInterval)
            if StopRequest.requested { return given.isEmpty ? ExitStatus.success : ExitStatus.failure }
        }
    }
}
