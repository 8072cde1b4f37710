import Foundation
import Testing

/// `muster log --follow --format jsonl` as a log pipeline sees it: every committed line exactly once, in order,
/// byte for byte as in the journal, while four other processes write; a follower killed mid-way and restarted
/// with `--since-seq` misses nothing and repeats nothing; SIGINT ends it cleanly; `--all` picks up new runs.
///
/// Nothing waits for time: each wait is for a condition (the follower's output holds the journal's lines), with a
/// deadline so that a failure ends the test instead of hanging it.
@Suite(.serialized) struct LogFollowTests {
    typealias Run = MultiTerminalTests.Run

    /// A `muster` process left running, its stdout and stderr going to files.
    final class Background {
        let process = Process()
        let out: URL
        let err: URL

        init(_ arguments: [String], run: Run) throws {
            out = run.directory.url.appendingPathComponent("follow-\(UUID().uuidString).out")
            err = run.directory.url.appendingPathComponent("follow-\(UUID().uuidString).err")
            FileManager.default.createFile(atPath: out.path, contents: nil)
            FileManager.default.createFile(atPath: err.path, contents: nil)
            process.executableURL = MusterProcess.binary
            process.arguments = arguments
            process.currentDirectoryURL = run.directory.url
            var environment = ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory()]
            environment.merge(run.environment) { _, new in new }
            process.environment = environment
            process.standardOutput = try FileHandle(forWritingTo: out)
            process.standardError = try FileHandle(forWritingTo: err)
            process.standardInput = FileHandle.nullDevice
            try process.run()
        }

        var output: [UInt8] { Array((try? Data(contentsOf: out)) ?? Data()) }
        var errors: String { String(decoding: (try? Data(contentsOf: err)) ?? Data(), as: UTF8.self) }

        /// Sends `signal` and waits (up to `deadline` seconds) for the process to end.
        func stop(_ signal: Int32, deadline: Double = 20) -> Bool {
            kill(process.processIdentifier, signal)
            return LogFollowTests.waitUntil(deadline: deadline) { !self.process.isRunning }
        }

        deinit { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
    }

    /// Checks `condition` until it holds or `deadline` seconds have passed; whether it held.
    static func waitUntil(deadline: Double = 60, _ condition: () -> Bool) -> Bool {
        let end = Date().addingTimeInterval(deadline)
        while Date() < end {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return condition()
    }

    /// Four writers, each adding `notes` notes to the run as a person of its own, all at once.
    static func writeConcurrently(_ run: Run, notes: Int) -> [Int32] {
        writeConcurrently(id: run.id, directory: run.directory.url, environment: run.environment, notes: notes)
    }

    static func writeConcurrently(id: String, directory: URL, environment: [String: String], notes: Int) -> [Int32] {
        let statuses = MultiTerminalTests.Locked<[Int32]>([])
        let errors = MultiTerminalTests.concurrently((1...4).map { writer in
            { @Sendable in
                let script = "for i in $(seq 1 \(notes)); do \"$MUSTER\" note \(id) \"writer \(writer) note $i\" "
                    + "--as \(["ann", "ben", "cid", "ann"][writer - 1]) >/dev/null 2>&1 || exit 1; done"
                let status = try MultiTerminalTests.bash(script, in: directory, environment: environment)
                statuses.mutate { $0.append(status) }
            }
        })
        #expect(errors.isEmpty, "\(errors)")
        return statuses.value
    }

    @Test func aFollowerGetsEveryLineOnceInOrderWhileFourProcessesWrite() throws {
        let run = try Run(id: "follow-1")
        let follower = try Background(["log", run.id, "--follow", "--format", "jsonl"], run: run)
        let statuses = Self.writeConcurrently(run, notes: 10)
        #expect(statuses == [0, 0, 0, 0])
        let journal = try run.journalBytes()
        let delivered = Self.waitUntil { follower.output.count >= journal.count }
        #expect(delivered, "the follower printed \(follower.output.count) of \(journal.count) bytes")
        try #require(follower.stop(SIGINT), "SIGINT ends the follower")
        #expect(follower.process.terminationReason == .exit && follower.process.terminationStatus == 0,
                "a follower ends cleanly on SIGINT: \(follower.errors)")
        // Byte for byte the journal: every line once, in order, nothing cut.
        #expect(follower.output == journal)
        #expect(journal.split(separator: 0x0A).count == 11 + 40, "the start's lines and forty notes")
    }

