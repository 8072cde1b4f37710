import Dispatch
import Foundation
import Hashing
@testable import Journaling
import RunEngine
import Synchronization
import Testing

/// What only the head record can prove, what no journal without a first line may become, and what readers see
/// while others write.
struct JournalIntegrityTests {
    let run = JournalTests()

    func bytes(_ path: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: path))) }
    func write(_ bytes: [UInt8], to path: String) throws { try Data(bytes).write(to: URL(fileURLWithPath: path)) }

    /// The line the journal reports as damaged, or `nil` when it reads.
    func damagedLine(_ journal: Journal) -> (line: Int, reason: String)? {
        do {
            _ = try journal.read()
            return nil
        } catch .damaged(let line, let reason) {
            return (line, reason)
        } catch {
            return (-1, "\(error)")
        }
    }

    /// A journal emptied, or cut inside its first line, is damage whether or not the head record is there, and
    /// nothing is written to it: it never gets a history that starts with anything but `run.started`.
    @Test(arguments: [(0, true), (0, false), (100, true), (100, false)])
    func aJournalWithoutItsFirstLineIsDamageAndTakesNoWrite(keptBytes: Int, keepHeadRecord: Bool) throws {
        let (journal, base) = try run.makeRun()
        defer { try? FileManager.default.removeItem(at: base) }
        try journal.transact { _ in [run.note("one", at: 2000)] }
        try write(Array(try bytes(journal.journalPath).prefix(keptBytes)), to: journal.journalPath)
        if !keepHeadRecord { try FileManager.default.removeItem(atPath: journal.headRecordPath) }
        let damage = try #require(damagedLine(journal))
        #expect(damage.line == 1)
        #expect(damage.reason.contains(keepHeadRecord ? "lines were lost" : "no complete first line (run.started)"),
                "\(damage.reason)")
        let before = try bytes(journal.journalPath)
        #expect(throws: JournalError.self) { try journal.transact { _ in [run.note("two", at: 3000)] } }
        #expect(try bytes(journal.journalPath) == before)
    }

    /// A journal whose first line is anything but `run.started` never verifies, and `create` never writes one.
    @Test func aFirstLineThatIsNotRunStartedIsDamage() throws {
        let (journal, base) = try run.makeRun()
        defer { try? FileManager.default.removeItem(at: base) }
        let line = JournalLine(seq: 1, event: run.note("first", at: 1000), relative: 0,
                               previous: SHA256.hash(run.playbook).hex)
        try write(line.encoded() + [0x0A], to: journal.journalPath)
        try FileManager.default.removeItem(atPath: journal.headRecordPath)
        let damage = try #require(damagedLine(journal))
        #expect(damage.line == 1)
        #expect(damage.reason.contains("the first line is not run.started"))

        let other = base.appendingPathComponent("other").path
        #expect(throws: JournalError.self) {
            try Journal.create(directory: other, playbook: run.playbook, events: [run.note("first", at: 1000)])
        }
        #expect(!FileManager.default.fileExists(atPath: other), "a failed create leaves no run behind")
    }

    /// Complete lines of a write whose commit never came are an unfinished write, said as such; but when the head
    /// record counts them, they were acknowledged, and their loss is damage, never a torn tail to cut.
    @Test func completeUncommittedLinesAreAnUnfinishedWriteOnlyWhenNeverAcknowledged() throws {
        let (journal, base) = try run.makeRun()
        defer { try? FileManager.default.removeItem(at: base) }
        try journal.transact { _ in [run.note("one", at: 2000), run.note("two", at: 3000), run.note("three", at: 4000)] }
        let full = try bytes(journal.journalPath)
        // Keep line 1 and the first two lines of the three-line write: complete, not committed.
        let newlines = full.indices.filter { full[$0] == 0x0A }
        try write(Array(full[...newlines[2]]), to: journal.journalPath)
        let damage = try #require(damagedLine(journal))
        #expect(damage.line == 2)
        #expect(damage.reason.contains("the journal ends after line 1, but 4 lines were written and acknowledged"))
        #expect(throws: JournalError.self) { try journal.transact { _ in [run.note("after", at: 5000)] } }

        // Without the head record (a run of an older Muster): an unfinished write, cut by the next write.
        try FileManager.default.removeItem(atPath: journal.headRecordPath)
        let (contents, unfinished) = try journal.readVerified()
        #expect(contents.lines.count == 1)
        #expect(unfinished == Journal.UnfinishedWrite(bytes: newlines[2] - newlines[0], completeLines: 2))
        try journal.transact { _ in [run.note("after", at: 5000)] }
        #expect(try journal.read().contents.events.map(\.kind).suffix(2)
            == [.journalRepaired(bytesCut: newlines[2] - newlines[0]), .note(text: "after")])
    }

    /// A complete line that fails after the lines the head record counts belongs to a write never acknowledged
    /// (a power cut tears such a write by disk sectors): it is an unfinished write, cut and journaled by the next
    /// write. Without the head record, or within what it counts, the same line is damage; zeros (sectors never
    /// written) after the last valid line are an unfinished write either way.
    @Test(arguments: ["garbage", "zeros"])
    func aBadLineNoAcknowledgementVouchesForIsAnUnfinishedWrite(kind: String) throws {
        let (journal, base) = try run.makeRun()
        defer { try? FileManager.default.removeItem(at: base) }
        try journal.transact { _ in [run.note("one", at: 2000)] }
        let good = try bytes(journal.journalPath)
        let tail: [UInt8] = kind == "zeros"
            ? Array("{\"seq\":3,\"at\":3000,".utf8) + [UInt8](repeating: 0, count: 40) + Array("\"}\n".utf8)
            : Array("{\"seq\":3,\"garbage\":true}\n".utf8)
        try write(good + tail, to: journal.journalPath)
        let (contents, unfinished) = try journal.readVerified()
        #expect(contents.lines.count == 2)
        #expect(unfinished?.bytes == tail.count)
        try journal.transact { _ in [run.note("two", at: 3000)] }
        #expect(try journal.read().contents.events.map(\.kind).suffix(2)
            == [.journalRepaired(bytesCut: tail.count), .note(text: "two")])

        // Without the head record, a complete line that fails is damage; zeros are still a torn write.
        let record = try bytes(journal.headRecordPath)
        try FileManager.default.removeItem(atPath: journal.headRecordPath)
        let now = try bytes(journal.journalPath)
        try write(now + tail, to: journal.journalPath)
        if kind == "zeros" {
            #expect(try journal.readVerified().unfinished?.bytes == tail.count)
        } else {
            #expect(damagedLine(journal)?.line == 5)
        }
        // Within what the head record counts, a changed line is damage.
        try write(record, to: journal.headRecordPath)
        var changed = now
        changed[changed.count - 20] ^= 0x01
        try write(changed, to: journal.journalPath)
        #expect(damagedLine(journal)?.line == 4)
    }

    /// A head record that is not one, or names another line where it was made (the journal rewritten from there,
    /// or replaced by another run's), is damage.
    @Test(arguments: ["garbage", "another head"])
    func aHeadRecordThatDisagreesIsDamage(kind: String) throws {
        let (journal, base) = try run.makeRun()
        defer { try? FileManager.default.removeItem(at: base) }
        try journal.transact { _ in [run.note("one", at: 2000)] }
        switch kind {
        case "garbage":
            try write(Array("not a record\n".utf8), to: journal.headRecordPath)
            #expect(throws: JournalError.badHeadRecord) { try journal.read() }
        default:
            let forged = "{\"lines\":2,\"head\":\"\(String(repeating: "ab", count: 32))\"}\n"
            try write(Array(forged.utf8), to: journal.headRecordPath)
            let damage = try #require(damagedLine(journal))
            #expect(damage.line == 2)
            #expect(damage.reason.contains("line 2 is not the line acknowledged there"))
        }
        #expect(throws: JournalError.self) { try journal.transact { _ in [run.note("two", at: 3000)] } }
    }

    /// A head record behind the journal (a crash after the lines' fsync, before the record's rename) is no damage;
    /// the next write brings it up to date.
    @Test func aHeadRecordBehindTheJournalIsNoDamage() throws {
        let (journal, base) = try run.makeRun()
        defer { try? FileManager.default.removeItem(at: base) }
        let behind = try bytes(journal.headRecordPath)
        try journal.transact { _ in [run.note("one", at: 2000)] }
        try write(behind, to: journal.headRecordPath)
        #expect(try journal.read().contents.lines.count == 2)
        let after = try journal.transact { _ in [run.note("two", at: 3000)] }
        #expect(String(decoding: try bytes(journal.headRecordPath), as: UTF8.self)
            == "{\"lines\":3,\"head\":\"\(after.head)\"}\n")
    }

    /// Readers while four writers write: every read is a consistent snapshot, never false damage, and every
    /// acknowledged note is there at the end.
    @Test func readersDuringWritesSeeNoFalseDamage() throws {
        let (journal, base) = try run.makeRun()
        defer { try? FileManager.default.removeItem(at: base) }
        let writers = 4
        let notesEach = 40
        let writing = Atomic<Int>(writers)
        let failures = Mutex<[String]>([])
        let reads = Atomic<Int>(0)
        // Threads of their own (a dispatch pool on two cores could run the writers before any reader starts); the
        // writers wait until the readers have begun.
        let readersStarted = DispatchSemaphore(value: 0)
        let finished = DispatchGroup()
        for _ in 0..<2 {
            finished.enter()
            Thread {
                readersStarted.signal()
                while writing.load(ordering: .sequentiallyConsistent) > 0 {
                    do {
                        let (contents, torn) = try journal.read()
                        if torn != 0 { failures.withLock { $0.append("read saw \(torn) torn bytes") } }
                        _ = contents
                    } catch {
                        failures.withLock { $0.append("read: \(error)") }
                    }
                    reads.add(1, ordering: .relaxed)
                }
                finished.leave()
            }.start()
        }
        readersStarted.wait()
        readersStarted.wait()
        for worker in 0..<writers {
            finished.enter()
            Thread {
                for index in 0..<notesEach {
                    do {
                        try journal.transact { contents in
                            [run.note("w\(worker) n\(index)", at: (contents.lines.last?.event.at ?? 0) + 1)]
                        }
                    } catch {
                        failures.withLock { $0.append("write: \(error)") }
                    }
                }
                writing.subtract(1, ordering: .sequentiallyConsistent)
                finished.leave()
            }.start()
        }
        finished.wait()
        #expect(failures.withLock { $0 } == [])
        #expect(reads.load(ordering: .relaxed) > 0)
        #expect(try journal.read().contents.lines.count == 1 + writers * notesEach)
    }
}
