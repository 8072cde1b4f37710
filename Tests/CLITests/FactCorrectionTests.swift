import Foundation
import JSONText
import Testing

/// A fact recorded wrongly is corrected with a reason: the old value stays in the journal beside the new one, the
/// report shows both, and only the commander or the owner of a step that records it may.
struct FactCorrectionTests {
    let runs: RunCommandTests
    init() throws { runs = RunCommandTests(directory: try TemporaryDirectory()) }

    @Test func aCorrectionKeepsTheOldValueAndNamesItsReason() throws {
        try runs.startWaterLeak()
        #expect(try runs.muster(["done", "wl", "report"], minute: 1, as: "bob").status == 0)
        #expect(try runs.muster(["record", "wl", "leak_source=wall_or_window"], minute: 2, as: "alice").status == 0)
        let noReason = try runs.muster(["correct", "wl", "leak_source=air_conditioning"], minute: 3, as: "alice")
        #expect(noReason.status == 2)
        let notOwner = try runs.muster(["correct", "wl", "leak_source=air_conditioning", "--why", "misread"], minute: 3, as: "bob")
        #expect(notOwner.status == 1)
        #expect(notOwner.stderr.contains("may correct it"), "\(notOwner.stderr)")
        let corrected = try runs.muster(["correct", "wl", "leak_source=air_conditioning", "--why", "the wall was dry; the air conditioner leaks"],
                                        minute: 4, as: "alice")
        #expect(corrected.status == 0, "\(corrected.stderr)")
        let log = try JSONValue.parse(try runs.muster(["log", "wl", "--format", "json"], minute: 4).stdout)
        let line = try #require(log.arrayValue?.first { $0["type"]?.stringValue == "fact.corrected" })
        #expect(line["data"]?["from"]?["choice"]?.stringValue == "wall_or_window")
        #expect(line["data"]?["to"]?["choice"]?.stringValue == "air_conditioning")
        #expect(line["data"]?["why"]?.stringValue == "the wall was dry; the air conditioner leaks")
        let status = try runs.muster(["status", "wl"], minute: 4).stdout
        #expect(status.contains("leak_source=Air conditioning"), "\(status)")
        let report = try runs.muster(["report", "wl", "--format", "md"], minute: 4).stdout
        #expect(report.contains("Air conditioning ← Wall or window: the wall was dry; the air conditioner leaks"), "\(report)")
        #expect(try runs.muster(["verify", "wl"], minute: 4).status == 0)
    }

    @Test func aFactNotRecordedYetIsRecordedNotCorrected() throws {
        try runs.startWaterLeak()
        let early = try runs.muster(["correct", "wl", "leak_source=air_conditioning", "--why", "x"], minute: 1, as: "alice")
        #expect(early.status == 1)
        #expect(early.stderr.contains("has not been recorded yet"), "\(early.stderr)")
    }
}
