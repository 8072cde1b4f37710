#if canImport(Glibc)
    import Glibc
#endif
import Foundation
import JSONText
import Testing

/// Every escalation reaches a person: whoever next holds a notifier delivers what is pending, a closed stdout
/// does not stop a command before it delivers, a notifier that does not read its stdin cannot hang a command,
/// and the runs directory's `notify.yaml` configures it once, safely.
struct DeliveryTests {
    static let t0: Int64 = 1_767_225_600_000  // 2026-01-01 00:00:00Z

    let directory: TemporaryDirectory
    init() throws { directory = try TemporaryDirectory() }

    var received: String { directory.url.appendingPathComponent("received.jsonl").path }

    func muster(_ arguments: [String], second: Int64, environment: [String: String] = [:]) throws
        -> MusterProcess.Result
    {
        try MusterProcess.run(arguments, in: directory.url,
                              environment: environment.merging(["MUSTER_NOW": String(Self.t0 + second * 1000)]) { $1 })
    }

    func script(_ name: String, _ body: String) throws -> String {
        let url = try directory.write(name, Array(("#!/bin/sh\n" + body + "\n").utf8))
        chmod(url.path, 0o755)
        return url.path
    }

    func start(_ playbook: String = Fixtures.directory.appendingPathComponent("runs-basic/quick.yaml").path) throws {
        let started = try muster(["start", playbook, "--run-id", "q", "--assign", "commander=alice"], second: 0)
        #expect(started.status == 0, "\(started.stderr)")
    }

    func deliveries() throws -> [JSONValue] {
        guard let text = try? String(contentsOfFile: received, encoding: .utf8) else { return [] }
        return try text.split(separator: "\n").map { try JSONValue.parse(String($0)) }
    }

    func log() throws -> String { try muster(["log", "q"], second: 100).stdout }

    /// The review's BUG 1: the timers fire in a `status` run without a notifier; the next command with one (here a
    /// watch) delivers both, and the journal records them sent.
    @Test func aNotificationFiredWithoutANotifierIsDeliveredByTheNextOneWithOne() throws {
        try start()
        let notify = try script("notify.sh", "cat >> '\(received)'")
        let status = try muster(["status", "q"], second: 3)
        #expect(status.stdout.contains("waiting for delivery: alice"), "\(status.stdout)")
        let noted = try muster(["note", "q", "looking", "--as", "alice"], second: 4)
        #expect(noted.stderr.contains("2 notifications waiting for delivery; no notifier is configured here"))
        #expect(try deliveries().isEmpty)
        let later = try muster(["status", "q", "--notify-command", notify], second: 80)
        #expect(later.status == 0)
        let sent = try deliveries()
        #expect(sent.count == 2)
        #expect(Set(sent.compactMap { $0["key"]?.stringValue }).count == 2)
        #expect(try log().components(separatedBy: "notification.sent").count - 1 == 2)
        // Delivered once: the next command with a notifier has nothing left to send.
        _ = try muster(["status", "q", "--notify-command", notify], second: 90)
        #expect(try deliveries().count == 2)
        // Before it was delivered, the board said it had waited too long.
        #expect(try muster(["status", "q"], second: 3).status == 0)
    }

