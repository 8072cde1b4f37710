import Exploration
import PlaybookLanguage
import RunEngine
import Testing

/// A step signed by two roles together, by two people (一同核实审定).
struct SignedTogetherTests {
    let playbook: Playbook
    init() throws { playbook = try FeatureFixtures.playbook("together") }

    @Test func theStepIsDoneWhenBothRolesHaveSigned() {
        var run = EngineRun(playbook, holders: ["on_site": "olu", "security": "sam"])
        #expect(run.command("olu", .done(step: "confirm_inventory", items: []), at: 10) == nil)
        #expect(run.state.active["confirm_inventory"]?.signatures == ["on_site": "olu"])
        #expect(run.state.outcome == nil)
        #expect(run.command("sam", .done(step: "confirm_inventory", items: []), at: 20) == nil)
        #expect(run.state.outcome?.id == "confirmed")
        #expect(run.kinds.filter { if case .stepSigned = $0 { true } else { false } }.count == 2)
        #expect(run.replays())
    }

    @Test func onePersonHoldingBothRolesCannotSignTwice() {
        var run = EngineRun(playbook, holders: ["on_site": "olu", "security": "olu"])
        #expect(run.command("olu", .done(step: "confirm_inventory", items: []), at: 10) == nil)
        let refused = run.command("olu", .done(step: "confirm_inventory", items: []), at: 11)
        #expect(refused?.reason == "separation-of-duties")
        #expect(refused?.code == .signedAlreadyByPerson && refused?.text("role") == "on_site" && refused?.text("other") == "security")
        #expect(run.state.outcome == nil)
    }

    @Test func someoneWithNeitherRoleCannotSign() {
        var run = EngineRun(playbook, holders: ["on_site": "olu", "security": "sam", "commander": "cara"])
        #expect(run.command("cara", .done(step: "confirm_inventory", items: []), at: 10)?.reason == "wrong-role")
    }

    @Test func theSignatureIsJournaledAndReadBack() throws {
        let kind = EventKind.stepSigned(step: "confirm_inventory", role: "security")
        let (type, data) = EventCoding.encode(kind)
        #expect(try EventCoding.decode(type: type, data: .object(data)) == kind)
    }

    @Test func theExplorationSignsWithBothAndFindsEveryRunEnds() {
        let result = StateExplorer(playbook: playbook).explore()
        #expect(result.complete)
        #expect(result.findings.isEmpty, "\(result.findings)")
    }
}
