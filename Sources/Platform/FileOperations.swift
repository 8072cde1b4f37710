/// The file operations Muster's files are written with, behind one seam so that tests can make a write short,
/// a write fail (a full disk), an fsync fail, a directory unwritable, or the power go out, at a chosen moment.
public protocol FileOperations: Sendable {
    /// Opens a file; returns the descriptor or throws the error number.
    func open(_ path: String, flags: Int32, mode: UInt32) throws(FileError) -> Int32
    /// Reads up to `count` bytes.
    func read(_ descriptor: Int32, count: Int) throws(FileError) -> [UInt8]
    /// Writes bytes; returns how many were written (possibly fewer: a short write).
    func write(_ descriptor: Int32, _ bytes: ArraySlice<UInt8>) throws(FileError) -> Int
    /// Flushes the file to stable storage.
    func fsync(_ descriptor: Int32) throws(FileError)
    /// Cuts the file to `length` bytes.
    func truncate(_ descriptor: Int32, to length: Int) throws(FileError)
    /// The file's size in bytes.
    func size(_ descriptor: Int32) throws(FileError) -> Int
    /// Takes the lock, waiting for it: exclusive for a writer, shared for a reader.
    func lock(_ descriptor: Int32, shared: Bool) throws(FileError)
    /// Releases the lock.
    func unlock(_ descriptor: Int32)
    /// Closes the descriptor.
    func close(_ descriptor: Int32)
    /// Creates a directory with exactly `mode`.
    func makeDirectory(_ path: String, mode: UInt32) throws(FileError)
    /// Sets a file's permission bits exactly.
    func setMode(_ descriptor: Int32, _ mode: UInt32) throws(FileError)
    /// Renames a file over another, atomically.
    func rename(_ path: String, to newPath: String) throws(FileError)
    /// Gives a file a second name; fails with EEXIST when the name is taken.
    func link(_ path: String, to newPath: String) throws(FileError)
    /// Removes a name; a missing one is no error.
    func unlink(_ path: String)
    /// Removes an empty directory; failure is ignored.
    func removeDirectory(_ path: String)
    /// Flushes a directory's entries (a file created or renamed in it) to stable storage.
    func syncDirectory(_ path: String) throws(FileError)
    /// Moves the descriptor's offset to `offset` bytes from the start: where the next read or write happens.
    func seek(_ descriptor: Int32, to offset: Int) throws(FileError)
}

extension FileOperations {
    /// Moves the offset of the system's descriptor: what every implementation that passes descriptors through to
    /// `SystemFiles` wants.
    public func seek(_ descriptor: Int32, to offset: Int) throws(FileError) {
        try SystemFiles().seek(descriptor, to: offset)
    }
}
