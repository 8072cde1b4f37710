import Foundation
import Testing

/// `muster export` takes the runs linked to a run (`continue_in`) along, and `verify --bundle` verifies them and
/// follows the links inside the archive, naming a linked run the archive lacks.
struct LinkedRunBundleTests {
    static let t0: Int64 = 1_767_225_600_000  // 2026-01-01 00:00:00Z

    let directory: TemporaryDirectory
    init() throws { directory = try TemporaryDirectory() }

    func muster(_ arguments: [String]) throws -> MusterProcess.Result {
        try MusterProcess.run(arguments, in: directory.url, environment: [
            "MUSTER_PLAYBOOKS": Fixtures.repository.appendingPathComponent("Playbooks").path,
            "MUSTER_NOW": String(Self.t0), "MUSTER_AS": "alice",
        ])
    }

    func handOver() throws {
        let played = try muster(["drill", "run", "aircon-all-units-down", "--run-id", "a"])
        try #require(played.status == 0, "\(played.stderr)")
    }

    @Test func theArchiveHoldsBothRunsAndVerifyFollowsTheLinkInside() throws {
        try handOver()
        for (run, other, direction) in [("a", "a-power-loss", "continued in run"), ("a-power-loss", "a", "continues run")] {
            let exported = try muster(["export", run, "--out", "\(run).tar"])
            #expect(exported.status == 0, "\(exported.stderr)")
            #expect(exported.stderr.contains("with its linked runs: \(other)"), "\(exported.stderr)")
            // Verified where the runs directory is gone: the archive alone.
            try FileManager.default.moveItem(at: directory.url.appendingPathComponent("runs"),
                                             to: directory.url.appendingPathComponent("kept"))
            defer { try? FileManager.default.moveItem(at: directory.url.appendingPathComponent("kept"),
                                                      to: directory.url.appendingPathComponent("runs")) }
            let verified = try muster(["verify", "--bundle", "\(run).tar"])
            #expect(verified.status == 0, "\(verified.stderr)")
            #expect(verified.stdout.contains("link: \(direction) \(other)"), "\(verified.stdout)")
            #expect(verified.stdout.contains("first line matches, and it points back"), "\(verified.stdout)")
        }
    }

    @Test func aLinkedRunMissingFromTheArchiveIsNamed() throws {
        try handOver()
        let runs = directory.url.appendingPathComponent("runs")
        try FileManager.default.moveItem(at: runs.appendingPathComponent("a-power-loss"),
                                         to: directory.url.appendingPathComponent("elsewhere"))
        let exported = try muster(["export", "a", "--out", "a.tar"])
        #expect(exported.status == 0, "\(exported.stderr)")
        #expect(exported.stderr.contains("the linked run a-power-loss is not in the archive"), "\(exported.stderr)")
        let verified = try muster(["verify", "--bundle", "a.tar"])
        #expect(verified.status == 1)
        #expect(verified.stderr.contains(
            "verify failed: continued in run a-power-loss (power-loss): not in this archive"), "\(verified.stderr)")
        let chinese = try muster(["verify", "--bundle", "a.tar", "--lang", "zh"])
        #expect(chinese.stderr.contains("转入运行 a-power-loss（power-loss）：不在本归档中"), "\(chinese.stderr)")
    }

    @Test func aLinkedRunDamagedInTheArchiveIsCaught() throws {
        try handOver()
        try #require(try muster(["export", "a", "--out", "a.tar"]).status == 0)
        let path = directory.url.appendingPathComponent("a.tar")
        var bytes = [UInt8](try Data(contentsOf: path))
        // The last mention of the fact is the linked run's own record of it, in its journal.
        let word = Array("outage_kind".utf8)
        let at = try #require(stride(from: bytes.count - word.count, through: 0, by: -1).first {
            Array(bytes[$0..<$0 + word.count]) == word
        })
        bytes[at + word.count - 1] = UInt8(ascii: "x")
        try Data(bytes).write(to: path)
        let verified = try muster(["verify", "--bundle", "a.tar"])
        #expect(verified.status == 1)
        #expect(verified.stderr.contains("a-power-loss (power-loss): its journal in this archive is damaged: line 2"),
                "\(verified.stderr)")
        #expect(!verified.stderr.contains("no link of run"), "\(verified.stderr)")
    }
}
