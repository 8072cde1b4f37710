#if canImport(Glibc)
    import Glibc
#endif
import Foundation
import Hashing
import JSONText
@testable import Journaling
import Testing

/// The two caches beside a run's journal, `playbook.compiled` and `checkpoint.bin`: made by the commands, rebuilt
/// when missing or damaged, never changing what a command does, and checked by `verify` against the journal and
/// the pinned YAML, since commands trust them.
struct RunCacheTests {
    let run: RunCommandTests
    init() throws { run = try RunCommandTests() }

    var runDirectory: URL { run.directory.url.appendingPathComponent("runs/wl") }
    var compiled: URL { runDirectory.appendingPathComponent("playbook.compiled") }
    var checkpoint: URL { runDirectory.appendingPathComponent("checkpoint.bin") }

    @Test func startCompilesThePinnedPlaybookWithTheContractsMode() throws {
        try run.startWaterLeak()
        let bytes = try Data(contentsOf: compiled)
        #expect(bytes.count > 16)
        var status = stat()
        #expect(stat(compiled.path, &status) == 0)
        #expect(status.st_mode & 0o777 == 0o660)
        #expect(try run.muster(["verify", "wl"]).status == 0)
    }

    /// Missing, emptied, truncated, overwritten with noise, or left by a run of another playbook: the command
    /// does what it would have done (the same board), and the file is made again, byte for byte.
    @Test(arguments: ["missing", "empty", "truncated", "noise", "another playbook's"])
    func aMissingOrDamagedCompiledPlaybookIsRebuilt(damage: String) throws {
        try run.startWaterLeak()
        let good = try Data(contentsOf: compiled)
        let expected = try run.muster(["status", "wl", "--format", "json"], minute: 1)
        switch damage {
        case "missing": try FileManager.default.removeItem(at: compiled)
        case "empty": try Data().write(to: compiled)
        case "truncated": try good.prefix(good.count / 2).write(to: compiled)
        case "noise": try Data((0..<good.count).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 7) }).write(to: compiled)
        default:
            let other = try RunCommandTests(directory: run.directory)
            #expect(try other.muster(["start", "fire", "--run-id", "other", "--assign", "commander=alice"]).status == 0)
            try Data(contentsOf: run.directory.url.appendingPathComponent("runs/other/playbook.compiled"))
                .write(to: compiled)
        }
        let status = try run.muster(["status", "wl", "--format", "json"], minute: 1)
        #expect(status.status == 0, "\(status.stderr)")
        #expect(status.stdout == expected.stdout)
        #expect(try Data(contentsOf: compiled) == good)
        #expect(try run.muster(["verify", "wl"]).status == 0)
    }

    /// A compiled playbook made for another playbook but labelled with this run's playbook hash is used by
    /// commands (it is a cache, as trusted as the checkpoint); `verify` catches it, and deleting it mends the run.
    @Test func verifyCatchesACompiledPlaybookThatIsNotThePinnedOne() throws {
        try run.startWaterLeak()
        let other = try RunCommandTests(directory: run.directory)
        #expect(try other.muster(["start", "fire", "--run-id", "other", "--assign", "commander=alice"]).status == 0)
        let foreign = try Data(contentsOf: run.directory.url.appendingPathComponent("runs/other/playbook.compiled"))
        let own = try Data(contentsOf: compiled)
        try (own.prefix(8) + foreign.dropFirst(8)).write(to: compiled)
        let caught = try run.muster(["verify", "wl"])
        #expect(caught.status == 1)
        #expect(caught.stderr.contains("verify failed: playbook.compiled is not the playbook that playbook.yaml "
            + "decodes to: it was altered (or made by another version of Muster); delete it"), "\(caught.stderr)")
        let json = try JSONValue.parse(try run.muster(["verify", "wl", "--format", "json"]).stdout)
        #expect(json["ok"] == false)
        try FileManager.default.removeItem(at: compiled)
        #expect(try run.muster(["verify", "wl"]).status == 0)
    }

    /// The ways a checkpoint is altered below: its state (alone, or with another run's first line, which commands
    /// do not look at), the chain head the next line would name (which reads as lines rewritten after it), or the
    /// instant relative times count from.
    enum CheckpointAlteration: String, CaseIterable, Sendable {
        case state, stateAndFirstLine, firstLine, head, firstInstant
    }

    /// Rewrites the checkpoint with `change` made and its checksum recomputed.
    func alterCheckpoint(_ change: (inout Checkpoint) -> Void) throws {
        var altered = try #require(Checkpoint.decode(Array(try Data(contentsOf: checkpoint))))
        change(&altered)
        try Data(altered.encoded()).write(to: checkpoint)
    }

    /// A checkpoint changed and its checksum recomputed still fits the journal's bytes, so writes would start from
    /// it. `verify` catches each alteration.
    @Test(arguments: CheckpointAlteration.allCases)
    func verifyCatchesACheckpointThatWasAltered(alteration: CheckpointAlteration) throws {
        try run.startWaterLeak()
        #expect(try run.muster(["done", "wl", "report"], minute: 1, as: "bob").status == 0)
        try alterCheckpoint { checkpoint in
            switch alteration {
            case .state: checkpoint.state.aborted = true
            case .stateAndFirstLine:
                checkpoint.state.aborted = true
                checkpoint.firstLine = "0" + checkpoint.firstLine
            case .firstLine: checkpoint.firstLine = String(repeating: "0", count: 64)
            case .head: checkpoint.position.head = "0" + checkpoint.position.head
            case .firstInstant: checkpoint.firstAt = checkpoint.firstAt.map { $0 - 600_000 }
            }
        }
        let caught = try run.muster(["verify", "wl"])
        #expect(caught.status == 1)
        let expected = alteration == .head ? "is not the line the journal's checkpoint was made after"
            : "checkpoint.bin does not describe the"
        #expect(caught.stderr.contains(expected), "\(caught.stderr)")
        try FileManager.default.removeItem(at: checkpoint)
        #expect(try run.muster(["verify", "wl"]).status == 0)
    }

    /// A checkpoint made after line 2, its byte offset moved to the journal's end (and its prefix hash and checksum
    /// recomputed): commands would replay nothing after it and start from two lines' state. `verify` catches it.
    @Test func verifyCatchesACheckpointWhoseEndWasMoved() throws {
        try run.startWaterLeak()
        #expect(try run.muster(["note", "wl", "one"], minute: 1, as: "alice").status == 0)
        let early = try Data(contentsOf: checkpoint)
        #expect(try run.muster(["note", "wl", "two"], minute: 2, as: "alice").status == 0)
        #expect(try run.muster(["note", "wl", "three"], minute: 3, as: "alice").status == 0)
        let journal = Array(try Data(contentsOf: runDirectory.appendingPathComponent("journal.jsonl")))
        try early.write(to: checkpoint)
        try alterCheckpoint { checkpoint in
            checkpoint.position.end = journal.count
            checkpoint.journalHash = XXH64.hash(journal)
        }
        let caught = try run.muster(["verify", "wl"])
        #expect(caught.status == 1)
        #expect(caught.stderr.contains("checkpoint.bin does not describe the"), "\(caught.stderr)")
    }

    /// A checkpoint that is not a whole one of this version (torn, noise, the JSON of an older Muster) is ignored:
    /// the command does what it would have done, and the next write leaves a good one.
    @Test(arguments: ["truncated", "noise", "older JSON"])
    func anUnreadableCheckpointIsIgnoredAndRewritten(damage: String) throws {
        try run.startWaterLeak()
        #expect(try run.muster(["note", "wl", "one"], minute: 1, as: "alice").status == 0)
        let good = try Data(contentsOf: checkpoint)
        let expected = try run.muster(["status", "wl", "--format", "json"], minute: 2)
        switch damage {
        case "truncated": try good.prefix(good.count - 1).write(to: checkpoint)
        case "noise": try Data((0..<good.count).map { UInt8(truncatingIfNeeded: $0 &* 97 &+ 3) }).write(to: checkpoint)
        default: try Data("{\"checkpoint\":1,\"lines\":2}\n".utf8).write(to: checkpoint)
        }
        let status = try run.muster(["status", "wl", "--format", "json"], minute: 2)
        #expect(status.status == 0, "\(status.stderr)")
        #expect(status.stdout == expected.stdout)
        #expect(try run.muster(["note", "wl", "two"], minute: 3, as: "alice").status == 0)
        #expect(Checkpoint.decode(Array(try Data(contentsOf: checkpoint)))?.position.lines != nil)
        #expect(try run.muster(["verify", "wl"]).status == 0)
    }
}
