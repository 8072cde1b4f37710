import Glibc

/// The process's standard streams, by descriptor.
public enum StandardStream: Int32, Sendable {
    /// Standard input (descriptor 0).
    case input = 0
    /// Standard output (descriptor 1).
    case output = 1
    /// Standard error (descriptor 2).
    case error = 2

    /// Whether the stream is a terminal (what colour and redrawing in place depend on).
    public var isTerminal: Bool { isatty(rawValue) == 1 }

    /// Writes all of `text`; false when the stream is closed by its reader (EPIPE, where SIGPIPE is ignored: see
    /// `CurrentProcess.ignoreBrokenPipes`) or fails otherwise.
    @discardableResult
    public func write(_ text: String) -> Bool {
        do {
            try SystemFiles().writeAll(Array(text.utf8)[...], to: rawValue)
            return true
        } catch {
            return false
        }
    }
}
