public import Journaling
import Platform

/// The journal as a stream for log pipelines (`log --follow`): each line once it is committed and verified (see
/// `JournalFollower`), one run's or every run's of the runs directory, looked at again and again until the
/// caller stops or SIGINT or SIGTERM asks to. What is printed, and how, is the caller's.
public enum JournalStreaming {
    /// How long a follower waits between two looks at the journals: the lag a reader may see at most, about.
    public static let pollInterval = 0.02
    /// How many polls pass between two listings of the runs directory (every run): new runs are found within
    /// this many intervals.
    public static let pollsPerListing = 10

    /// Calls `look` once and, when `follow`, again every `pollInterval` while it returns true and no stop was
    /// requested (SIGINT and SIGTERM are caught for that when following).
    public static func repeatLooks<Failure: Error>(follow: Bool, _ look: () throws(Failure) -> Bool) throws(Failure) {
        if follow { StopRequest.catchInterrupts() }
        while true {
            guard try look(), follow, !StopRequest.requested else { return }
            SystemClock.sleep(seconds: pollInterval)
            if StopRequest.requested { return }
        }
    }

    /// Follows every run of a runs directory: each look lists the runs now and then (new runs are followed from
    /// their first line) and returns each run's new lines, in run id order. A run whose journal cannot be read
    /// (damaged) is returned once as a failure, then left alone.
    public struct EveryRun: Sendable {
        /// The runs directory followed.
        public let runs: RunsDirectory
        private var followers: [String: JournalFollower] = [:]
        /// The runs given up on: their journal could not be followed.
        public private(set) var givenUp: Set<String> = []
        private var polls = 0

        /// Follows the runs of `runs`, none read yet.
        public init(runs: RunsDirectory) {
            self.runs = runs
        }

        /// The lines committed since the last look, run by run, and the runs given up on in this look.
        public mutating func poll() -> (lines: [(runID: String, line: JournalFollower.Line)],
                                        failures: [(runID: String, error: JournalError)]) {
            if polls % JournalStreaming.pollsPerListing == 0 {
                for runID in runs.runIDs() where followers[runID] == nil && !givenUp.contains(runID) {
                    followers[runID] = JournalFollower(journal: Journal(directory: runs.path + "/" + runID))
                }
            }
            polls += 1
            var lines: [(runID: String, line: JournalFollower.Line)] = []
            var failures: [(runID: String, error: JournalError)] = []
            for runID in followers.keys.sorted() {
                do {
                    lines += try followers[runID]!.poll().map { (runID, $0) }
                } catch .notFound {
                    // A run being created: its journal comes a moment later.
                    continue
                } catch {
                    failures.append((runID, error))
                    followers[runID] = nil
                    givenUp.insert(runID)
                }
            }
            return (lines, failures)
        }
    }
}
