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
        let pidFile = directory("child.pid")
        // The shell's child outlives the shell unless its group is killed: it writes its pid, then waits.
        let script = "sleep 30 & echo $! > \"$0\"; wait"
        #expect(ChildProcess.run(["sh", "-c", script, pidFile], input: [], timeout: 0.3) == .timedOut)
        // Plain stdio: /proc files report a size of 0, and a missing one must read as nil.
        func text(_ path: String) -> String? {
            guard let file = fopen(path, "r") else { return nil }
            defer { fclose(file) }
            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = fread(&buffer, 1, buffer.count, file)
            return String(decoding: buffer[..<count], as: UTF8.self)
        }
        #expect(text("/proc/self/stat")?.contains(") ") == true, "reading /proc works")
        let pid = try #require(text(pidFile).flatMap { Int32($0.filter(\.isNumber)) })
        // Killed with its group: gone, or a zombie until init reaps it. SIGKILL is delivered by the kernel on its
        // own schedule, so the state is awaited (never longer than the child's own 30 s would take).
        func state() -> Substring? { text("/proc/\(pid)/stat")?.split(separator: ")").last?.split(separator: " ").first }
        let deadline = SystemClock.monotonicSeconds() + 10
        while let now = state(), now != "Z", SystemClock.monotonicSeconds() < deadline { SystemClock.sleep(seconds: 0.001) }
        #expect(state() == nil || state() == "Z", "the child is still running: \(String(describing: state()))")
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
