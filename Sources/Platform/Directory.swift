import Glibc

/// Directories: listing one, and making sure one exists.
public enum Directory {
    /// The names in the directory at `path`, without `.` and `..`, in the system's order; `nil` when it cannot be
    /// opened.
    public static func names(_ path: String) -> [String]? {
        try? list(path)
    }

    /// The names in the directory at `path`, without `.` and `..`, in the system's order; throws when it cannot be
    /// opened (missing, not a directory, not readable), saying why.
    public static func list(_ path: String) throws(FileError) -> [String] {
        guard let handle = opendir(path) else { throw FileError("opendir", path: path, code: errno) }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != ".", name != ".." { names.append(name) }
        }
        return names
    }

    /// Creates the directory at `path` with `mode`, whatever the umask, unless something exists there already
    /// (left as it is). Another process creating it at the same moment is no error.
    public static func ensure(_ path: String, mode: UInt32) throws(FileError) {
        var status = stat()
        if stat(path, &status) == 0 { return }
        guard mkdir(path, mode_t(mode)) == 0 || errno == EEXIST else {
            throw FileError("mkdir", path: path, code: errno)
        }
        _ = chmod(path, mode_t(mode))
    }
}