    @Test func aKilledFollowerResumesWithSinceSeqWithoutGapsOrRepeats() throws {
        let run = try Run(id: "follow-2")
        let first = try Background(["log", run.id, "--follow", "--format", "jsonl"], run: run)
        #expect(Self.waitUntil { first.output.split(separator: 0x0A).count >= 11 }, "the first lines come at once")
        let (id, directory, environment) = (run.id, run.directory.url, run.environment)
        let writers = Thread {
            _ = Self.writeConcurrently(id: id, directory: directory, environment: environment, notes: 8)
        }
        writers.start()
        // Killed without warning while the others write: a shipper's crash.
        #expect(Self.waitUntil { first.output.split(separator: 0x0A).count >= 15 })
        try #require(first.stop(SIGKILL))
        // What a shipper kept: the complete lines it got; it resumes after the last one's seq.
        var kept = first.output
        if let lastNewline = kept.lastIndex(of: 0x0A) { kept = Array(kept[...lastNewline]) } else { kept = [] }
        let lastLine = try #require(kept.dropLast().split(separator: 0x0A).last)
        let object = try JSONSerialization.jsonObject(with: Data(lastLine)) as? [String: Any]
        let lastSeq = try #require(object?["seq"] as? Int)
        let second = try Background(["log", run.id, "--follow", "--format", "jsonl", "--since-seq", String(lastSeq)],
                                    run: run)
        #expect(Self.waitUntil { !run.journalIsGrowing(expectedLines: 11 + 32) }, "the writers finish")
        let journal = try run.journalBytes()
        #expect(Self.waitUntil { kept.count + second.output.count >= journal.count })
        try #require(second.stop(SIGTERM))
        #expect(second.process.terminationStatus == 0, "SIGTERM ends it cleanly too: \(second.errors)")
        #expect(kept + second.output == journal, "the two parts are the journal, without a gap or a repeat")
    }

    @Test func followAllPicksUpANewRunAndPrefixesEveryLineWithItsRun() throws {
        let run = try Run(id: "follow-3")
        let follower = try Background(["log", "--follow", "--all", "--format", "jsonl"], run: run)
        #expect(Self.waitUntil { follower.output.split(separator: 0x0A).count >= 11 })
        let started = try run.muster(["start", MultiTerminalTests.playbook, "--run-id", "follow-4",
                                      "--assign", "commander=ann"])
        #expect(started.status == 0, "\(started.stderr)")
        try run.muster(["note", "follow-3", "after the second run started", "--as", "ann"])
        let other = Array(try Data(contentsOf: run.runs.appendingPathComponent("follow-4/journal.jsonl")))
        let own = try run.journalBytes()
        let expectedLines = own.split(separator: 0x0A).count + other.split(separator: 0x0A).count
        #expect(Self.waitUntil { follower.output.split(separator: 0x0A).count >= expectedLines })
        try #require(follower.stop(SIGINT))
        #expect(follower.process.terminationStatus == 0)
        var byRun: [String: [UInt8]] = [:]
        for line in follower.output.split(separator: 0x0A) {
            let text = String(decoding: line, as: UTF8.self)
            // {"run":"ID","line":LINE}: LINE is the journal's line as written.
            let prefix = try #require(text.range(of: ",\"line\":"))
            let runID = String(text[text.index(text.startIndex, offsetBy: 8)..<prefix.lowerBound].dropLast())
            let journalLine = text[prefix.upperBound...].dropLast()
            byRun[runID, default: []] += Array(journalLine.utf8) + [0x0A]
        }
        #expect(byRun["follow-3"] == own)
        #expect(byRun["follow-4"] == other)
    }

    @Test func aDamagedJournalStopsTheFollowerWithTheLine() throws {
        let run = try Run(id: "follow-5")
        var bytes = try run.journalBytes()
        // Change one character of line 2's data: its checksum no longer matches.
        let secondLine = try #require(bytes.firstIndex(of: 0x0A)) + 1
        let target = try #require(bytes[secondLine...].firstIndex(of: UInt8(ascii: "r")))
        bytes[target] = UInt8(ascii: "R")
        try run.writeJournal(bytes)
        let result = try run.muster(["log", run.id, "--follow", "--format", "jsonl"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("line 2"), "\(result.stderr)")
        #expect(result.stdout.isEmpty, "nothing of a damaged journal is streamed")
    }

    @Test(arguments: [
        (["log", "r", "--follow", "--format", "json"], "not json"),
        (["log", "--follow", "--all", "--since-seq", "3"], "--since-seq is for one run"),
        (["log", "r", "--since-seq", "x"], "--since-seq takes a line number"),
        (["log", "--follow"], "log takes a run id"),
    ])
    func usageMistakesExit2(arguments: [String], expected: String) throws {
        let result = try MusterProcess.run(arguments)
        #expect(result.status == 2)
        #expect(result.stderr.contains(expected), "\(result.stderr)")
    }
}

extension MultiTerminalTests.Run {
    /// Whether the journal has fewer than `expectedLines` lines yet.
    func journalIsGrowing(expectedLines: Int) -> Bool {
        ((try? journalBytes()) ?? []).split(separator: 0x0A).count < expectedLines
    }
}
