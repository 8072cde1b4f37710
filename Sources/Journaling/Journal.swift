import Hashing
public import Platform
public import RunEngine

/// A run's journal on disk: `<runs>/<run id>/journal.jsonl` beside `playbook.yaml`, the playbook text the run
/// was started with, and `journal.head`, the head record (see `HeadRecord`).
///
/// The journal is the only truth: every command replays it. A write happens under an exclusive lock: read the
/// files, verify every line, repair a torn tail, let the caller decide on the lines so far, append, fsync, update
/// the head record, unlock; only then does the caller report success. A reader takes a shared lock only while it
/// reads the bytes, so it never sees a write half done nor a head record newer than the lines it read. A complete
/// line that fails its checksum or the chain is damage: it is never repaired, and writes are refused.
public struct Journal: Sendable {
    /// The run's directory.
    public let directory: String
    /// The file operations used (the system's, or a test's faulty ones).
    public let files: any FileOperations

    /// The journal file's path.
    public var journalPath: String { directory + "/journal.jsonl" }
    /// The pinned playbook's path.
    public var playbookPath: String { directory + "/playbook.yaml" }
    /// The head record's path: how many lines the last acknowledged write left, and the chain's head there.
    public var headRecordPath: String { directory + "/journal.head" }

    /// Opens the journal of an existing run directory (nothing is read until a transaction or a read).
    public init(directory: String, files: any FileOperations = SystemFiles()) {
        self.directory = directory
        self.files = files
    }

    /// What a journal holds, verified.
    public struct Contents: Sendable {
        /// The committed lines, in order.
        public var lines: [JournalLine]
        /// The pinned playbook's bytes.
        public var playbook: [UInt8]
        /// The SHA-256 of the last line (of the playbook when there is none): the chain's head.
        public var head: String
        /// The events, in order.
        public var events: [Event] { lines.map(\.event) }
    }

    /// What follows the last committed line: a write that did not finish (a crash, a power cut) and is cut, with
    /// a record of the cut, by the next write.
    public struct UnfinishedWrite: Sendable, Hashable {
        /// Its bytes.
        public var bytes: Int
        /// How many of its lines are complete (written, but never committed by the write's last line).
        public var completeLines: Int
    }

    /// Creates the run directory (0770, keeping the setgid bit a shared runs directory passes on), the pinned
    /// playbook (0660), any `companions` (files the run holds from its start, 0660) and the journal with `events`
    /// (0660), and makes the new directory's entries durable. All or nothing: on any failure (a full disk) the
    /// half-made directory is removed.
    public static func create(
        directory: String, playbook: [UInt8], events: [Event], companions: [(name: String, bytes: [UInt8])] = [],
        files: any FileOperations = SystemFiles()
    ) throws(JournalError) {
        do {
            try files.makeDirectory(directory, mode: 0o770)
        } catch {
            if error.nameTaken { throw .exists(directory) }
            throw .io(error)
        }
        let journal = Journal(directory: directory, files: files)
        // The directory is this call's own: a run that cannot be created whole is removed, so that a failed create
        // leaves no half-made run behind (listed by 'runs', writable, its id taken for good).
        var created = false
        defer {
            if !created {
                let companionPaths = companions.map { directory + "/" + $0.name }
                for path in [journal.headRecordPath + ".tmp", journal.headRecordPath, journal.journalPath,
                             journal.playbookPath] + companionPaths {
                    files.unlink(path)
                }
                files.removeDirectory(directory)
            }
        }
        do {
            let pinned = try files.open(
                journal.playbookPath,
                flags: OpenFlags.writeOnly | OpenFlags.create | OpenFlags.exclusive | OpenFlags.noFollow, mode: 0o660)
            defer { files.close(pinned) }
            try files.setMode(pinned, 0o660)
            try writeAll(playbook[...], to: pinned, files: files)
            try files.fsync(pinned)
            // Files that belong to the run from its start (a drill's scenario) are written before the journal,
            // so that a run never exists without them.
            for companion in companions {
                try files.writeNewFile(companion.bytes, to: directory + "/" + companion.name)
            }
            let descriptor = try files.open(
                journal.journalPath,
                flags: OpenFlags.readWrite | OpenFlags.create | OpenFlags.exclusive | OpenFlags.noFollow, mode: 0o660)
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
            throw .io(FileError("write", path: journal.journalPath, code: ErrorCode.io))
        }
        // The new files' entries in the run directory, and the run directory's in the runs directory: without
        // these a power cut could lose the run after 'start' reported it.
        do {
            try files.syncDirectory(directory)
            try files.syncDirectory(FilePath.directory(of: directory))
        } catch {
            throw .io(error)
        }
        created = true
    }

