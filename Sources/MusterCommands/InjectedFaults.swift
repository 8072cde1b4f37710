import CommandSyntax
import Platform
import Synchronization

/// `MUSTER_TEST_FAULT`: one failing file operation under a run's journal (an `InjectedFault`, whose text it is), so
/// that tests of the command line can prove what a full disk or a failed fsync does to a run. Like git's
/// `GIT_TEST_*` variables it exists for tests only: debug builds (what the tests run) honour it, release builds
/// ignore it. Unset or empty means no fault; any other value is a usage error (exit 2), so that a mistyped fault
/// never silently tests nothing.
enum InjectedFaults {
    /// The file operations a command writes runs with: the system's, failing as `MUSTER_TEST_FAULT` says.
    static func files(_ invocation: Invocation) throws(UsageError) -> any FileOperations {
        #if DEBUG
            guard let value = invocation.environment["MUSTER_TEST_FAULT"], !value.isEmpty else { return SystemFiles() }
            guard let fault = InjectedFault(value) else {
                throw UsageError("MUSTER_TEST_FAULT takes \(InjectedFault.syntax), not '\(value)'")
            }
            // One fault per process: a command that opens the journal again (watch, on every wake) meets it once.
            return injected.withLock { injected in
                if let files = injected[value] { return files }
                let files = FaultyFiles(fault)
                injected[value] = files
                return files
            }
        #else
            // A test hook: release builds, what people run, never fail on purpose.
            return SystemFiles()
        #endif
    }

    /// The faulty files of this process, by `MUSTER_TEST_FAULT` value.
    private static let injected = Mutex<[String: FaultyFiles]>([:])
}
