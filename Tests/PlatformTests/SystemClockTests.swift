import Foundation
@testable import Platform
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

    /// What a sleep asks the system for, read without sleeping: whole seconds and nanoseconds, and nothing for a
    /// time that is not positive.
    @Test(arguments: [(1.5, 1, 500_000_000), (0.001, 0, 1_000_000), (2, 2, 0), (0.25, 0, 250_000_000)])
    func aSleepAsksForItsTimeInSecondsAndNanoseconds(seconds: Double, whole: Int, nanoseconds: Int) throws {
        let interval = try #require(SystemClock.interval(seconds))
        #expect(interval.tv_sec == whole)
        #expect(interval.tv_nsec == nanoseconds)
    }

    @Test(arguments: [0.0, -1, -0.001])
    func aTimeThatIsNotPositiveIsNoSleep(seconds: Double) {
        #expect(SystemClock.interval(seconds) == nil)
    }
}
