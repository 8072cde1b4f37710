#if canImport(Glibc)
    import Glibc
#endif
import Foundation
import Hashing
import Journaling
import Platform
import RunEngine
import Testing

/// File operations that fail on purpose: a write cut short, a write refused with ENOSPC, an fsync refused.
final class FaultyFiles: FileOperations, @unchecked Sendable {
    // Unchecked: each test uses its own instance from one thread.
    enum Fault {
        case shortWrite(keep: Int)
        case noSpace
        case fsyncFails
    }

    let system = SystemFiles()
    var writesBeforeFault: Int
    var fault: Fault
    private(set) var faulted = false

    init(after writes: Int, _ fault: Fault) {
        writesBeforeFault = writes
        self.fault = fault
    }

    func open(_ path: String, flags: Int32, mode: UInt32) throws(FileError) -> Int32 {
        try system.open(path, flags: flags, mode: mode)
    }
    func read(_ descriptor: Int32, count: Int) throws(FileError) -> [UInt8] { try system.read(descriptor, count: count) }
    func write(_ descriptor: Int32, _ bytes: ArraySlice<UInt8>) throws(FileError) -> Int {
        if writesBeforeFault == 0, !faulted {
            switch fault {
            case .shortWrite(let keep):
                faulted = true
                _ = try system.write(descriptor, bytes.prefix(keep))
                throw FileError("write", path: "journal", code: EIO)
            case .noSpace:
                faulted = true
                throw FileError("write", path: "journal", code: ENOSPC)
            case .fsyncFails:
                break
            }
        }
        writesBeforeFault -= 1
        return try system.write(descriptor, bytes)
    }
    func fsync(_ descriptor: Int32) throws(FileError) {
        if case .fsyncFails = fault, writesBeforeFault < 0, !faulted {
            faulted = true
            throw FileError("fsync", path: "journal", code: EIO)
        }
        try system.fsync(descriptor)
    }
    func truncate(_ descriptor: Int32, to length: Int) throws(FileError) { try system.truncate(descriptor, to: length) }
    func size(_ descriptor: Int32) throws(FileError) -> Int { try system.size(descriptor) }
    func lock(_ descriptor: Int32, shared: Bool) throws(FileError) { try system.lock(descriptor, shared: shared) }
    func unlock(_ descriptor: Int32) { system.unlock(descriptor) }
    func close(_ descriptor: Int32) { system.close(descriptor) }
    func makeDirectory(_ path: String, mode: UInt32) throws(FileError) { try system.makeDirectory(path, mode: mode) }
    func setMode(_ descriptor: Int32, _ mode: UInt32) throws(FileError) { try system.setMode(descriptor, mode) }
    func rename(_ path: String, to newPath: String) throws(FileError) { try system.rename(path, to: newPath) }
    func link(_ path: String, to newPath: String) throws(FileError) { try system.link(path, to: newPath) }
    func unlink(_ path: String) { system.unlink(path) }
    func removeDirectory(_ path: String) { system.removeDirectory(path) }
    func syncDirectory(_ path: String) throws(FileError) { try system.syncDirectory(path) }
}

struct JournalTests {
    let playbook = Array("muster: 1\nid: x\n".utf8)

