/// Writes every byte of `bytes` through `write` (one call of the system's `write`, which may take fewer bytes than
/// it is given: a short write), however many calls it takes. A call that makes no progress is EIO on `path`.
public func writeAll(
    _ bytes: ArraySlice<UInt8>, path: String, with write: (ArraySlice<UInt8>) throws(FileError) -> Int
) throws(FileError) {
    var rest = bytes
    while !rest.isEmpty {
        let written = try write(rest)
        guard written > 0 else { throw FileError("write", path: path, code: ErrorCode.io) }
        rest = rest.dropFirst(written)
    }
}

extension FileOperations {
    /// Writes every byte, however many writes it takes; a write that makes no progress is EIO.
    public func writeAll(_ bytes: ArraySlice<UInt8>, to descriptor: Int32) throws(FileError) {
        try Platform.writeAll(bytes, path: "fd \(descriptor)") { rest throws(FileError) in
            try write(descriptor, rest)
        }
    }
}
