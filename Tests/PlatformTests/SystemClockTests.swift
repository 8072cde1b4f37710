import Platform
import Testing

struct SystemClockTests {
    /// About real time itself, so it takes real time: 10 ms.
    @Test func aSleepLastsAtLeastItsTimeOnTheMonotonicClock() {
        let started = SystemClock.monotonicSeconds()
        SystemClock.sleep(seconds: 0.01)
        #expect(SystemClock.monotonicSeconds() - started >= 0.01)
    }

    @Test func theWallClockReadsTheSameInstantInBothUnits() {
        let milliseconds = SystemClock.wallMilliseconds()
        let seconds = SystemClock.wallSeconds()
        #expect(abs(seconds * 1000 - Double(milliseconds)) < 1_000)
        // After 2020-01-01.
        #expect(milliseconds > 1_577_836_800_000)
    }
}
