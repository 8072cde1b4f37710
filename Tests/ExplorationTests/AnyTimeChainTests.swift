import Exploration
import PlaybookLanguage
import RunEngine
import Testing

/// Chains of steps a responder may raise at any time while the run is live (`at_any_time:`): the emergency
/// shutdown and "the event has grown serious" of the plans.
struct AnyTimeChainTests {
    let playbook: Playbook
    init() throws { playbook = try FeatureFixtures.playbook("any-time") }
    let holders = ["commander": "cara", "tech_lead": "tim", "on_site": "olu"]

    @Test func aChainRaisedRunsBesideTheMainFlowAndEndsAtAStepWithoutNext() {
        var run = EngineRun(playbook, holders: holders)
        #expect(run.command("olu", .raise(chain: "serious", why: "users cannot work"), at: 1) == nil)
        #expect(run.state.raisedChains == ["serious"])
        #expect(run.state.activeOrder == ["report", "inform_user_leadership"])
        #expect(run.command("cara", .done(step: "inform_user_leadership", items: []), at: 3) == nil)
        #expect(run.state.raisedChains.isEmpty)
        #expect(run.kinds.contains(.chainEnded(chain: "serious")))
        #expect(run.state.activeOrder == ["report"])
        // Once ended, it may be raised again.
        #expect(run.command("cara", .raise(chain: "serious", why: nil), at: 20) == nil)
        #expect(run.state.activations["inform_user_leadership"] == 2)
        #expect(run.replays())
    }

    @Test func onlyTheRolesItNamesOrTheirStandInsRaiseIt() {
        var run = EngineRun(playbook, holders: ["tech_lead": "tim", "on_site": "olu"])
        #expect(run.command("olu", .raise(chain: "emergency_shutdown", why: nil), at: 1)?.reason == "wrong-role")
        // The tech lead stands in for the commander nobody holds, and is named anyway.
        #expect(run.command("tim", .raise(chain: "emergency_shutdown", why: nil), at: 1) == nil)
        #expect(run.command("tim", .raise(chain: "emergency_shutdown", why: nil), at: 2)?.reason == "invalid")
        #expect(run.command("tim", .raise(chain: "emergency_shutdwn", why: nil), at: 2)?
            .text("suggestion") == "emergency_shutdown")
    }

    @Test func aChainThatReachesAnOutcomeEndsTheRunAndEverythingOpen() {
        var run = EngineRun(playbook, holders: holders)
        #expect(run.command("olu", .raise(chain: "serious", why: nil), at: 1) == nil)
        #expect(run.command("cara", .raise(chain: "emergency_shutdown", why: nil), at: 2) == nil)
        #expect(run.command("cara", .decide(step: "decide_shutdown", option: "shut_down", why: nil), at: 4) == nil)
        #expect(run.command("tim", .done(step: "shut_down", items: []), at: 10) == nil)
        #expect(run.command("cara", .done(step: "report_shutdown", items: []), at: 11) == nil)
        #expect(run.state.outcome?.id == "shut_down")
        #expect(run.state.closed)
        #expect(run.state.raisedChains.isEmpty)
        #expect(run.state.active.isEmpty)
        #expect(run.command("olu", .raise(chain: "serious", why: nil), at: 12)?.reason == "closed")
        #expect(run.replays())
    }

    @Test func theEventsAreJournaledAndReadBack() throws {
        for kind in [EventKind.chainRaised(chain: "serious", why: "users cannot work"), .chainRaised(chain: "x", why: nil),
                     .chainEnded(chain: "serious")]
        {
            let (type, data) = EventCoding.encode(kind)
            #expect(try EventCoding.decode(type: type, data: .object(data)) == kind)
        }
    }

    @Test func theExplorationRaisesEachChainAnywhereAndFindsEveryRunEnds() {
        let result = StateExplorer(playbook: playbook).explore()
        #expect(result.complete)
        #expect(result.findings.isEmpty, "\(result.findings)")
    }

    @Test func aChainStepNoRunReachesIsFound() throws {
        var text = try String(contentsOf: FeatureFixtures.directory.appendingPathComponent("any-time.yaml"), encoding: .utf8)
        // Only the decision's expiry leads to 'keep_running' once the option goes elsewhere; with a fact that is never
        // recorded guarding the way, no run reaches it.
        text = text.replacingOccurrences(of: "            keep_running: { title: { en: Keep running, zh: 继续运行 }, goto: keep_running }",
                                         with: "            keep_running: { title: { en: Keep running, zh: 继续运行 }, goto: check_cause }")
            .replacingOccurrences(of: "      keep_running:\n", with: """
                      check_cause:
                        title: { en: Check the cause, zh: 核查原因 }
                        owner: commander
                        done_within: 5m
                        next:
                          - { when: severity != severe, goto: keep_running }
                          - { else: outcome.repaired }
                      keep_running:

                """)
        let result = PlaybookChecker.check(Array(text.utf8), file: "never.yaml")
        let playbook = try #require(result.playbook, "\(result.diagnostics)")
        let explored = StateExplorer(playbook: playbook).explore()
        #expect(explored.findings.contains { $0.kind == .unreachable(step: "keep_running") })
    }

    @Test func aChainStepLeadingOutOfItsChainIsRefused() throws {
        var text = try String(contentsOf: FeatureFixtures.directory.appendingPathComponent("any-time.yaml"), encoding: .utf8)
        text = text.replacingOccurrences(of: "        next: outcome.shut_down\n", with: "        next: repair\n")
        let result = PlaybookChecker.check(Array(text.utf8), file: "across.yaml")
        let across = result.diagnostics.first { $0.id == "goto-across-tracks" }
        #expect(across?.message == "'next' of step 'report_shutdown' goes from at-any-time chain 'emergency_shutdown' "
            + "to step 'repair' in the top level")
    }

    @Test func anUnknownKeyOfAChainGetsASuggestion() throws {
        var text = try String(contentsOf: FeatureFixtures.directory.appendingPathComponent("any-time.yaml"), encoding: .utf8)
        text = text.replacingOccurrences(of: "    by: [on_site, commander]", with: "    bye: [on_site, commander]")
        let result = PlaybookChecker.check(Array(text.utf8), file: "key.yaml")
        #expect(result.diagnostics.contains { $0.id == "unknown-key" && $0.message.contains("did you mean 'by'?") })
    }
}
