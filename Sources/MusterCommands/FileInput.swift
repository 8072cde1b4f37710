#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads files without ever holding more than a limit in memory.
enum FileInput {
    /// What reading a file gave.
    enum Outcome {
        /// The file's bytes; at most `limit + 1` of them, so that an oversized file is seen as such.
        case bytes([UInt8])
        /// Why the file could not be read, as a lower-case phrase.
        case failure(String)
    }

    /// Reads at most `limit + 1` bytes of the file at `path`.
    static func read(_ path: String, limit: Int) -> Outcome {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(describe(errno)) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failure(describe(errno)) }
        if (status.st_mode & S_IFMT) == S_IFDIR { return .failure("it is a directory") }
        let wanted = limit + 1
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

    /// Whether `path` names a directory.
    static func isDirectory(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }

    /// The YAML files under a directory, recursively, sorted by path; hidden entries are skipped.
    static func yamlFiles(under directory: String) -> [String] {
        var found: [String] = []
        guard let handle = opendir(directory) else { return [] }
        defer { closedir(handle) }
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasPrefix(".") { continue }
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            var status = stat()
            // Directories are entered only when they are real ones: a link could lead round in a loop.
            if lstat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
                found += yamlFiles(under: path)
            } else if name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
                found.append(path)
            }
        }
        return found.sorted()
    }

    private static func describe(_ code: Int32) -> String {
        String(cString: strerror(code)).lowercased()
    }
}
