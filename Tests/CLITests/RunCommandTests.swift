import Foundation
import JSONText
import Testing

/// Runs driven from the command line with an injected clock (`MUSTER_NOW`), one command after another.
struct RunCommandTests {
    static let t0: Int64 = 1_767_225_600_000  // 2026-01-01 00:00:00Z

    let directory: TemporaryDirectory
    init() throws { directory = try TemporaryDirectory() }
    /// Commands in the directory of another test's runs.
    init(directory: TemporaryDirectory) { self.directory = directory }

    func muster(_ arguments: [String], minute: Double = 0, as person: String? = nil) throws -> MusterProcess.Result {
        var environment = ["MUSTER_PLAYBOOKS": Fixtures.repository.appendingPathComponent("Playbooks").path,
                           "MUSTER_NOW": String(Self.t0 + Int64(minute * 60_000))]
        if let person { environment["MUSTER_AS"] = person }
        return try MusterProcess.run(arguments, in: directory.url, environment: environment)
    }

    func startWaterLeak() throws {
        let started = try muster(["start", "water-leak", "--run-id", "wl", "--assign", "commander=alice",
                                  "--assign", "on_site=bob", "--assign", "tech_lead=carol",
                                  "--assign", "leadership=dana", "--assign", "user_leadership=erin",
                                  "--assign", "vendor_manager=frank"])
        #expect(started.status == 0, "\(started.stderr)")
        #expect(started.stdout == "wl\n")
    }

    @Test func startPrintsExactlyTheRunIDAndPinsThePlaybook() throws {
        let started = try muster(["start", "water-leak", "--assign", "commander=alice"])
        #expect(started.status == 0)
        #expect(started.stdout == "water-leak-20260101-000000\n")
        let pinned = directory.url.appendingPathComponent("runs/water-leak-20260101-000000/playbook.yaml")
        let original = Fixtures.repository.appendingPathComponent("Playbooks/water-leak.yaml")
        #expect(try Data(contentsOf: pinned) == Data(contentsOf: original))
    }

