import Foundation
import JSONText
import Testing

/// Several terminals act on one run at once: the journal must stay one gapless, hash-chained sequence, every
/// acknowledged command must be in it, damage must be caught and torn tails repaired, and no run id may lead
/// outside the runs directory.
///
/// Time is never waited for: every command runs at the instant `MUSTER_NOW` gives, so no timer falls due and the
/// only thing that varies between runs is how the processes interleave.
@Suite(.serialized) struct MultiTerminalTests {
    /// 2025-11-22 03:00:00Z, the instant every command of these tests runs at.
    static let now = "1763780400000"
    static let playbook = Fixtures.directory.appendingPathComponent("runs/three-roles.yaml").path
    static let people = ["commander": "ann", "tech_lead": "ben", "on_site": "cid"]

    // MARK: Helpers

    /// A run of the three-roles fixture in a fresh directory.
    struct Run {
        let directory: TemporaryDirectory
        let id: String
        var runs: URL { directory.url.appendingPathComponent("runs") }
        var journal: URL { runs.appendingPathComponent(id).appendingPathComponent("journal.jsonl") }
        var environment: [String: String] { ["MUSTER_NOW": MultiTerminalTests.now, "MUSTER_RUNS": runs.path] }

        init(id: String = "drill-1") throws {
            directory = try TemporaryDirectory()
            self.id = id
            let assignments = MultiTerminalTests.people.sorted { $0.key < $1.key }.flatMap { ["--assign", "\($0.key)=\($0.value)"] }
            let started = try MusterProcess.run(["start", MultiTerminalTests.playbook, "--run-id", id] + assignments,
                                                in: directory.url, environment: environment)
            #expect(started.status == 0, "\(started.stderr)")
            #expect(started.stdout == id + "\n")
        }

        @discardableResult
        func muster(_ arguments: [String]) throws -> MusterProcess.Result {
            try MusterProcess.run(arguments, in: directory.url, environment: environment)
        }

        /// `muster log RUN --format json`, parsed.
        func log() throws -> [JSONValue] {
            let result = try muster(["log", id, "--format", "json"])
            #expect(result.status == 0, "\(result.stderr)")
            return try #require(try JSONValue.parse(result.stdout).arrayValue)
        }

        /// `muster status RUN --format json`, parsed.
        func status() throws -> JSONValue {
            let result = try muster(["status", id, "--format", "json"])
            #expect(result.status == 0, "\(result.stderr)")
            return try JSONValue.parse(result.stdout)
        }

        func journalBytes() throws -> [UInt8] { Array(try Data(contentsOf: journal)) }
        func writeJournal(_ bytes: [UInt8]) throws { try Data(bytes).write(to: journal) }
    }

    /// Why a chain of commands run on a thread of its own stopped (expectations are checked on the test's own
    /// thread, from what the chains return).
    struct ChainFailure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// Runs `bodies` at once, each on a thread of its own (not on the cooperative pool, which may have as few
    /// threads as there are cores and would serialise blocking chains), and waits for them all.
    static func concurrently(_ bodies: [@Sendable () throws -> Void]) -> [any Error] {
        let group = DispatchGroup()
        let errors = Locked<[any Error]>([])
        for body in bodies {
            group.enter()
            let thread = Thread {
                defer { group.leave() }
                do { try body() } catch { errors.mutate { $0.append(error) } }
            }
            thread.start()
        }
        group.wait()
        return errors.value
    }

