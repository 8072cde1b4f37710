import Foundation
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

/// Local time with its offset, never UTC alone.
struct LocalTimeTests {
    @Test func instantsCarryTheZonesOffset() throws {
        let shanghai = LocalTime(try #require(TimeZone(identifier: "Asia/Shanghai")))
        #expect(shanghai.instant(1_767_225_600_000) == "2026-01-01 08:00:00 +08:00")
        #expect(shanghai.offsetName(at: 1_767_225_600_000) == "UTC+08:00")
        #expect(LocalTime.utc.instant(1_767_225_600_000) == "2026-01-01 00:00:00 +00:00")
        // Summer time: the offset in force at each instant.
        let berlin = LocalTime(try #require(TimeZone(identifier: "Europe/Berlin")))
        #expect(berlin.instant(1_782_864_000_000) == "2026-07-01 02:00:00 +02:00")
        #expect(berlin.instant(1_767_225_600_000) == "2026-01-01 01:00:00 +01:00")
    }

    @Test func tablesShowTheDateOnlyOnAnotherDay() throws {
        let shanghai = LocalTime(try #require(TimeZone(identifier: "Asia/Shanghai")))
        let start: Int64 = 1_767_225_600_000  // 08:00 local
        #expect(shanghai.short(start + 60_000, sameDayAs: start) == "08:01:00")
        #expect(shanghai.short(start + 86_400_000, sameDayAs: start) == "01-02 08:00:00")
        // 16:00Z is already the next day in Shanghai.
        #expect(shanghai.short(start + 16 * 3_600_000, sameDayAs: start) == "01-02 00:00:00")
    }

    @Test func spansInChinese() {
        #expect(TimeText.chineseSpan(270_000) == "4分30秒")
        #expect(TimeText.chineseSpan(600_000) == "10分钟")
        #expect(TimeText.chineseSpan(3_660_000) == "1小时1分")
        #expect(TimeText.chineseSpan(-86_400_000) == "1天")
    }
}
