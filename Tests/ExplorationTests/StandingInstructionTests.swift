import Exploration
import PlaybookLanguage
import RunEngine
import Testing

/// A standing instruction ("protect the scene", 同时保护好现场): raised when its step starts, standing until the role
/// that releases it does, holding the run open meanwhile.
struct StandingInstructionTests {
    let playbook: Playbook
    init() throws { playbook = try FeatureFixtures.playbook("standing") }
    let holders = ["commander": "cara", "on_site": "olu", "security": "sam"]

    @Test func itStandsFromItsStepUntilReleasedAndHoldsTheRunOpen() {
        var run = EngineRun(playbook, holders: holders)
        #expect(run.state.standing == ["protect_scene"])
        #expect(run.kinds.contains(.instructionRaised(instruction: "protect_scene", step: "report")))
        #expect(run.command("olu", .done(step: "report", items: []), at: 3) == nil)
        #expect(run.command("sam", .done(step: "inventory", items: []), at: 60) == nil)
        #expect(run.state.outcome?.id == "recorded")
        #expect(!run.state.closed, "a run closes only once nothing stands")
        #expect(run.state.standing == ["protect_scene"])
        #expect(run.command("olu", .release(instruction: "protect_scene", why: nil), at: 61)?.reason == "wrong-role")
        #expect(run.command("sam", .release(instruction: "protect_scen", why: nil), at: 61)?
            .text("suggestion") == "protect_scene")
        #expect(run.command("sam", .release(instruction: "protect_scene", why: "police done"), at: 61) == nil)
        #expect(run.state.standing.isEmpty)
        #expect(run.state.closed)
        #expect(run.replays())
    }

    @Test func releasingWhatDoesNotStandIsRefused() {
        var run = EngineRun(playbook, holders: holders)
        #expect(run.command("sam", .release(instruction: "protect_scene", why: nil), at: 1) == nil)
        #expect(run.command("sam", .release(instruction: "protect_scene", why: nil), at: 2)?.reason == "not-active")
    }

    @Test func theEventsAreJournaledAndReadBack() throws {
        for kind in [EventKind.instructionRaised(instruction: "protect_scene", step: "report"),
                     .instructionReleased(instruction: "protect_scene", why: "done"),
                     .instructionReleased(instruction: "protect_scene", why: nil)]
        {
            let (type, data) = EventCoding.encode(kind)
            #expect(try EventCoding.decode(type: type, data: .object(data)) == kind)
        }
    }

    @Test func theExplorationReleasesWhatStandsAndFindsEveryRunCloses() {
        let result = StateExplorer(playbook: playbook).explore()
        #expect(result.complete)
        #expect(result.findings.isEmpty, "\(result.findings)")
    }
}