    @Test func aWholeRunFromReportToOutcome() throws {
        try startWaterLeak()
        #expect(try muster(["done", "wl", "report"], minute: 1, as: "bob").status == 0)
        #expect(try muster(["record", "wl", "leak_source=wall_or_window"], minute: 2, as: "alice").status == 0)
        #expect(try muster(["grade", "wl", "severe"], minute: 2, as: "alice").status == 0)
        #expect(try muster(["done", "wl", "assess"], minute: 3, as: "alice").status == 0)
        // The on-site responder starts on the leak at once (§3 first-actions) while, at level 2, the tech lead leads
        // the response, the leadership group activates the plan (§3.4) and the commander confirms the resources (§3.5).
        #expect(try muster(["done", "wl", "first_action"], minute: 3.5, as: "bob").status == 0)
        #expect(try muster(["done", "wl", "route_by_grade"], minute: 3.5, as: "alice").status == 0)
        #expect(try muster(["done", "wl", "tech_lead_leads"], minute: 4, as: "carol").status == 0)
        #expect(try muster(["approve", "wl", "activate"], minute: 5, as: "dana").status == 0)
        #expect(try muster(["done", "wl", "resources", "--item", "own_staff", "--item", "facilities",
                            "--item", "vendor_engineers", "--item", "experts", "--item", "equipment",
                            "--item", "one_voice"],
                           minute: 10, as: "alice").status == 0)
        #expect(try muster(["done", "wl", "secure_room"], minute: 20, as: "bob").status == 0)
        #expect(try muster(["done", "wl", "clear_water"], minute: 40, as: "bob").status == 0)
        #expect(try muster(["done", "wl", "check_wet_equipment"], minute: 60, as: "frank").status == 0)
        #expect(try muster(["done", "wl", "repair_and_remove_cause"], minute: 300, as: "carol").status == 0)
        // The on-site responder proposes ending the plan and the leadership group agrees (§3.7).
        #expect(try muster(["approve", "wl", "terminate"], minute: 301, as: "dana").status == 0)
        let status = try JSONValue.parse(try muster(["status", "wl", "--format", "json"], minute: 302).stdout)
        #expect(status["outcome"] == "resolved")
        #expect(status["milestones"]?["reported"]?["margin_ms"] == 240_000)
        #expect(status["milestones"]?["responded"]?["margin_ms"] == 720_000)
        // After the outcome: the written report with its checklist, then the review and its lessons (§3.8).
        #expect(try muster(["done", "wl", "written_report", "--item", "what", "--item", "impact", "--item", "cause",
                            "--item", "handling", "--item", "prevention", "--item", "raised_level", "--item", "signed"],
                           minute: 600, as: "alice").status == 0)
        // The user's leadership receives the report and signs for it.
        #expect(try muster(["done", "wl", "sign_report"], minute: 650, as: "erin").status == 0)
        #expect(try muster(["done", "wl", "review", "--item", "cause", "--item", "response", "--item", "recovery",
                            "--item", "lessons", "--item", "revise", "--item", "drill"],
                           minute: 700, as: "alice").status == 0)
        let closed = try JSONValue.parse(try muster(["status", "wl", "--format", "json"], minute: 701).stdout)
        #expect(closed["closed"] == true)
        #expect(try muster(["verify", "wl"]).status == 0)
        #expect(try muster(["runs"]).stdout.contains("wl"))
    }

    @Test func refusedActionsExitOneAndAreJournaled() throws {
        try startWaterLeak()
        let wrongRole = try muster(["done", "wl", "report"], minute: 1, as: "alice")
        #expect(wrongRole.status == 1)
        #expect(wrongRole.stderr.contains("refused (wrong-role): alice may not act as 'on_site' (held by bob)"))
        let notActive = try muster(["done", "wl", "assess"], minute: 1, as: "alice")
        #expect(notActive.status == 1)
        #expect(notActive.stderr.contains("step 'assess' is not active"))
        let badFact = try muster(["record", "wl", "leak_source=roof"], minute: 1, as: "alice")
        #expect(badFact.stderr.contains("'roof' is not a value of 'leak_source'"))
        let log = try JSONValue.parse(try muster(["log", "wl", "--format", "json"]).stdout)
        let rejected = log.arrayValue?.filter { $0["type"] == "command.rejected" } ?? []
        #expect(rejected.count == 3)
        let stale = try muster(["done", "wl", "report", "--expect-seq", "1"], minute: 2, as: "bob")
        #expect(stale.status == 1)
        #expect(stale.stderr.contains("refused (stale)"))
    }

    @Test(arguments: [
        (["done", "wl", "report"], "who is acting? give --as PERSON or set MUSTER_AS"),
        (["done"], "done takes a run id and a step"),
        (["record", "wl", "nonsense"], "record takes FACT=VALUE, not 'nonsense'"),
        (["status", "../etc"], "'../etc' is not a run id"),
    ])
    func usageErrorsExitTwo(_ arguments: [String], _ message: String) throws {
        try startWaterLeak()
        let result = try muster(arguments, minute: 1)
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test func escalationsFireWhileNobodyWatchesAndAreJournaledOnTheNextCommand() throws {
        try startWaterLeak()
        // Nobody acts for 4 minutes; the 3-minute escalation of 'report' fires at its instant.
        let status = try muster(["status", "wl"], minute: 4)
        #expect(status.status == 0)
        let log = try JSONValue.parse(try muster(["log", "wl", "--format", "json"]).stdout)
        let fired = log.arrayValue?.first { $0["type"] == "escalation.fired" }
        #expect(fired?["at"]?.intValue == Self.t0 + 3 * 60_000)
        #expect(log.arrayValue?.contains { $0["type"] == "notification.requested" } == true)
    }

    @Test func theBoardSpeaksChinese() throws {
        try startWaterLeak()
        let board = try muster(["status", "wl", "--lang", "zh"], minute: 1)
        #expect(board.stdout.contains("进行中的步骤"))
        #expect(board.stdout.contains("报告漏水"))
        #expect(board.stdout.contains("里程碑"))
        // A milestone met reads in Chinese word order, in both languages' own way.
        #expect(try muster(["done", "wl", "report"], minute: 1, as: "bob").status == 0)
        let met = try muster(["status", "wl", "--lang", "zh"], minute: 2).stdout
        #expect(met.contains("已达成，提前 4分钟"), "\(met)")
        #expect(try muster(["status", "wl"], minute: 2).stdout.contains("met, 4m early"))
        let runs = try muster(["runs", "--lang", "zh"], minute: 2).stdout
        #expect(runs.hasPrefix("wl ") && runs.contains(" 实战 ") && runs.hasSuffix("进行中\n"), "\(runs)")
    }

    /// The log's columns line up on a terminal when names are Chinese: a Chinese character takes two columns.
    @Test func theLogLinesUpWithChineseNames() throws {
        let started = try muster(["start", "water-leak", "--run-id", "cn", "--assign", "commander=王强",
                                  "--assign", "on_site=李娜"])
        #expect(started.status == 0, "\(started.stderr)")
        #expect(try muster(["ack", "cn", "report"], minute: 1, as: "李娜").status == 0)
        let lines = try muster(["log", "cn"], minute: 1).stdout.split(separator: "\n")
        // The display column where each line's event type (`step.acknowledged`, `timer.scheduled`, …) starts.
        let columns = try lines.map { line -> Int in
            let type = try #require(line.firstMatch(of: /\ \ [a-z_]+\.[a-z_.]+\ /)).range.lowerBound
            return line[..<type].unicodeScalars.reduce(0) { $0 + ((0x4E00...0x9FFF).contains($1.value) ? 2 : 1) }
        }
        #expect(lines.contains { $0.contains("李娜 (on_site)") })
        #expect(Set(columns).count == 1, "\(lines.joined(separator: "\n"))")
    }

    @Test func truncationAtALineBoundaryIsCaughtByTheHeadRecordOrAHeadRecordedEarlier() throws {
        try startWaterLeak()
        #expect(try muster(["done", "wl", "report"], minute: 1, as: "bob").status == 0)
        let head = try JSONValue.parse(try muster(["status", "wl", "--format", "json"], minute: 1).stdout)["head"]?
            .stringValue ?? ""
        #expect(try muster(["verify", "wl", "--head", head]).status == 0)
        // Cut the journal back by its last three complete lines: every line left still verifies on its own.
        let path = directory.url.appendingPathComponent("runs/wl/journal.jsonl")
        var lines = try String(contentsOf: path, encoding: .utf8).split(separator: "\n")
        lines.removeLast(3)
        try (lines.joined(separator: "\n") + "\n").write(to: path, atomically: false, encoding: .utf8)
        // The run's head record was written after the lost lines: verify names the first of them without help,
        // and writes are refused.
        let caught = try muster(["verify", "wl"])
        #expect(caught.status == 1)
        // (What is left after the last whole write is the start of a write, not its commit: that is lost too.)
        #expect(caught.stderr.contains("but \(lines.count + 3) lines were written and acknowledged (journal.head): "
            + "lines were lost"), "\(caught.stderr)")
        let cutBytes = try Data(contentsOf: path)
        #expect(try muster(["note", "wl", "after the cut", "--as", "alice"], minute: 2).status == 1)
        #expect(try Data(contentsOf: path) == cutBytes)
        // Without the head record, a head recorded earlier still catches it.
        try FileManager.default.removeItem(at: directory.url.appendingPathComponent("runs/wl/journal.head"))
        let cut = try muster(["verify", "wl", "--head", head])
        #expect(cut.status == 1)
        #expect(cut.stderr.contains("is not in the chain: the journal was cut or rewritten after it"))
    }

    /// Only the journal, the pinned playbook and the head record decide what a command does: files an older
    /// Muster kept beside them (its caches), or anything else put there, are ignored, whatever they hold.
    @Test func nothingButTheJournalAndTheHeadRecordDecidesAnything() throws {
        try startWaterLeak()
        let other = try RunCommandTests()
        try FileManager.default.copyItem(at: directory.url.appendingPathComponent("runs"),
                                         to: other.directory.url.appendingPathComponent("runs"))
        let planted = other.directory.url.appendingPathComponent("runs/wl")
        // A forged checkpoint naming another commander, and a compiled playbook that is noise.
        try Data("muster-checkpoint\u{2}commander=mallory".utf8).write(to: planted.appendingPathComponent("checkpoint.bin"))
        try Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 7) })
            .write(to: planted.appendingPathComponent("playbook.compiled"))
        let commands: [([String], Double, String?)] = [
            (["note", "wl", "pumps on"], 1, "mallory"), (["done", "wl", "report"], 1, "bob"),
            (["note", "wl", "level falling"], 2, "alice"), (["status", "wl", "--format", "json"], 3, nil),
            (["verify", "wl"], 3, nil), (["log", "wl"], 3, nil),
        ]
        for (arguments, minute, person) in commands {
            let expected = try muster(arguments, minute: minute, as: person)
            let got = try other.muster(arguments, minute: minute, as: person)
            #expect(got.status == expected.status, "\(arguments)")
            #expect(got.stdout == expected.stdout, "\(arguments)")
            #expect(got.stderr == expected.stderr, "\(arguments)")
        }
        #expect(try muster(["note", "wl", "x"], minute: 4, as: "mallory").status == 1, "mallory holds no role")
        #expect(try other.muster(["note", "wl", "x"], minute: 4, as: "mallory").status == 1, "mallory holds no role")
        for file in ["journal.jsonl", "journal.head"] {
            #expect(try Data(contentsOf: planted.appendingPathComponent(file))
                == Data(contentsOf: directory.url.appendingPathComponent("runs/wl/" + file)), "\(file)")
        }
    }

    /// An instant a journal could not read back is refused before anything is written.
    @Test(arguments: ["1152921504606846976", "9223372036854775807", "-1152921504606846976", "0x10"])
    func aClockOutsideTheJournalsRangeIsRefused(now: String) throws {
        try startWaterLeak()
        let before = try Data(contentsOf: directory.url.appendingPathComponent("runs/wl/journal.jsonl"))
        let refused = try MusterProcess.run(["note", "wl", "from the far future", "--as", "alice"], in: directory.url,
                                            environment: ["MUSTER_NOW": now])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("MUSTER_NOW must be milliseconds since the epoch, from"), "\(refused.stderr)")
        #expect(try Data(contentsOf: directory.url.appendingPathComponent("runs/wl/journal.jsonl")) == before)
        #expect(try muster(["verify", "wl"]).status == 0)
    }

    /// One `status` ten years later: a handful of lines, and the jump is on the board and in the status JSON.
    @Test func aStatusTenYearsLaterWritesAHandfulOfLinesAndShowsTheJump() throws {
        try startWaterLeak()
        #expect(try muster(["done", "wl", "report"], minute: 1, as: "bob").status == 0)
        let path = directory.url.appendingPathComponent("runs/wl/journal.jsonl")
        let linesBefore = try String(contentsOf: path, encoding: .utf8).split(separator: "\n").count
        let tenYears = 3_650.0 * 24 * 60
        let board = try muster(["status", "wl", "--tz", "UTC"], minute: tenYears)
        #expect(board.status == 0)
        #expect(board.stdout.contains("⚠ the clock jumped ahead 3649d23h59m (a command after 2026-01-01 00:01:00 +00:00 came "
            + "at 2035-12-30 00:00:00 +00:00); journaled"), "\(board.stdout)")
        let linesAfter = try String(contentsOf: path, encoding: .utf8).split(separator: "\n").count
        #expect(linesAfter - linesBefore < 100, "\(linesAfter - linesBefore) lines")
        let json = try JSONValue.parse(try muster(["status", "wl", "--format", "json"], minute: tenYears).stdout)
        #expect(json["clock_jumps"]?.arrayValue?.count == 1)
        #expect(try muster(["status", "wl", "--lang", "zh"], minute: tenYears).stdout.contains("⚠ 时钟向前跳了 3649天23小时"))
    }

    /// A run exported as one file verifies on its own; a changed byte, a cut archive or a damaged run do not
    /// pass, and an existing file is never overwritten.
    @Test func anExportedRunVerifiesAnywhereAndTamperingDoesNot() throws {
        try startWaterLeak()
        #expect(try muster(["done", "wl", "report"], minute: 1, as: "bob").status == 0)
        let status = try JSONValue.parse(try muster(["status", "wl", "--format", "json"], minute: 1).stdout)
        let exported = try muster(["export", "wl", "--out", "wl.tar"], minute: 1)
        #expect(exported.status == 0, "\(exported.stderr)")
        #expect(exported.stdout == "wl.tar\n")
        #expect(exported.stderr.contains("(still open)"))
        // Elsewhere: no runs directory, only the archive.
        let elsewhere = try RunCommandTests()
        let archive = try Data(contentsOf: directory.url.appendingPathComponent("wl.tar"))
        try archive.write(to: elsewhere.directory.url.appendingPathComponent("wl.tar"))
        let verified = try elsewhere.muster(["verify", "--bundle", "wl.tar", "--format", "json"])
        #expect(verified.status == 0, "\(verified.stderr)")
        let json = try JSONValue.parse(verified.stdout)
        #expect(json["run"] == "wl")
        #expect(json["head"] == status["head"])
        #expect(try elsewhere.muster(["verify", "--bundle", "wl.tar", "--head", status["head"]?.stringValue ?? ""]).status == 0)
        // A byte of the journal changed inside the archive: the chain catches it.
        var bytes = Array(archive)
        let journalStart = try #require(bytes.indices.first { bytes[$0...].starts(with: Array("{\"seq\":2".utf8)) })
        bytes[journalStart + 40] ^= 0x01
        try Data(bytes).write(to: elsewhere.directory.url.appendingPathComponent("changed.tar"))
        let changed = try elsewhere.muster(["verify", "--bundle", "changed.tar"])
        #expect(changed.status == 1)
        #expect(changed.stderr.contains("muster: verify failed: line 2"), "\(changed.stderr)")
        try Data(archive.prefix(2_000)).write(to: elsewhere.directory.url.appendingPathComponent("cut.tar"))
        #expect(try elsewhere.muster(["verify", "--bundle", "cut.tar"]).status == 1)
        // Never over an existing file.
        let again = try muster(["export", "wl", "--out", "wl.tar"], minute: 1)
        #expect(again.status == 1)
        #expect(again.stderr.contains("muster never overwrites a file"))
        #expect(try Data(contentsOf: directory.url.appendingPathComponent("wl.tar")) == archive)
        // A damaged run is not exported.
        let journal = directory.url.appendingPathComponent("runs/wl/journal.jsonl")
        var lines = try String(contentsOf: journal, encoding: .utf8)
        lines = lines.replacingOccurrences(of: "\"seq\":3,", with: "\"seq\":4,")
        try lines.write(to: journal, atomically: false, encoding: .utf8)
        let damaged = try muster(["export", "wl", "--out", "damaged.tar"], minute: 1)
        #expect(damaged.status == 1)
        #expect(!FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("damaged.tar").path))
    }

    /// `tick` takes several items, as its usage says: all of them, or (one refused) none.
    @Test func tickTakesSeveralItemsAllOrNone() throws {
        try startWaterLeak()
        #expect(try muster(["done", "wl", "report"], minute: 1, as: "bob").status == 0)
        #expect(try muster(["record", "wl", "leak_source=wall_or_window"], minute: 2, as: "alice").status == 0)
        #expect(try muster(["grade", "wl", "severe"], minute: 2, as: "alice").status == 0)
        #expect(try muster(["done", "wl", "assess"], minute: 3, as: "alice").status == 0)
        #expect(try muster(["done", "wl", "route_by_grade"], minute: 3.5, as: "alice").status == 0)
        #expect(try muster(["done", "wl", "tech_lead_leads"], minute: 4, as: "carol").status == 0)
        #expect(try muster(["approve", "wl", "activate"], minute: 4, as: "dana").status == 0)
        let refused = try muster(["tick", "wl", "resources", "own_staff", "nonsense"], minute: 5, as: "alice")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("'nonsense' is not an item of 'resources'"), "\(refused.stderr)")
        let ticked = try muster(["tick", "wl", "resources", "own_staff", "facilities"], minute: 5, as: "alice")
        #expect(ticked.status == 0, "\(ticked.stderr)")
        let log = try muster(["log", "wl"], minute: 5).stdout
        #expect(log.components(separatedBy: "checklist.item").count - 1 == 2, "\(log)")
    }

    /// A note holding a newline and a bidirectional override cannot forge a line of `log` nor reorder the
    /// terminal: one event is one line, and the controls show as escapes. A note holding an escape sequence is
    /// refused before it reaches the journal.
    @Test func aNoteCannotForgeALogLineOrReachTheTerminalRaw() throws {
        try startWaterLeak()
        let forged = "checking\n9     +00:00:01 2026-01-01 00:00:01Z  bob (on_site)  step.completed step=report\u{202E}gnp.exe"
        #expect(try muster(["note", "wl", forged], minute: 1, as: "alice").status == 0)
        let escape = try muster(["note", "wl", "title\u{1B}]0;OWNED\u{7}"], minute: 1, as: "alice")
        #expect(escape.status == 1)
        #expect(escape.stderr.contains("a note holds the control character U+001B"), "\(escape.stderr)")
        let log = try muster(["log", "wl"], minute: 1).stdout
        let lines = log.split(separator: "\n")
        #expect(lines.filter { $0.contains("step.completed") }.count == 1, "\(log)")
        #expect(lines.first { $0.contains("step.completed") }?.contains("note") == true)
        #expect(!log.contains("\u{1B}") && !log.contains("\u{202E}") && !log.contains("OWNED"))
        #expect(log.contains("checking\\u{A}9") && log.contains("\\u{202E}gnp.exe"), "\(log)")
    }

    @Test func contactDirectoriesAreCheckedLikePlaybooks() throws {
        #expect(try muster(["check", Fixtures.directory.appendingPathComponent("runs-basic/contacts.yaml").path]).status == 0)
        try directory.write("bad-contacts.yaml", Array("contacts: 1\npeople:\n  eve:\n    name: Eve\n    phone: 1\n".utf8))
        let bad = try muster(["check", "bad-contacts.yaml"])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("unknown key 'phone' in person 'eve'"))
        #expect(bad.stderr.contains("person 'eve' has no way to be reached"))
    }
}

