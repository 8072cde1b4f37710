import Glibc
import Platform
import Testing

struct ChildProcessTests {
    @Test func theExitStatusIsReported() {
        #expect(ChildProcess.run(["true"], input: [], timeout: 10) == .exited(0))
        #expect(ChildProcess.run(["sh", "-c", "exit 3"], input: [], timeout: 10) == .exited(3))
    }

    @Test func theInputReachesTheProgramWhole() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let input = (0..<300_000).map { UInt8($0 % 256) }
        let copy = directory("copy")
        #expect(ChildProcess.run(["sh", "-c", "cat > \"$0\"", copy], input: input, timeout: 30) == .exited(0))
        guard case .bytes(let read) = FileReading.read(copy, limit: 1 << 20) else {
            Issue.record("the copy was not written")
            return
        }
        #expect(read == input)
    }

    @Test func aProgramThatIsNotOnThePathCannotStart() {
        #expect(ChildProcess.run(["muster-no-such-program"], input: [], timeout: 10)
            == .cannotStart(ErrorCode.notFound))
    }

    @Test(.timeLimit(.minutes(1)))
    func theTimeoutHoldsWithALargeInputTheProgramNeverReads() {
        // Far more than a pipe holds: a blocking write would wait for the program as long as it sleeps.
        let input = [UInt8](repeating: 0x78, count: 8 << 20)
        let started = SystemClock.monotonicSeconds()
        #expect(ChildProcess.run(["sleep", "30"], input: input, timeout: 0.5) == .timedOut)
        #expect(SystemClock.monotonicSeconds() - started < 5)
    }

    @Test(.timeLimit(.minutes(1)))
    func theWholeProcessGroupIsKilledOnTimeout() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let marker = directory("late")
        // The shell's child outlives the shell unless its group is killed.
        let script = "(sleep 1; touch \"$0\") & sleep 30"
        #expect(ChildProcess.run(["sh", "-c", script, marker], input: [], timeout: 0.3) == .timedOut)
        SystemClock.sleep(seconds: 1.5)
        #expect(throws: FileError.self) { try FileStatus.of(marker) }
    }

    @Test func theProgramGetsTheDefaultSignalDispositions() {
        // This process ignores SIGTERM for the test's length (every program these tests start gets the default
        // back, so the tests running meanwhile are not affected); the program must not inherit that.
        let previous = signal(SIGTERM, SIG_IGN)
        defer { signal(SIGTERM, previous) }
        #expect(ChildProcess.run(["sh", "-c", "kill -TERM $$; sleep 5"], input: [], timeout: 10)
            == .signalled(SIGTERM))
    }
}
