import Synchronization

/// The system's file operations with one `InjectedFault`: the fault-injection seam of the tests. It tracks which
/// descriptors are a journal's (`journal.jsonl`), since writes and fsyncs strike only those.
public final class FaultyFiles: FileOperations {
    private struct State {
        var journalDescriptors: Set<Int32> = []
        /// How many operations of the fault's kind have been aimed at so far.
        var seen = 0
        /// A short write happened: the next write to the journal fails with ENOSPC.
        var failNextWrite = false
    }

    private let system = SystemFiles()
    /// The fault this injects, once.
    public let fault: InjectedFault
    private let state = Mutex(State())

    /// The system's files, failing once as `fault` says.
    public init(_ fault: InjectedFault) { self.fault = fault }

    /// Counts one operation of `operation`'s kind; whether it is the one to fail.
    private func strikes(_ operation: InjectedFault.Operation) -> Bool {
        guard operation == fault.operation else { return false }
        return state.withLock { state in
            state.seen += 1
            return state.seen == fault.occurrence
        }
    }

    private func isJournal(_ descriptor: Int32) -> Bool {
        state.withLock { $0.journalDescriptors.contains(descriptor) }
    }

    public func open(_ path: String, flags: Int32, mode: UInt32) throws(FileError) -> Int32 {
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

    public func write(_ descriptor: Int32, _ bytes: ArraySlice<UInt8>) throws(FileError) -> Int {
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

    public func fsync(_ descriptor: Int32) throws(FileError) {
        if isJournal(descriptor), strikes(.fsync), let code = fault.error {
            throw FileError("fsync", path: "fd \(descriptor)", code: code)
        }
        try system.fsync(descriptor)
    }

    public func makeDirectory(_ path: String, mode: UInt32) throws(FileError) {
        if strikes(.mkdir), let code = fault.error { throw FileError("mkdir", path: path, code: code) }
        try system.makeDirectory(path, mode: mode)
    }

    public func close(_ descriptor: Int32) {
        state.withLock { _ = $0.journalDescriptors.remove(descriptor) }
        system.close(descriptor)
    }

    public func read(_ descriptor: Int32, count: Int) throws(FileError) -> [UInt8] {
        try system.read(descriptor, count: count)
    }
    public func truncate(_ descriptor: Int32, to length: Int) throws(FileError) {
        try system.truncate(descriptor, to: length)
    }
    public func size(_ descriptor: Int32) throws(FileError) -> Int { try system.size(descriptor) }
    public func lock(_ descriptor: Int32, shared: Bool) throws(FileError) { try system.lock(descriptor, shared: shared) }
    public func unlock(_ descriptor: Int32) { system.unlock(descriptor) }
    public func setMode(_ descriptor: Int32, _ mode: UInt32) throws(FileError) { try system.setMode(descriptor, mode) }
    public func rename(_ path: String, to newPath: String) throws(FileError) { try system.rename(path, to: newPath) }
    public func link(_ path: String, to newPath: String) throws(FileError) { try system.link(path, to: newPath) }
    public func unlink(_ path: String) { system.unlink(path) }
    public func removeDirectory(_ path: String) { system.removeDirectory(path) }
    public func syncDirectory(_ path: String) throws(FileError) { try system.syncDirectory(path) }
}
