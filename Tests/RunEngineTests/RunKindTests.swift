import RunEngine
import Testing

/// One list of run kinds: what a start record makes of a run, and which kinds count where.
struct RunKindTests {
    static func start(mode: RunMode, virtualClock: Bool, unattended: Bool = false) -> RunStart {
        var start = RunStart(playbookID: "p", version: "1", playbookHash: "h", mode: mode, virtualClock: virtualClock,
                             severity: nil, assignments: [:])
        start.unattended = unattended
        return start
    }

    @Test(arguments: [
        (RunMode.live, false, false, RunKind.live),
        (.drill, false, false, .rehearsal),
        (.drill, true, false, .drill),
        (.drill, true, true, .practice),
    ])
    func aStartRecordNamesItsKind(mode: RunMode, virtualClock: Bool, unattended: Bool, kind: RunKind) {
        #expect(Self.start(mode: mode, virtualClock: virtualClock, unattended: unattended).kind == kind)
    }

    @Test func onlyLiveRunsAreIncidentsAndOnlyPeopleHoldDrills() {
        #expect(RunKind.allCases.filter(\.isLive) == [.live])
        #expect(RunKind.allCases.filter(\.isHeldWithPeople) == [.rehearsal, .drill])
    }
}
