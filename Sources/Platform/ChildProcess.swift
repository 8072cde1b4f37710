import Glibc

/// Running a program with input on its stdin and a time limit.
///
/// The program is looked up on PATH and run as argv, never through a shell, in a process group of its own, with
/// the default signal dispositions and no blocked signals (whatever this process ignores or blocks), stdout and
/// stderr to `/dev/null`. Its stdin is written without ever blocking, so the time limit holds whatever the size
/// of the input, even when the program never reads it; on time out the whole group is killed, so that a shell
/// script's children do not linger either.
public enum ChildProcess {
    /// How a run ended.
    public enum Outcome: Sendable, Equatable {
        /// The program exited with this status.
        case exited(Int32)
        /// The program was killed by this signal.
        case signalled(Int32)
        /// The time limit passed: the program's process group was killed.
        case timedOut
        /// The program could not be started: the system's error number (ENOENT: not found on PATH).
        case cannotStart(Int32)
        /// No pipe could be made for its stdin.
        case noPipe
        /// Waiting for the program failed.
        case lostTrack
    }

    /// The signals whose disposition the program gets back to the default.
    private static let defaultedSignals = [SIGPIPE, SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGCHLD]

    /// Runs `arguments` (the program first) with `input` on its stdin, for at most `timeout` seconds in all.
    public static func run(_ arguments: [String], input: [UInt8], timeout: Double) -> Outcome {
        guard let program = arguments.first else { return .cannotStart(ENOENT) }
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else { return .noPipe }
        _ = fcntl(pipeEnds[1], F_SETFD, FD_CLOEXEC)
        _ = fcntl(pipeEnds[1], F_SETFL, fcntl(pipeEnds[1], F_GETFL) | O_NONBLOCK)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pipeEnds[0], 0)
        posix_spawn_file_actions_addclose(&actions, pipeEnds[0])
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in defaultedSignals { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        posix_spawnattr_setsigmask(&attributes, &unblocked)
        posix_spawnattr_setflags(
            &attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        posix_spawnattr_setpgroup(&attributes, 0)
        var pid: pid_t = 0
        let cArguments = arguments.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        let spawned = posix_spawnp(&pid, program, &actions, &attributes, cArguments, environ)
        close(pipeEnds[0])
        guard spawned == 0 else {
            close(pipeEnds[1])
            return .cannotStart(spawned)
        }
        return wait(for: pid, writing: input, to: pipeEnds[1], deadline: SystemClock.monotonicSeconds() + timeout)
    }

    /// Feeds `input` to the non-blocking `pipe` as the child takes it and polls for its exit until `deadline`.
    private static func wait(for pid: pid_t, writing input: [UInt8], to pipe: Int32, deadline: Double) -> Outcome {
        var unwritten = input[...]
        var writing = true
        var status: Int32 = 0
        while true {
            if writing {
                let written = unwritten.withUnsafeBytes { Glibc.write(pipe, $0.baseAddress, $0.count) }
                if written > 0 { unwritten = unwritten.dropFirst(written) }
                // Done, or the program closed its stdin (EPIPE): either way nothing more to write.
                if unwritten.isEmpty || (written < 0 && errno != EAGAIN && errno != EINTR) {
                    close(pipe)
                    writing = false
                }
            }
            let waited = waitpid(pid, &status, WNOHANG)
            if waited == pid { break }
            if waited < 0, errno != EINTR {
                if writing { close(pipe) }
                return .lostTrack
            }
            if SystemClock.monotonicSeconds() >= deadline {
                if writing { close(pipe) }
                kill(-pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                return .timedOut
            }
            SystemClock.sleep(seconds: writing ? 0.001 : 0.005)
        }
        if writing { close(pipe) }
        // Exited (rather than killed by a signal)?
        return status & 0x7F == 0 ? .exited((status >> 8) & 0xFF) : .signalled(status & 0x7F)
    }
}