    /// Reads and verifies the journal without writing (an unfinished write is reported, not cut). The bytes are
    /// read under a shared lock, so no write is seen half done; the lines are verified after it is released.
    public func read() throws(JournalError) -> (contents: Contents, tornBytes: Int) {
        let reading = try readVerified()
        return (reading.contents, reading.unfinished?.bytes ?? 0)
    }

    /// Like `read`, with what follows the last committed line described.
    public func readVerified() throws(JournalError) -> (contents: Contents, unfinished: UnfinishedWrite?) {
        try Self.verify(try snapshot())
    }

    /// The bytes of a run's files as they were between two writes: read under a shared lock, so that no write is
    /// seen half done and the head record is never newer than the lines.
    public func snapshot() throws(JournalError) -> Snapshot {
        let descriptor: Int32
        do {
            descriptor = try files.open(journalPath, flags: OpenFlags.readOnly | OpenFlags.noFollow, mode: 0)
        } catch {
            throw error.notFound ? .notFound(directory) : .io(error)
        }
        defer { files.close(descriptor) }
        do {
            try files.lock(descriptor, shared: true)
        } catch {
            throw .io(error)
        }
        defer { files.unlock(descriptor) }
        return try readRun(descriptor)
    }

    /// Verifies a snapshot of a run's files (read here, or taken from a bundle): every line, the chain from the
    /// pinned playbook's hash, the first line, and the head record when there is one.
    public static func verify(_ snapshot: Snapshot) throws(JournalError)
        -> (contents: Contents, unfinished: UnfinishedWrite?)
    {
        let verified = try verify(snapshot, everyChecksum: true)
        guard !verified.contents.lines.isEmpty else { throw neverStarted(verified.unfinished) }
        return (verified.contents, verified.unfinished)
    }

    /// Runs one write: under the lock, reads and verifies the journal (cutting an unfinished write, which is then
    /// journaled), asks `decide` for the events to append given the contents, appends them, fsyncs, updates the
    /// head record, unlocks.
    ///
    /// - Returns: the contents after the append.
    /// - Throws: `JournalError`, or what `decide` throws; when it throws, nothing of this write is acknowledged and
    ///   the journal is left as it was before it (a partial append is cut back).
    @discardableResult
    public func transact(_ decide: (Contents) throws -> [Event]) throws -> Contents {
        try locked { descriptor in
            let (contents, unfinished) = try Self.verify(try readRun(descriptor), everyChecksum: false)
            let torn = unfinished?.bytes ?? 0
            // A journal without a first line takes nothing but the first line: a run that never started (or was
            // emptied) is not given a history that begins anywhere else.
            if contents.lines.isEmpty, torn > 0 { throw Self.neverStarted(unfinished) }
            let end = try size(descriptor) - torn
            let position = Position(lines: contents.lines.count, head: contents.head, end: end)
            let firstAt = contents.lines.first?.event.at
            var events: [Event] = []
            var seen = contents
            if torn > 0 {
                // The cut is journaled in the very write that makes it, never separately; the caller decides on
                // the contents with the repair in them.
                let at = contents.lines.last?.event.at ?? 0
                events.append(Event(at: at, actor: .engine, kind: .journalRepaired(bytesCut: torn)))
                let repaired = encode(events, after: position, firstAt: firstAt)
                seen.lines += repaired.lines
                seen.head = repaired.head
            }
            events += try decide(seen)
            guard !events.isEmpty else { return contents }
            if contents.lines.isEmpty {
                guard case .runStarted = events.first?.kind else { throw Self.neverStarted(nil) }
            }
            let (lines, after) = try append(events, after: position, firstAt: firstAt, descriptor: descriptor,
                                            torn: torn)
            saveHeadRecord(HeadRecord(lines: after.lines, head: after.head))
            var result = contents
            result.lines += lines
            result.head = after.head
            return result
        }
    }

