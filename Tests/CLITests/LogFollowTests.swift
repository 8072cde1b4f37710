import Foundation
import Testing

/// `muster log --follow --format jsonl` as a log pipeline sees it: every committed line exactly once, in order,
/// byte for byte as in the journal, while four other processes write; a follower killed mid-way and restarted
/// with `--since-seq` misses nothing and repeats nothing; SIGINT ends it cleanly; `--all` picks up new runs.
///
/// Nothing waits for time: the follower's stdout is a pipe read as it comes, and each wait is for what it must
/// hold (the journal's lines) or for the process's end, woken by the bytes themselves. Each wait has a deadline
/// so that a failure ends the test instead of hanging it; a follower that misses one is killed.
@Suite(.serialized) struct LogFollowTests {
    typealias Run = MultiTerminalTests.Run

    /// A `muster` process left running, its stdout read through a pipe and its stderr going to a file.
    final class Background {
        let process = Process()
        let stdout = StreamedOutput()
        let err: URL
        private let exited = DispatchSemaphore(value: 0)

        init(_ arguments: [String], run: Run) throws {
            err = run.directory.url.appendingPathComponent("follow-\(UUID().uuidString).err")
            _ = FileManager.default.createFile(atPath: err.path, contents: nil)
            process.executableURL = MusterProcess.binary
            process.arguments = arguments
            process.currentDirectoryURL = run.directory.url
            var environment = ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory()]
            environment.merge(run.environment) { _, new in new }
            process.environment = environment
            process.standardOutput = stdout.pipe
            process.standardError = try FileHandle(forWritingTo: err)
            process.standardInput = FileHandle.nullDevice
            let exited = exited
            process.terminationHandler = { _ in exited.signal() }
            try process.run()
            stdout.startReading()
        }

        var output: [UInt8] { stdout.bytes }
        var errors: String { String(decoding: (try? Data(contentsOf: err)) ?? Data(), as: UTF8.self) }

        /// Waits (up to `deadline` seconds) until `holds` is true of what the process printed; whether it held.
        /// When it does not, the process is killed, so that what follows fails at once instead of waiting too.
        func waitForOutput(deadline: Double = 60, until holds: ([UInt8]) -> Bool) -> Bool {
            let held = stdout.wait(seconds: deadline, until: holds)
            if !held { kill(process.processIdentifier, SIGKILL) }
            return held
        }

        /// Sends `signal` and waits (up to `deadline` seconds) for the process to end and all it printed to be read.
        func stop(_ signal: Int32, deadline: Double = 20) -> Bool {
            kill(process.processIdentifier, signal)
            // Its end closes its stdout: all it printed has then been read.
            return stdout.waitForEnd(seconds: deadline) && exited.wait(timeout: .now() + deadline) == .success
        }

        deinit { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
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
        let delivered = follower.waitForOutput { $0.count >= journal.count }
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
        #expect(first.waitForOutput { $0.split(separator: 0x0A).count >= 11 }, "the first lines come at once")
        let (id, directory, environment) = (run.id, run.directory.url, run.environment)
        let writersDone = DispatchSemaphore(value: 0)
        let writers = Thread {
            _ = Self.writeConcurrently(id: id, directory: directory, environment: environment, notes: 8)
            writersDone.signal()
        }
        writers.start()
        // Killed without warning while the others write: a shipper's crash.
        #expect(first.waitForOutput { $0.split(separator: 0x0A).count >= 15 })
        try #require(first.stop(SIGKILL))
        // What a shipper kept: the complete lines it got; it resumes after the last one's seq.
        var kept = first.output
        if let lastNewline = kept.lastIndex(of: 0x0A) { kept = Array(kept[...lastNewline]) } else { kept = [] }
        let lastLine = try #require(kept.dropLast().split(separator: 0x0A).last)
        let object = try JSONSerialization.jsonObject(with: Data(lastLine)) as? [String: Any]
        let lastSeq = try #require(object?["seq"] as? Int)
        let second = try Background(["log", run.id, "--follow", "--format", "jsonl", "--since-seq", String(lastSeq)],
                                    run: run)
        #expect(writersDone.wait(timeout: .now() + 60) == .success && !run.journalIsGrowing(expectedLines: 11 + 32),
                "the writers finish")
        let journal = try run.journalBytes()
        #expect(second.waitForOutput { kept.count + $0.count >= journal.count })
        try #require(second.stop(SIGTERM))
        #expect(second.process.terminationStatus == 0, "SIGTERM ends it cleanly too: \(second.errors)")
        #expect(kept + second.output == journal, "the two parts are the journal, without a gap or a repeat")
    }

    @Test func followAllPicksUpANewRunAndPrefixesEveryLineWithItsRun() throws {
        let run = try Run(id: "follow-3")
        let follower = try Background(["log", "--follow", "--all", "--format", "jsonl"], run: run)
        #expect(follower.waitForOutput { $0.split(separator: 0x0A).count >= 11 })
        let started = try run.muster(["start", MultiTerminalTests.playbook, "--run-id", "follow-4",
                                      "--assign", "commander=ann"])
        #expect(started.status == 0, "\(started.stderr)")
        try run.muster(["note", "follow-3", "after the second run started", "--as", "ann"])
        let other = Array(try Data(contentsOf: run.runs.appendingPathComponent("follow-4/journal.jsonl")))
        let own = try run.journalBytes()
        let expectedLines = own.split(separator: 0x0A).count + other.split(separator: 0x0A).count
        #expect(follower.waitForOutput { $0.split(separator: 0x0A).count >= expectedLines })
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
