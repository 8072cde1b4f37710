import Glibc

/// A file people asked for (`muster new --out FILE`): created, never over anything that exists, and not fsync'd
/// (for files whose loss a power cut may cause, unlike a journal's: see `writeNewFile`).
public enum PlainFile {
    /// Creates `path` holding `bytes`. Anything at `path`, a symbolic link included, is left alone: the error is
    /// then `open` with EEXIST. The mode is `mode` less the umask, as a shell's `>` makes it. A failed write (or
    /// close) removes the file and is a `write` error.
    public static func create(_ path: String, bytes: [UInt8], mode: UInt32 = 0o666) throws(FileError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode_t(mode))
        guard descriptor >= 0 else { throw FileError("open", path: path, code: errno) }
        do {
            try SystemFiles().writeAll(bytes[...], to: descriptor)
        } catch {
            close(descriptor)
            unlink(path)
            throw FileError("write", path: path, code: error.code)
        }
        guard close(descriptor) == 0 else {
            let code = errno
            unlink(path)
            throw FileError("write", path: path, code: code)
        }
    }
}
