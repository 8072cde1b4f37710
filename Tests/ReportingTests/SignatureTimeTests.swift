import Reporting
import RunEngine
import Testing

/// A signature is dated when it was really given: in a drill on its own clock, the wall clock's instant the line
/// carries beside the drill's (the review's B17), not the drill's virtual instant.
struct SignatureTimeTests {
    @Test func aSignOffOnADrillIsDatedByTheWallClock() throws {
        var run = ReportRun.cooling(signed: true)
        let index = try #require(run.events.lastIndex { if case .reportSigned = $0.kind { true } else { false } })
        let realSigning = ReportRun.t0 + 340 * 86_400_000
        run.events[index].realAt = realSigning
        let report = run.report()
        #expect(report.signatures.map(\.at) == [realSigning])
    }

    @Test func aSignOffOnALiveRunIsDatedByItsOwnInstant() {
        let report = ReportRun.cooling(signed: true).report()
        #expect(report.signatures.map(\.at) == [ReportRun.instant(85)])
    }
}
