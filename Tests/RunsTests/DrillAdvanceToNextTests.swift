import Foundation
import Runs
import Testing

/// `drill advance --to-next` stops at the next instant at which anything falls due, never beyond it.
struct DrillAdvanceToNextTests {
    /// Played with nobody acting, every move of `--to-next` journals what falls due where it starts (the timers
    /// of that instant, as the clock leaves it) and where it stops, and nothing at an instant in between.
    @Test(arguments: DrillByHandTests.scenarios)
    func toNextNeverPassesAnInstantAtWhichSomethingFallsDue(_ id: String) throws {
        let loaded = try DrillByHandTests.load(id)
        let runs = try DrillByHandTests.runsDirectory()
        defer { try? FileManager.default.removeItem(atPath: runs.path) }
        let session = try DrillByHandTests.start(loaded, in: runs)
        for _ in 0..<200 {
            let before = try session.read().state
            if before.closed || before.lastEventAt > loaded.scenario.startsAt + 86_400_000 { break }
            guard let advance = try? session.advanceDrillClock(by: nil, limit: 10_000) else { break }
            let target = before.lastEventAt + advance.moved
            let between = advance.appended.filter { $0.at != before.lastEventAt && $0.at != target }
            #expect(between.isEmpty, "from \(before.lastEventAt) to \(target): \(between.map(\.kind))")
            if !between.isEmpty { break }
        }
    }
}
