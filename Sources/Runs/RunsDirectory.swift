import Platform

/// Where runs live, and the one way a run id from the command line becomes a path.
///
/// A run id is a safe file name: letters, digits and `-`, at most 100 characters, so that no argument can name a
/// path outside the runs directory (`..`, `/`, absolute paths). A run directory that is a symbolic link is
/// refused for the same reason.
public struct RunsDirectory: Sendable {
    /// The directory's path, as given.
    public let path: String

    /// The runs directory at `path` (the command line's `--runs`, else `MUSTER_RUNS`, else `runs`).
    public init(path: String) {
        self.path = path
    }

    /// Whether `id` can name a run: letters, digits and `-`, not first, at most 100 bytes.
    public static func isValidRunID(_ id: String) -> Bool {
        guard !id.isEmpty, id.utf8.count <= 100, let first = id.unicodeScalars.first, first != "-" else {
            return false
        }
        return id.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-")
        }
    }

    /// The directory of run `id`, checked: a valid id, inside the runs directory, not a symbolic link.
    ///
    /// - Throws: `RunFailure`, a usage one (`isUsage`) when `id` is not a run id.
    public func runPath(_ id: String) throws(RunFailure) -> String {
        guard Self.isValidRunID(id) else {
            throw RunFailure("'\(id)' is not a run id: letters, digits and '-' only (see 'muster runs')", isUsage: true)
        }
        let runPath = path + "/" + id
        if FileStatus.isSymbolicLink(runPath) {
            throw RunFailure("run '\(id)' is a symbolic link; refusing to follow it out of '\(path)'",
                                 chinese: "运行 '\(id)' 是符号链接；拒绝跟随它离开 '\(path)'")
        }
        return runPath
    }

    /// Creates the runs directory (0770) if it does not exist.
    public func ensureExists() throws(RunFailure) {
        do {
            try Directory.ensure(path, mode: 0o770)
        } catch {
            let reason = error.systemText
            throw RunFailure("cannot create the runs directory '\(path)': \(reason)",
                                 chinese: "无法创建运行目录 '\(path)'：\(reason)")
        }
    }

    /// The ids of the runs in the directory, sorted; an error when the directory is missing or cannot be read
    /// (for `runs`, where an empty list would say "no runs" of a directory nobody looked in).
    public func listedRunIDs() throws(RunFailure) -> [String] {
        do {
            _ = try Directory.list(path)
        } catch {
            let reason = error.systemText
            throw RunFailure("cannot list the runs directory '\(path)': \(reason)",
                             chinese: "无法列出运行目录 '\(path)'：\(reason)")
        }
        return runIDs()
    }

    /// The ids of the runs in the directory, sorted (none when it cannot be read).
    public func runIDs() -> [String] {
        // Not following links: a symbolic link is never a run, wherever it points.
        (Directory.names(path) ?? [])
            .filter { Self.isValidRunID($0) && FileStatus.isRealDirectory(path + "/" + $0) }
            .sorted()
    }
}
