#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where a command's output goes: the result on stdout, everything else on stderr.
///
/// Tests give a `Console` that records; the executable gives one bound to the process's streams. Colour is
/// decided once, here: only on a TTY, and never when `NO_COLOR` is set.
public final class Console: @unchecked Sendable {
    // Unchecked: a command runs on one thread; the class exists so that every part of it writes to the same
    // streams without threading them through every call.
    private let writeOut: (String) -> Void
    private let writeError: (String) -> Void
    /// Whether stdout may be coloured.
    public let colourOut: Bool
    /// Whether stderr may be coloured.
    public let colourError: Bool
    /// Whether stdout is a terminal, whatever `NO_COLOR` says: what `watch` redraws in place.
    public let terminalOut: Bool

    /// Creates a console from two writers, whether each stream may be coloured, and whether stdout is a terminal
    /// (by default, when it may be coloured).
    public init(
        colourOut: Bool, colourError: Bool, terminalOut: Bool? = nil, out: @escaping (String) -> Void,
        error: @escaping (String) -> Void
    ) {
        self.colourOut = colourOut
        self.colourError = colourError
        self.terminalOut = terminalOut ?? colourOut
        self.writeOut = out
        self.writeError = error
    }

    /// The process's stdout and stderr, coloured when they are terminals and `NO_COLOR` is unset.
    public static func standard(environment: [String: String]) -> Console {
        let allowColour = environment["NO_COLOR"].map(\.isEmpty) ?? true
        return Console(
            colourOut: allowColour && isatty(1) == 1, colourError: allowColour && isatty(2) == 1,
            terminalOut: isatty(1) == 1, out: { text in writeAll(text, to: 1) },
            error: { text in writeAll(text, to: 2) })
    }

    private static func writeAll(_ text: String, to descriptor: Int32) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            bytes = bytes.dropFirst(written)
        }
    }

    /// Writes the result.
    public func out(_ text: String) { writeOut(text) }
    /// Writes a message for people (diagnostics, hints, progress).
    public func error(_ text: String) { writeError(text) }
}
