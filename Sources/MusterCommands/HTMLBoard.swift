import CommandSyntax
import Journaling
import Platform
import PlaybookLanguage
import RunEngine
import Runs
import Views

/// The HTML board on disk (`muster watch RUN --html DIR`, `muster watch --all --html DIR`): a run's pages
/// (`index.html`, `index.zh.html`, a page per person in each language) or the index of a runs directory,
/// each file replaced whole (a temporary file renamed over it), with the run's group and its group's read and
/// write bits, so that a web server reading them through that group never sees half a page.
enum HTMLBoard {
    /// How long a watcher lets a page age before it writes it again, in milliseconds, even when nothing
    /// happened: time left moves on, and the page says when it was written.
    static let rewriteAfter: Int64 = 30_000

    /// Local times on the host's clock (`TZ`, else the system's zone).
    static let times = LocalTimes { SystemClock.utcOffsetSeconds(at: $0) }

    /// Who may read the pages: the mode of files and directories, and the group, taken from `directory` (a run's,
    /// or the runs directory): its owner's and group's read and write bits, nothing for others unless it allows.
    struct Access {
        var file: UInt32
        var directory: UInt32
        var group: UInt32?

        init(of directory: String) {
            guard let status = try? FileStatus.of(directory) else {
                self.init(file: 0o660, directory: 0o770, group: nil)
                return
            }
            let bits = status.permissions & 0o777
            self.init(file: 0o600 | (bits & 0o066), directory: 0o700 | (bits & 0o077), group: status.group)
        }

        init(file: UInt32, directory: UInt32, group: UInt32?) {
            self.file = file
            self.directory = directory
            self.group = group
        }
    }

    /// Writes `pages` into `directory` (made if missing) with `access`.
    static func write(_ pages: [(name: String, html: String)], into directory: String, access: Access)
        throws(FileError)
    {
        try ReplacedFile.ensureDirectory(directory, mode: access.directory, group: access.group)
        for page in pages {
            try ReplacedFile.write(Array(page.html.utf8), to: directory + "/" + page.name, mode: access.file,
                                   group: access.group)
        }
    }

    /// Writes the pages of the run `read` into `directory`, with the run directory's group and bits.
    static func writeRun(
        _ runID: String, read: (contents: Journal.Contents, playbook: Playbook, state: RunState, tornBytes: Int),
        session: RunSession, into directory: String, indexLink: String?
    ) throws {
        let pages = RunBoardPages.pages(
            runID: runID, playbook: read.playbook, state: read.state,
            events: read.contents.lines.map { ($0.seq, $0.event) }, now: session.now, times: times, indexLink: indexLink)
        do {
            try write(pages, into: directory, access: Access(of: session.journal.directory))
        } catch {
            throw CommandFailure(error, directory: directory)
        }
    }
}

extension CommandFailure {
    /// The HTML board could not be written into `directory`.
    init(_ error: FileError, directory: String) {
        self.init("cannot write the HTML board in '\(directory)': \(error.description)",
                  chinese: "无法在 '\(directory)' 写入 HTML 看板：\(error.description)")
    }
}
