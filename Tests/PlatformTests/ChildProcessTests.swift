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

    /// The time-out of a real program that does not end is what is tested, so the test lasts that time-out
    /// (0.1 s, which nothing needs to happen within). It waits for nothing else.
    @Test(.timeLimit(.minutes(1)))
    func theTimeoutHoldsWithALargeInputTheProgramNeverReads() {
        // Far more than a pipe holds: a blocking write would wait for the program as long as it runs.
        let input = [UInt8](repeating: 0x78, count: 8 << 20)
        let started = SystemClock.monotonicSeconds()
        #expect(ChildProcess.run(["sleep", "30"], input: input, timeout: 0.1) == .timedOut)
        #expect(SystemClock.monotonicSeconds() - started < 5)
    }

    @Test(.timeLimit(.minutes(1)))
    func theWholeProcessGroupIsKilledOnTimeout() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        // The shell's child outlives the shell unless its group is killed. It is the only writer of a FIFO: it
        // says it started, then holds the FIFO open as long as it runs, so the FIFO's end is the child's end.
        let fifo = directory("child")
        try #require(mkfifo(fifo, 0o600) == 0)
        // Opened for reading first, without blocking, so that the child's open for writing does not wait.
        let reader = open(fifo, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        try #require(reader >= 0)
        defer { close(reader) }
        let script = "(echo started; exec sleep 30) > \"$0\" & wait"
        #expect(ChildProcess.run(["sh", "-c", script, fifo], input: [], timeout: 0.3) == .timedOut)
        // Read as it comes until the end, for at most 10 s: the child left alone would hold the FIFO for 30 s.
        var said: [UInt8] = []
        var ended = false
        let deadline = SystemClock.monotonicSeconds() + 10
        while !ended {
            let left = Int32(((deadline - SystemClock.monotonicSeconds()) * 1000).rounded(.up))
            var event = pollfd(fd: reader, events: Int16(POLLIN), revents: 0)
            guard left > 0 else { break }
            let ready = poll(&event, 1, left)
            if ready < 0 && errno == EINTR { continue }
            guard ready > 0 else { break }
            var buffer = [UInt8](repeating: 0, count: 64)
            let count = read(reader, &buffer, buffer.count)
            if count > 0 { said += buffer[..<count] }
            ended = count == 0
        }
        #expect(String(decoding: said, as: UTF8.self) == "started\n", "the child started and held the FIFO")
        #expect(ended, "the child is still running")
    }

    @Test func theProgramGetsTheDefaultSignalDispositions() {
        // This process ignores SIGTERM for the test's length (every program these tests start gets the default
        // back, so the tests running meanwhile are not affected); the program must not inherit that.
        let previous = signal(SIGTERM, SIG_IGN)
        defer { signal(SIGTERM, previous) }
        #expect(ChildProcess.run(["sh", "-c", "kill -TERM $$; exit 0"], input: [], timeout: 10)
            == .signalled(SIGTERM))
    }
}
