public import Journaling
public import Platform
public import PlaybookLanguage
public import RunEngine
public import Views

/// The HTML board on disk (`muster watch RUN --html DIR`, `muster watch --all --html DIR`): a run's pages
/// (`index.html`, `index.zh.html`, a page per person in each language) or the index of a runs directory,
/// each file replaced whole (a temporary file renamed over it), with the run's group and its group's read and
/// write bits, so that a web server reading them through that group never sees half a page.
///
/// A watcher keeps one board for as long as it runs: it remembers which pages it wrote at which line and when,
/// and writes them again when the run moved on or the pages aged (`rewriteAfter`).
public struct HTMLBoard: Sendable {
    /// How long a watcher lets a page age before it writes it again, in milliseconds, even when nothing
    /// happened: time left moves on, and the page says when it was written.
    public static let rewriteAfter: Int64 = 30_000

    /// Who may read the pages: the mode of files and directories, and the group, taken from `directory` (a run's,
    /// or the runs directory): its owner's and group's read and write bits, nothing for others unless it allows.
    public struct Access: Sendable, Equatable {
        /// The mode of the pages.
        public var file: UInt32
        /// The mode of the directories made for them.
        public var directory: UInt32
        /// The group the pages and directories are given, if any.
        public var group: UInt32?

        /// The access `directory` gives: its owner's and group's bits, and its group.
        public init(of directory: String) {
            guard let status = try? FileStatus.of(directory) else {
                self.init(file: 0o660, directory: 0o770, group: nil)
                return
            }
            let bits = status.permissions & 0o777
            self.init(file: 0o600 | (bits & 0o066), directory: 0o700 | (bits & 0o077), group: status.group)
        }

        /// Access with these modes and group.
        public init(file: UInt32, directory: UInt32, group: UInt32?) {
            self.file = file
            self.directory = directory
            self.group = group
        }
    }

    /// When a set of pages was written, and at which line (or, for the index, which runs at which lines).
    private struct Written: Sendable {
        var version: [String: Int]
        var at: Int64
    }

    /// The directory the board is kept in.
    public let directory: String
    /// The zone the pages give their times in.
    public let times: LocalTimes
    private var runPages: [String: Written] = [:]
    private var indexPages: Written?

    /// A board kept in `directory`, its times local in `times`' zone. Nothing is written yet.
    public init(directory: String, times: LocalTimes) {
        self.directory = directory
        self.times = times
    }

    /// Writes `pages` into `directory` (made if missing) with `access`.
    public static func write(_ pages: [(name: String, html: String)], into directory: String, access: Access)
        throws(FileError)
    {
        try ReplacedFile.ensureDirectory(directory, mode: access.directory, group: access.group)
        for page in pages {
            try ReplacedFile.write(Array(page.html.utf8), to: directory + "/" + page.name, mode: access.file,
                                   group: access.group)
        }
    }

    /// Makes the board's directory (for the runs of the runs directory at `runsDirectory`), with its access.
    public func prepare(runsDirectory: String) throws(FileError) {
        let access = Access(of: runsDirectory)
        try ReplacedFile.ensureDirectory(directory, mode: access.directory, group: access.group)
    }

    /// Writes the pages of run `runID` (its journal's `lines`, its `state` at `now`) when they are not written
    /// yet, the run moved on since, or (`whenOld`) they aged: into the board's directory itself, or with `ownDirectory`
    /// into a directory named after the run beside the index (`--all`). The pages take the access of the run's
    /// directory `runDirectory`.
    ///
    /// - Returns: whether the pages were written.
    @discardableResult
    public mutating func update(
        run runID: String, playbook: Playbook, state: RunState, lines: [JournalLine], now: Int64,
        runDirectory: String, ownDirectory: Bool, whenOld: Bool = true
    ) throws(FileError) -> Bool {
        let seq = lines.count
        if let written = runPages[runID],
            written.version[runID] == seq, !whenOld || now - written.at < Self.rewriteAfter
        {
            return false
        }
        let pages = RunBoardPages.pages(
            runID: runID, playbook: playbook, state: state, events: lines.map { ($0.seq, $0.event) }, now: now,
            times: times, indexLink: ownDirectory ? "../index.html" : nil)
        try Self.write(pages, into: ownDirectory ? directory + "/" + runID : directory, access: Access(of: runDirectory))
        runPages[runID] = Written(version: [runID: seq], at: now)
        return true
    }

    /// Writes the index of the runs directory at `runsDirectory` (in English and Chinese) when a run came, went
    /// or moved on since it was last written, or it aged.
    ///
    /// - Returns: whether the index was written.
    @discardableResult
    public mutating func updateIndex(_ entries: [RunsIndexHTML.Entry], now: Int64, runsDirectory: String)
        throws(FileError) -> Bool
    {
        var seen: [String: Int] = [:]
        for entry in entries { seen[entry.runID] = entry.state?.eventCount ?? -1 }
        if let written = indexPages, written.version == seen, now - written.at < Self.rewriteAfter { return false }
        let pages = Language.allCases.map { language in
            (name: language == .zh ? "index.zh.html" : "index.html",
             html: RunsIndexHTML(entries: entries, now: now, language: language, times: times).render())
        }
        try Self.write(pages, into: directory, access: Access(of: runsDirectory))
        indexPages = Written(version: seen, at: now)
        return true
    }
}
