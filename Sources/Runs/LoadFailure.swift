public import Diagnostics

/// A playbook or scenario a command names that could not be loaded: the problems found in the files read (to
/// show with their lines, in the order found), and what to say after them.
public struct LoadFailure: Error, Sendable {
    /// The problems of one file, sorted for output, with the file's text.
    public struct Problems: Sendable {
        /// The file, as it was named.
        public var file: String
        /// Its problems, sorted for output.
        public var diagnostics: [Diagnostic]
        /// Its text, to show the lines the problems are on.
        public var source: SourceText
    }

    /// The problems of each file read, in the order they are shown.
    public var problems: [Problems]
    /// What to say after them.
    public var failure: RunFailure

    /// A failure with nothing to show but what `failure` says.
    public init(_ failure: RunFailure, problems: [Problems] = []) {
        self.failure = failure
        self.problems = problems
    }
}
