import CommandSyntax
import JSONText
import Journaling
import Platform
import Reporting
import RunEngine
import Runs
import Views

/// `muster log RUN --follow` and `muster log --follow --all`: the printing of the journal stream `Runs` follows
/// (see `JournalStreaming`), each line once it is committed and verified, until SIGINT, SIGTERM or the reader
/// goes away. `--since-seq N` resumes after line N; with `--all` every run of the runs directory is followed, new
/// ones from their first line.
enum LogFollow {
    /// Prints the lines of one run after `since` (all of them with 0), then, when `follow`, each new one.
    static func run(_ invocation: Invocation, runID: String, format: String, since: Int, follow: Bool) throws -> Int32 {
        var follower = JournalFollower(journal: Journal(directory: try RunsDirectory(invocation).runPath(runID)))
        let time = LocalTime(try invocation.timeZone())
        try JournalStreaming.repeatLooks(follow: follow) { () throws(CommandFailure) -> Bool in
            let lines: [JournalFollower.Line]
            do throws(JournalError) {
                lines = try follower.poll()
            } catch {
                throw CommandFailure(error, runID: runID)
            }
            let out = lines.filter { $0.line.seq > since }.map {
                JournalStreaming.printed($0, jsonl: format == "jsonl", time: time)
            }.joined()
            if !out.isEmpty { invocation.console.out(out) }
            return !invocation.console.outputClosed
        }
        return ExitStatus.success
    }

    /// Prints the lines of every run of the runs directory, then, when `follow`, each new line of every run (new
    /// runs included), each after its run id (in JSON Lines: `{"run":ID,"line":LINE}`, LINE as written).
    static func runAll(_ invocation: Invocation, format: String, follow: Bool) throws -> Int32 {
        let console = invocation.console
        let time = LocalTime(try invocation.timeZone())
        var runs = JournalStreaming.EveryRun(runs: RunsDirectory(invocation))
        JournalStreaming.repeatLooks(follow: follow) { () -> Bool in
            let (lines, failures) = runs.poll()
            for (runID, error) in failures {
                console.error("muster: error: " + CommandFailure(error, runID: runID).text(invocation.language)
                    + (invocation.language == .zh ? "（不再跟随此运行）\n" : " (no longer followed)\n"))
            }
            let out = lines.map { JournalStreaming.printed($1, runID: $0, jsonl: format == "jsonl", time: time) }.joined()
            if !out.isEmpty { console.out(out) }
            return !console.outputClosed
        }
        return runs.givenUp.isEmpty ? ExitStatus.success : ExitStatus.failure
    }
}
