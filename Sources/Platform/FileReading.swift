import Glibc

/// Reads a file whole, never holding more than a limit in memory, and never waiting: only a regular file is read,
/// so that a FIFO (or a device) named by mistake is refused at once rather than blocking the command.
public enum FileReading {
    /// What reading a file gave.
    public enum Outcome: Sendable {
        /// The file's bytes; at most `limit + 1` of them, so that an oversized file is seen as such.
        case bytes([UInt8])
        /// Why the file could not be read, as a lower-case phrase (`no such file or directory`).
        case failure(String)

        /// Whether the file was read.
        public var isBytes: Bool {
            if case .bytes = self { true } else { false }
        }
    }

    /// Reads at most `limit + 1` bytes of the regular file at `path`, following symbolic links.
    public static func read(_ path: String, limit: Int) -> Outcome {
        // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer. A regular file ignores it.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return .failure(describe(errno)) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failure(describe(errno)) }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .failure("it is a directory")
        default: return .failure("it is not a regular file")
        }
        let wanted = limit + 1
        // Sized by the file, grown if it grows while being read.
        var bytes = [UInt8](repeating: 0, count: min(wanted, max(Int(status.st_size), 0) + 1))
        var filled = 0
        while filled < wanted {
            if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: min(65_536, wanted - filled))) }
            let got = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            }
            if got < 0 {
                if errno == EINTR { continue }
                return .failure(describe(errno))
            }
            if got == 0 { break }
            filled += got
        }
        bytes.removeSubrange(filled...)
        return .bytes(bytes)
    }

    private static func describe(_ code: Int32) -> String {
        ErrorCode.text(code).lowercased()
    }
}
