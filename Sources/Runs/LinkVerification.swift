import Hashing
public import Journaling
import RunEngine

/// What `verify` says of a run's links to other runs (`continue_in`): each linked run is there, its first line is
/// the one the link names (by hash), and it points back. The linked runs are read from the runs directory, or,
/// for `verify --bundle`, from the archive, where each is verified too.
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

    /// A linked run's journal lines, or why they cannot be had, in English and Chinese.
    typealias Reader = (String) -> Result<[JournalLine], Unreadable>

    /// Why a linked run's lines cannot be had.
    struct Unreadable: Error {
        var english: String
        var chinese: String
    }

    /// The links of the run whose journal `contents` holds, followed into `runs`.
    public static func follow(_ runID: String, contents: Journal.Contents, runs: RunsDirectory) -> [Finding] {
        follow(runID, contents: contents) { linked in
            guard let path = try? runs.runPath(linked), let lines = try? Journal(directory: path).read().contents.lines
            else { return .failure(Unreadable(english: "the linked run cannot be read here", chinese: "此处读不到该关联运行")) }
            return .success(lines)
        }
    }

    /// The links of the run an archive holds, followed inside the archive: each linked run it holds is verified
    /// (checksums, chain, head record, scenario) and its own links followed in turn; a linked run the archive
    /// lacks is named; a run the archive holds that no link leads to is said too.
    public static func follow(bundle: RunBundleFile, contents: Journal.Contents) -> [Finding] {
        var verified: [String: Journal.Contents] = [:]
        let read: Reader = { linked in
            if let contents = verified[linked] { return .success(contents.lines) }
            switch try? RunVerification.of(linked: linked, in: bundle) {
            case nil:
                return .failure(Unreadable(
                    english: "not in this archive; export run \(bundle.runID) again to take it along, "
                        + "or verify the linked run's own archive",
                    chinese: "不在本归档中；请重新导出运行 \(bundle.runID)（导出时一并带上关联运行），或校验该关联运行自己的归档"))
            case .failed(let line, let english, let chinese)?:
                let at = line.map { ("line \($0): ", "第 \($0) 行：") } ?? ("", "")
                return .failure(Unreadable(english: "its journal in this archive is damaged: \(at.0)\(english)",
                                           chinese: "本归档中其日志已损坏：\(at.1)\(chinese)"))
            case .intact(let contents, _)?:
                verified[linked] = contents
                return .success(contents.lines)
            }
        }
        var findings = follow(bundle.runID, contents: contents, read: read)
        // The linked runs' own links, each run once, said as theirs.
        var done: Set<String> = [bundle.runID]
        var waiting = findings.filter(\.ok).map(\.run)
        while let next = waiting.first {
            waiting.removeFirst()
            guard done.insert(next).inserted, let linkedContents = verified[next] else { continue }
            for finding in follow(next, contents: linkedContents, read: read) where !done.contains(finding.run) {
                var finding = finding
                finding.english = "of run \(next): " + finding.english
                finding.chinese = "运行 \(next) 的" + finding.chinese
                findings.append(finding)
                if finding.ok { waiting.append(finding.run) }
            }
        }
        let named = Set(findings.map(\.run))
        for stray in bundle.linked.keys.sorted() where !named.contains(stray) {
            findings.append(Finding(
                ok: false, english: "run \(stray): in this archive, but no link of run \(bundle.runID) leads to it",
                chinese: "运行 \(stray)：在本归档中，但运行 \(bundle.runID) 的关联均不指向它", run: stray))
        }
        return findings
    }

    /// The links of run `runID`, whose journal `contents` holds, each linked run's lines got from `read`.
    static func follow(_ runID: String, contents: Journal.Contents, read: Reader) -> [Finding] {
        guard let first = contents.lines.first else { return [] }
        let ownHash = SHA256.hash(first.encoded()).hex
        var findings: [Finding] = []
        if case .runStarted(let start) = first.event.kind, let from = start.continuedFrom {
            findings.append(check(from, direction: ("continues run", "接续运行"), read: read) { lines in
                lines.contains { line in
                    if case .continuedIn(let back) = line.event.kind { return back.run == runID && back.startedHash == ownHash }
                    return false
                }
            })
        }
        for line in contents.lines {
            guard case .continuedIn(let link) = line.event.kind else { continue }
            findings.append(check(link, direction: ("continued in run", "转入运行"), read: read) { lines in
                guard case .runStarted(let start)? = lines.first?.event.kind else { return false }
                return start.continuedFrom?.run == runID && start.continuedFrom?.startedHash == ownHash
            })
        }
        return findings
    }

    private static func check(
        _ link: RunLink, direction: (String, String), read: Reader, pointsBack: ([JournalLine]) -> Bool
    ) -> Finding {
        let name = "\(direction.0) \(link.run) (\(link.playbook))"
        let chineseName = "\(direction.1) \(link.run)（\(link.playbook)）"
        let lines: [JournalLine]
        switch read(link.run) {
        case .success(let read): lines = read
        case .failure(let why):
            return Finding(ok: false, english: "\(name): \(why.english)", chinese: "\(chineseName)：\(why.chinese)",
                           run: link.run)
        }
        guard let first = lines.first else {
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