    /// A value shared between threads.
    final class Locked<Value>: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: Value
        init(_ value: Value) { stored = value }
        var value: Value { lock.withLock { stored } }
        func mutate(_ change: (inout Value) -> Void) { lock.withLock { change(&stored) } }
    }

    /// Runs `script` with bash, with `environment` added, and returns its exit status.
    static func bash(_ script: String, in directory: URL, environment: [String: String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script]
        process.currentDirectoryURL = directory
        var env = ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "MUSTER": MusterProcess.binary.path]
        env.merge(environment) { _, new in new }
        process.environment = env
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Seconds since `start`, for the timings printed by the long tests.
    static func seconds(since start: ContinuousClock.Instant) -> String {
        let elapsed = ContinuousClock.now - start
        let milliseconds = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
        return "\(Double(milliseconds) / 1000)s"
    }

    /// The seq numbers of a log, checked to be exactly 1...count.
    static func expectGapless(_ log: [JSONValue], sourceLocation: SourceLocation = #_sourceLocation) {
        let seqs = log.compactMap { $0["seq"]?.intValue }
        #expect(seqs.count == log.count, "every entry has a seq", sourceLocation: sourceLocation)
        #expect(seqs == Array(1...Int64(log.count)), "seq 1...\(log.count) without gaps or duplicates",
                sourceLocation: sourceLocation)
    }

    // MARK: 1. Three terminals drive a playbook to its outcome

    /// One move of a role's chain: act now, or first wait (polling `status`) until the run is ready for it.
    struct Move: Sendable {
        var arguments: [String]
        /// When set, `status --format json` is polled until this holds; the move then acts with `--expect-seq`.
        var ready: (@Sendable (JSONValue) -> Bool)?
    }

    /// What one acknowledged command printed.
    struct Acted: Sendable {
        var person: String
        var arguments: [String]
        var report: JSONValue
    }

    static func isActive(_ step: String, acknowledged: Bool? = nil) -> @Sendable (JSONValue) -> Bool {
        { status in
            status["active"]?.arrayValue?.contains { entry in
                entry["step"]?.stringValue == step
                    && (acknowledged == nil || entry["acknowledged"]?.boolValue == acknowledged)
            } ?? false
        }
    }

    @Test func threeProcessesDriveAPlaybookToAnOutcome() throws {
        let started = ContinuousClock.now
        let run = try Run()
        let id = run.id
        // Each role works its own track, then waits for the others where the playbook makes it wait: the
        // commander's review opens when all three tracks have joined, the on-site responder acknowledges the
        // sign-off once the commander has chosen it, and the tech lead approves it once it is acknowledged.
        let chains: [String: [Move]] = [
            "ann": [
                Move(arguments: ["ack", id, "open_bridge"]),
                Move(arguments: ["tick", id, "open_bridge", "call"]),
                Move(arguments: ["done", id, "open_bridge", "--item", "minutes"]),
                Move(arguments: ["note", id, "bridge", "is", "open"]),
                Move(arguments: ["done", id, "brief_leadership"]),
                Move(arguments: ["decide", id, "review", "sign", "--why", "the room is dry"], ready: Self.isActive("review")),
            ],
            "ben": [
                Move(arguments: ["ack", id, "diagnose"]),
                Move(arguments: ["record", id, "cause=pipe"]),
                Move(arguments: ["done", id, "diagnose"]),
                Move(arguments: ["progress", id, "fix", "valve", "closed"]),
                Move(arguments: ["done", id, "fix"]),
                Move(arguments: ["approve", id, "sign_off", "--why", "checked"],
                     ready: Self.isActive("sign_off", acknowledged: true)),
            ],
            "cid": [
                Move(arguments: ["ack", id, "inspect"]),
                Move(arguments: ["done", id, "inspect"]),
                Move(arguments: ["ack", id, "secure"]),
                Move(arguments: ["done", id, "secure", "--item", "power", "--item", "cover"]),
                Move(arguments: ["note", id, "racks", "covered"]),
                Move(arguments: ["ack", id, "sign_off"], ready: Self.isActive("sign_off")),
            ],
        ]
        let acted = Locked<[Acted]>([])
        let polls = Locked<Int>(0)
        let environment = run.environment
        let directory = run.directory.url
        let errors = Self.concurrently(chains.map { person, moves in
            { @Sendable in
                for move in moves {
                    var arguments = move.arguments + ["--as", person, "--format", "json"]
                    if let ready = move.ready {
                        var seen: Int64?
                        for _ in 0..<5000 {
                            polls.mutate { $0 += 1 }
                            let result = try MusterProcess.run(["status", id, "--format", "json"], in: directory,
                                                               environment: environment)
                            guard result.status == 0 else {
                                throw ChainFailure("\(person): status exited \(result.status): \(result.stderr)")
                            }
                            let status = try JSONValue.parse(result.stdout)
                            if ready(status) {
                                seen = status["seq"]?.intValue
                                break
                            }
                        }
                        guard let seen else { throw ChainFailure("\(person) never saw the run ready for \(move.arguments)") }
                        arguments += ["--expect-seq", String(seen)]
                    }
                    let result = try MusterProcess.run(arguments, in: directory, environment: environment)
                    guard result.status == 0 else {
                        throw ChainFailure("\(person): \(arguments) exited \(result.status): \(result.stderr)")
                    }
                    let report = try JSONValue.parse(result.stdout)
                    acted.mutate { $0.append(Acted(person: person, arguments: arguments, report: report)) }
                }
            }
        })
        #expect(errors.isEmpty, "\(errors)")
        let reports = acted.value
        #expect(reports.count == 18)
        #expect(reports.allSatisfy { $0.report["ok"] == true })

        // The outcome is reached and the journal is intact.
        let status = try run.status()
        #expect(status["outcome"] == "resolved")
        #expect(status["closed"] == true)
        #expect(status["facts"]?["cause"] == "pipe")
        let verified = try run.muster(["verify", id])
        #expect(verified.status == 0, "\(verified.stderr)")

        // The last command's report is the state the journal folds to.
        let last = try #require(reports.max { ($0.report["seq"]?.intValue ?? 0) < ($1.report["seq"]?.intValue ?? 0) })
        #expect(last.report["seq"] == status["seq"])
        #expect(last.report["active"] == .array([]))
        #expect(status["active"] == .array([]))
        #expect(last.arguments.first == "approve")

        // Every acknowledged command's events are in the journal, as the lines just before the seq it reported,
        // by the person who acted; no two commands claim the same lines.
        let log = try run.log()
        Self.expectGapless(log)
        #expect(Int64(log.count) == status["seq"]?.intValue)
        var claimed = Set<Int>()
        for acted in reports {
            let seq = try #require(acted.report["seq"]?.intValue.map(Int.init))
            let events = try #require(acted.report["events"]?.arrayValue)
            try #require(seq <= log.count && seq - events.count >= 0, "\(acted.arguments) reported seq \(seq)")
            #expect(!events.isEmpty, "\(acted.arguments)")
            let lines = Array(log[(seq - events.count)..<seq])
            for (event, line) in zip(events, lines) {
                #expect(event["type"] == line["type"], "\(acted.arguments) at seq \(line["seq"] ?? .null)")
                #expect(event["at"] == line["at"])
            }
            #expect(lines.contains { $0["actor"]?["person"]?.stringValue == acted.person }, "\(acted.arguments)")
            let range = Set((seq - events.count + 1)...seq)
            #expect(claimed.isDisjoint(with: range), "\(acted.arguments) claims lines another command claimed")
            claimed.formUnion(range)

            // What each command reported as active is the journal folded up to its seq.
            let reportedActive = acted.report["active"]?.arrayValue?.compactMap(\.stringValue)
            #expect(reportedActive == Self.activeSteps(log.prefix(seq)), "\(acted.arguments) at seq \(seq)")
        }
        // Every line after the start's belongs to one acknowledged command (a poll at the same instant writes
        // nothing), and nothing was refused.
        let firstClaimed = try #require(claimed.min())
        #expect(Set(1...log.count).subtracting(claimed) == Set(1..<firstClaimed))
        #expect(log.prefix(firstClaimed - 1).allSatisfy { $0["actor"] == "engine" }, "the start's lines are the engine's")
        #expect(!log.contains { $0["type"] == "command.rejected" })
        #expect(log.filter { $0["type"] == "outcome.reached" }.count == 1)
        print("threeProcessesDriveAPlaybookToAnOutcome: \(reports.count) commands, \(polls.value) status polls, "
            + "\(log.count) events in \(Self.seconds(since: started))")
    }

    /// The open steps after `log`, in activation order: the part of the engine's fold that commands report.
    static func activeSteps(_ log: some Sequence<JSONValue>) -> [String] {
        var active: [String] = []
        for line in log {
            guard let step = line["data"]?["step"]?.stringValue else { continue }
            switch line["type"]?.stringValue {
            case "step.activated":
                active.removeAll { $0 == step }
                active.append(step)
            case "step.completed", "step.cancelled":
                active.removeAll { $0 == step }
            default:
                break
            }
        }
        return active
    }

    // MARK: 2. Four terminals add a thousand notes

    @Test(.timeLimit(.minutes(10))) func fourProcessesTimesTwoHundredFiftyCommands() throws {
        let run = try Run()
        let initial = try run.log().count
        let writers = 4
        let each = 250
        let people = ["ann", "ben", "cid", "ann"]
        let started = ContinuousClock.now
        let environment = run.environment
        let directory = run.directory.url
        let id = run.id
        // Each writer is a shell loop: one `muster note` process after another, logging the notes acknowledged
        // (exit 0) and the ones refused.
        let statuses = Locked<[Int32]>([])
        let errors = Self.concurrently((0..<writers).map { writer in
            { @Sendable in
                let script = """
                    for i in $(seq 1 \(each)); do
                      if "$MUSTER" note "\(id)" "text-\(writer)-$i" --as \(people[writer]) >/dev/null 2>>err-\(writer); then
                        echo "text-\(writer)-$i" >> acked-\(writer)
                      else
                        echo "text-\(writer)-$i" >> refused-\(writer)
                      fi
                    done
                    """
                let status = try Self.bash(script, in: directory, environment: environment)
                statuses.mutate { $0.append(status) }
            }
        })
        let elapsed = Self.seconds(since: started)
        #expect(errors.isEmpty, "\(errors)")
        #expect(statuses.value == Array(repeating: 0, count: writers))

        var acknowledged: [String] = []
        for writer in 0..<writers {
            let file = directory.appendingPathComponent("acked-\(writer)")
            acknowledged += (try? String(contentsOf: file, encoding: .utf8))?.split(separator: "\n").map(String.init) ?? []
            let refused = directory.appendingPathComponent("refused-\(writer)")
            #expect(!FileManager.default.fileExists(atPath: refused.path),
                    "writer \(writer) had refusals: \((try? String(contentsOf: directory.appendingPathComponent("err-\(writer)"), encoding: .utf8)) ?? "")")
        }
        #expect(acknowledged.count == writers * each)

        let log = try run.log()
        Self.expectGapless(log)
        #expect(log.count == initial + writers * each)
        let notes = log.filter { $0["type"] == "note" }.compactMap { $0["data"]?["text"]?.stringValue }
        let expected = (0..<writers).flatMap { writer in (1...each).map { "text-\(writer)-\($0)" } }
        #expect(notes.count == expected.count)
        #expect(Set(notes).count == notes.count, "no note twice")
        #expect(Set(notes) == Set(expected), "every note once")
        #expect(Set(acknowledged) == Set(expected))
        // Each writer's notes keep the order it wrote them in.
        for writer in 0..<writers {
            let own = notes.filter { $0.hasPrefix("text-\(writer)-") }
            #expect(own == (1...each).map { "text-\(writer)-\($0)" }, "writer \(writer)'s order")
        }
        let verified = try run.muster(["verify", run.id])
        #expect(verified.status == 0, "\(verified.stderr)")
        print("fourProcessesTimesTwoHundredFiftyCommands: \(writers * each) notes from \(writers) processes in \(elapsed)")
    }

    // MARK: 3. Damage is caught

    /// A run with a few commands after its start.
    static func runWithSomeHistory() throws -> Run {
        let run = try Run()
        for arguments in [
            ["ack", run.id, "open_bridge", "--as", "ann"], ["note", run.id, "on", "my", "way", "--as", "cid"],
            ["record", run.id, "cause=roof", "--as", "ben"], ["done", run.id, "inspect", "--as", "cid"],
            ["tick", run.id, "open_bridge", "call", "--as", "ann"],
        ] {
            let result = try run.muster(arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        return run
    }

    /// The byte ranges of the journal's lines, newline excluded.
    static func lineRanges(_ bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            ranges.append(start..<index)
            start = index + 1
        }
        return ranges
    }

    /// Expects the journal's current bytes to be refused as damaged at `line`, by `verify` and by writers, and
    /// that the refused writers leave the file as it is.
    static func expectDamaged(_ run: Run, line: Int, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try run.journalBytes()
        let verified = try run.muster(["verify", run.id])
        #expect(verified.status == 1, "verify after \(what)", sourceLocation: sourceLocation)
        #expect(verified.stderr.contains("line \(line):"), "verify names line \(line) after \(what): \(verified.stderr)",
                sourceLocation: sourceLocation)
        let json = try run.muster(["verify", run.id, "--format", "json"])
        #expect(json.status == 1, sourceLocation: sourceLocation)
        #expect(try JSONValue.parse(json.stdout)["line"]?.intValue == Int64(line), "after \(what)",
                sourceLocation: sourceLocation)
        for arguments in [["note", run.id, "still", "here", "--as", "ann"], ["done", run.id, "open_bridge", "--as", "ann",
                                                                              "--item", "minutes"],
                          ["status", run.id]] {
            let refused = try run.muster(arguments)
            #expect(refused.status == 1, "\(arguments.first!) after \(what)", sourceLocation: sourceLocation)
            #expect(refused.stderr.contains("damaged at line \(line)"), "\(arguments.first!) after \(what): \(refused.stderr)",
                    sourceLocation: sourceLocation)
            #expect(refused.stdout.isEmpty, sourceLocation: sourceLocation)
        }
        #expect(try run.journalBytes() == before, "a refused write leaves the damaged journal as it was",
                sourceLocation: sourceLocation)
    }

    @Test func tamperingWithAnyByteOfACompleteLineIsCaught() throws {
        let started = ContinuousClock.now
        let run = try Self.runWithSomeHistory()
        let original = try run.journalBytes()
        let lines = Self.lineRanges(original)
        #expect(lines.last?.upperBound == original.count - 1, "the journal ends with a newline")
        let middle = lines.count / 2
        let range = lines[middle]
        let line = middle + 1
        // Offsets into the line: its first bytes, inside seq, inside the data, inside prev, inside sum, the closing
        // brace; then the first and the last line of the journal.
        let text = String(decoding: original[range], as: UTF8.self)
        let prev = try #require(text.range(of: "\"prev\":\"")).upperBound.utf16Offset(in: text)
        let sum = try #require(text.range(of: "\"sum\":\"")).upperBound.utf16Offset(in: text)
        let data = try #require(text.range(of: "\"data\":")).upperBound.utf16Offset(in: text)
        var targets: [(line: Int, offset: Int)] = [0, 1, 7, data + 1, range.count / 2, prev, prev + 63, sum - 2, sum,
                                                   sum + 40, sum + 63, range.count - 2, range.count - 1].map { (line, range.lowerBound + $0) }
        // The quote that closes the checksum is outside both the checksummed text and the checksum: it must be
        // checked on its own, in the last line too, where no later line's chain would catch it.
        targets += [(1, lines[0].lowerBound + 3), (lines.count, lines[lines.count - 1].upperBound - 5),
                    (lines.count, lines[lines.count - 1].upperBound - 2)]
        for (line, offset) in targets {
            var tampered = original
            tampered[offset] ^= 0x01
            try run.writeJournal(tampered)
            try Self.expectDamaged(run, line: line, "flipping byte \(offset) (line \(line))")
        }

        // A line taken out or two lines swapped break the sequence at the first line out of place.
        var withoutLine = Array(original[..<lines[middle].lowerBound]) + Array(original[lines[middle + 1].lowerBound...])
        try run.writeJournal(withoutLine)
        try Self.expectDamaged(run, line: line, "removing line \(line)")
        withoutLine = Array(original[..<lines[middle].lowerBound]) + Array(original[lines[middle + 1].lowerBound..<lines[middle + 1].upperBound])
            + [0x0A] + Array(original[range]) + [0x0A] + Array(original[lines[middle + 2].lowerBound...])
        try run.writeJournal(withoutLine)
        try Self.expectDamaged(run, line: line, "swapping lines \(line) and \(line + 1)")

        // Restored, it verifies and takes writes again.
        try run.writeJournal(original)
        let verified = try run.muster(["verify", run.id])
        #expect(verified.status == 0, "\(verified.stderr)")
        #expect(verified.stderr.isEmpty)
        let note = try run.muster(["note", run.id, "back", "--as", "ann"])
        #expect(note.status == 0, "\(note.stderr)")
        #expect(try run.muster(["verify", run.id]).status == 0)

        // Editing the pinned playbook is damage at line 1: the run started with another playbook.
        let pinned = run.runs.appendingPathComponent(run.id).appendingPathComponent("playbook.yaml")
        let playbook = try Data(contentsOf: pinned)
        try (playbook + Data("# edited\n".utf8)).write(to: pinned)
        try Self.expectDamaged(run, line: 1, "editing the pinned playbook")
        try playbook.write(to: pinned)
        #expect(try run.muster(["verify", run.id]).status == 0)
        print("tamperingWithAnyByteOfACompleteLineIsCaught: \(targets.count + 3) kinds of damage in \(Self.seconds(since: started))")
    }

    // MARK: 4. A torn tail is repaired

    @Test func tornTailIsRepairedOnTheNextWrite() throws {
        let started = ContinuousClock.now
        let run = try Self.runWithSomeHistory()
        let original = try run.journalBytes()
        let lines = Self.lineRanges(original)
        // Half of a line, as a write cut short would leave it: the first half of a copy of the last line.
        let last = original[lines[lines.count - 1]]
        let torn = Array(last.prefix(last.count / 2))
        try run.writeJournal(original + torn)

        let verified = try run.muster(["verify", run.id])
        #expect(verified.status == 0, "a torn tail is not damage: \(verified.stderr)")
        #expect(verified.stdout.contains("\(lines.count) lines"))
        #expect(verified.stderr.contains("an unfinished write after the last committed line"), "\(verified.stderr)")
        #expect(verified.stderr.contains("an incomplete line, never acknowledged"), "\(verified.stderr)")
        #expect(verified.stderr.contains("\(torn.count) bytes"), "\(verified.stderr)")
        let json = try run.muster(["verify", run.id, "--format", "json"])
        #expect(try JSONValue.parse(json.stdout)["torn_bytes"]?.intValue == Int64(torn.count))
        // Reading does not repair.
        #expect(try run.log().count == lines.count)
        #expect(try run.journalBytes() == original + torn)

        let note = try run.muster(["note", run.id, "after", "the", "cut", "--as", "cid", "--format", "json"])
        #expect(note.status == 0, "\(note.stderr)")
        let report = try JSONValue.parse(note.stdout)
        #expect(report["seq"]?.intValue == Int64(lines.count + 2))

        let log = try run.log()
        Self.expectGapless(log)
        #expect(log.count == lines.count + 2)
        let repaired = log[lines.count]
        #expect(repaired["type"] == "journal.repaired")
        #expect(repaired["data"]?["bytes_cut"]?.intValue == Int64(torn.count))
        #expect(repaired["actor"] == "engine")
        #expect(log[lines.count + 1]["type"] == "note")
        #expect(log[lines.count + 1]["data"]?["text"] == "after the cut")

        let after = try run.journalBytes()
        #expect(Array(after.prefix(original.count)) == original, "the complete lines are kept as they were")
        #expect(after.last == 0x0A)
        let clean = try run.muster(["verify", run.id])
        #expect(clean.status == 0, "\(clean.stderr)")
        #expect(clean.stderr.isEmpty, "\(clean.stderr)")
        print("tornTailIsRepairedOnTheNextWrite: \(Self.seconds(since: started))")
    }

    // MARK: 5. Paths stay inside the runs directory

    @Test func pathsCannotEscapeTheRunsDirectory() throws {
        let started = ContinuousClock.now
        let run = try Run()
        for bad in ["../x", "/etc", "a/b", "..", ".", "../\(run.id)", "\(run.id)/..", "\(run.id)/", ""] {
            for arguments in [["status", bad], ["note", bad, "hi", "--as", "ann"], ["verify", bad], ["log", bad],
                              ["ack", bad, "open_bridge", "--as", "ann"]] {
                let result = try run.muster(arguments)
                #expect(result.status == 2, "\(arguments) exited \(result.status): \(result.stderr)")
                #expect(result.stdout.isEmpty)
            }
            let start = try run.muster(["start", Self.playbook, "--run-id", bad])
            #expect(start.status == 2, "start --run-id '\(bad)' exited \(start.status)")
        }
        #expect(try run.directory.listing().filter { !$0.hasPrefix("runs") }.isEmpty, "nothing written outside runs")

        // A decoy run outside the runs directory, and a link to it inside.
        let decoys = run.directory.url.appendingPathComponent("decoys")
        let decoy = try MusterProcess.run(
            ["start", Self.playbook, "--run-id", "decoy", "--assign", "commander=ann", "--runs", decoys.path],
            in: run.directory.url, environment: ["MUSTER_NOW": Self.now])
        #expect(decoy.status == 0, "\(decoy.stderr)")
        let decoyRun = decoys.appendingPathComponent("decoy")
        func snapshot() throws -> [String: Data] {
            var files: [String: Data] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: decoyRun.path) {
                files[name] = try Data(contentsOf: decoyRun.appendingPathComponent(name))
            }
            return files
        }
        let before = try snapshot()
        #expect(before.keys.sorted() == ["journal.head", "journal.jsonl", "playbook.yaml"])
        try FileManager.default.createSymbolicLink(atPath: run.runs.appendingPathComponent("linked").path,
                                                   withDestinationPath: "../decoys/decoy")
        for arguments in [["note", "linked", "planted", "--as", "ann"], ["ack", "linked", "open_bridge", "--as", "ann"],
                          ["status", "linked"], ["log", "linked"], ["verify", "linked"],
                          ["start", Self.playbook, "--run-id", "linked"]] {
            let result = try run.muster(arguments)
            #expect(result.status == 1, "\(arguments) exited \(result.status)")
            #expect(result.stderr.contains("symbolic link"), "\(arguments): \(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
        #expect(try snapshot() == before, "the decoy is untouched")
        // The list of runs does not show the decoy as one of this directory's runs either.
        let listed = try run.muster(["runs", "--format", "json"])
        #expect(listed.status == 0)
        let ids = try JSONValue.parse(listed.stdout).arrayValue?.compactMap { $0["run"]?.stringValue } ?? []
        #expect(ids.contains(run.id))
        #expect(!ids.contains("linked"), "muster runs lists the linked decoy: \(ids)")
        // The real run is still fine.
        #expect(try run.muster(["verify", run.id]).status == 0)
        print("pathsCannotEscapeTheRunsDirectory: \(Self.seconds(since: started))")
    }

    /// A real run directory whose `journal.jsonl` (and `playbook.yaml`) are links to a run elsewhere: a member of
    /// the group that shares the runs directory could plant them, so that others' commands write elsewhere.
    @Test func aLinkedJournalFileInsideARunIsNotFollowed() throws {
        let run = try Run()
        let decoys = run.directory.url.appendingPathComponent("decoys")
        let decoy = try MusterProcess.run(
            ["start", Self.playbook, "--run-id", "decoy", "--assign", "commander=ann", "--runs", decoys.path],
            in: run.directory.url, environment: ["MUSTER_NOW": Self.now])
        #expect(decoy.status == 0, "\(decoy.stderr)")
        let decoyJournal = decoys.appendingPathComponent("decoy/journal.jsonl")
        let before = try Data(contentsOf: decoyJournal)
        let planted = run.runs.appendingPathComponent("planted")
        try FileManager.default.createDirectory(at: planted, withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: planted.appendingPathComponent("journal.jsonl").path,
                                                   withDestinationPath: "../../decoys/decoy/journal.jsonl")
        try FileManager.default.createSymbolicLink(atPath: planted.appendingPathComponent("playbook.yaml").path,
                                                   withDestinationPath: "../../decoys/decoy/playbook.yaml")
        let note = try run.muster(["note", "planted", "written", "elsewhere", "--as", "ann"])
        #expect(note.status == 1, "note through a linked journal.jsonl exited \(note.status): \(note.stderr)")
        #expect(note.stdout.isEmpty)
        for arguments in [["status", "planted"], ["log", "planted"], ["verify", "planted"]] {
            let result = try run.muster(arguments)
            #expect(result.status == 1, "\(arguments) exited \(result.status)")
        }
        let after = try Data(contentsOf: decoyJournal)
        #expect(after == before, "the decoy journal is untouched: \(before.count) bytes before, \(after.count) after")
    }
}
