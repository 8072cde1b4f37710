import Glibc

/// Which kind of filesystem holds a path, as the kernel names it in `/proc/self/mountinfo` (`ext4`, `nfs4`,
/// `cifs`, `fuse.sshfs`), to tell a network filesystem, whose locks may not be POSIX-correct, from a local one.
public enum FileSystemType {
    /// The type of the filesystem holding `path` (the mount with the longest mount point that contains it), or
    /// `nil` when it cannot be told (no `/proc`, a path that does not resolve).
    public static func of(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        let absolute = String(cString: resolved)
        free(resolved)
        guard case .bytes(let bytes) = FileReading.read("/proc/self/mountinfo", limit: 1 << 22) else { return nil }
        var best: (point: String, type: String)?
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
            // ID PARENT MAJ:MIN ROOT MOUNT-POINT OPTIONS [OPTIONAL...] - TYPE SOURCE SUPER-OPTIONS
            let fields = line.split(separator: " ")
            guard fields.count > 6, let dash = fields.firstIndex(of: "-"), dash + 1 < fields.count else { continue }
            let point = unescape(fields[4])
            let contains = point == "/" || absolute == point || absolute.hasPrefix(point + "/")
            if contains, point.count >= (best?.point.count ?? -1) { best = (point, String(fields[dash + 1])) }
        }
        return best?.type
    }

    /// Whether a filesystem of type `name` is shared over a network (or a cluster).
    public static func isNetwork(_ name: String) -> Bool {
        networkTypes.contains(name) || name.hasPrefix("nfs") || name.hasPrefix("fuse.sshfs")
    }

    private static let networkTypes: Set<String> = [
        "nfs", "nfs4", "cifs", "smb3", "smbfs", "ceph", "afs", "coda", "9p", "gfs2", "ocfs2", "lustre", "glusterfs",
        "beegfs", "gpfs", "ncpfs", "fuse.glusterfs", "fuse.s3fs", "fuse.rclone", "fuse.ceph-fuse",
    ]

    /// A mount point as mountinfo writes it: space, tab, newline and backslash as octal escapes (`\040`).
    private static func unescape(_ field: Substring) -> String {
        guard field.contains("\\") else { return String(field) }
        var bytes: [UInt8] = []
        let utf8 = Array(field.utf8)
        var index = 0
        while index < utf8.count {
            if utf8[index] == 0x5C, index + 3 < utf8.count,
                let value = UInt8(String(decoding: utf8[(index + 1)...(index + 3)], as: UTF8.self), radix: 8)
            {
                bytes.append(value)
                index += 4
            } else {
                bytes.append(utf8[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
