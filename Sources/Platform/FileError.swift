import Glibc

/// A failed system call on a file, a directory, a socket or a process: which, on what, and the system's error
/// number.
public struct FileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The operation that failed, as a word: `open`, `write`, `fsync`, `mkdir`, …
    public var operation: String
    /// What it was applied to: a path, or `fd N` for a descriptor.
    public var path: String
    /// The system's error number (`errno`).
    public var code: Int32

    /// A failure of `operation` on `path` with error number `code`.
    public init(_ operation: String, path: String, code: Int32) {
        self.operation = operation
        self.path = path
        self.code = code
    }

    /// `open failed on 'PATH': reason`.
    public var description: String {
        "\(operation) failed on '\(path)': \(reason)"
    }

    /// Whether the error is that the name is taken.
    public var nameTaken: Bool { code == EEXIST }

    /// Whether the error is that nothing has the name.
    public var notFound: Bool { code == ENOENT }

    /// The system's words for the error number, in lower case.
    public var reason: String { systemText.lowercased() }

    /// The system's words for the error number, as it writes them (`Permission denied`).
    public var systemText: String { ErrorCode.text(code) }
}

/// The system's error numbers that Muster names, so that no module but this one needs the C library to say them.
public enum ErrorCode {
    /// No such file or directory (ENOENT).
    public static let notFound = ENOENT
    /// The name is taken (EEXIST).
    public static let exists = EEXIST
    /// An input/output error (EIO).
    public static let io = EIO
    /// No space left on the device (ENOSPC).
    public static let noSpace = ENOSPC
    /// Permission denied (EACCES).
    public static let accessDenied = EACCES
    /// A read-only file system (EROFS).
    public static let readOnlyFileSystem = EROFS
    /// The operation is not permitted (EPERM).
    public static let notPermitted = EPERM
    /// Not an executable file (ENOEXEC).
    public static let notExecutable = ENOEXEC
    /// Not enough memory (ENOMEM).
    public static let outOfMemory = ENOMEM
    /// A resource is temporarily unavailable (EAGAIN).
    public static let tryAgain = EAGAIN

    /// The system's words for an error number, as it writes them (`No such file or directory`).
    public static func text(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}

/// The flags `FileOperations.open` takes, named, so that its callers need not import the C library.
public enum OpenFlags {
    /// Open for reading only.
    public static let readOnly = O_RDONLY
    /// Open for writing only.
    public static let writeOnly = O_WRONLY
    /// Open for reading and writing.
    public static let readWrite = O_RDWR
    /// The bits of the flags that say which of the three above.
    public static let accessMode = O_ACCMODE
    /// Create the file if it does not exist.
    public static let create = O_CREAT
    /// With `create`: fail with EEXIST if the name is taken.
    public static let exclusive = O_EXCL
    /// Cut an existing file to nothing.
    public static let truncate = O_TRUNC
    /// Fail rather than follow a symbolic link in the last component.
    public static let noFollow = O_NOFOLLOW
    /// Fail unless the path is a directory.
    public static let directory = O_DIRECTORY
}