/// Tests that need a few seconds of real time: the live `watch` and notification delivery.
@Suite(.serialized) struct RealTimeTests {
    let directory: TemporaryDirectory
    init() throws { directory = try TemporaryDirectory() }
    /// Commands in the directory of another test's runs.
    init(directory: TemporaryDirectory) { self.directory = directory }

    func start() throws {
        let playbook = Fixtures.directory.appendingPathComponent("runs-basic/quick.yaml").path
        let started = try MusterProcess.run(["start", playbook, "--run-id", "q", "--assign", "commander=alice"],
                                            in: directory.url)
        #expect(started.status == 0)
    }

    func script(_ name: String, _ body: String) throws -> String {
        let url = try directory.write(name, Array(("#!/bin/sh\n" + body + "\n").utf8))
        chmod(url.path, 0o755)
        return url.path
    }

    @Test func watchFiresDueTimersWithinOneSecondOfTheirInstant() throws {
        try start()
        let watch = try MusterProcess.run(["watch", "q", "--exit-after", "3s"], in: directory.url)
        #expect(watch.status == 0)
        let fired = watch.stdout.split(separator: "\n").filter { $0.contains("timer.fired") }
        #expect(fired.count == 2, "\(watch.stdout)")
        for line in fired {
            let lateness = line.split(separator: "(written ").last?.split(separator: " ").first.flatMap { Int($0) }
            #expect(lateness.map { $0 < 1000 } == true, "\(line)")
        }
    }

