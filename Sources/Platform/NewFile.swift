import Glibc

extension FileOperations {
    /// Writes `bytes` as a new file at `path`, whole or not at all, never over an existing file: to a temporary
    /// file beside it, fsync'd, then linked to `path` (which fails with EEXIST if the name is taken), and the
    /// directory fsync'd. A reader never sees half of it; a failure, a full disk or a power cut leaves no partial
    /// file under `path`. The mode is exactly `mode`, whatever the umask.
    public func writeNewFile(_ bytes: [UInt8], to path: String, mode: UInt32 = 0o660) throws(FileError) {
        let temporary = path + ".tmp-\(getpid())"
        let descriptor = try open(temporary, flags: O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, mode: mode)
        var linked = false
        defer {
            if !linked { unlink(temporary) }
        }
        do {
            defer { close(descriptor) }
            try setMode(descriptor, mode)
            try writeAll(bytes[...], to: descriptor)
            try fsync(descriptor)
        } catch {
            throw FileError(error.operation, path: path, code: error.code)
        }
        do {
            try link(temporary, to: path)
        } catch {
            // A filesystem without hard links: rename, having checked that the name is free.
            guard error.code == EPERM || error.code == ENOTSUP, access(path, F_OK) != 0 else { throw error }
            try rename(temporary, to: path)
        }
        linked = true
        unlink(temporary)
        try syncDirectory(FilePath.directory(of: path))
    }
}

/// Paths, as text.
public enum FilePath {
    /// The directory a path is in.
    public static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// The absolute path with every symbolic link, `.` and `..` resolved (`realpath`), or nil when it does not exist.
    public static func resolved(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    /// Whether `path` is `directory` or lies under it (both already resolved).
    public static func isWithin(_ path: String, _ directory: String) -> Bool {
        path == directory || path.hasPrefix(directory.hasSuffix("/") ? directory : directory + "/")
    }
}
