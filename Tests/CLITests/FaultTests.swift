import Foundation
import JSONText
import Testing

/// Proof under attack: faults of the disk under a run, injected with `MUSTER_TEST_FAULT`. A command that meets one
/// exits 1 with the system's reason and prints nothing on stdout; every event acknowledged before it is still in
/// the journal, nothing of the failed command is, and the next command goes on normally.
struct FaultTests {
    static let t0: Int64 = 1_767_225_600_000  // 2026-01-01 00:00:00Z

    /// The faults of an append, with the message's end: the system's reason.
    static let appendFaults: [(fault: String, reason: String)] = [
        ("write:ENOSPC", "no space left on device"),
        ("write:short", "no space left on device"),
        ("fsync:EIO", "input/output error"),
    ]

    /// The two commands that create a run, both as run `f`.
    static let startCommands: [[String]] = [
        ["start", "fire", "--run-id", "f", "--assign", "commander=alice", "--assign", "on_site=bob"],
        ["drill", "start", "fire-on-time", "--run-id", "f"],
    ]

    let directory: TemporaryDirectory
    init() throws { directory = try TemporaryDirectory() }

    var journalURL: URL { directory.url.appendingPathComponent("runs/f/journal.jsonl") }

    func muster(_ arguments: [String], fault: String? = nil, minute: Double = 0) throws -> MusterProcess.Result {
        var environment = ["MUSTER_PLAYBOOKS": Fixtures.repository.appendingPathComponent("Playbooks").path,
                           "MUSTER_NOW": String(Self.t0 + Int64(minute * 60_000)), "MUSTER_AS": "alice"]
        if let fault { environment["MUSTER_TEST_FAULT"] = fault }
        return try MusterProcess.run(arguments, in: directory.url, environment: environment)
    }

    /// Starts the live run `f` and journals one acknowledged note, "kept", a minute later.
    func startWithOneNote() throws {
        let started = try muster(Self.startCommands[0])
        try #require(started.status == 0, "\(started.stderr)")
        let noted = try muster(["note", "f", "kept"], minute: 1)
        try #require(noted.status == 0, "\(noted.stderr)")
    }

    func journalBytes() throws -> Data { try Data(contentsOf: journalURL) }

    /// The run's events as `log --format json` gives them: the type, then a note's text or a repair's byte count.
    func logged() throws -> [String] {
        let log = try muster(["log", "f", "--format", "json"], minute: 1)
        #expect(log.status == 0, "\(log.stderr)")
        return (try JSONValue.parse(log.stdout).arrayValue ?? []).map { line in
            let data = line["data"]
            let detail = data?["text"]?.stringValue ?? data?["bytes_cut"].map { $0.serialized() }
            return (line["type"]?.stringValue ?? "?") + (detail.map { " " + $0 } ?? "")
        }
    }

    func expectIntact() throws {
        let verified = try muster(["verify", "f"], minute: 1)
        #expect(verified.status == 0, "\(verified.stderr)")
    }

    @Test(arguments: appendFaults + [("open:EACCES", "permission denied")])
    func aCommandThatFailsToAppendExitsOneAndLosesNothing(fault: String, reason: String) throws {
        try startWithOneNote()
        let acknowledged = try logged()
        let before = try journalBytes()
        let failed = try muster(["note", "f", "lost"], fault: fault, minute: 1)
        #expect(failed.status == 1)
        #expect(failed.stdout == "")
        let operation = fault.prefix { $0 != ":" }
        #expect(failed.stderr == "muster: error: \(operation) failed on 'runs/f/journal.jsonl': \(reason)\n")
        #expect(try journalBytes() == before)
        try expectIntact()
        #expect(try logged() == acknowledged)
        let next = try muster(["note", "f", "next"], minute: 1)
        #expect(next.status == 0, "\(next.stderr)")
        #expect(try logged() == acknowledged + ["note next"])
        try expectIntact()
    }

