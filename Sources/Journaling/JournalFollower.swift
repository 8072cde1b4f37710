import Hashing
public import Platform

/// Follows a run's journal as it grows: each `poll` returns the lines committed since the last one, each verified
/// (checksum, sequence number, and the hash chain from the pinned playbook on), with its bytes as they are on disk.
///
/// It never takes the write lock: a poll looks at the journal's size and, only when it changed, takes the shared
/// lock just long enough to read the new bytes (so no write is ever seen half done), then verifies them unlocked.
/// Lines after the last commit (a write cut short) are not returned: the next write cuts and journals them.
public struct JournalFollower: Sendable {
    /// The journal followed.
    public let journal: Journal
    /// Where the lines returned so far end (nil before the first read).
    private var position: Journal.Position?
    /// The journal's size at the last read, to skip reading when nothing was written.
    private var sizeSeen: Int?

    /// A committed journal line: its decoded form and its bytes (without the newline) as written.
    public struct Line: Sendable, Hashable {
        public var line: JournalLine
        public var bytes: [UInt8]
    }

    /// Follows `journal` from its first line.
    public init(journal: Journal) {
        self.journal = journal
    }

    /// How many committed lines were returned so far.
    public var linesReturned: Int { position?.lines ?? 0 }

    /// The lines committed since the last poll (every line on the first), verified; empty when nothing was.
    ///
    /// - Throws: `JournalError.notFound` when the run has no journal, `.damaged` when a line fails its checks or
    ///   the journal is shorter than what was already returned (it was cut or replaced), `.io` on a failed read.
    public mutating func poll() throws(JournalError) -> [Line] {
        let files = journal.files
        let descriptor: Int32
        do {
            descriptor = try files.open(journal.journalPath, flags: OpenFlags.readOnly | OpenFlags.noFollow, mode: 0)
        } catch {
            throw error.notFound ? .notFound(journal.directory) : .io(error)
        }
        defer { files.close(descriptor) }
        do {
            // Nothing was written since the last read: no lock, no read.
            if let sizeSeen, try files.size(descriptor) == sizeSeen { return [] }
        } catch {
            throw .io(error)
        }
        let start = position?.end ?? 0
        var playbook: [UInt8]?
        let bytes: [UInt8]
        let acknowledged: Int?
        let size: Int
        do {
            try files.lock(descriptor, shared: true)
            defer { files.unlock(descriptor) }
            if position == nil { playbook = try readWhole(journal.playbookPath) }
            size = try files.size(descriptor)
            guard size >= start else {
                throw JournalError.damaged(
                    line: (position?.lines ?? 0),
                    reason: "the journal is now \(size) bytes, shorter than the \(start) bytes of lines already "
                        + "read: it was cut or replaced")
            }
            try files.seek(descriptor, to: start)
            bytes = try files.read(descriptor, count: size - start)
            acknowledged = (try? readWhole(journal.headRecordPath)).flatMap(HeadRecord.decode)?.lines
        } catch let error as JournalError {
            throw error
        } catch let error as FileError {
            throw .io(error)
        } catch {
            throw .io(FileError("read", path: journal.journalPath, code: ErrorCode.io))
        }
        let origin: Journal.Position
        if let position {
            origin = Journal.Position(lines: position.lines, head: position.head, end: 0)
        } else {
            origin = Journal.Position(lines: 0, head: SHA256.hash(playbook ?? []).hex, end: 0)
        }
        let parsed = try Journal.parse(bytes, from: origin, everyChecksum: true, acknowledged: acknowledged)
        if let acknowledged, parsed.committed.lines < acknowledged {
            throw .damaged(line: parsed.committed.lines + 1,
                           reason: "the journal ends after line \(parsed.committed.lines), but \(acknowledged) lines "
                               + "were written and acknowledged (journal.head): lines were lost")
        }
        sizeSeen = size
        position = Journal.Position(lines: parsed.committed.lines, head: parsed.committed.head,
                                    end: start + parsed.committed.end)
        var lines: [Line] = []
        lines.reserveCapacity(parsed.lines.count)
        var lineStart = 0
        for line in parsed.lines {
            let newline = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
            lines.append(Line(line: line, bytes: Array(bytes[lineStart..<newline])))
            lineStart = newline + 1
        }
        return lines
    }

    /// A small file's bytes (the pinned playbook, the head record).
    private func readWhole(_ path: String) throws(FileError) -> [UInt8] {
        let files = journal.files
        let descriptor = try files.open(path, flags: OpenFlags.readOnly | OpenFlags.noFollow, mode: 0)
        defer { files.close(descriptor) }
        return try files.read(descriptor, count: try files.size(descriptor))
    }
}
