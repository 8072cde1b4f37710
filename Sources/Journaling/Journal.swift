#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import Hashing
public import RunEngine

/// A run's journal on disk: `<runs>/<run id>/journal.jsonl` beside `playbook.yaml`, the playbook text the run
/// was started with.
///
/// Every write happens under an exclusive lock: re-read the file, verify it, repair a torn tail, let the caller
/// decide on the events so far, append, fsync, unlock; only then does the caller report success. A complete line
/// that fails its checksum or the chain is damage: it is never repaired, and writes are refused.
public struct Journal: Sendable {
    /// The run's directory.
    public let directory: String
    /// The file operations used (the system's, or a test's faulty ones).
    public let files: any FileOperations

    /// The journal file's path.
    public var journalPath: String { directory + "/journal.jsonl" }
    /// The pinned playbook's path.
    public var playbookPath: String { directory + "/playbook.yaml" }

    /// Opens the journal of an existing run directory (nothing is read until a transaction or a read).
    public init(directory: String, files: any FileOperations = SystemFiles()) {
        self.directory = directory
        self.files = files
    }

    /// What a journal holds, verified.
    public struct Contents: Sendable {
        /// The lines, in order.
        public var lines: [JournalLine]
        /// The pinned playbook's bytes.
        public var playbook: [UInt8]
        /// The SHA-256 of the last line (of the playbook when there is none): the chain's head.
        public var head: String
        /// The events, in order.
        public var events: [Event] { lines.map(\.event) }
    }

    /// Creates the run directory (0770), the pinned playbook (0660) and the journal with `events` (0660).
    public static func create(
        directory: String, playbook: [UInt8], events: [Event], files: any FileOperations = SystemFiles()
    ) throws(JournalError) {
        do {
            try files.makeDirectory(directory, mode: 0o770)
        } catch {
            if error.code == EEXIST { throw .exists(directory) }
            throw .io(error)
        }
        let journal = Journal(directory: directory, files: files)
        do {
            let pinned = try files.open(journal.playbookPath, flags: O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, mode: 0o660)
            defer { files.close(pinned) }
            try files.setMode(pinned, 0o660)
            try writeAll(playbook[...], to: pinned, files: files)
            try files.fsync(pinned)
            let descriptor = try files.open(journal.journalPath, flags: O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW, mode: 0o660)
            defer { files.close(descriptor) }
            try files.setMode(descriptor, 0o660)
        } catch {
            throw .io(error)
        }
        do {
            _ = try journal.transact { _ in events }
        } catch let error as JournalError {
            throw error
        } catch {
            throw .io(FileError("write", path: journal.journalPath, code: EIO))
        }
    }

    /// Reads and verifies the journal without writing (a torn tail is reported, not cut).
    public func read() throws(JournalError) -> (contents: Contents, tornBytes: Int) {
        let descriptor: Int32
        do {
            descriptor = try files.open(journalPath, flags: O_RDONLY | O_NOFOLLOW, mode: 0)
        } catch {
            throw error.code == ENOENT ? .notFound(directory) : .io(error)
        }
        defer { files.close(descriptor) }
        return try load(descriptor)
    }

    /// Runs one write: under the lock, reads and verifies the journal (cutting a torn tail, which is then
    /// journaled), asks `decide` for the events to append given the contents, appends them, fsyncs, unlocks.
    ///
    /// - Returns: the contents after the append.
    /// - Throws: `JournalError`; when it throws, nothing of this write is acknowledged and the journal is left
    ///   as it was before it (a partial append is cut back).
    @discardableResult
    public func transact(_ decide: (Contents) throws -> [Event]) throws -> Contents {
        let descriptor: Int32
        do {
            descriptor = try files.open(journalPath, flags: O_RDWR | O_NOFOLLOW, mode: 0)
        } catch {
            throw error.code == ENOENT ? JournalError.notFound(directory) : JournalError.io(error)
        }
        defer { files.close(descriptor) }
        do {
            try files.lock(descriptor)
        } catch {
            throw JournalError.io(error)
        }
        defer { files.unlock(descriptor) }
        let (contents, torn) = try load(descriptor, everyChecksum: false)
        var events: [Event] = []
        var seen = contents
        if torn > 0 {
            // The cut is journaled in the very write that makes it, never separately; the caller decides on
            // the contents with the repair in them.
            let at = contents.lines.last?.event.at ?? 0
            events.append(Event(at: at, actor: .engine, kind: .journalRepaired(bytesCut: torn)))
            seen = encode(events, after: contents).contents
        }
        events += try decide(seen)
        guard !events.isEmpty else { return contents }
        let end: Int
        do {
            end = try files.size(descriptor) - torn
        } catch {
            throw JournalError.io(error)
        }
        // The torn bytes are kept aside: if this write fails they go back, so that the next write still finds,
        // cuts and journals them (a cut is never made without its record).
        var tornBytes: [UInt8] = []
        if torn > 0 {
            _ = lseek(descriptor, off_t(end), SEEK_SET)
            tornBytes = (try? files.read(descriptor, count: torn)) ?? []
        }
        return try append(events, to: contents, descriptor: descriptor, at: end, restoring: tornBytes)
    }

    /// Writes `events` as lines at byte `offset` (the end of the last committed line, over any torn bytes), cuts
    /// the file there, and fsyncs: one write, one commit.
    private func append(
        _ events: [Event], to contents: Contents, descriptor: Int32, at offset: Int, restoring tornBytes: [UInt8] = []
    ) throws(JournalError) -> Contents {
        let (contents, bytes) = encode(events, after: contents)
        do {
            let sizeBefore = try files.size(descriptor)
            try Self.writeAll(bytes[...], to: descriptor, files: files, at: offset)
            // Cut what is left of torn bytes longer than the new lines (only then: a truncate costs a metadata write).
            if sizeBefore > offset + bytes.count { try files.truncate(descriptor, to: offset + bytes.count) }
            try files.fsync(descriptor)
        } catch {
            // Nothing is acknowledged: cut back what may have reached the file and put back any torn bytes, so the
            // journal stays as it was.
            try? files.truncate(descriptor, to: offset)
            if !tornBytes.isEmpty { try? Self.writeAll(tornBytes[...], to: descriptor, files: files, at: offset) }
            try? files.fsync(descriptor)
            throw .io(error)
        }
        return contents
    }

