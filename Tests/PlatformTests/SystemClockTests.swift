import Foundation
import Platform
import Testing

struct SystemClockTests {
    @Test func theMonotonicClockNeverGoesBack() {
        let readings = (0..<1_000).map { _ in SystemClock.monotonicSeconds() }
        #expect(zip(readings, readings.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(readings[0] > 0)
    }

    @Test func theWallClockReadsWhatFoundationReads() {
        let before = Date().timeIntervalSince1970
        let milliseconds = SystemClock.wallMilliseconds()
        let seconds = SystemClock.wallSeconds()
        let after = Date().timeIntervalSince1970
        // Read between Foundation's two readings, give or take what either clock may round away.
        let slack = 0.05
        #expect(Double(milliseconds) / 1000 >= before - slack && Double(milliseconds) / 1000 <= after + slack)
        #expect(seconds >= before - slack && seconds <= after + slack)
    }

    @Test func theWallClockReadsTheSameInstantInBothUnits() {
        let milliseconds = SystemClock.wallMilliseconds()
        let seconds = SystemClock.wallSeconds()
        #expect(abs(seconds * 1000 - Double(milliseconds)) < 1_000)
        // After 2020-01-01.
        #expect(milliseconds > 1_577_836_800_000)
    }

    /// Sleeping itself is the subject here, so this test sleeps, for 1 ms: a sleep lasts at least its time. It
    /// waits for nothing else to happen.
    @Test func aSleepLastsAtLeastItsTimeOnTheMonotonicClock() {
        let started = SystemClock.monotonicSeconds()
        SystemClock.sleep(seconds: 0.001)
        #expect(SystemClock.monotonicSeconds() - started >= 0.001)
    }
}