    /// A write that fails (here the journal's first fsync, as on a full or failing disk) does not end the watch:
    /// it says so once, keeps going, fires the timers on the next wake, and says when it recovered.
    @Test func watchRetriesAFailedWriteAndKeepsFiringTimers() throws {
        try start()
        let watch = try MusterProcess.run(["watch", "q", "--exit-after", "3s"], in: directory.url,
                                          environment: ["MUSTER_TEST_FAULT": "fsync:EIO"])
        #expect(watch.status == 0, "\(watch.stderr)")
        #expect(watch.stderr.contains("muster: watch: fsync failed on"), "\(watch.stderr)")
        #expect(watch.stderr.contains("retrying every second"), "\(watch.stderr)")
        #expect(watch.stderr.contains("muster: watch: recovered"), "\(watch.stderr)")
        #expect(watch.stdout.split(separator: "\n").filter { $0.contains("timer.fired") }.count == 2, "\(watch.stdout)")
        #expect(try MusterProcess.run(["verify", "q"], in: directory.url).status == 0)
    }

    @Test func notificationsRunAsArgvWithJSONOnStdinAndTheResultIsJournaled() throws {
        try start()
        let received = directory.url.appendingPathComponent("received.jsonl").path
        let notify = try script("notify.sh", "cat >> '\(received)'")
        let contacts = Fixtures.directory.appendingPathComponent("runs-basic/contacts.yaml").path
        let watch = try MusterProcess.run(["watch", "q", "--exit-after", "3s", "--notify-command", notify,
                                           "--contacts", contacts], in: directory.url)
        #expect(watch.status == 0)
        let lines = try String(contentsOfFile: received, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
        let first = try JSONValue.parse(String(lines[0]))
        #expect(first["to"]?["phone_24h"] == "+86 10 5555 0100")
        // The step title holds '$(touch INJECTED)': it travels as data, never through a shell.
        #expect(first["message"]?.stringValue?.contains("$(touch INJECTED)") == true)
        #expect(!FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("INJECTED").path))
        #expect(watch.stdout.contains("notification.sent id=n1 to=alice"))
    }

    /// On a terminal (here the pseudo-terminal of `script`), `watch` redraws the board with the latest
    /// notifications under it, each with whom it reached, in the wake that delivered them, in English and Chinese;
    /// `NO_COLOR` (the Chinese case) turns colour off, not the redrawing. Without a notifier, each notification
    /// says that nobody was told.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")),
          arguments: [("en", true), ("zh", true), ("en", false)])
    func onATerminalWatchShowsTheLatestNotificationsAndWhomTheyReached(language: String, notifier: Bool) throws {
        try start()
        let notify = try script("notify.sh", "cat > /dev/null")
        let contacts = Fixtures.directory.appendingPathComponent("runs-basic/contacts.yaml").path
        let delivery = notifier ? ["--notify-command", notify, "--contacts", contacts] : []
        let command = ([MusterProcess.binary.path, "watch", "q", "--exit-after", "3s"] + delivery
                       + ["--lang", language]).map { "'\($0)'" }.joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-q", "-e", "-c", command, "/dev/null"]
        process.currentDirectoryURL = directory.url
        var environment = ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "TERM": "xterm"]
        if language == "zh" { environment["NO_COLOR"] = "1" }
        process.environment = environment
        let output = directory.url.appendingPathComponent("terminal.txt")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let handle = try FileHandle(forWritingTo: output)
        process.standardOutput = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try handle.close()
        #expect(process.terminationStatus == 0)
        let screen = try String(contentsOf: output, encoding: .utf8)
        // The last redraw: after the last clear-screen sequence.
        let last = String(try #require(screen.components(separatedBy: "\u{1B}[2J").last))
        let (heading, sent) = language == "zh" ? ("通知（最近 2 条）:", "已送达: alice")
            : ("notifications (latest 2):", notifier ? "sent: alice"
                : "waiting for delivery: alice (no notifier here: a watch with --notify-command delivers it)")
        #expect(last.contains(heading), "\(last)")
        let lines = last.split(whereSeparator: \.isNewline).filter { $0.contains(" → ") }
        #expect(lines.count == 2, "\(last)")
        #expect(lines.allSatisfy { $0.contains(sent) }, "\(last)")
    }