    /// The lines of `events` after `contents` (the last one a commit), and the contents with them.
    private func encode(_ events: [Event], after contents: Contents) -> (contents: Contents, bytes: [UInt8]) {
        var contents = contents
        var bytes: [UInt8] = []
        let firstAt = contents.lines.first?.event.at ?? events.first?.at ?? 0
        for (index, event) in events.enumerated() {
            let line = JournalLine(seq: contents.lines.count + 1, event: event, relative: event.at - firstAt,
                                   previous: contents.head, commit: index == events.count - 1)
            let encoded = line.encoded()
            bytes += encoded
            bytes.append(0x0A)
            contents.head = SHA256.hash(encoded).hex
            contents.lines.append(line)
        }
        return (contents, bytes)
    }

    private static func writeAll(_ bytes: ArraySlice<UInt8>, to descriptor: Int32, files: any FileOperations,
                                 at offset: Int? = nil) throws(FileError) {
        if let offset { _ = lseek(descriptor, off_t(offset), SEEK_SET) }
        var rest = bytes
        while !rest.isEmpty {
            let written = try files.write(descriptor, rest)
            guard written > 0 else { throw FileError("write", path: "fd \(descriptor)", code: EIO) }
            rest = rest.dropFirst(written)
        }
    }

    /// Reads the pinned playbook and every line, verifying sequence and chain, and checksums: every one when
    /// `everyChecksum`, else only where the chain does not already vouch for the line (the last line, and a line
    /// whose successor does not follow it, so that the first bad line is named either way).
    private func load(_ descriptor: Int32, everyChecksum: Bool = true) throws(JournalError)
        -> (contents: Contents, tornBytes: Int)
    {
        let playbook: [UInt8]
        let bytes: [UInt8]
        do {
            let pinned = try files.open(playbookPath, flags: O_RDONLY | O_NOFOLLOW, mode: 0)
            defer { files.close(pinned) }
            playbook = try files.read(pinned, count: try files.size(pinned))
            _ = lseek(descriptor, 0, SEEK_SET)
            bytes = try files.read(descriptor, count: try files.size(descriptor))
        } catch {
            throw .io(error)
        }
        var contents = Contents(lines: [], playbook: playbook, head: SHA256.hash(playbook).hex)
        var start = 0
        var lineNumber = 0
        // Where the last committed line ends (lines, head, byte): lines after it are a write that did not finish.
        // Only these three are remembered, never a copy of the lines (that would make reading quadratic).
        var committed = (lines: 0, head: contents.head, end: 0)
        var previousLineRange: Range<Int>?
        let lastNewline = bytes.lastIndex(of: 0x0A)
        func committedContents() -> Contents {
            var result = contents
            result.lines.removeSubrange(committed.lines...)
            result.head = committed.head
            return result
        }
        while start < bytes.count {
            guard let newline = bytes[start...].firstIndex(of: 0x0A) else {
                // An incomplete last line: a torn write, cut back to the last commit.
                return (committedContents(), bytes.count - committed.end)
            }
            lineNumber += 1
            let lineBytes = bytes[start..<newline]
            // The last complete line has no successor to vouch for it (a torn tail after it does not count).
            let isLast = newline == lastNewline
            let line: JournalLine
            do {
                line = try JournalLine.decode(lineBytes, checkingSum: everyChecksum || isLast)
            } catch {
                throw .damaged(line: lineNumber, reason: error.description)
            }
            guard line.seq == lineNumber else {
                throw .damaged(line: lineNumber, reason: "its sequence number is \(line.seq), expected \(lineNumber)")
            }
            guard line.previous == contents.head else {
                // Name the line before if it is the one that was changed.
                if !everyChecksum, lineNumber > 1, let previousRange = previousLineRange,
                    (try? JournalLine.decode(bytes[previousRange])) == nil
                {
                    throw .damaged(line: lineNumber - 1, reason: JournalLine.Problem.badChecksum.description)
                }
                throw .damaged(line: lineNumber, reason: "it does not follow the line before it (the hash chain is broken)")
            }
            if lineNumber == 1, case .runStarted(let start) = line.event.kind, start.playbookHash != contents.head {
                throw .damaged(line: 1, reason: "the pinned playbook.yaml does not match the hash the run started with")
            }
            contents.head = SHA256.hash(lineBytes).hex
            contents.lines.append(line)
            previousLineRange = start..<newline
            start = newline + 1
            if line.commit { committed = (contents.lines.count, contents.head, start) }
        }
        return (committedContents(), bytes.count - committed.end)
    }
}

/// Why a journal could not be read or written.
public enum JournalError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The run directory or journal does not exist.
    case notFound(String)
    /// The run directory exists already.
    case exists(String)
    /// A complete line fails its checksum, sequence or the chain: damage, never repaired silently.
    case damaged(line: Int, reason: String)
    /// A file operation failed.
    case io(FileError)

    public var description: String {
        switch self {
        case .notFound(let path): "no run at '\(path)'"
        case .exists(let path): "'\(path)' exists already"
        case .damaged(let line, let reason):
            "the journal is damaged at line \(line): \(reason); writes are refused until an operator deals with it"
        case .io(let error): error.description
        }
    }
}