    /// The damage of a journal with no committed line: its first line, `run.started`, is missing.
    private static func neverStarted(_ unfinished: UnfinishedWrite?) -> JournalError {
        .damaged(line: 1, reason: "the journal has no complete first line (run.started)"
            + (unfinished.map { " but \($0.bytes) bytes of one" } ?? "")
            + ": the run never started, or its journal was emptied or cut inside line 1")
    }

    /// The bytes of a run's files: the pinned playbook, the journal and the head record (`nil` when there is none).
    public struct Snapshot: Sendable, Hashable {
        public var playbook: [UInt8]
        public var journal: [UInt8]
        public var headRecord: [UInt8]?

        public init(playbook: [UInt8], journal: [UInt8], headRecord: [UInt8]?) {
            self.playbook = playbook
            self.journal = journal
            self.headRecord = headRecord
        }
    }

    /// Reads the run's three files; the caller holds the journal's lock (shared or exclusive).
    private func readRun(_ descriptor: Int32) throws(JournalError) -> Snapshot {
        let playbook = try readPlaybook()
        let journal = try readJournal(descriptor, from: 0, to: try size(descriptor))
        let headRecord: [UInt8]?
        do {
            let record = try files.open(headRecordPath, flags: OpenFlags.readOnly | OpenFlags.noFollow, mode: 0)
            defer { files.close(record) }
            headRecord = try files.read(record, count: min(try files.size(record), 4096))
        } catch {
            guard error.notFound else { throw .io(error) }
            headRecord = nil
        }
        return Snapshot(playbook: playbook, journal: journal, headRecord: headRecord)
    }

    /// Verifies every line of `bytes.journal` (sequence, chain, checksums: every one when `everyChecksum`, else
    /// only where the chain does not already vouch for the line) and that the head record, if any, is still in
    /// the chain where it was made.
    private static func verify(_ bytes: Snapshot, everyChecksum: Bool) throws(JournalError)
        -> (contents: Contents, unfinished: UnfinishedWrite?)
    {
        let origin = Position(lines: 0, head: SHA256.hash(bytes.playbook).hex, end: 0)
        var record: HeadRecord?
        if let recordBytes = bytes.headRecord {
            guard let decoded = HeadRecord.decode(recordBytes) else { throw .badHeadRecord }
            record = decoded
        }
        let parsed = try Self.parse(bytes.journal, from: origin, everyChecksum: everyChecksum,
                                    acknowledged: record?.lines)
        let contents = Contents(lines: parsed.lines, playbook: bytes.playbook, head: parsed.committed.head)
        if let record {
            let lines = contents.lines
            if let damage = record.contradiction(lines: lines.count, head: { $0 == lines.count ? contents.head : lines[$0].previous }) {
                throw damage
            }
        }
        let unfinished = parsed.tornBytes > 0
            ? UnfinishedWrite(bytes: parsed.tornBytes, completeLines: parsed.uncommittedLines) : nil
        return (contents, unfinished)
    }

    /// Replaces the head record, after the journal's fsync: a temporary file, fsync'd, renamed over the old one, so
    /// that the record is always whole. A failure is ignored (the write it follows is already durable): the
    /// record stays behind the journal, which is never mistaken for damage.
    private func saveHeadRecord(_ record: HeadRecord) {
        let temporary = headRecordPath + ".tmp"
        do {
            let descriptor = try files.open(
                temporary, flags: OpenFlags.writeOnly | OpenFlags.create | OpenFlags.truncate | OpenFlags.noFollow,
                mode: 0o660)
            defer { files.close(descriptor) }
            try files.setMode(descriptor, 0o660)
            try files.writeAll(record.encoded()[...], to: descriptor)
            try files.fsync(descriptor)
            try files.rename(temporary, to: headRecordPath)
        } catch {
            files.unlink(temporary)
        }
    }

    /// Opens the journal, takes the exclusive lock, runs `body`, unlocks and closes.
    private func locked<Result>(_ body: (Int32) throws -> Result) throws -> Result {
        let descriptor: Int32
        do {
            descriptor = try files.open(journalPath, flags: OpenFlags.readWrite | OpenFlags.noFollow, mode: 0)
        } catch {
            throw error.notFound ? JournalError.notFound(directory) : JournalError.io(error)
        }
        defer { files.close(descriptor) }
        do {
            try files.lock(descriptor, shared: false)
        } catch {
            throw JournalError.io(error)
        }
        defer { files.unlock(descriptor) }
        return try body(descriptor)
    }

