#if canImport(Glibc)
    import Glibc
#endif

/// The baseline of a command's latency: appending a journal-sized line to a file and fsyncing it, on the same disk.
struct RawAppend {
    let descriptor: Int32
    private let line = Array(String(repeating: "x", count: 250).utf8) + [0x0A]

    init(path: String) {
        descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        guard descriptor >= 0 else { fatalError("cannot open \(path)") }
    }

    /// One append and fsync; its latency in seconds.
    func once() -> Double {
        let begin = Measure.now()
        _ = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        fsync(descriptor)
        return Measure.now() - begin
    }

    func close() {
        _ = Glibc.close(descriptor)
    }
}
