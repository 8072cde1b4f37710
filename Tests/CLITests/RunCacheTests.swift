#if canImport(Glibc)
    import Glibc
#endif
import Foundation
import Hashing
import JSONText
import Testing

/// The two caches beside a run's journal, `playbook.compiled` and `checkpoint.json`: made by the commands, rebuilt
/// when missing or damaged, never changing what a command does, and checked by `verify` against the journal and
/// the pinned YAML, since commands trust them.
struct RunCacheTests {
    let run: RunCommandTests
    init() throws { run = try RunCommandTests() }

    var runDirectory: URL { run.directory.url.appendingPathComponent("runs/wl") }
    var compiled: URL { runDirectory.appendingPathComponent("playbook.compiled") }
    var checkpoint: URL { runDirectory.appendingPathComponent("checkpoint.json") }

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

    /// A checkpoint changed and its checksum recomputed still fits the journal's bytes, so writes would start from
    /// it: its state (even with another run's first line, which commands do not look at), the chain head the next
    /// line would name (which reads as lines rewritten after it), or the instant relative times count from.
    /// `verify` catches each.
    @Test(arguments: [
        (["\"aborted\":false": "\"aborted\":true"], "checkpoint.json does not describe the"),
        (["\"aborted\":false": "\"aborted\":true", "\"first_line\":\"": "\"first_line\":\"0"],
         "checkpoint.json does not describe the"),
        (["\"head\":\"": "\"head\":\"0"], "is not the line the journal's checkpoint was made after"),
        (["\"first_at\":1767225600000": "\"first_at\":1767225000000"], "checkpoint.json does not describe the"),
    ])
    func verifyCatchesACheckpointThatWasAltered(changes: [String: String], expected: String) throws {
        try run.startWaterLeak()
        #expect(try run.muster(["done", "wl", "report"], minute: 1, as: "bob").status == 0)
        let text = try String(contentsOf: checkpoint, encoding: .utf8)
        let sumMarker = ",\"sum\":\""
        let body = try #require(text.range(of: sumMarker, options: .backwards)).lowerBound
        var altered = String(text[..<body])
        for (from, to) in changes {
            #expect(altered.contains(from), "\(from) is not in \(altered)")
            altered = altered.replacingOccurrences(of: from, with: to)
        }
        let sum = XXH64.hex(XXH64.hash(Array((altered + "}").utf8)))
        try (altered + sumMarker + sum + "\"}\n").write(to: checkpoint, atomically: false, encoding: .utf8)
        let caught = try run.muster(["verify", "wl"])
        #expect(caught.status == 1)
        #expect(caught.stderr.contains(expected), "\(caught.stderr)")
        try FileManager.default.removeItem(at: checkpoint)
        #expect(try run.muster(["verify", "wl"]).status == 0)
    }

    /// A checkpoint made after line 2, its byte offset moved to the journal's end (and its prefix hash and checksum
    /// recomputed): commands would replay nothing after it and start from two lines' state. `verify` catches it.
    @Test func verifyCatchesACheckpointWhoseEndWasMoved() throws {
        try run.startWaterLeak()
        #expect(try run.muster(["note", "wl", "one"], minute: 1, as: "alice").status == 0)
        let early = try String(contentsOf: checkpoint, encoding: .utf8)
        #expect(try run.muster(["note", "wl", "two"], minute: 2, as: "alice").status == 0)
        #expect(try run.muster(["note", "wl", "three"], minute: 3, as: "alice").status == 0)
        let journal = try Data(contentsOf: runDirectory.appendingPathComponent("journal.jsonl"))
        let object = try #require(try JSONValue.parse(early).objectValue)
        let oldEnd = try #require(object["end"]?.intValue)
        let oldHash = try #require(object["journal_xxh64"]?.stringValue)
        let sumMarker = ",\"sum\":\""
        var altered = String(early[..<(try #require(early.range(of: sumMarker, options: .backwards))).lowerBound])
        altered = altered.replacingOccurrences(of: "\"end\":\(oldEnd)", with: "\"end\":\(journal.count)")
            .replacingOccurrences(of: oldHash, with: XXH64.hex(XXH64.hash(Array(journal))))
        let sum = XXH64.hex(XXH64.hash(Array((altered + "}").utf8)))
        try (altered + sumMarker + sum + "\"}\n").write(to: checkpoint, atomically: false, encoding: .utf8)
        let caught = try run.muster(["verify", "wl"])
        #expect(caught.status == 1)
        #expect(caught.stderr.contains("checkpoint.json does not describe the"), "\(caught.stderr)")
    }
}
