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
    /// The checkpoint's path: the folded state of the journal's first lines, so that a write need not replay
    /// them (see `update`).
    public var checkpointPath: String { directory + "/checkpoint.bin" }

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

    /// What a write by `update` starts from: the run's state rather than its lines.
    public struct Snapshot: Sendable {
        /// `RunState.fold` of every committed line.
        public var state: RunState
        /// How many lines the journal has: the last line's sequence number.
        public var lineCount: Int
        /// The SHA-256 of the last line (of the playbook when there is none): the chain's head.
        public var head: String
        /// The pinned playbook's bytes, recognised as those the run started with (the hash in its first line).
        public var playbook: [UInt8]
        /// How many lines were decoded to get here (0 when the checkpoint was current; every line without one).
        public var linesDecoded: Int
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
        // The directory is this call's own: a run that cannot be created whole is removed, so that a failed create
        // leaves no half-made run behind (listed by 'runs', writable, its id taken for good).
        var created = false
        defer {
            if !created {
                _ = unlink(journal.checkpointPath)
                _ = unlink(journal.journalPath)
                _ = unlink(journal.playbookPath)
                _ = rmdir(directory)
            }
        }
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
        created = true
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
        let (contents, tornBytes, _) = try load(descriptor)
        return (contents, tornBytes)
    }

    /// Runs one write: under the lock, reads and verifies the journal (cutting a torn tail, which is then
    /// journaled), asks `decide` for the events to append given the contents, appends them, fsyncs, unlocks.
    ///
    /// - Returns: the contents after the append.
    /// - Throws: `JournalError`; when it throws, nothing of this write is acknowledged and the journal is left
    ///   as it was before it (a partial append is cut back).
    @discardableResult
    public func transact(_ decide: (Contents) throws -> [Event]) throws -> Contents {
        try locked { descriptor in
            let (contents, torn, bytes) = try load(descriptor, everyChecksum: false)
            let position = Position(lines: contents.lines.count, head: contents.head, end: try size(descriptor) - torn)
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
            let (lines, after, written) = try append(events, after: position, firstAt: firstAt, descriptor: descriptor,
                                                     torn: torn)
            var result = contents
            result.lines += lines
            result.head = after.head
            // The slow path keeps the checkpoint current too, from the bytes it has read and written.
            var prefix = XXH64.Hasher()
            prefix.update(bytes[..<position.end])
            prefix.update(written)
            let firstLine = position.lines > 0 ? Self.firstLineHash(bytes) : Self.firstLineHash(written)
            saveCheckpoint(Checkpoint(position: after, firstAt: firstAt ?? events.first?.at, firstLine: firstLine,
                                      journalHash: prefix.finalize(), playbookHash: XXH64.hash(contents.playbook),
                                      state: RunState.fold(result.events)))
            return result
        }
    }

    /// Runs one write from the run's state: like `transact`, but `decide` is given the folded state rather than
    /// the lines, and only the lines after the checkpoint are decoded and folded (every line when there is no
    /// usable checkpoint). The lines before the checkpoint are still read and recognised byte for byte, so that an
    /// edited line is damage and refuses the write just the same.
    ///
    /// - Returns: the snapshot after the append.
    /// - Throws: `JournalError` (nothing of the write acknowledged), or what `decide` throws.
    @discardableResult
    public func update(_ decide: (Snapshot) throws -> [Event]) throws -> Snapshot {
        try locked { descriptor in
            let playbook = try readPlaybook()
            let playbookHash = XXH64.hash(playbook)
            let journalSize = try size(descriptor)
            // The journal's bytes are hashed once, in order: up to the checkpoint to recognise them, then on through
            // the lines after it and the new ones for the next checkpoint. Only the bytes after the checkpoint are
            // kept: those before it pass through a small buffer, hashed as they are read.
            var prefix = XXH64.Hasher()
            let origin: Position
            var state = RunState()
            var firstAt: Int64?
            var firstLine: String?
            let bytes: [UInt8]
            let checkpoint = readCheckpoint()
            if let checkpoint, checkpoint.position.lines > 0,
                checkpoint.fits(journalSize: journalSize, playbookHash: playbookHash),
                try recognise(descriptor, upTo: checkpoint.position.end, as: checkpoint.journalHash, prefix: &prefix)
            {
                origin = checkpoint.position
                state = checkpoint.state
                firstAt = checkpoint.firstAt
                firstLine = checkpoint.firstLine
                bytes = try readJournal(descriptor, from: origin.end, to: journalSize)
            } else {
                prefix = XXH64.Hasher()
                origin = Position(lines: 0, head: SHA256.hash(playbook).hex, end: 0)
                bytes = try readJournal(descriptor, from: 0, to: journalSize)
            }
            let parsed = try Self.parse(bytes, startingAt: origin.end, from: origin, everyChecksum: false)
            if origin.end == 0, let checkpoint, let damage = checkpoint.contradiction(
                firstLine: Self.firstLineHash(bytes), playbookHash: playbookHash, lines: parsed.committed.lines,
                head: { $0 == parsed.lines.count ? parsed.committed.head : parsed.lines[$0].previous })
            {
                throw damage
            }
            for line in parsed.lines { state.apply(line.event) }
            firstAt = firstAt ?? parsed.lines.first?.event.at
            prefix.update(bytes[..<(parsed.committed.end - origin.end)])
            var snapshot = Snapshot(state: state, lineCount: parsed.committed.lines, head: parsed.committed.head,
                                    playbook: playbook, linesDecoded: parsed.lines.count)
            var events: [Event] = []
            if parsed.tornBytes > 0 {
                let repair = Event(at: parsed.lines.last?.event.at ?? state.lastEventAt, actor: .engine,
                                   kind: .journalRepaired(bytesCut: parsed.tornBytes))
                events.append(repair)
                snapshot.state.apply(repair)
                snapshot.lineCount += 1
            }
            events += try decide(snapshot)
            guard !events.isEmpty else {
                // Nothing to write; a checkpoint that was missing or behind is brought up to date.
                if !parsed.lines.isEmpty {
                    saveCheckpoint(Checkpoint(position: parsed.committed, firstAt: firstAt,
                                              firstLine: firstLine ?? Self.firstLineHash(bytes),
                                              journalHash: prefix.finalize(), playbookHash: playbookHash, state: state))
                }
                return snapshot
            }
            let (lines, after, written) = try append(events, after: parsed.committed, firstAt: firstAt,
                                                     descriptor: descriptor, torn: parsed.tornBytes)
            var stateAfter = snapshot.state
            for line in lines.dropFirst(parsed.tornBytes > 0 ? 1 : 0) { stateAfter.apply(line.event) }
            prefix.update(written)
            let firstLineAfter = firstLine
                ?? (parsed.committed.lines > 0 ? Self.firstLineHash(bytes) : Self.firstLineHash(written))
            saveCheckpoint(Checkpoint(position: after, firstAt: firstAt ?? events.first?.at, firstLine: firstLineAfter,
                                      journalHash: prefix.finalize(), playbookHash: playbookHash, state: stateAfter))
            return Snapshot(state: stateAfter, lineCount: after.lines, head: after.head, playbook: playbook,
                            linesDecoded: parsed.lines.count)
        }
    }

    /// Whether the journal's first `end` bytes end a line and hash to `expected`; `prefix` has hashed them either
    /// way. They are read through a buffer of 64 KiB, so that a long journal costs no large allocation.
    private func recognise(_ descriptor: Int32, upTo end: Int, as expected: UInt64, prefix: inout XXH64.Hasher)
        throws(JournalError) -> Bool
    {
        _ = lseek(descriptor, 0, SEEK_SET)
        var left = end
        var lastByte: UInt8?
        do {
            while left > 0 {
                let chunk = try files.read(descriptor, count: min(left, 1 << 16))
                guard !chunk.isEmpty else { return false }
                prefix.update(chunk)
                lastByte = chunk.last
                left -= chunk.count
            }
        } catch {
            throw .io(error)
        }
        return lastByte == 0x0A && prefix.finalize() == expected
    }

    /// Opens the journal, takes the exclusive lock, runs `body`, unlocks and closes.
    private func locked<Result>(_ body: (Int32) throws -> Result) throws -> Result {
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
        throws(JournalError) -> (lines: [JournalLine], after: Position, bytes: [UInt8])
    {
        let (lines, head, bytes) = encode(events, after: position, firstAt: firstAt)
        let offset = position.end
        var tornBytes: [UInt8] = []
        do {
            if torn > 0 {
                _ = lseek(descriptor, off_t(offset), SEEK_SET)
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
        return (lines, Position(lines: position.lines + lines.count, head: head, end: offset + bytes.count), bytes)
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

    /// The checkpoint beside the journal, if there is a readable one.
    func readCheckpoint() -> Checkpoint? {
        guard let descriptor = try? files.open(checkpointPath, flags: O_RDONLY | O_NOFOLLOW, mode: 0) else { return nil }
        defer { files.close(descriptor) }
        guard let size = try? files.size(descriptor), size < 64 << 20,
            let bytes = try? files.read(descriptor, count: size)
        else { return nil }
        return Checkpoint.decode(bytes)
    }

    /// Replaces the checkpoint, after the journal's fsync. A failure leaves no usable checkpoint and is otherwise
    /// ignored: the write it follows is already durable, and the next write reads every line instead.
    private func saveCheckpoint(_ checkpoint: Checkpoint) {
        replaceCache(at: checkpointPath, with: checkpoint.encoded())
    }

    /// Replaces the bytes of a cache beside the journal (checksummed by its reader, so that a torn one is
    /// ignored); on failure empties it. Never through a symlink; mode 0660 like every file of a run.
    func replaceCache(at path: String, with bytes: [UInt8]) {
        guard let descriptor = try? files.open(path, flags: O_WRONLY | O_CREAT | O_NOFOLLOW, mode: 0o660) else { return }
        defer { files.close(descriptor) }
        do {
            try files.setMode(descriptor, 0o660)
            try Self.writeAll(bytes[...], to: descriptor, files: files, at: 0)
            if try files.size(descriptor) > bytes.count { try files.truncate(descriptor, to: bytes.count) }
        } catch {
            try? files.truncate(descriptor, to: 0)
        }
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

    /// The pinned playbook's bytes.
    private func readPlaybook() throws(JournalError) -> [UInt8] {
        do {
            let pinned = try files.open(playbookPath, flags: O_RDONLY | O_NOFOLLOW, mode: 0)
            defer { files.close(pinned) }
            return try files.read(pinned, count: try files.size(pinned))
        } catch {
            throw .io(error)
        }
    }

    /// The journal's bytes from offset `start` to `end`.
    private func readJournal(_ descriptor: Int32, from start: Int, to end: Int) throws(JournalError) -> [UInt8] {
        do {
            _ = lseek(descriptor, off_t(start), SEEK_SET)
            return try files.read(descriptor, count: max(0, end - start))
        } catch {
            throw .io(error)
        }
    }

    /// The pinned playbook's and the journal's bytes.
    private func readFiles(_ descriptor: Int32) throws(JournalError) -> (playbook: [UInt8], journal: [UInt8]) {
        let playbook = try readPlaybook()
        return (playbook, try readJournal(descriptor, from: 0, to: try size(descriptor)))
    }

    /// Reads the pinned playbook and every line, verifying sequence and chain, and checksums: every one when
    /// `everyChecksum`, else only where the chain does not already vouch for the line (the last line, and a line
    /// whose successor does not follow it, so that the first bad line is named either way).
    private func load(_ descriptor: Int32, everyChecksum: Bool = true) throws(JournalError)
        -> (contents: Contents, tornBytes: Int, bytes: [UInt8])
    {
        let (playbook, bytes) = try readFiles(descriptor)
        let origin = Position(lines: 0, head: SHA256.hash(playbook).hex, end: 0)
        let parsed = try Self.parse(bytes, from: origin, everyChecksum: everyChecksum)
        let contents = Contents(lines: parsed.lines, playbook: playbook, head: parsed.committed.head)
        if let checkpoint = readCheckpoint(), let damage = checkpoint.contradiction(
            firstLine: Self.firstLineHash(bytes), playbookHash: XXH64.hash(playbook), lines: contents.lines.count,
            head: { $0 == contents.lines.count ? contents.head : contents.lines[$0].previous })
        {
            throw damage
        }
        return (contents, parsed.tornBytes, bytes)
    }

    /// The SHA-256 of the journal's first line, "" when it has no complete line.
    static func firstLineHash(_ bytes: [UInt8]) -> String {
        guard let newline = bytes.firstIndex(of: 0x0A) else { return "" }
        return SHA256.hash(bytes[..<newline]).hex
    }

    /// A place in the journal just after a committed line (or at its start): lines before it, the chain's head
    /// there, and its byte offset.
    struct Position: Hashable {
        var lines: Int
        var head: String
        var end: Int
    }

    /// Decodes and verifies the lines of the journal after `position`, which the caller vouches for; `bytes` are
    /// the journal's from byte offset `base` (at most `position.end`) to its end. Returns the committed lines after
    /// `position`, the position after the last of them, and how many bytes follow that position (a torn or
    /// uncommitted write).
    static func parse(_ bytes: [UInt8], startingAt base: Int = 0, from position: Position, everyChecksum: Bool)
        throws(JournalError) -> (lines: [JournalLine], committed: Position, tornBytes: Int)
    {
        var lines: [JournalLine] = []
        var head = position.head
        var start = position.end - base
        var lineNumber = position.lines
        // Where the last committed line ends: lines after it are a write that did not finish.
        var committed = (count: 0, position: position)
        var previousLineRange: Range<Int>?
        let lastNewline = bytes.lastIndex(of: 0x0A)
        func result() -> (lines: [JournalLine], committed: Position, tornBytes: Int) {
            if committed.count < lines.count { lines.removeSubrange(committed.count...) }
            return (lines, committed.position, base + bytes.count - committed.position.end)
        }
        while start < bytes.count {
            // An incomplete last line: a torn write, cut back to the last commit.
            guard let newline = bytes[start...].firstIndex(of: 0x0A) else { return result() }
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
            guard line.previous == head else {
                // Name the line before if it is the one that was changed.
                if !everyChecksum, let previousRange = previousLineRange,
                    (try? JournalLine.decode(bytes[previousRange])) == nil
                {
                    throw .damaged(line: lineNumber - 1, reason: JournalLine.Problem.badChecksum.description)
                }
                throw .damaged(line: lineNumber, reason: "it does not follow the line before it (the hash chain is broken)")
            }
            if lineNumber == 1, case .runStarted(let start) = line.event.kind, start.playbookHash != head {
                throw .damaged(line: 1, reason: "the pinned playbook.yaml does not match the hash the run started with")
            }
            head = SHA256.hash(lineBytes).hex
            lines.append(line)
            previousLineRange = start..<newline
            start = newline + 1
            if line.commit { committed = (lines.count, Position(lines: lineNumber, head: head, end: base + start)) }
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
