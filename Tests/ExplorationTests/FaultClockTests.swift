import Exploration
import PlaybookLanguage
import RunEngine
import Testing

/// A wait and a milestone counted from the fault (`from: fault`), for the plans' two-hour rule: business units
/// switch to other means 2 h after the fault, not 2 h after the step that watches for it.
struct FaultClockTests {
    let playbook: Playbook
    init() throws { playbook = try FeatureFixtures.playbook("fault-clock") }
    let holders = ["commander": "cara", "on_site": "olu"]

    func expiry(of step: String, in run: EngineRun) -> Int64? {
        run.state.active[step]?.due.expiry
    }

    @Test func theWaitEndsTwoHoursAfterTheFaultGivenAtTheStart() {
        let fault = EngineRun.t0 - 90 * 60_000
        var run = EngineRun(playbook, holders: holders, faultAt: fault)
        #expect(run.command("olu", .done(step: "report", items: []), at: 10) == nil)
        #expect(expiry(of: "two_hour_watch", in: run) == fault + 2 * 3_600_000)
        run.advance(to: 29)
        #expect(run.state.active["two_hour_watch"] != nil)
        run.advance(to: 30)
        #expect(run.state.active["two_hour_watch"] == nil)
        #expect(run.state.active["other_means"] != nil)
        #expect(run.state.milestones["repaired"]?.dueAt == fault + 4 * 3_600_000)
        #expect(run.replays())
    }

    @Test func aWaitEnteredAfterItsBoundEndsAtOnce() {
        let fault = EngineRun.t0 - 3 * 3_600_000
        var run = EngineRun(playbook, holders: holders, faultAt: fault)
        // The repair milestone, 4 h after the fault, is still ahead; the two hours have passed.
        #expect(run.state.milestones["repaired"]?.missed == false)
        #expect(run.command("olu", .done(step: "report", items: []), at: 5) == nil)
        #expect(run.state.active["two_hour_watch"] == nil)
        #expect(run.state.active["other_means"] != nil)
        #expect(run.state.completedAt["two_hour_watch"] == EngineRun.t0 + 5 * 60_000)
        #expect(run.replays())
    }

    @Test func aMilestoneWhoseTimeIsUpAtTheStartIsMissedAtOnce() {
        let run = EngineRun(playbook, holders: holders, faultAt: EngineRun.t0 - 5 * 3_600_000)
        #expect(run.state.milestones["repaired"]?.missed == true)
        #expect(run.state.timers["milestone.repaired"] == nil)
        #expect(run.replays())
    }

    @Test func withoutAFaultInstantTheFaultIsTheStart() {
        var run = EngineRun(playbook, holders: holders)
        #expect(run.state.faultAt == EngineRun.t0)
        #expect(run.command("olu", .done(step: "report", items: []), at: 10) == nil)
        #expect(expiry(of: "two_hour_watch", in: run) == EngineRun.t0 + 2 * 3_600_000)
    }

    @Test func theFaultInstantIsJournaledAndReadBack() throws {
        let run = EngineRun(playbook, holders: holders, faultAt: 1_234)
        let (type, data) = EventCoding.encode(run.events[0].kind)
        #expect(data["fault_at"] == .integer(1_234))
        #expect(try EventCoding.decode(type: type, data: .object(data)) == run.events[0].kind)
    }

    @Test func theWorstCaseCountsTheWaitFromTheFaultNotFromItsStep() throws {
        let level = try #require(playbook.severities.first)
        let repaired = try #require(playbook.milestones.first { $0.id == "repaired" })
        // The repair track's 3 h after the 5-minute report; the business track ends at 2 h 15 m at the latest
        // (the wait ends 2 h after the fault whenever it is entered), not 5 m + 2 h + 15 m.
        let worst = try #require(playbook.worstCase(of: repaired, at: level))
        let expected: Int64 = 3 * 3_600_000 + 5 * 60_000
        #expect(worst.at == expected)
    }

    @Test func theExplorationFindsEveryRunEnds() {
        let result = StateExplorer(playbook: playbook).explore()
        #expect(result.complete)
        #expect(result.findings.isEmpty, "\(result.findings)")
    }

    @Test func anUnknownInstantIsRefusedWithASuggestion() {
        let text = """
            muster: 1
            id: t
            version: 1.0.0
            title: { en: T, zh: 测 }
            roles: { a: { title: { en: A, zh: 甲 } } }
            severity: { general: { title: { en: General, zh: 一般 } } }
            start: w
            steps:
              w:
                title: { en: W, zh: 等 }
                owner: a
                wait: { within: 2h, from: falt }
                next: outcome.done
            outcomes: { done: { kind: success, title: { en: Done, zh: 完成 } } }
            """
        let result = PlaybookChecker.check(Array(text.utf8), file: "t.yaml")
        #expect(result.diagnostics.map(\.id) == ["wrong-type"])
        #expect(result.diagnostics.first?.message.contains("did you mean 'fault'") == true)
    }
}
