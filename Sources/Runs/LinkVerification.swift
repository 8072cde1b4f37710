import Hashing
public import Journaling
import RunEngine

/// What `verify` says of a run's links to other runs (`continue_in`): each linked run is there, its first line is
/// the one the link names (by hash), and it points back.
public enum LinkVerification {
    /// One link, followed.
    public struct Finding: Sendable, Equatable {
        /// Whether the link holds.
        public var ok: Bool
        /// What was found, in English.
        public var english: String
        /// What was found, in Chinese.
        public var chinese: String
        /// The linked run's id.
        public var run: String

        /// A finding about the link to run `run`.
        public init(ok: Bool, english: String, chinese: String, run: String) {
            self.ok = ok
            self.english = english
            self.chinese = chinese
            self.run = run
        }
    }

    /// The links of the run whose journal `contents` holds, followed into `runs`.
    public static func follow(_ runID: String, contents: Journal.Contents, runs: RunsDirectory) -> [Finding] {
        guard let first = contents.lines.first else { return [] }
        let ownHash = SHA256.hash(first.encoded()).hex
        var findings: [Finding] = []
        if case .runStarted(let start) = first.event.kind, let from = start.continuedFrom {
            findings.append(check(from, direction: ("continues run", "接续运行"), runs: runs) { lines in
                lines.contains { line in
                    if case .continuedIn(let back) = line.event.kind { return back.run == runID && back.startedHash == ownHash }
                    return false
                }
            })
        }
        for line in contents.lines {
            guard case .continuedIn(let link) = line.event.kind else { continue }
            findings.append(check(link, direction: ("continued in run", "转入运行"), runs: runs) { lines in
                guard case .runStarted(let start)? = lines.first?.event.kind else { return false }
                return start.continuedFrom?.run == runID && start.continuedFrom?.startedHash == ownHash
            })
        }
        return findings
    }

    private static func check(
        _ link: RunLink, direction: (String, String), runs: RunsDirectory, pointsBack: ([JournalLine]) -> Bool
    ) -> Finding {
        let name = "\(direction.0) \(link.run) (\(link.playbook))"
        let chineseName = "\(direction.1) \(link.run)（\(link.playbook)）"
        guard let path = try? runs.runPath(link.run), let lines = try? Journal(directory: path).read().contents.lines,
            let first = lines.first
        else {
            return Finding(ok: false, english: "\(name): the linked run cannot be read here",
                           chinese: "\(chineseName)：此处读不到该关联运行", run: link.run)
        }
        guard SHA256.hash(first.encoded()).hex == link.startedHash else {
            return Finding(ok: false, english: "\(name): its first line is not the one the link names (another run with that id)",
                           chinese: "\(chineseName)：其第 1 行与链接记录的哈希不符（同名的另一个运行）", run: link.run)
        }
        guard pointsBack(lines) else {
            return Finding(ok: false, english: "\(name): it does not point back at this run",
                           chinese: "\(chineseName)：它没有指回本运行", run: link.run)
        }
        return Finding(ok: true, english: "\(name): first line matches, and it points back",
                       chinese: "\(chineseName)：第 1 行相符，且指回本运行", run: link.run)
    }
}
