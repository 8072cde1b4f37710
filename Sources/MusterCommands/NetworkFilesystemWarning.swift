import CommandSyntax
import Platform

/// The warning `start` gives when the runs directory is on a network filesystem: Muster's guarantees rest on the
/// journal's lock (flock) and on fsync, which such filesystems may not honour across machines, so two people
/// acting on one run from two hosts could interleave writes. Acting from two SSH logins on one host is safe.
///
/// `MUSTER_TEST_FSTYPE` (debug builds only, like `MUSTER_NOW`) gives the filesystem type in hex instead of
/// asking the system, so that tests can show the warning without a network mount.
enum NetworkFilesystemWarning {
    /// Says on stderr, once, when the runs directory `path` is on a network filesystem.
    static func check(_ path: String, invocation: Invocation) {
        guard let name = fileSystemType(path, environment: invocation.environment), FileSystemType.isNetwork(name)
        else { return }
        invocation.console.error(invocation.language == .zh
            ? "muster: 警告：运行目录 '\(path)' 位于网络文件系统（\(name)）上。除非其文件锁符合 POSIX 语义，否则不受支持："
                + "从两台主机同时操作同一运行可能交错写入日志。请把运行目录放在值班主机的本地磁盘上，大家通过 SSH 登录该主机操作。\n"
            : "muster: warning: the runs directory '\(path)' is on a network filesystem (\(name)). That is not "
                + "supported unless its locking is POSIX-correct: two hosts acting on one run could interleave "
                + "journal writes. Keep the runs directory on a local disk of the ops host and let people act "
                + "there over SSH.\n")
    }

    private static func fileSystemType(_ path: String, environment: [String: String]) -> String? {
        #if DEBUG
            if let given = environment["MUSTER_TEST_FSTYPE"], !given.isEmpty { return given }
        #endif
        return FileSystemType.of(path)
    }
}
