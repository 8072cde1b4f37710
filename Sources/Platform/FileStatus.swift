import Glibc

/// What the system says about a path: its kind, owner, permission bits and size.
public struct FileStatus: Sendable, Hashable {
    /// What a path names.
    public enum Kind: Sendable, Hashable {
        /// A regular file.
        case regular
        /// A directory.
        case directory
        /// A symbolic link (seen only when links are not followed).
        case symbolicLink
        /// Anything else: a FIFO, a socket, a device.
        case other
    }

    /// What the path names.
    public var kind: Kind
    /// The owner's user id.
    public var owner: UInt32
    /// The group's id.
    public var group: UInt32 = 0
    /// The permission bits (`0o7777` of the mode).
    public var permissions: UInt32
    /// The size in bytes.
    public var size: Int

    /// The status of `path`; with `followingLinks` false, that of a symbolic link itself (`lstat`).
    public static func of(_ path: String, followingLinks: Bool = true) throws(FileError) -> FileStatus {
        var status = stat()
        let result = followingLinks ? stat(path, &status) : lstat(path, &status)
        guard result == 0 else { throw FileError("stat", path: path, code: errno) }
        let kind: Kind = switch status.st_mode & S_IFMT {
        case S_IFREG: .regular
        case S_IFDIR: .directory
        case S_IFLNK: .symbolicLink
        default: .other
        }
        return FileStatus(kind: kind, owner: UInt32(status.st_uid), group: UInt32(status.st_gid),
                          permissions: UInt32(status.st_mode & 0o7777), size: Int(status.st_size))
    }

    /// Whether `path` names a directory (following links).
    public static func isDirectory(_ path: String) -> Bool {
        (try? of(path))?.kind == .directory
    }

    /// Whether `path` names a directory that is not a symbolic link.
    public static func isRealDirectory(_ path: String) -> Bool {
        (try? of(path, followingLinks: false))?.kind == .directory
    }

    /// Whether `path` is a symbolic link.
    public static func isSymbolicLink(_ path: String) -> Bool {
        (try? of(path, followingLinks: false))?.kind == .symbolicLink
    }
}
