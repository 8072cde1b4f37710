/// One problem found in a file: what, where, how bad, and how to fix it.
///
/// Diagnostics are values: checkers collect all of them in one pass and renderers turn them into compiler-style
/// text, JSON or SARIF. The `id` is stable across releases so that tests, filters and documentation can rely on
/// it; the message is a lower-case phrase without a final period, like a compiler's.
public struct Diagnostic: Sendable, Hashable {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable, Hashable, Comparable {
        case note
        case warning
        case error

        private var rank: Int {
            switch self {
            case .note: 0
            case .warning: 1
            case .error: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// A secondary message, often pointing at a related place (the first of two duplicate keys, say).
    public struct Note: Sendable, Hashable {
        /// The note's text: a lower-case phrase without a final period.
        public var message: String
        /// Where the note points, if anywhere; in the same file as its diagnostic.
        public var location: SourceLocation?

        /// Creates a note, optionally pointing at a location in the diagnostic's file.
        public init(_ message: String, at location: SourceLocation? = nil) {
            self.message = message
            self.location = location
        }
    }

    /// How serious the problem is.
    public var severity: Severity
    /// The stable identifier of the rule that found the problem, e.g. `yaml-duplicate-key`.
    public var id: String
    /// What is wrong: a lower-case phrase without a final period.
    public var message: String
    /// The file the problem is in, as the user named it.
    public var file: String
    /// Where in the file; `nil` for problems with the file as a whole (it cannot be read, say).
    public var location: SourceLocation?
    /// How to fix it, when there is something useful to say.
    public var hint: String?
    /// Related places and further explanation.
    public var notes: [Note]

    /// Creates a diagnostic.
    public init(
        _ severity: Severity,
        id: String,
        _ message: String,
        file: String,
        at location: SourceLocation?,
        hint: String? = nil,
        notes: [Note] = []
    ) {
        self.severity = severity
        self.id = id
        self.message = message
        self.file = file
        self.location = location
        self.hint = hint
        self.notes = notes
    }

    /// Creates an error.
    public static func error(
        _ id: String, _ message: String, file: String, at location: SourceLocation?, hint: String? = nil,
        notes: [Note] = []
    ) -> Diagnostic {
        Diagnostic(.error, id: id, message, file: file, at: location, hint: hint, notes: notes)
    }

    /// Creates a warning.
    public static func warning(
        _ id: String, _ message: String, file: String, at location: SourceLocation?, hint: String? = nil,
        notes: [Note] = []
    ) -> Diagnostic {
        Diagnostic(.warning, id: id, message, file: file, at: location, hint: hint, notes: notes)
    }
}

extension Array where Element == Diagnostic {
    /// Whether any diagnostic is an error.
    public var containsErrors: Bool { contains { $0.severity == .error } }

    /// The diagnostics ordered by file, then location (file-level ones first), then id, for stable output.
    public func sortedForOutput() -> [Diagnostic] {
        enumerated().sorted { left, right in
            let (a, b) = (left.element, right.element)
            if a.file != b.file { return a.file < b.file }
            switch (a.location, b.location) {
            case (nil, .some): return true
            case (.some, nil): return false
            case (let x?, let y?) where x != y: return x < y
            default: return left.offset < right.offset
            }
        }.map(\.element)
    }
}
