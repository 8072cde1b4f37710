import Foundation
import Hashing
@testable import Journaling
import Platform
import RunEngine
import Testing

/// Simulated power cuts (`PowerCutFiles`) at every point of `start`, of one-line and many-line writes, of a write
/// that repairs a torn tail, and of `export`: after each, nothing acknowledged is lost, and the run verifies (or,
/// when even its start was never acknowledged, is refused with a clear message or absent); a run that reads takes
/// the next write; an exported archive is there whole and verifies, or is not there.
///
/// `MUSTER_POWER_CUTS` sets how many cuts (1 000 by default; `Tests/scripts/power-cut.sh` runs 20 000).
struct PowerCutTests {
    static let cuts = Int(ProcessInfo.processInfo.environment["MUSTER_POWER_CUTS"] ?? "") ?? 1_000
    static let playbook = Array("muster: 1\nid: x\n".utf8)

    enum Command: CaseIterable { case start, note, manyLines, repair, export }

    static func note(_ text: String, at: Int64) -> Event {
        Event(at: at, actor: .person("alice", role: "commander"), kind: .note(text: text))
    }

    static func startEvents() -> [Event] {
        let start = RunStart(playbookID: "x", version: "1", playbookHash: SHA256.hash(playbook).hex, mode: .live,
                             virtualClock: false, severity: nil, assignments: [:])
        return [Event(at: 1_000, actor: .engine, kind: .runStarted(start))]
    }

    static func notes(_ contents: Journal.Contents) -> [String] {
        contents.events.compactMap { event in
            if case .note(let text, _) = event.kind { return text }
            return nil
        }
    }

    /// One cut: what went wrong, or nil.
    static func cut(seed: UInt64, base: URL) -> String? {
        var random = PowerCutFiles.SplitMix(seed: seed)
        let runs = base.appendingPathComponent("runs-\(seed)")
        try? FileManager.default.createDirectory(at: runs, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: runs) }
        let directory = runs.appendingPathComponent("r").path
        let bundle = runs.appendingPathComponent("r.tar").path
        let command = Command.allCases[random.below(Command.allCases.count)]
        // What was there before, written without a cut (all of it acknowledged).
        var acknowledged: [String] = []
        var started = false
        if command != .start {
            do {
                try Journal.create(directory: directory, playbook: playbook, events: startEvents())
                for index in 0..<random.below(4) {
                    try Journal(directory: directory).transact { _ in [note("before \(index)", at: 2_000)] }
                    acknowledged.append("before \(index)")
                }
            } catch {
                return "seed \(seed): the run could not be made: \(error)"
            }
            started = true
        }
        if command == .repair {
            // A write cut short earlier: half a line after the last commit.
            let handle = FileHandle(forWritingAtPath: directory + "/journal.jsonl")
            handle?.seekToEndOfFile()
            handle?.write(Data("{\"seq\":99,\"at\":2000,\"t\":1000,\"act".utf8))
            try? handle?.close()
        }

        // The command, with the power going after `budget` changing operations.
        let files = PowerCutFiles(budget: random.below(40), seed: random.next())
        let journal = Journal(directory: directory, files: files)
        var inFlight: [String] = []
        var exportedLines: Int?
        do {
            switch command {
            case .start:
                try Journal.create(directory: directory, playbook: playbook, events: startEvents(), files: files)
                started = true
            case .note, .repair:
                inFlight = ["in flight"]
                try journal.transact { _ in [note("in flight", at: 3_000)] }
                acknowledged += inFlight
            case .manyLines:
                inFlight = ["one", "two", "three"]
                try journal.transact { _ in inFlight.map { note($0, at: 3_000) } }
                acknowledged += inFlight
            case .export:
                let snapshot = try journal.snapshot()
                exportedLines = try Journal.verify(snapshot).contents.lines.count
                let members = [
                    RunBundle.Member(name: "r/playbook.yaml", bytes: snapshot.playbook),
                    RunBundle.Member(name: "r/journal.jsonl", bytes: snapshot.journal),
                ] + (snapshot.headRecord.map { [RunBundle.Member(name: "r/journal.head", bytes: $0)] } ?? [])
                try files.writeNewFile(RunBundle.archive(members, modified: 0), to: bundle)
            }
        } catch {
            // Not acknowledged: the power went (or the write failed because of it).
        }
        files.reboot()

        // After the reboot, with the system's files.
        let after = Journal(directory: directory)
        let read: Journal.Contents
        do {
            read = try after.readVerified().contents
        } catch {
            if !started { return nil }  // a start never acknowledged: refused or absent, said clearly
            return "seed \(seed) (\(command)): an acknowledged run no longer reads: \(error)"
        }
        let found = notes(read)
        var position = found.startIndex
        for text in acknowledged {
            guard let index = found[position...].firstIndex(of: text) else {
                return "seed \(seed) (\(command)): acknowledged '\(text)' is lost; the journal has \(found)"
            }
            position = index + 1
        }
        let allowed = Set(acknowledged + inFlight)
        if let stranger = found.first(where: { !allowed.contains($0) }) {
            return "seed \(seed) (\(command)): '\(stranger)' appeared"
        }
        // What reads is writable, and reads back clean.
        do {
            try after.transact { _ in [note("after the cut", at: 4_000)] }
            let again = try after.readVerified()
            guard again.unfinished == nil, notes(again.contents).last == "after the cut" else {
                return "seed \(seed) (\(command)): the write after the cut does not read back clean"
            }
        } catch {
            return "seed \(seed) (\(command)): the run reads but takes no write: \(error)"
        }
        // An archive is there whole, and verifies, or is not there.
        if command == .export, FileManager.default.fileExists(atPath: bundle) {
            guard let bytes = FileManager.default.contents(atPath: bundle), let members = try? RunBundle.members(Array(bytes)),
                let journalBytes = members.first(where: { $0.name == "r/journal.jsonl" })?.bytes,
                let lines = try? Journal.verify(Journal.Snapshot(
                    playbook: playbook, journal: journalBytes,
                    headRecord: members.first { $0.name == "r/journal.head" }?.bytes)).contents.lines.count,
                lines == exportedLines
            else {
                return "seed \(seed) (export): the archive is there but does not verify"
            }
        }
        return nil
    }

    @Test func aPowerCutAnywhereLosesNothingAcknowledged() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("power-cuts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: base) }
        var problems: [String] = []
        for seed in 0..<UInt64(Self.cuts) {
            if let problem = Self.cut(seed: seed, base: base) { problems.append(problem) }
            if problems.count >= 5 { break }
        }
        #expect(problems == [], "\(problems.joined(separator: "\n"))")
        print("aPowerCutAnywhereLosesNothingAcknowledged: \(Self.cuts) simulated power cuts")
    }
}
