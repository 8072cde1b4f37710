import Reporting
import Testing

/// The one formatter of instants and spans that reports and boards share.
struct TimeTextTests {
    @Test(arguments: [
        (Int64(0), "1970-01-01 00:00:00Z"),
        (1_700_000_000_999, "2023-11-14 22:13:20Z"),
        (1_709_164_800_000, "2024-02-29 00:00:00Z"),
        (253_402_300_799_000, "9999-12-31 23:59:59Z"),
        // Before 1970 an instant rounds down like after it: half a second before the epoch is still 1969.
        (-500, "1969-12-31 23:59:59Z"),
        (-62_135_596_800_000, "1-01-01 00:00:00Z"),
    ])
    func instantsAreUTCToTheSecondRoundedDown(milliseconds: Int64, text: String) {
        #expect(TimeText.instant(milliseconds) == text)
    }

    @Test func relativeTimesAndSpans() {
        #expect(TimeText.relative(3_723_999) == "+01:02:03")
        #expect(TimeText.relative(-61_000) == "-00:01:01")
        #expect(TimeText.relative(100 * 3_600_000) == "+100:00:00")
        #expect(TimeText.span(270_000) == "4m30s")
        #expect(TimeText.span(-3_600_000) == "1h")
        #expect(TimeText.span(0) == "0s")
    }
}