    @Test func failingAndHangingNotifiersAreJournaledAndNeverBlockTheRun() throws {
        try start()
        let failing = try script("fail.sh", "exit 3")
        // A notifier that does not end by itself (a real program to be cut off, not a wait in the test).
        let hanging = try script("hang.sh", "sleep 30")
        let first = try MusterProcess.run(["watch", "q", "--exit-after", "2s", "--notify-command", failing],
                                          in: directory.url)
        #expect(first.stdout.contains("notification.failed id=n1 to=alice why=") && first.stdout.contains("status 3"))
        // A second run on an injected clock: the next command, 10 s later, fires both timers and notifies.
        let playbook = Fixtures.directory.appendingPathComponent("runs-basic/quick.yaml").path
        let t0 = "1767225600000"
        _ = try MusterProcess.run(["start", playbook, "--run-id", "q2", "--assign", "commander=alice"],
                                  in: directory.url, environment: ["MUSTER_NOW": t0])
        let clock = Date()
        let second = try MusterProcess.run(["note", "q2", "still", "going", "--as", "alice", "--notify-command", hanging,
                                            "--notify-timeout", "1s"], in: directory.url,
                                           environment: ["MUSTER_NOW": "1767225610000"])
        #expect(second.status == 0)
        #expect(Date().timeIntervalSince(clock) < 8)
        let log = try MusterProcess.run(["log", "q2"], in: directory.url)
        #expect(log.stdout.contains("notification.failed") && log.stdout.contains("timed out after 1s"), "\(log.stdout)")
        #expect(try MusterProcess.run(["verify", "q2"], in: directory.url).status == 0)
    }
}
