import CommandSyntax
import Platform
import Views

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
        invocation.console.error(RunCommandLines.networkFilesystem(path, type: name, language: invocation.language))
    }

    private static func fileSystemType(_ path: String, environment: [String: String]) -> String? {
        #if DEBUG
            if let given = environment["MUSTER_TEST_FSTYPE"], !given.isEmpty { return given }
        #endif
        return FileSystemType.of(path)
    }
}