    private func size(_ descriptor: Int32) throws(JournalError) -> Int {
        do {
            return try files.size(descriptor)
        } catch {
            throw .io(error)
        }
    }

    /// Writes `events` as lines after `position` (the end of the last committed line, over any `torn` bytes after
    /// it), cuts the file there, and fsyncs: one write, one commit. When it fails, nothing is acknowledged: what
    /// may have reached the file is cut back and the torn bytes are put back, so that the next write still finds,
    /// cuts and journals them (a cut is never made without its record).
    private func append(_ events: [Event], after position: Position, firstAt: Int64?, descriptor: Int32, torn: Int)
        throws(JournalError) -> (lines: [JournalLine], after: Position)
    {
        let (lines, head, bytes) = encode(events, after: position, firstAt: firstAt)
        let offset = position.end
        var tornBytes: [UInt8] = []
        do {
            if torn > 0 {
                try files.seek(descriptor, to: offset)
                tornBytes = try files.read(descriptor, count: torn)
            }
            let sizeBefore = try files.size(descriptor)
            try Self.writeAll(bytes[...], to: descriptor, files: files, at: offset)
            // Cut what is left of torn bytes longer than the new lines (only then: a truncate costs a metadata write).
            if sizeBefore > offset + bytes.count { try files.truncate(descriptor, to: offset + bytes.count) }
            try files.fsync(descriptor)
        } catch {
            try? files.truncate(descriptor, to: offset)
            if !tornBytes.isEmpty { try? Self.writeAll(tornBytes[...], to: descriptor, files: files, at: offset) }
            try? files.fsync(descriptor)
            // Every operation above is on the journal: name it, not the descriptor.
            throw .io(FileError(error.operation, path: journalPath, code: error.code))
        }
        return (lines, Position(lines: position.lines + lines.count, head: head, end: offset + bytes.count))
    }

    /// The lines of `events` after `position` (the last one a commit), the chain's head after them, and their bytes.
    private func encode(_ events: [Event], after position: Position, firstAt: Int64?)
        -> (lines: [JournalLine], head: String, bytes: [UInt8])
    {
        var lines: [JournalLine] = []
        var head = position.head
        var bytes: [UInt8] = []
        let firstAt = firstAt ?? events.first?.at ?? 0
        for (index, event) in events.enumerated() {
            let line = JournalLine(seq: position.lines + index + 1, event: event, relative: event.at - firstAt,
                                   previous: head, commit: index == events.count - 1)
            let encoded = line.encoded()
            bytes += encoded
            bytes.append(0x0A)
            head = SHA256.hash(encoded).hex
            lines.append(line)
        }
        return (lines, head, bytes)
    }

    private static func writeAll(_ bytes: ArraySlice<UInt8>, to descriptor: Int32, files: any FileOperations,
                                 at offset: Int? = nil) throws(FileError) {
        if let offset { try files.seek(descriptor, to: offset) }
        try files.writeAll(bytes, to: descriptor)
    }

    /// The pinned playbook's bytes.
    private func readPlaybook() throws(JournalError) -> [UInt8] {
        do {
            let pinned = try files.open(playbookPath, flags: OpenFlags.readOnly | OpenFlags.noFollow, mode: 0)
            defer { files.close(pinned) }
            return try files.read(pinned, count: try files.size(pinned))
        } catch {
            throw .io(error)
        }
    }

    /// The journal's bytes from offset `start` to `end`.
    private func readJournal(_ descriptor: Int32, from start: Int, to end: Int) throws(JournalError) -> [UInt8] {
        do {
            try files.seek(descriptor, to: start)
            return try files.read(descriptor, count: max(0, end - start))
        } catch {
            throw .io(error)
        }
    }

    /// A place in the journal just after a committed line (or at its start): lines before it, the chain's head
    /// there, and its byte offset.
    struct Position: Hashable {
        var lines: Int
        var head: String
        var end: Int
    }

    /// What `parse` finds.
    struct Parsed {
        /// The committed lines.
        var lines: [JournalLine]
        /// The position after the last of them.
        var committed: Position
        /// How many bytes follow it: an unfinished write.
        var tornBytes: Int
        /// How many complete lines those bytes hold (lines of a write whose last line never came).
        var uncommittedLines: Int
    }