    @Test(arguments: appendFaults)
    func aFailedRepairingAppendKeepsTheTornTailForTheNextWrite(fault: String, reason: String) throws {
        try startWithOneNote()
        let acknowledged = try logged()
        let torn = Data("{\"seq\":9,\"at\":17672".utf8)
        let handle = try FileHandle(forWritingTo: journalURL)
        try handle.seekToEnd()
        try handle.write(contentsOf: torn)
        try handle.close()
        let before = try journalBytes()
        let failed = try muster(["note", "f", "lost"], fault: fault, minute: 1)
        #expect(failed.status == 1)
        #expect(failed.stdout == "")
        let operation = fault.prefix { $0 != ":" }
        #expect(failed.stderr == "muster: error: \(operation) failed on 'runs/f/journal.jsonl': \(reason)\n")
        // The torn bytes are still there, so that the write that cuts them also journals the cut.
        #expect(try journalBytes() == before)
        try expectIntact()
        #expect(try logged() == acknowledged)
        let next = try muster(["note", "f", "next"], minute: 1)
        #expect(next.status == 0, "\(next.stderr)")
        #expect(try logged() == acknowledged + ["journal.repaired \(torn.count)", "note next"])
        #expect(try journalBytes().prefix(before.count - torn.count) == before.prefix(before.count - torn.count))
        try expectIntact()
    }

    @Test(arguments: appendFaults, startCommands)
    func aStartThatFailsToJournalLeavesNoRun(fault: (fault: String, reason: String), command: [String]) throws {
        let failed = try muster(command, fault: fault.fault)
        #expect(failed.status == 1)
        #expect(failed.stdout == "")
        let operation = fault.fault.prefix { $0 != ":" }
        #expect(failed.stderr == "muster: error: \(operation) failed on 'runs/f/journal.jsonl': \(fault.reason)\n")
        #expect(try directory.listing() == ["runs"])
        let runs = try muster(["runs"])
        #expect(runs.status == 0)
        #expect(runs.stdout == "")
        let again = try muster(command)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout == "f\n")
        #expect(try logged().first == "run.started")
        try expectIntact()
    }

    @Test(arguments: [
        ("mkdir:EACCES", "mkdir failed on 'runs/f'"),
        ("open:EACCES", "open failed on 'runs/f/playbook.yaml'"),
        ("open:EACCES@2", "open failed on 'runs/f/journal.jsonl'"),
    ])
    func aRunsDirectoryThatCannotBeWrittenStartsNothing(fault: String, failure: String) throws {
        let failed = try muster(Self.startCommands[0], fault: fault)
        #expect(failed.status == 1)
        #expect(failed.stdout == "")
        #expect(failed.stderr == "muster: error: \(failure): permission denied\n")
        #expect(try directory.listing() == ["runs"])
        #expect(try muster(["runs"]).stdout == "")
        let again = try muster(Self.startCommands[0])
        #expect(again.status == 0, "\(again.stderr)")
        try expectIntact()
    }

    @Test(arguments: ["write:ENOSPACE", "write", "fsync:short", "disk:EIO", "write:ENOSPC@0", "write:ENOSPC@x", "open:eacces"])
    func anUnknownFaultIsAUsageErrorThatWritesNothing(fault: String) throws {
        try startWithOneNote()
        let before = try journalBytes()
        let noted = try muster(["note", "f", "lost"], fault: fault, minute: 1)
        #expect(noted.status == 2)
        #expect(noted.stdout == "")
        #expect(noted.stderr.hasPrefix("muster: error: MUSTER_TEST_FAULT takes OPERATION:FAULT[@N] "))
        #expect(noted.stderr.contains("not '\(fault)'"))
        #expect(try journalBytes() == before)
        for command in Self.startCommands {
            let started = try muster(command.map { $0 == "f" ? "g" : $0 }, fault: fault)
            #expect(started.status == 2)
            #expect(started.stdout == "")
        }
        #expect(try directory.listing().filter { $0.hasPrefix("runs/g") } == [])
    }
}
