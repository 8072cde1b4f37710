/// Renders diagnostics the way compilers do, for people reading a terminal.
///
/// ```
/// Playbooks/fire.yaml:12:9: error: step 'asess' is not defined; did you mean 'assess'? [undefined-step]
///    12 |     next: asess
///       |           ^
///       = hint: define the step under 'steps:' or correct the name
/// ```
/// Colour (ANSI escapes) is used only when the caller says so: on a TTY with `NO_COLOR` unset.
public struct TextRenderer: Sendable {
    /// Whether to colour the output with ANSI escapes.
    public var useColour: Bool

    /// Creates a renderer.
    public init(useColour: Bool = false) {
        self.useColour = useColour
    }

    /// Renders one diagnostic, quoting its line from `source` when given, followed by its notes.
    public func render(_ diagnostic: Diagnostic, source: SourceText?) -> String {
        var out = ""
        out += header(
            file: diagnostic.file, location: diagnostic.location, severity: diagnostic.severity,
            message: diagnostic.message, id: diagnostic.id)
        let gutter = gutterWidth(diagnostic)
        if let location = diagnostic.location, let source {
            out += snippet(location, source: source, gutter: gutter)
        }
        if let hint = diagnostic.hint {
            out += String(repeating: " ", count: gutter) + "= " + paint("hint:", .bold) + " " + TerminalText.line(hint) + "\n"
        }
        for note in diagnostic.notes where note.location == nil {
            out += String(repeating: " ", count: gutter) + "= " + paint("note:", .bold) + " " + TerminalText.line(note.message) + "\n"
        }
        for note in diagnostic.notes where note.location != nil {
            out += header(
                file: diagnostic.file, location: note.location, severity: .note, message: note.message, id: nil)
            if let location = note.location, let source {
                out += snippet(location, source: source, gutter: gutter)
            }
        }
        return out
    }

    /// Renders many diagnostics in output order, looking each file's text up in `sources`.
    public func render(_ diagnostics: [Diagnostic], sources: [String: SourceText]) -> String {
        diagnostics.map { render($0, source: sources[$0.file]) }.joined()
    }

    private func header(
        file: String, location: SourceLocation?, severity: Diagnostic.Severity, message: String, id: String?
    ) -> String {
        let place = location.map { "\(file):\($0.line):\($0.column):" } ?? "\(file):"
        let label: String
        switch severity {
        case .error: label = paint("error:", .red)
        case .warning: label = paint("warning:", .magenta)
        case .note: label = paint("note:", .cyan)
        }
        let suffix = id.map { " [\($0)]" } ?? ""
        // A message can quote what the file holds (a key, a name): never raw control characters to a terminal.
        return paint(place, .bold) + " " + label + " " + paint(TerminalText.line(message), .bold) + suffix + "\n"
    }

    private func gutterWidth(_ diagnostic: Diagnostic) -> Int {
        let lines = [diagnostic.location?.line] + diagnostic.notes.map { $0.location?.line }
        let widest = lines.compactMap { $0 }.max() ?? 1
        return String(widest).count + 2
    }

    /// At most this many characters of a quoted line are shown: a window around the caret, `...` marking what is
    /// cut (three ASCII dots, not `…`, which CJK terminals draw two cells wide and the caret would miss by one),
    /// so that a hostile or minified file's megabyte-long line does not flood the terminal.
    static let quotedCharacters = 160

    private func snippet(_ location: SourceLocation, source: SourceText, gutter: Int) -> String {
        guard let text = source.line(location.line) else { return "" }
        let number = String(location.line)
        let pad = String(repeating: " ", count: gutter - number.count - 1)
        let blank = String(repeating: " ", count: gutter)
        let scalars = Array(text.unicodeScalars)
        let caret = min(max(location.column - 1, 0), scalars.count)
        var window = 0..<scalars.count
        if scalars.count > Self.quotedCharacters {
            let lower = max(0, min(caret - Self.quotedCharacters / 3, scalars.count - Self.quotedCharacters))
            window = lower..<(lower + Self.quotedCharacters)
        }
        let cutBefore = window.lowerBound > 0
        let cutAfter = window.upperBound < scalars.count
        var caretPrefix = cutBefore ? "   " : ""
        for scalar in scalars[window.lowerBound..<max(window.lowerBound, caret)] {
            if scalar == "\t" {
                caretPrefix += "\t"
            } else {
                caretPrefix += String(repeating: " ", count: DisplayWidth.of(scalar))
            }
        }
        let shown = (cutBefore ? "..." : "")
            + scalars[window].map { DisplayWidth.isControl($0) ? "\u{FFFD}" : String($0) }.joined()
            + (cutAfter ? "..." : "")
        return pad + paint(number, .blue) + " | " + shown + "\n"
            + blank + "| " + caretPrefix + paint("^", .green) + "\n"
    }

    private enum Style: String {
        case bold = "1"
        case red = "1;31"
        case magenta = "1;35"
        case cyan = "1;36"
        case green = "1;32"
        case blue = "34"
    }

    private func paint(_ text: String, _ style: Style) -> String {
        useColour ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }
}

/// How many terminal cells a Unicode scalar takes, enough to put a caret under the right character.
enum DisplayWidth {
    static func of(_ scalar: Unicode.Scalar) -> Int {
        if scalar.properties.generalCategory == .nonspacingMark || scalar.value == 0x200B { return 0 }
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }

    /// Control characters other than tab would garble a terminal, so snippets show them as U+FFFD.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t") || (0x7F...0x9F).contains(scalar.value)
    }
}