    /// Decodes and verifies every line of a journal's `bytes`, starting at `origin` (no lines, the chain at the
    /// pinned playbook's hash). The first line must be `run.started` with that hash.
    ///
    /// A complete line that fails (its checksum, sequence number or chain) is damage, with one exception: a line
    /// after the `acknowledged` count of the head record belongs to a write that was never acknowledged (an
    /// acknowledged write is fsync'd whole before the record counts it), and a power cut can leave such a write
    /// torn by disk sectors into lines that look complete. It and what follows are an unfinished write, cut and
    /// journaled by the next write like a torn line. Without a head record only zeros (sectors never written,
    /// which no line Muster writes contains) after the last valid line mark such a write.
    static func parse(_ bytes: [UInt8], from origin: Position, everyChecksum: Bool, acknowledged: Int? = nil)
        throws(JournalError) -> Parsed
    {
        var lines: [JournalLine] = []
        var head = origin.head
        var start = origin.end
        var lineNumber = origin.lines
        // Where the last committed line ends: lines after it are a write that did not finish.
        var committed = (count: 0, position: origin)
        var previousLineRange: Range<Int>?
        let lastNewline = bytes.lastIndex(of: 0x0A)
        func result() -> Parsed {
            let uncommitted = lines.count - committed.count
            if uncommitted > 0 { lines.removeSubrange(committed.count...) }
            return Parsed(lines: lines, committed: committed.position, tornBytes: bytes.count - committed.position.end,
                          uncommittedLines: uncommitted)
        }
        while start < bytes.count {
            // An incomplete last line: a torn write, cut back to the last commit.
            guard let newline = bytes[start...].firstIndex(of: 0x0A) else { return result() }
            lineNumber += 1
            let lineBytes = bytes[start..<newline]
            // The last complete line has no successor to vouch for it (a torn tail after it does not count), nor
            // has a line no acknowledgement vouches for.
            let unacknowledged = acknowledged.map { lineNumber > $0 } ?? false
            let isLast = newline == lastNewline
            if lineBytes.contains(0), unacknowledged || !bytes[newline...].split(separator: 0x0A).contains(where: {
                (try? JournalLine.decode($0)) != nil
            }) {
                return result()
            }
            let line: JournalLine
            do {
                line = try JournalLine.decode(lineBytes, checkingSum: everyChecksum || isLast || unacknowledged)
            } catch {
                if unacknowledged { return result() }
                throw .damaged(line: lineNumber, reason: error.description)
            }
            guard line.seq == lineNumber else {
                if unacknowledged { return result() }
                throw .damaged(line: lineNumber, reason: "its sequence number is \(line.seq), expected \(lineNumber)")
            }
            guard line.previous == head else {
                if unacknowledged { return result() }
                // Name the line before if it is the one that was changed.
                if !everyChecksum, let previousRange = previousLineRange,
                    (try? JournalLine.decode(bytes[previousRange])) == nil
                {
                    throw .damaged(line: lineNumber - 1, reason: JournalLine.Problem.badChecksum.description)
                }
                throw .damaged(line: lineNumber, reason: "it does not follow the line before it (the hash chain is broken)")
            }
            if lineNumber == 1 {
                guard case .runStarted(let start) = line.event.kind else {
                    throw .damaged(line: 1, reason: "the first line is not run.started: the journal's beginning is missing")
                }
                guard start.playbookHash == head else {
                    throw .damaged(line: 1, reason: "the pinned playbook.yaml does not match the hash the run started with")
                }
            }
            head = SHA256.hash(lineBytes).hex
            lines.append(line)
            previousLineRange = start..<newline
            start = newline + 1
            if line.commit { committed = (lines.count, Position(lines: lineNumber, head: head, end: start)) }
        }
        return result()
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
    /// The head record beside the journal is not one: it was altered.
    case badHeadRecord
    /// A file operation failed.
    case io(FileError)

    public var description: String {
        switch self {
        case .notFound(let path): "no run at '\(path)'"
        case .exists(let path): "'\(path)' exists already"
        case .damaged(let line, let reason):
            "the journal is damaged at line \(line): \(reason); writes are refused until an operator deals with it"
        case .badHeadRecord:
            "journal.head is not a head record (it was altered); if the journal is the right one, delete journal.head; "
                + "writes are refused until an operator deals with it"
        case .io(let error): error.description
        }
    }
}
