import Glibc

/// A request to stop, by SIGINT or SIGTERM, that a long-running command honours between two pieces of output
/// instead of dying in the middle of one (`muster log --follow`).
public enum StopRequest {
    /// Catches SIGINT and SIGTERM from now on: they no longer end the process but set `requested` and cut short a
    /// sleep (`SystemClock.sleep`), so that the loop that checks it ends cleanly.
    public static func catchInterrupts() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in stopRequested = 1 }
        sigemptyset(&action.sa_mask)
        // No SA_RESTART: a wait is cut short, and the loop sees the request at once.
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
        sigaction(SIGTERM, &action, nil)
        // A parent may have started this process with them blocked: they would never arrive.
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        sigprocmask(SIG_UNBLOCK, &signals, nil)
    }

    /// Whether SIGINT or SIGTERM arrived since `catchInterrupts`.
    public static var requested: Bool { stopRequested != 0 }
}

/// Set by the signal handler only: a `sig_atomic_t` is the one thing a handler may safely write.
nonisolated(unsafe) private var stopRequested: sig_atomic_t = 0
