import CommandSyntax
import Journaling
import Platform
import Synchronization

/// `MUSTER_TEST_FAULT`: one failing file operation under a run's journal, so that tests of the command line can
/// prove what a full disk, a short write, a failed fsync or an unwritable directory do to a run. Like git's
/// `GIT_TEST_*` variables it exists for tests only: debug builds (what the tests run) honour it, release builds
/// ignore it.
///
/// The value is `OPERATION:FAULT` or `OPERATION:FAULT@N`:
///
/// - `write:ENOSPC`, `write:EIO`: the N-th write to `journal.jsonl` fails with that error.
/// - `write:short`: the N-th write to `journal.jsonl` writes only half its bytes, and the next write (of the rest)
///   fails with ENOSPC: a disk that fills up in the middle of a write.
/// - `fsync:EIO`, `fsync:ENOSPC`: the N-th fsync of `journal.jsonl` fails.
/// - `mkdir:EACCES`: creating the N-th run directory fails: a runs directory that cannot be written.
/// - `open:EACCES`: the N-th opening of a run's file for writing fails (when a run is created, 1 is
///   `playbook.yaml` and 2 is `journal.jsonl`; every write opens `journal.jsonl`).
///
/// Any operation also takes `ENOSPC`, `EIO`, `EACCES` or `EROFS`. N counts from 1 (the default) and the fault
/// happens once. The head record (`journal.head`), whose failures are ignored by design, and reads are never
/// touched.
/// The errors are the system's own, so the command line reports them exactly as it reports real ones. Unset or
/// empty means no fault; any other value is a usage error (exit 2), so that a mistyped fault never silently
/// tests nothing.
enum InjectedFaults {
    /// The file operations a command writes runs with: the system's, failing as `MUSTER_TEST_FAULT` says.
    static func files(_ invocation: Invocation) throws(UsageError) -> any FileOperations {
        #if DEBUG
            guard let value = invocation.environment["MUSTER_TEST_FAULT"], !value.isEmpty else { return SystemFiles() }
            let fault = try Fault(value)
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

    /// One fault: which operation, what it does (`nil`: a short write), and which occurrence (1-based).
    struct Fault: Sendable {
        enum Operation: String, Sendable { case write, fsync, mkdir, open }

        var operation: Operation
        var error: Int32?
        var occurrence: Int

        static let errors: [String: Int32] = [
            "ENOSPC": ErrorCode.noSpace, "EIO": ErrorCode.io, "EACCES": ErrorCode.accessDenied,
            "EROFS": ErrorCode.readOnlyFileSystem,
        ]

        init(_ value: String) throws(UsageError) {
            let invalid = UsageError("MUSTER_TEST_FAULT takes OPERATION:FAULT[@N] (write:ENOSPC, write:short, "
                + "fsync:EIO, mkdir:EACCES, open:EACCES, ...), not '\(value)'")
            let parts = value.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, let operation = Operation(rawValue: String(parts[0])) else { throw invalid }
            let fault = parts[1].split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false)
            var occurrence = 1
            if fault.count == 2 {
                guard let number = Int(fault[1]), number >= 1 else { throw invalid }
                occurrence = number
            }
            if fault[0] == "short", operation == .write {
                error = nil
            } else if let code = Self.errors[String(fault[0])] {
                error = code
            } else {
                throw invalid
            }
            self.operation = operation
            self.occurrence = occurrence
        }
    }

    /// The system's file operations with `fault` injected; it tracks which descriptors are `journal.jsonl`'s.
    final class FaultyFiles: FileOperations {
        struct State {
            var journalDescriptors: Set<Int32> = []
            /// How many operations of the fault's kind have been aimed at so far.
            var seen = 0
            /// A short write happened: the next write to the journal fails with ENOSPC.
            var failNextWrite = false
        }

        let system = SystemFiles()
        let fault: Fault
        private let state = Mutex(State())

        init(_ fault: Fault) { self.fault = fault }

        /// Counts one operation of `operation`'s kind; whether it is the one to fail.
        private func strikes(_ operation: Fault.Operation) -> Bool {
            guard operation == fault.operation else { return false }
            return state.withLock { state in
                state.seen += 1
                return state.seen == fault.occurrence
            }
        }

        private func isJournal(_ descriptor: Int32) -> Bool {
            state.withLock { $0.journalDescriptors.contains(descriptor) }
        }

        func open(_ path: String, flags: Int32, mode: UInt32) throws(FileError) -> Int32 {
            let writing = flags & OpenFlags.accessMode != OpenFlags.readOnly
            if writing, !path.hasSuffix("/journal.head.tmp"), strikes(.open),
                let code = fault.error
            {
                throw FileError("open", path: path, code: code)
            }
            let descriptor = try system.open(path, flags: flags, mode: mode)
            if path.hasSuffix("/journal.jsonl") { state.withLock { _ = $0.journalDescriptors.insert(descriptor) } }
            return descriptor
        }

        func write(_ descriptor: Int32, _ bytes: ArraySlice<UInt8>) throws(FileError) -> Int {
            guard isJournal(descriptor) else { return try system.write(descriptor, bytes) }
            if state.withLock({ state in defer { state.failNextWrite = false }; return state.failNextWrite }) {
                throw FileError("write", path: "fd \(descriptor)", code: ErrorCode.noSpace)
            }
            guard strikes(.write) else { return try system.write(descriptor, bytes) }
            guard let code = fault.error else {
                state.withLock { $0.failNextWrite = true }
                return try system.write(descriptor, bytes.prefix(max(1, bytes.count / 2)))
            }
            throw FileError("write", path: "fd \(descriptor)", code: code)
        }

        func fsync(_ descriptor: Int32) throws(FileError) {
            if isJournal(descriptor), strikes(.fsync), let code = fault.error {
                throw FileError("fsync", path: "fd \(descriptor)", code: code)
            }
            try system.fsync(descriptor)
        }

        func makeDirectory(_ path: String, mode: UInt32) throws(FileError) {
            if strikes(.mkdir), let code = fault.error { throw FileError("mkdir", path: path, code: code) }
            try system.makeDirectory(path, mode: mode)
        }

        func close(_ descriptor: Int32) {
            state.withLock { _ = $0.journalDescriptors.remove(descriptor) }
            system.close(descriptor)
        }

        func read(_ descriptor: Int32, count: Int) throws(FileError) -> [UInt8] {
            try system.read(descriptor, count: count)
        }
        func truncate(_ descriptor: Int32, to length: Int) throws(FileError) {
            try system.truncate(descriptor, to: length)
        }
        func size(_ descriptor: Int32) throws(FileError) -> Int { try system.size(descriptor) }
        func lock(_ descriptor: Int32, shared: Bool) throws(FileError) { try system.lock(descriptor, shared: shared) }
        func unlock(_ descriptor: Int32) { system.unlock(descriptor) }
        func setMode(_ descriptor: Int32, _ mode: UInt32) throws(FileError) { try system.setMode(descriptor, mode) }
        func rename(_ path: String, to newPath: String) throws(FileError) { try system.rename(path, to: newPath) }
        func link(_ path: String, to newPath: String) throws(FileError) { try system.link(path, to: newPath) }
        func unlink(_ path: String) { system.unlink(path) }
        func removeDirectory(_ path: String) { system.removeDirectory(path) }
        func syncDirectory(_ path: String) throws(FileError) { try system.syncDirectory(path) }
    }
}