    /// A notifier that fails is tried again later, with the same key, until it works.
    @Test func aFailedDeliveryIsRetriedWithTheSameKey() throws {
        try start()
        let flaky = try script("flaky.sh", """
            cat >> '\(received)'
            [ -f '\(directory.url.path)/works' ] || exit 7
            """)
        _ = try muster(["status", "q", "--notify-command", flaky], second: 3)
        let board = try muster(["status", "q"], second: 4).stdout
        #expect(board.contains("retrying: alice (attempt 1 failed: '\(flaky)' exited with status 7; next try in"),
                "\(board)")
        // Within the backoff nothing is tried again.
        _ = try muster(["status", "q", "--notify-command", flaky], second: 5)
        #expect(try deliveries().count == 2)
        _ = FileManager.default.createFile(atPath: directory.url.appendingPathComponent("works").path, contents: nil)
        _ = try muster(["status", "q", "--notify-command", flaky], second: 20)
        let attempts = try deliveries()
        #expect(attempts.count == 4)
        #expect(attempts[2]["key"] == attempts[0]["key"])
        #expect(attempts[2]["attempt"] == 2)
        let log = try log()
        #expect(log.contains("failed this time") == false)  // the log prints the journal's data, not prose
        #expect(log.components(separatedBy: "notification.sent").count - 1 == 2, "\(log)")
        #expect(log.contains("final=false"))
    }

    /// The review's BUG 1 (variant): a closed stdout neither fails the action nor keeps it from delivering.
    @Test func aClosedStdoutIsNoFailureAndDeliveryStillHappens() throws {
        try start()
        let notify = try script("notify.sh", "cat >> '\(received)'")
        // Its stdout is a pipe whose reader is gone before it starts: every write to it fails, whenever it comes.
        let closed = Pipe()
        try closed.fileHandleForReading.close()
        let process = Process()
        process.executableURL = MusterProcess.binary
        process.arguments = ["note", "q", "x", "--as", "alice", "--notify-command", notify]
        process.currentDirectoryURL = directory.url
        process.environment = ["MUSTER_NOW": String(Self.t0 + 3_000), "PATH": "/usr/bin:/bin"]
        process.standardOutput = closed.fileHandleForWriting
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        try closed.fileHandleForWriting.close()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0, "\(stderr)")
        #expect(try deliveries().count == 2)
    }

    /// The review's BUG 4: a message larger than a pipe holds, to a notifier that never reads it, is cut off at
    /// the timeout like any hang, the process group killed, and the attempt journaled.
    @Test func aHugeMessageToANotifierThatNeverReadsTimesOutAsConfigured() throws {
        let quick = try String(contentsOf: Fixtures.directory.appendingPathComponent("runs-basic/quick.yaml"),
                               encoding: .utf8)
        let big = quick.replacingOccurrences(of: "title: { en: \"Act $(touch INJECTED)\", zh: 行动 }",
                                             with: "title: { en: \"Act \(String(repeating: "X", count: 1_000_000))\", zh: 行动 }")
        #expect(big != quick)
        let playbook = try directory.write("big.yaml", Array(big.utf8))
        try start(playbook.path)
        let pids = directory.url.appendingPathComponent("pids").path
        // A notifier that never reads and does not end by itself (a real program to be cut off, not a wait).
        let hang = try script("hang.sh", "echo $$ >> '\(pids)'\nexec sleep 1000")
        let begin = Date()
        let noted = try muster(["note", "q", "x", "--as", "alice", "--notify-command", hang, "--notify-timeout", "1s"],
                               second: 3)
        #expect(noted.status == 0)
        #expect(Date().timeIntervalSince(begin) < 6)
        #expect(try log().contains("timed out after 1s"))
        for pid in try String(contentsOfFile: pids, encoding: .utf8).split(separator: "\n").compactMap({ Int32($0) }) {
            #expect(kill(pid, 0) != 0, "notifier \(pid) still running")
        }
    }

    /// `notify.yaml` in the runs directory: every command delivers without flags or environment; a file others
    /// could write is refused (and the action still happens); a malformed one is a located diagnostic.
    @Test func theRunsDirectorysConfigurationIsUsedOnlyWhenItIsSafe() throws {
        try start()
        let notify = try script("notify.sh", "cat >> '\(received)'")
        let configuration = try directory.write("runs/notify.yaml", Array("""
            notify: 1
            command: ['\(notify)']
            timeout: 5s
            """.utf8))
        chmod(configuration.path, 0o644)
        #expect(try MusterProcess.run(["check", configuration.path], in: directory.url).status == 0)
        let noted = try muster(["note", "q", "x", "--as", "alice"], second: 3)
        #expect(noted.status == 0, "\(noted.stderr)")
        #expect(try deliveries().count == 2)

        chmod(configuration.path, 0o664)
        let unsafe = try muster(["note", "q", "y", "--as", "alice"], second: 4)
        #expect(unsafe.status == 0, "the action happens whatever the notifier")
        #expect(unsafe.stderr.contains("can be written by others than its owner (mode 664)"), "\(unsafe.stderr)")
        let watch = try muster(["watch", "q", "--exit-after", "1s"], second: 4)
        #expect(watch.status == 1)

        try Data("notify: 1\ncomand: [x]\n".utf8).write(to: configuration)
        chmod(configuration.path, 0o644)
        let checked = try MusterProcess.run(["check", configuration.path], in: directory.url)
        #expect(checked.status == 1)
        #expect(checked.stderr.contains("notify.yaml:2:1: error: unknown key 'comand' in the notifier configuration; "
            + "did you mean 'command'?"), "\(checked.stderr)")
        let malformed = try muster(["note", "q", "z", "--as", "alice"], second: 5)
        #expect(malformed.status == 0)
        #expect(malformed.stderr.contains("notify.yaml:2:1: error: unknown key 'comand'"), "\(malformed.stderr)")
    }

    /// The syslog channel: one RFC 5424 datagram per delivery, with the run, the notification and its key as
    /// structured data, and the message in the language of the command that delivers it, naming the step by its
    /// title.
    @Test func theSyslogChannelSendsAnRFC5424Datagram() throws {
        try start()
        let socketPath = directory.url.appendingPathComponent("log.sock").path
        let listener = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        #expect(listener >= 0)
        defer { close(listener) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in socketPath.utf8.enumerated() { raw[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(listener, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        #expect(bound == 0)
        let configuration = try directory.write("runs/notify.yaml", Array("""
            notify: 1
            syslog: { socket: '\(socketPath)' }
            """.utf8))
        chmod(configuration.path, 0o600)
        #expect(try muster(["note", "q", "x", "--as", "alice", "--lang", "zh"], second: 3).status == 0)
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let got = recv(listener, &buffer, buffer.count, Int32(MSG_DONTWAIT))
        #expect(got > 0)
        let message = String(decoding: buffer.prefix(max(0, got)), as: UTF8.self)
        #expect(message.hasPrefix("<10>1 20") && message.split(separator: " ")[1].hasSuffix("Z"), "\(message)")
        #expect(message.contains(" muster ") && message.contains(" notification [muster@32473 run=\"q\" id=\"n1\" key=\"q/"),
                "\(message)")
        #expect(message.contains("to=\"alice\""), "\(message)")
        #expect(message.hasSuffix("步骤「行动」已过 1秒 仍未完成"), "\(message)")
        #expect(try log().contains("notification.sent"))
    }

    /// One's own work: the steps one's roles own with the time left, the pages to one, in both languages.
    @Test func theInboxShowsAPersonsWorkOnEveryLiveRun() throws {
        try start()
        let inbox = try muster(["inbox", "--as", "alice", "--tz", "UTC"], second: 3)
        #expect(inbox.status == 0, "\(inbox.stderr)")
        #expect(inbox.stdout.contains("alice's work on q"), "\(inbox.stdout)")
        #expect(inbox.stdout.contains("do act"), "\(inbox.stdout)")
        #expect(inbox.stdout.contains("overdue by 1s"), "\(inbox.stdout)")
        #expect(inbox.stdout.contains("! 2026-01-01 00:00:01 +00:00 n1 [pending]"), "\(inbox.stdout)")
        let chinese = try muster(["inbox", "--as", "alice", "--lang", "zh"], second: 3)
        #expect(chinese.stdout.contains("alice 在运行 q"), "\(chinese.stdout)")
        #expect(chinese.stdout.contains("已逾期 1秒"), "\(chinese.stdout)")
        let json = try JSONValue.parse(try muster(["inbox", "--as", "alice", "--format", "json"], second: 3).stdout)
        #expect(json.arrayValue?.first?["steps"]?.arrayValue?.first?["step"] == "act")
        #expect(try muster(["inbox", "--as", "nobody"], second: 3).stdout.contains("nobody holds no role on any live run"))
    }

    /// A page is acknowledged by its recipient (journaled); a page nobody acknowledges is sent again after the
    /// configured interval, a bounded number of times, with the same key.
    @Test func anUnacknowledgedPageIsSentAgainUntilAcknowledged() throws {
        try start()
        let notify = try script("notify.sh", "cat >> '\(received)'")
        let configuration = try directory.write("runs/notify.yaml", Array("""
            notify: 1
            command: ['\(notify)']
            resend: { after: 1m, times: 2 }
            """.utf8))
        chmod(configuration.path, 0o600)
        _ = try muster(["status", "q"], second: 3)
        #expect(try deliveries().count == 2)
        _ = try muster(["status", "q"], second: 30)
        #expect(try deliveries().count == 2, "not yet: the interval has not passed")
        #expect(try muster(["received", "q", "n2", "--as", "alice"], second: 40).status == 0)
        _ = try muster(["status", "q"], second: 70)
        var sent = try deliveries()
        #expect(sent.count == 3)
        #expect(sent[2]["id"] == "n1" && sent[2]["key"] == sent[0]["key"])
        _ = try muster(["status", "q"], second: 140)
        _ = try muster(["status", "q"], second: 210)
        sent = try deliveries()
        #expect(sent.count == 4, "sent once and again twice: \(sent.count)")
        #expect(try log().contains("notification.acknowledged"))
        let wrong = try muster(["received", "q", "n9", "--as", "alice"], second: 220)
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("no notification 'n9' was sent to alice"))
    }

    @Test func aTestMessageSaysWhetherPagesReachAPerson() throws {
        let notify = try script("notify.sh", "cat >> '\(received)'")
        let sent = try muster(["notify", "--test", "alice", "--notify-command", notify], second: 0)
        #expect(sent.status == 0, "\(sent.stderr)")
        #expect(sent.stdout == "sent to alice\n")
        #expect(try deliveries().first?["message"]?.stringValue?.contains("test message") == true)
        let failing = try script("fail.sh", "exit 4")
        let failed = try muster(["notify", "--test", "alice", "--notify-command", failing], second: 0)
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("could not reach alice: '\(failing)' exited with status 4"), "\(failed.stderr)")
        let none = try muster(["notify", "--test", "alice"], second: 0)
        #expect(none.status == 1)
        #expect(none.stderr.contains("no notifier is configured"))
    }

    /// `watch --all` follows every live run, new ones included, and delivers for all of them.
    @Test func watchAllDeliversForEveryLiveRun() throws {
        try start()
        let playbook = Fixtures.directory.appendingPathComponent("runs-basic/quick.yaml").path
        #expect(try muster(["start", playbook, "--run-id", "other", "--assign", "commander=alice"], second: 0).status == 0)
        let notify = try script("notify.sh", "cat >> '\(received)'")
        let watch = try muster(["watch", "--all", "--notify-command", notify, "--exit-after", "1s"], second: 3)
        #expect(watch.status == 0, "\(watch.stderr)")
        #expect(watch.stdout.contains("q ") && watch.stdout.contains("other "), "\(watch.stdout)")
        let runs = Set(try deliveries().compactMap { $0["run"]?.stringValue })
        #expect(runs == ["q", "other"])
        #expect(try deliveries().count == 4)
    }

    /// Notifiers that misbehave: the delivery's result is what the notifier did, in bounded time, and nothing
    /// lingers or blocks.
    @Test(arguments: [
        ("floods its stdout", "head -c 20000000 /dev/zero; cat > /dev/null", true, ""),
        ("leaves a child holding its pipes", "(sleep 30 &); cat > /dev/null", true, ""),
        ("exits non-zero", "exit 9", false, "exited with status 9"),
        ("is missing", "", false, "cannot run"),
        ("is not executable", "-", false, "cannot run"),
    ])
    func aMisbehavingNotifierGivesAResultInBoundedTime(_ name: String, _ body: String, _ delivered: Bool,
                                                       _ why: String) throws {
        var command = directory.url.appendingPathComponent("absent.sh").path
        if body == "-" {
            command = try directory.write("plain.sh", Array("#!/bin/sh\nexit 0\n".utf8)).path
        } else if !body.isEmpty {
            command = try script("notify.sh", body)
        }
        let begin = Date()
        let result = try muster(["notify", "--test", "alice", "--notify-command", command, "--notify-timeout", "5s"],
                                second: 0)
        #expect(Date().timeIntervalSince(begin) < 5, "\(name)")
        #expect(result.status == (delivered ? 0 : 1), "\(name): \(result.stderr)")
        if !why.isEmpty { #expect(result.stderr.contains(why), "\(name): \(result.stderr)") }
    }
}

