import PlaybookLanguage
import Testing
import Views

/// What `watch` says besides its boards, and the word on notifications nobody here delivers, in English and Chinese.
struct WatchLinesTests {
    @Test func aProblemIsRetriedAndARecoveryIsSaidForOneRunOrOfAllOfThem() {
        #expect(WatchLines.retrying("disk full", language: .en) == "muster: watch: disk full; retrying every second\n")
        #expect(WatchLines.retrying("磁盘已满", run: "r1", language: .zh) == "muster: watch：r1：磁盘已满；每秒重试\n")
        #expect(WatchLines.recovered(language: .en) == "muster: watch: recovered\n")
        #expect(WatchLines.recovered(run: "r1", language: .en) == "muster: watch: r1: recovered\n")
        #expect(WatchLines.recovered(language: .zh) == "muster: watch：已恢复\n")
        #expect(WatchLines.stale("x", language: .en) == "⚠ the board cannot be updated: x; retrying every second\n")
    }

    @Test func theLiveRunsHeadingSaysWhenNobodyIsTold() {
        #expect(WatchLines.liveRuns(2, delivering: true, language: .en) == "live runs (2)\n")
        #expect(WatchLines.liveRuns(0, delivering: false, language: .en) == "live runs (0) · no notifier: nobody is told\n")
        #expect(WatchLines.liveRuns(1, delivering: false, language: .zh) == "进行中的运行（1） · 未配置通知程序：不会送达任何通知\n")
    }

    @Test func undeliveredNotificationsAreCountedWithWhoDeliversThem() {
        #expect(RunCommandLines.undelivered(1, language: .en).hasPrefix("muster: 1 notification waiting for delivery;"))
        #expect(RunCommandLines.undelivered(3, language: .en).hasPrefix("muster: 3 notifications waiting"))
        #expect(RunCommandLines.undelivered(3, language: .zh).hasPrefix("muster: 3 条通知等待送达；"))
    }
}
