import Reporting
import Testing

struct InstantTextTests {
    /// 2026-12-06 08:30:00Z.
    static let faultAt: Int64 = 1_796_545_800_000

    @Test(arguments: [
        ("2026-12-06T08:30Z", faultAt),
        ("2026-12-06T08:30:15Z", faultAt + 15_000),
        ("2026-12-06T16:30+08:00", faultAt),
        ("2026-12-06T05:00-03:30", faultAt),
        ("25m ago", faultAt + 3_600_000 - 1_500_000),
    ])
    func anInstantIsReadInUTCOrWithItsOffsetOrAsALengthBeforeNow(text: String, instant: Int64) {
        #expect(InstantText.parse(text, now: Self.faultAt + 3_600_000) == instant)
    }

    @Test(arguments: [
        "2026-12-06", "2026-12-06T08:30", "2026-12-06T24:00Z", "2026-12-06T08:60Z", "2026-12-06T08:30:60Z",
        "2026-02-30T08:30Z", "2026-12-06T08:30+15:00", "2026-12-06T08:30+8", "25 minutes ago", "08:30Z",
    ])
    func textThatNamesNoInstantIsNone(text: String) {
        #expect(InstantText.parse(text, now: Self.faultAt) == nil)
    }

    @Test func runIDsCarryTheInstantWithoutSeparators() {
        #expect(InstantText.compact(Self.faultAt + 15_000) == "20261206-083015")
    }
}
