import Glibc

/// Files rewritten whole for readers that may look at any moment (the pages of the HTML board): the new bytes go
/// to a temporary file beside the old one, which is then renamed over it, so that a reader (a web server) sees the
/// old page or the new one, never a part of either. Not fsync'd: the files are remade from the journal.
public enum ReplacedFile {
    /// Replaces the file at `path` with `bytes`, with exactly `mode` whatever the umask, and in `group` when one
    /// is given and this process may give it (otherwise the group is left as the system made it).
    public static func write(_ bytes: [UInt8], to path: String, mode: UInt32, group: UInt32?) throws(FileError) {
        let temporary = path + ".tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, mode_t(mode))
        guard descriptor >= 0 else { throw FileError("open", path: temporary, code: errno) }
        var renamed = false
        defer { if !renamed { unlink(temporary) } }
        do {
            defer { close(descriptor) }
            if let group { _ = fchown(descriptor, uid_t.max, gid_t(group)) }
            guard fchmod(descriptor, mode_t(mode)) == 0 else { throw FileError("chmod", path: temporary, code: errno) }
            try SystemFiles().writeAll(bytes[...], to: descriptor)
        }
        guard rename(temporary, path) == 0 else { throw FileError("rename", path: path, code: errno) }
        renamed = true
    }

    /// Makes sure a directory exists at `path` (made with `mode`, and given `group` when this process may), for
    /// such files.
    public static func ensureDirectory(_ path: String, mode: UInt32, group: UInt32?) throws(FileError) {
        var status = stat()
        if stat(path, &status) == 0 {
            guard status.st_mode & S_IFMT == S_IFDIR else { throw FileError("mkdir", path: path, code: ENOTDIR) }
            return
        }
        guard mkdir(path, mode_t(mode)) == 0 || errno == EEXIST else { throw FileError("mkdir", path: path, code: errno) }
        if let group { _ = chown(path, uid_t.max, gid_t(group)) }
        _ = chmod(path, mode_t(mode))
    }
}
