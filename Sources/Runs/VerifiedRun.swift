/// What `verify` finds about a run: its journal verified (`RunVerification`) and, when intact, the runs linked to it
/// (continue_in) checked against it, in the runs directory, or in the archive, which holds the linked runs too.
public struct VerifiedRun: Sendable {
    /// The run verified.
    public var runID: String
    /// What its journal's verification found.
    public var found: RunVerification
    /// What following its links found (none when the journal is not intact).
    public var links: [LinkVerification.Finding]

    /// Verifies the run `bundle` holds when one is given, else run `runID` of `runs`, against `head` (a chain head
    /// recorded earlier), and follows its links.
    ///
    /// - Throws: `RunFailure` when the run is not there or cannot be read.
    public init(_ runID: String, bundle: RunBundleFile?, runs: RunsDirectory, head: String?) throws(RunFailure) {
        self.runID = bundle?.runID ?? runID
        if let bundle {
            found = try RunVerification.of(bundle: bundle, head: head)
        } else {
            found = try RunVerification.of(runID, in: runs, head: head)
        }
        links = []
        if case .intact(let contents, _) = found {
            links = bundle.map { LinkVerification.follow(bundle: $0, contents: contents) }
                ?? LinkVerification.follow(runID, contents: contents, runs: runs)
        }
    }
}
