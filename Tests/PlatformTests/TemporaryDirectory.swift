import Glibc
import Platform

/// A fresh directory under `$TMPDIR` (or `/tmp`) for one test, removed with everything in it by `remove()`.
struct TemporaryDirectory {
    let path: String

    init() {
        let base = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        var template = Array((base + "/platform-tests-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        precondition(made != nil, "mkdtemp failed")
        path = String(cString: template)
    }

    /// The path of `name` in the directory.
    func callAsFunction(_ name: String) -> String { path + "/" + name }

    /// Writes `bytes` to a new file `name`, returning its path.
    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        try PlainFile.create(self(name), bytes: bytes)
        return self(name)
    }

    func remove() { Self.removeTree(path) }

    private static func removeTree(_ path: String) {
        for name in Directory.names(path) ?? [] {
            let child = path + "/" + name
            if FileStatus.isRealDirectory(child) { removeTree(child) } else { unlink(child) }
        }
        rmdir(path)
    }
}
