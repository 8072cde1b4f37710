import Reporting

extension RunsDirectory {
    /// The id of a new run when none is given (`--run-id`): what it runs (a playbook or scenario id) and the
    /// instant it starts, compact (`water-leak-20261206-083000`, UTC).
    public static func newRunID(given: String?, of id: String, at now: Int64) -> String {
        given ?? "\(id)-\(InstantText.compact(now))"
    }
}
