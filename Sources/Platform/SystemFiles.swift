import Glibc

/// The operating system's files: every `FileOperations` call is the system call of that name, retried on EINTR
/// where the system may interrupt it.
public struct SystemFiles: FileOperations {
    /// The system's files.
    public init() {}

    /// open(2) with O_CLOEXEC added: no program Muster starts inherits the descriptor.
    public func open(_ path: String, flags: Int32, mode: UInt32) throws(FileError) -> Int32 {
        let descriptor = Glibc.open(path, flags | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw FileError("open", path: path, code: errno) }
        return descriptor
    }

    /// read(2) until `count` bytes or the end of the file, retried on EINTR.
    public func read(_ descriptor: Int32, count: Int) throws(FileError) -> [UInt8] {
        var failure: Int32 = 0
        // Uninitialised capacity: the journal is read on every command, and zeroing it first would be a second pass.
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialised in
            var filled = 0
            while filled < count {
                let got = Glibc.read(descriptor, buffer.baseAddress! + filled, count - filled)
                if got < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    break
                }
                if got == 0 { break }
                filled += got
            }
            initialised = filled
        }
        guard failure == 0 else { throw FileError("read", path: Self.name(of: descriptor), code: failure) }
        return bytes
    }

    /// One write(2), retried on EINTR; it may write fewer bytes than given.
    public func write(_ descriptor: Int32, _ bytes: ArraySlice<UInt8>) throws(FileError) -> Int {
        while true {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw FileError("write", path: Self.name(of: descriptor), code: errno)
            }
            return written
        }
    }

    /// fsync(2).
    public func fsync(_ descriptor: Int32) throws(FileError) {
        guard Glibc.fsync(descriptor) == 0 else { throw FileError("fsync", path: Self.name(of: descriptor), code: errno) }
    }

    /// ftruncate(2).
    public func truncate(_ descriptor: Int32, to length: Int) throws(FileError) {
        guard ftruncate(descriptor, off_t(length)) == 0 else {
            throw FileError("truncate", path: Self.name(of: descriptor), code: errno)
        }
    }

    /// The size fstat(2) gives.
    public func size(_ descriptor: Int32) throws(FileError) -> Int {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw FileError("stat", path: Self.name(of: descriptor), code: errno) }
        return Int(status.st_size)
    }

    /// flock(2), shared or exclusive, waiting, retried on EINTR.
    public func lock(_ descriptor: Int32, shared: Bool) throws(FileError) {
        while flock(descriptor, shared ? LOCK_SH : LOCK_EX) != 0 {
            if errno == EINTR { continue }
            throw FileError("lock", path: Self.name(of: descriptor), code: errno)
        }
    }

    /// flock(2) with LOCK_UN; a failure is ignored.
    public func unlock(_ descriptor: Int32) {
        _ = flock(descriptor, LOCK_UN)
    }

    /// close(2); a failure is ignored.
    public func close(_ descriptor: Int32) {
        _ = Glibc.close(descriptor)
    }

    /// mkdir(2), then chmod(2) so that the umask takes nothing away.
    public func makeDirectory(_ path: String, mode: UInt32) throws(FileError) {
        guard mkdir(path, mode_t(mode)) == 0 else { throw FileError("mkdir", path: path, code: errno) }
        // The process's umask may have taken bits away; the contract says exactly this mode. A directory made in a
        // setgid directory inherits the bit (so that its files get the shared group): it is kept.
        var status = stat()
        let inherited = stat(path, &status) == 0 ? UInt32(status.st_mode) & UInt32(S_ISGID) : 0
        guard chmod(path, mode_t(mode | inherited)) == 0 else { throw FileError("chmod", path: path, code: errno) }
    }

    /// fchmod(2).
    public func setMode(_ descriptor: Int32, _ mode: UInt32) throws(FileError) {
        guard fchmod(descriptor, mode_t(mode)) == 0 else {
            throw FileError("chmod", path: Self.name(of: descriptor), code: errno)
        }
    }

    /// rename(2).
    public func rename(_ path: String, to newPath: String) throws(FileError) {
        let renamed = Glibc.rename(path, newPath)
        guard renamed == 0 else { throw FileError("rename", path: newPath, code: errno) }
    }

    /// link(2).
    public func link(_ path: String, to newPath: String) throws(FileError) {
        let linked = Glibc.link(path, newPath)
        guard linked == 0 else { throw FileError("link", path: newPath, code: errno) }
    }

    /// unlink(2); a failure (a missing name) is ignored.
    public func unlink(_ path: String) {
        _ = Glibc.unlink(path)
    }

    /// rmdir(2); a failure is ignored.
    public func removeDirectory(_ path: String) {
        _ = rmdir(path)
    }

    /// fsync(2) of the directory, opened read-only.
    public func syncDirectory(_ path: String) throws(FileError) {
        let descriptor = try open(path, flags: O_RDONLY | O_DIRECTORY, mode: 0)
        defer { close(descriptor) }
        do {
            try fsync(descriptor)
        } catch {
            throw FileError("fsync", path: path, code: error.code)
        }
    }

    /// lseek(2) from the start of the file.
    public func seek(_ descriptor: Int32, to offset: Int) throws(FileError) {
        guard lseek(descriptor, off_t(offset), SEEK_SET) >= 0 else {
            throw FileError("seek", path: Self.name(of: descriptor), code: errno)
        }
    }

    /// The path a descriptor was opened with, for messages (read from `/proc/self/fd`), else `fd N`: an error names
    /// the file a person can look at, never a number.
    static func name(of descriptor: Int32) -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let length = readlink("/proc/self/fd/\(descriptor)", &buffer, buffer.count - 1)
        guard length > 0 else { return "fd \(descriptor)" }
        return String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
