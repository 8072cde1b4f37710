import JSONText
import RunEngine
import Testing

/// The events of a run that continues in another playbook keep every field through the journal's JSON, and
/// folding them gives the link both ways and the milestones handed over.
struct ContinuationEventTests {
    static let link = RunLink(run: "a-power-loss", playbook: "power-loss", startedHash: String(repeating: "ab", count: 32))

    static let kinds: [EventKind] = [
        .continueRequested(ContinuationRequest(step: "power_handover", playbook: "power-loss",
                                               entry: "line_fault_measures", facts: ["outage_kind": "line_fault"])),
        .continueRequested(ContinuationRequest(step: "hand", playbook: "fire", entry: nil, facts: [:])),
        .continuedIn(link),
        .milestoneHandedOver(milestone: "repaired"),
    ]

    @Test(arguments: kinds)
    func eachKindRoundTrips(kind: EventKind) throws {
        let (type, data) = EventCoding.encode(kind)
        #expect(try EventCoding.decode(type: type, data: .object(data)) == kind)
    }

    @Test func theStartRecordKeepsTheRunItContinues() throws {
        var start = RunStart(playbookID: "power-loss", version: "1", playbookHash: "h", mode: .live,
                             virtualClock: false, severity: nil, assignments: [:])
        start.continuedFrom = RunLink(run: "a", playbook: "aircon", startedHash: "c0ffee")
        let (type, data) = EventCoding.encode(.runStarted(start))
        #expect(data["continued_from"] != nil)
        #expect(try EventCoding.decode(type: type, data: .object(data)) == .runStarted(start))
        var plain = start
        plain.continuedFrom = nil
        #expect(EventCoding.encode(.runStarted(plain)).data["continued_from"] == nil)
    }

    @Test func foldingGivesTheLinkAndTheMilestonesHandedOver() {
        let kinds = [Self.kinds[0], Self.kinds[2], Self.kinds[3]]
        let state = RunState.fold(kinds.enumerated().map { Event(at: Int64($0.offset), actor: .engine, kind: $0.element) })
        #expect(state.continuation?.playbook == "power-loss")
        #expect(state.continuedIn == Self.link)
        #expect(!state.awaitsLinkedRun)
        #expect(state.milestones["repaired"]?.handedOver == true)
        #expect(state.milestones["repaired"]?.missed == false)
    }
}
