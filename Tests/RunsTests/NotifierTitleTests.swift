import Foundation
import JSONText
import Runs
import Testing

/// What `--notify-command` reads: messages for the person paged, with titles; machine fields with ids.
struct NotifierTitleTests {
    static let t0 = RunsTests.t0

    /// The person paged reads the step by its title, in English and in Chinese; `step` and `roles` keep the ids.
    @Test func theMessageThePersonPagedReadsNamesTheStepByItsTitle() throws {
        let runs = try RunsTests.startedRun()
        defer { RunsTests.remove(runs) }
        let received = runs.path + "/received.jsonl"
        let script = runs.path + "/notify.sh"
        #expect(FileManager.default.createFile(atPath: script, contents: Data("#!/bin/sh\ncat >> '\(received)'\n".utf8),
                                               attributes: [.posixPermissions: 0o755]))
        let notifier = Notifier(argv: [script], contacts: nil, timeout: 10)
        let session = try RunSession("r", in: runs, now: Self.t0 + 2_000)
        let outcome = try session.perform(nil)
        #expect(try session.deliverPending(outcome.state, with: notifier) { Self.t0 + 2_000 } == 1)
        let payload = try JSONValue.parse(try String(contentsOfFile: received, encoding: .utf8))
        #expect(payload["message"]?.stringValue == "step 'Act' is not done after 1s")
        #expect(payload["message_zh"]?.stringValue == "步骤「行动」已过 1秒 仍未完成")
        #expect(payload["step"]?.stringValue == "act")
        #expect(payload["roles"]?.arrayValue?.compactMap(\.stringValue) == ["commander"])
    }
}
