#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Files a command writes for people (`--out`, `export`): whole or not at all, never over an existing file.
///
/// The bytes go to a temporary file beside the target, are fsync'd, and are then linked to the target's name,
/// which fails if the name is taken: a reader never sees half a report, a full disk leaves nothing behind, and
/// nothing a person already has is overwritten. The file's mode is 0660 whatever the umask, like a run's files.
enum FileOutput {
    static func write(_ text: String, to path: String) throws {
        try write(Array(text.utf8), to: path)
    }

    static func write(_ bytes: [UInt8], to path: String) throws {
        func failure(_ what: String, _ code: Int32) -> CommandFailure {
            let reason = String(cString: strerror(code)).lowercased()
            let exists = code == EEXIST ? " (it exists; muster never overwrites a file)" : ""
            return CommandFailure("cannot \(what) '\(path)': \(reason)\(exists)",
                                  chinese: "无法\(what == "write" ? "写入" : "创建") '\(path)'：\(reason)"
                                    + (code == EEXIST ? "（文件已存在；muster 从不覆盖文件）" : ""))
        }
        guard access(path, F_OK) != 0 else { throw failure("write", EEXIST) }
        let temporary = path + ".tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o660)
        guard descriptor >= 0 else { throw failure("write", errno) }
        var linked = false
        defer {
            if !linked { unlink(temporary) }
        }
        do {
            defer { close(descriptor) }
            guard fchmod(descriptor, 0o660) == 0 else { throw failure("write", errno) }
            var rest = bytes[...]
            while !rest.isEmpty {
                let written = rest.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else { throw failure("write", written < 0 ? errno : EIO) }
                rest = rest.dropFirst(written)
            }
            guard fsync(descriptor) == 0 else { throw failure("write", errno) }
        }
        if link(temporary, path) != 0 {
            // A filesystem without hard links: rename, having checked above that the name is free.
            guard errno == EPERM || errno == ENOTSUP, access(path, F_OK) != 0, rename(temporary, path) == 0 else {
                throw failure("write", errno)
            }
        }
        linked = true
        unlink(temporary)
    }
}
