import Platform

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
    /// Whether stdout was closed by its reader (`muster watch RUN | head`): `watch` then stops after its wake.
    public var outputClosed: Bool { closed.value }
    private let closed: Flag

    /// A flag a writer sets.
    final class Flag: @unchecked Sendable {
        var value = false
    }

    /// Creates a console from two writers, whether each stream may be coloured, and whether stdout is a terminal
    /// (by default, when it may be coloured).
    public convenience init(
        colourOut: Bool, colourError: Bool, terminalOut: Bool? = nil, out: @escaping (String) -> Void,
        error: @escaping (String) -> Void
    ) {
        self.init(colourOut: colourOut, colourError: colourError, terminalOut: terminalOut, closed: Flag(), out: out,
                  error: error)
    }

    init(
        colourOut: Bool, colourError: Bool, terminalOut: Bool?, closed: Flag, out: @escaping (String) -> Void,
        error: @escaping (String) -> Void
    ) {
        self.closed = closed
        self.colourOut = colourOut
        self.colourError = colourError
        self.terminalOut = terminalOut ?? colourOut
        self.writeOut = out
        self.writeError = error
    }

    /// The process's stdout and stderr, coloured when they are terminals and `NO_COLOR` is unset.
    public static func standard(environment: [String: String]) -> Console {
        let allowColour = environment["NO_COLOR"].map(\.isEmpty) ?? true
        let closed = Flag()
        return Console(
            colourOut: allowColour && StandardStream.output.isTerminal,
            colourError: allowColour && StandardStream.error.isTerminal,
            terminalOut: StandardStream.output.isTerminal, closed: closed,
            out: { text in if !StandardStream.output.write(text) { closed.value = true } },
            error: { text in StandardStream.error.write(text) })
    }

    /// Writes the result.
    public func out(_ text: String) { writeOut(text) }
    /// Writes a message for people (diagnostics, hints, progress).
    public func error(_ text: String) { writeError(text) }
}
