import Foundation
import Hashing
import JSONText
import Journaling
import PlaybookLanguage
import RunEngine
import Runs
import Testing

/// The application layer in-process: a run made in a directory of its own, commands performed and refused under
/// the journal's lock, pending notifications delivered at least once with one key.
struct RunsTests {
    static let t0: Int64 = 1_767_225_600_000  // 2026-01-01 00:00:00Z

    static let playbook = """
        muster: 1
        id: tiny
        version: 1.0.0
        title: { en: Tiny, zh: 小 }
        roles:
          commander: { title: { en: Commander, zh: 总指挥 } }
        severity:
          high: { title: { en: High, zh: 高 } }
        start: act
        steps:
          act:
            title: { en: Act, zh: 行动 }
            owner: commander
            done_within: 10m
            escalate:
              - { after: 1s, notify: [commander] }
            next: outcome.done
        outcomes:
          done: { kind: success, title: { en: Done, zh: 完成 } }

        """

    /// A fresh runs directory holding run `r` of the tiny playbook, started at `t0` with alice in command.
    static func startedRun() throws -> RunsDirectory {
        let name = "runs-tests-" + UUID().uuidString
        let base = FileManager.default.temporaryDirectory.appendingPathComponent(name)
        let runs = RunsDirectory(path: base.path)
        try runs.ensureExists()
        let bytes = Array(playbook.utf8)
        let decoded = try #require(PlaybookChecker.check(bytes, file: "playbook.yaml").playbook)
        let start = RunStart(playbookID: decoded.id, version: decoded.version, playbookHash: SHA256.hash(bytes).hex,
                             mode: .live, virtualClock: false, severity: nil, assignments: ["commander": "alice"])
        try Journal.create(directory: try runs.runPath("r"), playbook: bytes,
                           events: Engine(playbook: decoded).start(start, at: t0))
        return runs
    }

    static func remove(_ runs: RunsDirectory) {
        try? FileManager.default.removeItem(atPath: runs.path)
    }

    @Test func aRunMadeInADirectoryIsReadBackAndListed() throws {
        let runs = try Self.startedRun()
        defer { Self.remove(runs) }
        #expect(runs.runIDs() == ["r"])
        let read = try RunSession("r", in: runs, now: Self.t0).read()
        #expect(read.playbook.id == "tiny")
        #expect(read.state.isLive && read.state.activeOrder == ["act"])
        #expect(read.tornBytes == 0)
    }

    @Test func aRunIDThatIsNotOneIsAUsageFailureInBothLanguages() throws {
        let runs = RunsDirectory(path: "unused")
        #expect(throws: RunFailure.self) { try runs.runPath("../etc") }
        do {
            _ = try RunSession("missing", in: runs, now: Self.t0).read()
            Issue.record("a missing run was read")
        } catch {
            #expect(!error.isUsage)
            #expect(error.message == "no run 'missing' (see 'muster runs')")
            #expect(error.text(.zh) == "没有运行 'missing'（见 'muster runs'）")
        }
        do {
            _ = try runs.runPath("../etc")
        } catch {
            #expect(error.isUsage)
        }
    }

    @Test func aRefusedCommandIsJournaledAndTheTimersThatFellDueFirst() throws {
        let runs = try Self.startedRun()
        defer { Self.remove(runs) }
        let session = try RunSession("r", in: runs, now: Self.t0 + 5_000)
        let outcome = try session.perform(Command(person: "alice", kind: .done(step: "nowhere", items: [])))
        let rejection = try #require(outcome.rejection)
        #expect(rejection.code == .stepUndefined && rejection.text("step") == "nowhere")
        // The escalation that fell due at 1s comes before the refusal, which is the last line.
        #expect(outcome.appended.count >= 2)
        let read = try session.read()
        #expect(read.contents.lines.count == outcome.firstSeq + outcome.appended.count - 1)
        #expect(read.contents.events.last == outcome.appended.last)
        #expect(outcome.head == read.contents.head)
        #expect(read.state.outbox.pending.count == 1)
    }

    @Test func aPendingNotificationIsDeliveredWithTheSameKeyOnRetry() throws {
        let runs = try Self.startedRun()
        defer { Self.remove(runs) }
        let received = runs.path + "/received.jsonl"
        let unblock = runs.path + "/deliverable"
        let script = runs.path + "/notify.sh"
        // Every attempt is recorded; it succeeds only once `deliverable` exists.
        let body = "#!/bin/sh\ncat >> '\(received)'\ntest -e '\(unblock)'\n"
        #expect(FileManager.default.createFile(atPath: script, contents: Data(body.utf8),
                                               attributes: [.posixPermissions: 0o755]))
        let notifier = Notifier(argv: [script], contacts: nil, timeout: 10)

        let first = try RunSession("r", in: runs, now: Self.t0 + 2_000)
        let outcome = try first.perform(nil)
        #expect(outcome.state.outbox.pending.count == 1)
        #expect(try first.deliverPending(outcome.state, with: notifier) { Self.t0 + 2_000 } == 1)
        let failed = try first.read().state
        #expect(failed.outbox.pending.count == 1 && failed.outbox.deliveries.first?.attempts == 1)
        // Not due again before its backoff.
        #expect(try first.deliverPending(failed, with: notifier) { Self.t0 + 3_000 } == 0)

        #expect(FileManager.default.createFile(atPath: unblock, contents: nil))
        let later = Self.t0 + 2_000 + Outbox.backoff(afterAttempts: 1)
        let second = try RunSession("r", in: runs, now: later)
        #expect(try second.deliverPending(second.read().state, with: notifier) { later } == 1)
        let delivered = try second.read().state
        #expect(delivered.outbox.pending.isEmpty)
        #expect(delivered.outbox.deliveries.first?.status == .sent(at: later))

        let text = try String(contentsOfFile: received, encoding: .utf8)
        let payloads = try text.split(separator: "\n").map { try JSONValue.parse(String($0)) }
        #expect(payloads.count == 2)
        let key = try #require(outcome.state.outbox.deliveries.first?.idempotencyKey(runID: "r"))
        #expect(key.hasSuffix("/alice"))
        #expect(payloads.map { $0["key"]?.stringValue } == [key, key])
        #expect(payloads.map { $0["attempt"] } == [.integer(1), .integer(2)])
    }
}
