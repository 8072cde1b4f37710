import Foundation
import JSONText
import Testing

/// An action reported by phone is recorded for its doer (`--for PERSON`): judged as the doer's, journaled with
/// the recorder beside the doer, and shown in `log` and the report.
struct RecordedForOthersTests {
    let runs: RunCommandTests
    init() throws { runs = RunCommandTests(directory: try TemporaryDirectory()) }

    @Test func anActionReportedByPhoneIsTheDoersAndNamesItsRecorder() throws {
        try runs.startWaterLeak()
        // bob, on site, phones alice: he has taken the report step.
        let acknowledged = try runs.muster(["ack", "wl", "report", "--for", "bob"], minute: 1, as: "alice")
        #expect(acknowledged.status == 0, "\(acknowledged.stderr)")
        let log = try runs.muster(["log", "wl"], minute: 1).stdout
        #expect(log.split(separator: "\n").contains { $0.contains("bob (on_site), recorded by alice") && $0.contains("step.acknowledged") },
                "\(log)")
        let json = try JSONValue.parse(try runs.muster(["log", "wl", "--format", "json"], minute: 1).stdout)
        let line = try #require(json.arrayValue?.first { $0["type"]?.stringValue == "step.acknowledged" })
        #expect(line["recorded_by"]?.stringValue == "alice")
        #expect(line["actor"]?["person"]?.stringValue == "bob")
        let report = try JSONValue.parse(try runs.muster(["report", "wl", "--format", "json"], minute: 1).stdout)
        let recorded = try #require(report["recorded_for_others"]?.arrayValue)
        #expect(recorded.count == 1)
        #expect(recorded.first?["doer"]?.stringValue == "bob" && recorded.first?["recorder"]?.stringValue == "alice")
        #expect(try runs.muster(["verify", "wl"], minute: 1).status == 0)
    }

    @Test func theDoerMustBeEntitledAndTheRecorderOnTheRun() throws {
        try runs.startWaterLeak()
        // The step is bob's: recording it for carol is judged as carol's, who does not hold on_site.
        let wrongDoer = try runs.muster(["ack", "wl", "report", "--for", "carol"], minute: 1, as: "alice")
        #expect(wrongDoer.status == 1)
        let stranger = try runs.muster(["ack", "wl", "report", "--for", "bob"], minute: 1, as: "mallory")
        #expect(stranger.status == 1)
        #expect(stranger.stderr.contains("mallory holds no role on this run"), "\(stranger.stderr)")
        let log = try runs.muster(["log", "wl"], minute: 1).stdout
        #expect(log.split(separator: "\n").filter { $0.contains("command.rejected") }.count == 2, "\(log)")
    }
}
