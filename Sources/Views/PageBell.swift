public import RunEngine

/// The terminal bell of `watch --as PERSON`: it rings once for each page to that person that is new since the
/// watch started. The pages already sent when the watch starts are taken as seen.
public struct PageBell: Sendable {
    private var seen: Set<String> = []

    public init() {}

    /// Takes the pages to `person` in `state` (run `runID`) as seen.
    ///
    /// - Returns: whether any of them was not seen before (on the first call: whether there is any).
    public mutating func seeNewPages(in state: RunState, runID: String, person: String) -> Bool {
        let paged = Set(state.outbox.deliveries.filter { $0.recipient == person }.map { $0.idempotencyKey(runID: runID) })
        let fresh = !paged.subtracting(seen).isEmpty
        seen.formUnion(paged)
        return fresh
    }
}