    func makeRun() throws -> (Journal, URL) {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("journal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        let directory = base.appendingPathComponent("run").path
        let start = RunStart(playbookID: "x", version: "1", playbookHash: SHA256.hash(playbook).hex, mode: .live,
                             virtualClock: false, severity: nil, assignments: [:])
        try Journal.create(directory: directory, playbook: playbook,
                           events: [Event(at: 1000, actor: .engine, kind: .runStarted(start))])
        return (Journal(directory: directory), base)
    }

    func note(_ text: String, at: Int64) -> Event {
        Event(at: at, actor: .person("alice", role: "commander"), kind: .note(text: text))
    }

    @Test func appendedLinesAreNumberedChainedAndVerified() throws {
        let (journal, base) = try makeRun()
        defer { try? FileManager.default.removeItem(at: base) }
        try journal.transact { _ in [note("one", at: 2000), note("two", at: 3000)] }
        let (contents, torn) = try journal.read()
        #expect(torn == 0)
        #expect(contents.lines.map(\.seq) == [1, 2, 3])
        #expect(contents.lines[2].relative == 2000)
        #expect(contents.lines[0].previous == SHA256.hash(playbook).hex)
    }

    @Test func modesAreThoseOfTheContract() throws {
        let (journal, base) = try makeRun()
        defer { try? FileManager.default.removeItem(at: base) }
        func mode(_ path: String) -> mode_t {
            var status = stat()
            stat(path, &status)
            return status.st_mode & 0o777
        }
        #expect(mode(journal.directory) == 0o770)
        #expect(mode(journal.journalPath) == 0o660)
        #expect(mode(journal.playbookPath) == 0o660)
    }

    @Test func aTornTailIsCutAndTheCutJournaled() throws {
        let (journal, base) = try makeRun()
        defer { try? FileManager.default.removeItem(at: base) }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: journal.journalPath))
        handle.seekToEndOfFile()
        handle.write(Data("{\"seq\":2,\"at\":20".utf8))
        try handle.close()
        #expect(try journal.read().tornBytes == 16)
        try journal.transact { _ in [note("after", at: 5000)] }
        let contents = try journal.read().contents
        #expect(contents.events.map(\.kind) == [contents.events[0].kind, .journalRepaired(bytesCut: 16), .note(text: "after")])
    }

    @Test func aWriteCutShortAtALineBoundaryIsCutBackToItsLastCommit() throws {
        let (journal, base) = try makeRun()
        defer { try? FileManager.default.removeItem(at: base) }
        // The head record as it was before the write: a write cut short never gets as far as its own.
        let record = try Data(contentsOf: URL(fileURLWithPath: journal.headRecordPath))
        try journal.transact { _ in [note("one", at: 2000), note("two", at: 3000), note("three", at: 4000)] }
        // Keep only the first of the last write's three lines: complete, but not a commit.
        let text = try String(contentsOfFile: journal.journalPath, encoding: .utf8)
        var lines = text.split(separator: "\n").map(String.init)
        #expect(lines[1].contains("\"commit\":false") && !lines[3].contains("\"commit\""))
        lines.removeLast(2)
        try (lines.joined(separator: "\n") + "\n").write(toFile: journal.journalPath, atomically: false, encoding: .utf8)
        try record.write(to: URL(fileURLWithPath: journal.headRecordPath))
        let (read, torn) = try journal.read()
        #expect(read.lines.count == 1)
        #expect(torn == lines[1].utf8.count + 1)
        try journal.transact { _ in [note("after", at: 5000)] }
        let repaired = try journal.read().contents
        #expect(repaired.events.map(\.kind).dropFirst() == [.journalRepaired(bytesCut: torn), .note(text: "after")])
    }

    /// File operations that "crash" at a chosen point: from then on every operation fails, so nothing the
    /// journal would do to clean up reaches the disk, as when the process dies.
    final class CrashingFiles: FileOperations, @unchecked Sendable {
        enum Point { case halfLineWritten, afterWriteBeforeFsync, afterFsync }
        let system = SystemFiles()
        let point: Point
        var crashed = false
        init(_ point: Point) { self.point = point }
        private func check() throws(FileError) { if crashed { throw FileError("crashed", path: "", code: EIO) } }
        func open(_ path: String, flags: Int32, mode: UInt32) throws(FileError) -> Int32 {
            try check()
            return try system.open(path, flags: flags, mode: mode)
        }
        func read(_ descriptor: Int32, count: Int) throws(FileError) -> [UInt8] {
            try check()
            return try system.read(descriptor, count: count)
        }
        func write(_ descriptor: Int32, _ bytes: ArraySlice<UInt8>) throws(FileError) -> Int {
            try check()
            if point == .halfLineWritten {
                _ = try system.write(descriptor, bytes.prefix(bytes.count / 2))
                crashed = true
                throw FileError("crashed", path: "", code: EIO)
            }
            let written = try system.write(descriptor, bytes)
            if point == .afterWriteBeforeFsync { crashed = true }
            return written
        }
        func fsync(_ descriptor: Int32) throws(FileError) {
            try check()
            try system.fsync(descriptor)
            if point == .afterFsync { crashed = true }
        }
        func truncate(_ descriptor: Int32, to length: Int) throws(FileError) {
            try check()
            try system.truncate(descriptor, to: length)
        }
        func size(_ descriptor: Int32) throws(FileError) -> Int {
            try check()
            return try system.size(descriptor)
        }
        func lock(_ descriptor: Int32, shared: Bool) throws(FileError) { try system.lock(descriptor, shared: shared) }
        func unlock(_ descriptor: Int32) { system.unlock(descriptor) }
        func close(_ descriptor: Int32) { system.close(descriptor) }
        func makeDirectory(_ path: String, mode: UInt32) throws(FileError) { try system.makeDirectory(path, mode: mode) }
        func setMode(_ descriptor: Int32, _ mode: UInt32) throws(FileError) { try system.setMode(descriptor, mode) }
        func rename(_ path: String, to newPath: String) throws(FileError) {
            try check()
            try system.rename(path, to: newPath)
        }
        func link(_ path: String, to newPath: String) throws(FileError) {
            try check()
            try system.link(path, to: newPath)
        }
        func unlink(_ path: String) { if !crashed { system.unlink(path) } }
        func removeDirectory(_ path: String) { if !crashed { system.removeDirectory(path) } }
        func syncDirectory(_ path: String) throws(FileError) {
            try check()
            try system.syncDirectory(path)
        }
    }

    @Test(arguments: [CrashingFiles.Point.halfLineWritten, .afterWriteBeforeFsync, .afterFsync])
    func aCrashAtAnyPointLosesNothingAcknowledgedAndReopensClean(_ point: CrashingFiles.Point) throws {
        let (journal, base) = try makeRun()
        defer { try? FileManager.default.removeItem(at: base) }
        try journal.transact { _ in [note("acknowledged", at: 2000)] }
        let crashing = Journal(directory: journal.directory, files: CrashingFiles(point))
        _ = try? crashing.transact { _ in [note("in flight 1", at: 3000), note("in flight 2", at: 3000)] }
        // Reopened by the next command: the acknowledged note is there, the write in flight is either whole
        // (it reached the disk) or cut back and the cut journaled; the journal verifies either way.
        try journal.transact { _ in [note("next", at: 4000)] }
        let (contents, torn) = try journal.read()
        #expect(torn == 0)
        let notes = contents.events.compactMap { event -> String? in
            if case .note(let text, _) = event.kind { return text }
            return nil
        }
        #expect(notes.first == "acknowledged")
        #expect(notes.last == "next")
        switch point {
        case .halfLineWritten:
            #expect(!notes.contains("in flight 1"))
            #expect(contents.events.contains { if case .journalRepaired = $0.kind { return true } else { return false } })
        case .afterWriteBeforeFsync, .afterFsync:
            #expect(notes == ["acknowledged", "in flight 1", "in flight 2", "next"])
        }
    }

    @Test(arguments: [0, 17, 100])
    func changingAByteOfACompleteLineIsDamageNamingTheLine(_ offsetInSecondLine: Int) throws {
        let (journal, base) = try makeRun()
        defer { try? FileManager.default.removeItem(at: base) }
        try journal.transact { _ in [note("one", at: 2000), note("two", at: 3000)] }
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: journal.journalPath)))
        let secondLineStart = bytes.firstIndex(of: 0x0A)! + 1
        bytes[secondLineStart + offsetInSecondLine] ^= 0x01
        try Data(bytes).write(to: URL(fileURLWithPath: journal.journalPath))
        #expect(throws: JournalError.self) { try journal.read() }
        do {
            _ = try journal.read()
        } catch .damaged(let line, _) {
            #expect(line == 2)
        } catch {
            Issue.record("unexpected \(error)")
        }
        // Writes are refused while the damage is there.
        #expect(throws: JournalError.self) { try journal.transact { _ in [note("more", at: 4000)] } }
    }

    @Test func deletingOrReorderingLinesBreaksTheChain() throws {
        let (journal, base) = try makeRun()
        defer { try? FileManager.default.removeItem(at: base) }
        try journal.transact { _ in [note("one", at: 2000), note("two", at: 3000), note("three", at: 4000)] }
        let original = try String(contentsOfFile: journal.journalPath, encoding: .utf8)
        var lines = original.split(separator: "\n").map(String.init)
        lines.remove(at: 2)
        try (lines.joined(separator: "\n") + "\n").write(toFile: journal.journalPath, atomically: false, encoding: .utf8)
        #expect(throws: JournalError.self) { try journal.read() }
        lines = original.split(separator: "\n").map(String.init)
        lines.swapAt(1, 2)
        try (lines.joined(separator: "\n") + "\n").write(toFile: journal.journalPath, atomically: false, encoding: .utf8)
        #expect(throws: JournalError.self) { try journal.read() }
    }

    /// The same faults while the write also repairs a torn tail: the cut and the new lines fail together, and
    /// the next write still finds the torn bytes, cuts them and journals the cut.
    @Test(arguments: [
        ("short write", FaultyFiles.Fault.shortWrite(keep: 40)), ("disk full", .noSpace), ("fsync fails", .fsyncFails),
    ])
    func aFailedRepairingAppendLeavesTheTornTailForTheNextWrite(_ name: String, _ fault: FaultyFiles.Fault) throws {
        let (journal, base) = try makeRun()
        defer { try? FileManager.default.removeItem(at: base) }
        try journal.transact { _ in [note("kept", at: 2000)] }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: journal.journalPath))
        handle.seekToEndOfFile()
        handle.write(Data("{\"seq\":3,\"at\"".utf8))
        try handle.close()
        let faulty = FaultyFiles(after: 0, fault)
        #expect(throws: JournalError.self) {
            try Journal(directory: journal.directory, files: faulty).transact { _ in [note("lost", at: 3000)] }
        }
        #expect(faulty.faulted)
        let (before, torn) = try journal.read()
        #expect(before.lines.count == 2)
        #expect(torn > 0)
        try journal.transact { _ in [note("next", at: 4000)] }
        let after = try journal.read().contents
        #expect(after.events.map(\.kind).suffix(2) == [.journalRepaired(bytesCut: torn), .note(text: "next")])
    }

    @Test(arguments: [
        ("short write", FaultyFiles.Fault.shortWrite(keep: 40)), ("disk full", .noSpace), ("fsync fails", .fsyncFails),
    ])
    func aFailedAppendAcknowledgesNothingAndLeavesTheJournalIntact(_ name: String, _ fault: FaultyFiles.Fault) throws {
        let (journal, base) = try makeRun()
        defer { try? FileManager.default.removeItem(at: base) }
        try journal.transact { _ in [note("kept", at: 2000)] }
        let faulty = FaultyFiles(after: 0, fault)
        let broken = Journal(directory: journal.directory, files: faulty)
        #expect(throws: JournalError.self) { try broken.transact { _ in [note("lost", at: 3000)] } }
        #expect(faulty.faulted)
        let (contents, torn) = try journal.read()
        #expect(torn == 0)
        #expect(contents.events.map(\.kind).last == .note(text: "kept"))
        #expect(contents.lines.count == 2)
        // And the journal goes on normally afterwards.
        try journal.transact { _ in [note("next", at: 4000)] }
        #expect(try journal.read().contents.lines.count == 3)
    }
}
