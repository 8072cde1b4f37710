#if canImport(Glibc)
    import Glibc
#endif
import Foundation
import Hashing
@testable import Journaling
import RunEngine
import Testing

/// Writes from the checkpoint (`Journal.update`): only the lines after it are decoded, the state is always the
/// fold of every line, and a checkpoint that does not fit the journal byte for byte is never used.
struct CheckpointTests {
    let playbook = Array("muster: 1\nid: x\n".utf8)

    func makeRun(startedAt: Int64 = 1000) throws -> (Journal, URL) {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("checkpoint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        let directory = base.appendingPathComponent("run").path
        let start = RunStart(playbookID: "x", version: "1", playbookHash: SHA256.hash(playbook).hex, mode: .live,
                             virtualClock: false, severity: nil, assignments: ["commander": "alice"])
        try Journal.create(directory: directory, playbook: playbook,
                           events: [Event(at: startedAt, actor: .engine, kind: .runStarted(start))])
        return (Journal(directory: directory), base)
    }

    func note(_ text: String, at: Int64) -> Event {
        Event(at: at, actor: .person("alice", role: "commander"), kind: .note(text: text))
    }

    /// The state every line folds to, read the slow way.
    func folded(_ journal: Journal) throws -> RunState { RunState.fold(try journal.read().contents.events) }

    @Test func writesFromACurrentCheckpointDecodeNoLine() throws {
        let (journal, base) = try makeRun()
        defer { try? FileManager.default.removeItem(at: base) }
        for index in 0..<5 {
            let snapshot = try journal.update { snapshot in
                #expect(snapshot.linesDecoded == 0, "write \(index) replayed \(snapshot.linesDecoded) lines")
                #expect(snapshot.lineCount == index + 1)
                return [note("note \(index)", at: 2000 + Int64(index))]
            }
            #expect(snapshot.state == (try folded(journal)))
            #expect(snapshot.head == (try journal.read().contents.head))
        }
        let (contents, torn) = try journal.read()
        #expect(torn == 0)
        #expect(contents.lines.map(\.seq) == Array(1...6))
        #expect(contents.lines.last?.relative == 1004)
    }

    @Test func theCheckpointFileHasTheContractsMode() throws {
        let (journal, base) = try makeRun()
        defer { try? FileManager.default.removeItem(at: base) }
        try journal.update { _ in [note("one", at: 2000)] }
        var status = stat()
        #expect(stat(journal.checkpointPath, &status) == 0)
        #expect(status.st_mode & 0o777 == 0o660)
    }

    @Test func aCheckpointBehindTheJournalReplaysOnlyTheLinesAfterIt() throws {
        let (journal, base) = try makeRun()
        defer { try? FileManager.default.removeItem(at: base) }
        try journal.update { _ in [note("one", at: 2000)] }
        // As if the writes after this had crashed between the journal's fsync and the checkpoint.
        let behind = try Data(contentsOf: URL(fileURLWithPath: journal.checkpointPath))
        try journal.update { _ in [note("two", at: 3000), note("three", at: 3000)] }
        try journal.update { _ in [note("four", at: 4000)] }
        try behind.write(to: URL(fileURLWithPath: journal.checkpointPath))
        let snapshot = try journal.update { snapshot in
            #expect(snapshot.linesDecoded == 3)
            #expect(snapshot.lineCount == 5)
            return [note("five", at: 5000)]
        }
        #expect(snapshot.state == (try folded(journal)))
        try journal.update { snapshot in
            #expect(snapshot.linesDecoded == 0)
            return []
        }
    }

    /// Every way a checkpoint can be unusable: the write reads every line instead and gets the same state.
    @Test(arguments: ["missing", "empty", "garbage", "torn", "flipped byte", "another run's", "edited playbook"])
    func anUnusableCheckpointIsIgnored(_ kind: String) throws {
        let (journal, base) = try makeRun()
        defer { try? FileManager.default.removeItem(at: base) }
        try journal.update { _ in [note("one", at: 2000), note("two", at: 2500)] }
        let url = URL(fileURLWithPath: journal.checkpointPath)
        var bytes = Array(try Data(contentsOf: url))
        var expectedDecoded = 3
        switch kind {
        case "missing": try FileManager.default.removeItem(at: url)
        case "empty": bytes = []
        case "garbage": bytes = Array("{\"checkpoint\":1}\n".utf8)
        case "torn": bytes = Array(bytes.prefix(bytes.count / 2))
        case "flipped byte": bytes[bytes.count / 2] ^= 0x01
        case "another run's":
            let (other, otherBase) = try makeRun(startedAt: 1500)
            defer { try? FileManager.default.removeItem(at: otherBase) }
            try other.update { _ in [note("elsewhere", at: 2000), note("and more", at: 2500)] }
            bytes = Array(try Data(contentsOf: URL(fileURLWithPath: other.checkpointPath)))
        case "edited playbook":
            // Damage: the pinned playbook no longer matches the run, which every line's chain starts from.
            try Data("muster: 1\nid: y\n".utf8).write(to: URL(fileURLWithPath: journal.playbookPath))
            expectedDecoded = 0
        default: Issue.record("unknown case \(kind)")
        }
        if kind != "missing" && kind != "edited playbook" { try Data(bytes).write(to: url) }
        if kind == "edited playbook" {
            #expect(throws: JournalError.self) { try journal.update { _ in [note("refused", at: 3000)] } }
            return
        }
        let snapshot = try journal.update { snapshot in
            #expect(snapshot.linesDecoded == expectedDecoded)
            return [note("three", at: 3000)]
        }
        #expect(snapshot.state == (try folded(journal)))
        #expect(snapshot.lineCount == 4)
    }

    @Test(arguments: [0, 17, 100])
    func editingALineBeforeTheCheckpointStillRefusesWrites(_ offsetInSecondLine: Int) throws {
        let (journal, base) = try makeRun()
        defer { try? FileManager.default.removeItem(at: base) }
        try journal.update { _ in [note("one", at: 2000)] }
        try journal.update { _ in [note("two", at: 3000)] }
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: journal.journalPath)))
        let secondLineStart = bytes.firstIndex(of: 0x0A)! + 1
        bytes[secondLineStart + offsetInSecondLine] ^= 0x01
        try Data(bytes).write(to: URL(fileURLWithPath: journal.journalPath))
        do {
            try journal.update { _ in [note("more", at: 4000)] }
            Issue.record("a write was accepted on a damaged journal")
        } catch JournalError.damaged(let line, _) {
            #expect(line == 2)
        }
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: journal.journalPath))) == bytes, "nothing written")
    }

    /// A cut at a line boundary leaves lines that all chain; the checkpoint, made after the lost lines were on
    /// disk, still proves they existed: reads and writes refuse the journal, naming the first lost line.
    @Test(arguments: [1, 2])
    func aJournalShorterThanItsCheckpointHasLostLines(_ cut: Int) throws {
        let (journal, base) = try makeRun()
        defer { try? FileManager.default.removeItem(at: base) }
        try journal.update { _ in [note("one", at: 2000)] }
        try journal.update { _ in [note("two", at: 3000)] }
        let url = URL(fileURLWithPath: journal.journalPath)
        var lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        lines.removeLast(cut)
        try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: false, encoding: .utf8)
        let before = try Data(contentsOf: url)
        for operation in ["read", "update", "transact"] {
            do {
                switch operation {
                case "read": _ = try journal.read()
                case "update": try journal.update { _ in [note("more", at: 4000)] }
                default: try journal.transact { _ in [note("more", at: 4000)] }
                }
                Issue.record("\(operation) accepted a journal that lost lines")
            } catch JournalError.damaged(let line, let reason) {
                #expect(line == 4 - cut, "\(operation)")
                #expect(reason.contains("its checkpoint was made after line 3: lines were lost"), "\(reason)")
                #expect(reason.contains("delete checkpoint.bin"))
            }
        }
        #expect(try Data(contentsOf: url) == before, "nothing written")
        // The operator's way out when the shorter journal is the right one.
        try FileManager.default.removeItem(atPath: journal.checkpointPath)
        #expect(try journal.read().contents.lines.count == 3 - cut)
    }

    /// The checkpoint's bytes read back as the checkpoint; cut anywhere, or with any byte changed, they are not a
    /// checkpoint at all (never a trap, never another checkpoint).
    @Test func aCheckpointReadsBackAndNoDamagedCopyDoes() throws {
        let (journal, base) = try makeRun()
        defer { try? FileManager.default.removeItem(at: base) }
        try journal.update { _ in [note("one", at: 2000), note("two", at: 2500)] }
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: journal.checkpointPath)))
        let checkpoint = try #require(Checkpoint.decode(bytes))
        #expect(checkpoint.state == (try folded(journal)))
        #expect(checkpoint.position.lines == 3)
        #expect(checkpoint.encoded() == bytes)
        for length in 0..<bytes.count {
            #expect(Checkpoint.decode(Array(bytes[..<length])) == nil, "cut to \(length) bytes")
        }
        for index in bytes.indices {
            var damaged = bytes
            damaged[index] ^= 0x20
            #expect(Checkpoint.decode(damaged) == nil, "byte \(index) changed")
        }
    }

    @Test func aJournalRewrittenBeforeItsCheckpointIsDamage() throws {
        let (journal, base) = try makeRun()
        defer { try? FileManager.default.removeItem(at: base) }
        let kept = Array(try Data(contentsOf: URL(fileURLWithPath: journal.journalPath)))
        try journal.update { _ in [note("one", at: 2000)] }
        try journal.update { _ in [note("two", at: 3000)] }
        // Another history from the first line on, as long, that chains on its own.
        let checkpoint = try Data(contentsOf: URL(fileURLWithPath: journal.checkpointPath))
        try Data(kept).write(to: URL(fileURLWithPath: journal.journalPath))
        try FileManager.default.removeItem(atPath: journal.checkpointPath)
        try journal.update { _ in [note("other one", at: 2000)] }
        try journal.update { _ in [note("other two", at: 3000)] }
        try checkpoint.write(to: URL(fileURLWithPath: journal.checkpointPath))
        let error = #expect(throws: JournalError.self) { try journal.read() }
        guard case .damaged(let line, let reason)? = error else { return }
        #expect(line == 3)
        #expect(reason.contains("is not the line the journal's checkpoint was made after"))
    }

    @Test func aTornTailAfterTheCheckpointIsCutAndJournaled() throws {
        let (journal, base) = try makeRun()
        defer { try? FileManager.default.removeItem(at: base) }
        try journal.update { _ in [note("kept", at: 2000)] }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: journal.journalPath))
        handle.seekToEndOfFile()
        handle.write(Data("{\"seq\":3,\"at\"".utf8))
        try handle.close()
        let snapshot = try journal.update { snapshot in
            #expect(snapshot.linesDecoded == 0)
            #expect(snapshot.lineCount == 3, "the repair is line 3")
            return [note("next", at: 3000)]
        }
        let (contents, torn) = try journal.read()
        #expect(torn == 0)
        #expect(contents.events.map(\.kind).suffix(2) == [.journalRepaired(bytesCut: 13), .note(text: "next")])
        #expect(snapshot.state == RunState.fold(contents.events))
    }

    @Test func aLinkedCheckpointIsNeitherReadNorWrittenThrough() throws {
        let (journal, base) = try makeRun()
        defer { try? FileManager.default.removeItem(at: base) }
        try journal.update { _ in [note("one", at: 2000)] }
        let decoy = base.appendingPathComponent("decoy.json")
        let planted = try Data(contentsOf: URL(fileURLWithPath: journal.checkpointPath))
        try planted.write(to: decoy)
        try FileManager.default.removeItem(atPath: journal.checkpointPath)
        try FileManager.default.createSymbolicLink(atPath: journal.checkpointPath, withDestinationPath: decoy.path)
        let snapshot = try journal.update { snapshot in
            #expect(snapshot.linesDecoded == 2, "the linked checkpoint was used")
            return [note("two", at: 3000)]
        }
        #expect(snapshot.state == (try folded(journal)))
        #expect(try Data(contentsOf: decoy) == planted, "the decoy is untouched")
    }

    /// A checkpoint that cannot be written costs the next write a full read, never the write it follows.
    @Test(arguments: [("disk full", FaultyFiles.Fault.noSpace), ("short write", .shortWrite(keep: 30))])
    func aFailedCheckpointWriteFailsNothing(_ name: String, _ fault: FaultyFiles.Fault) throws {
        let (journal, base) = try makeRun()
        defer { try? FileManager.default.removeItem(at: base) }
        // The first write is the journal's, the second the checkpoint's.
        let faulty = FaultyFiles(after: 1, fault)
        try Journal(directory: journal.directory, files: faulty).update { _ in [note("acknowledged", at: 2000)] }
        #expect(faulty.faulted)
        let snapshot = try journal.update { snapshot in
            #expect(snapshot.linesDecoded == 2)
            return [note("next", at: 3000)]
        }
        #expect(snapshot.state == (try folded(journal)))
        #expect(try journal.read().contents.lines.count == 3)
    }

    /// Writers with and without the checkpoint take turns on one journal (a drill's full reads, a live command's
    /// updates): each sees every line the other wrote.
    @Test func fullReadsAndUpdatesInterleave() throws {
        let (journal, base) = try makeRun()
        defer { try? FileManager.default.removeItem(at: base) }
        for index in 0..<6 {
            let at = 2000 + Int64(index) * 100
            if index.isMultiple(of: 2) {
                try journal.transact { contents in
                    #expect(contents.lines.count == index + 1)
                    return [note("full \(index)", at: at)]
                }
            } else {
                let snapshot = try journal.update { snapshot in
                    #expect(snapshot.linesDecoded == 0)
                    return [note("update \(index)", at: at)]
                }
                #expect(snapshot.state == (try folded(journal)))
            }
        }
    }
}
