import PlaybookLanguage
import RunEngine
import Testing

/// Every step of every shipped playbook is activated, and every outcome reached, on some run the engine allows:
/// found by `RunExplorer`, which drives the engine down every way a run can go with an injected clock.
struct CoverageTests {
    @Test(arguments: ShippedPlaybooks.ids)
    func everyStepAndEveryOutcomeIsReachable(_ id: String) throws {
        let playbook = try ShippedPlaybooks.playbook(id)
        let explorer = RunExplorer(playbook: playbook)
        let report = explorer.explore()
        print("coverage: " + report.summary)
        let complete = report.complete
        #expect(complete, "coverage below 100%: \(report.summary)")
        let refused = report.rejections.prefix(5).joined(separator: "\n")
        #expect(report.rejections.isEmpty,
                "\(id): the engine refused \(report.rejections.count) commands it was offered, e.g.\n\(refused)")
        #expect(!report.truncated, "\(report.summary)")

        // Each outcome's run, replayed from the start, ends there again, and folding its journal gives its state.
        for (outcome, path) in report.reached.sorted(by: { $0.key < $1.key }) {
            let run = explorer.replay(path)
            #expect(run.rejection == nil, "\(id) → \(outcome): \(run.rejection ?? "")")
            #expect(run.state.outcome?.id == outcome, "\(id): replaying the way to '\(outcome)' did not reach it")
            #expect(RunState.fold(run.events) == run.state,
                    "\(id) → \(outcome): the fold differs from the engine's state")
        }
    }

    /// The explorer finds what it should on a playbook with a step that nothing leads to at run time: a branch on a
    /// value no fact can take. (The checker accepts it: the branch's target is reachable by its edge.)
    @Test func theExplorerNamesWhatItMissed() throws {
        let text = """
            muster: 1
            id: half
            version: 1.0.0
            title: { en: Half, zh: 一半 }
            roles:
              on_site: { title: { en: On site, zh: 现场 } }
            severity:
              general: { title: { en: General, zh: 一般 } }
            facts:
              level: { title: { en: Level, zh: 水位 }, type: number }
            start: measure
            steps:
              measure:
                title: { en: Measure, zh: 测量 }
                owner: on_site
                record: [level]
                done_within: 5m
                next:
                  - { when: level > 10 and level < 10, goto: never }
                  - { else: outcome.ok }
              never:
                title: { en: Never, zh: 从不 }
                owner: on_site
                done_within: 5m
                next: outcome.impossible
            outcomes:
              ok: { kind: success, title: { en: OK, zh: 好 } }
              impossible: { kind: failure, title: { en: Impossible, zh: 不可能 } }
            """
        let result = PlaybookChecker.check(Array(text.utf8), file: "half.yaml")
        let playbook = try #require(result.playbook, "\(result.diagnostics)")
        let report = RunExplorer(playbook: playbook).explore()
        #expect(!report.complete)
        #expect(report.missedSteps == ["never"])
        #expect(report.missedOutcomes == ["impossible"])
        #expect(report.summary.hasPrefix("half: steps 1/2 activated, outcomes 1/2 reached"))
        #expect(report.summary.contains("steps never activated: never"))
    }

    /// Time is part of the search: expiries, default options and escalations that reassign or leave a step are
    /// followed, and so are denials and signals.
    @Test func theExplorerTakesEveryKindOfTurn() throws {
        let power = RunExplorer(playbook: try ShippedPlaybooks.playbook("power-loss")).explore()
        for type in ["approval.granted", "approval.denied", "approval.expired", "decision.made", "decision.defaulted",
                     "signal.received", "step.reassigned", "escalation.fired", "severity.graded", "join.completed",
                     "run.closed"] {
            #expect(power.eventTypes.contains(type), "power-loss: no \(type)")
        }
        let hardware = RunExplorer(playbook: try ShippedPlaybooks.playbook("core-hardware")).explore()
        for type in ["chain.raised", "chain.ended"] {
            #expect(hardware.eventTypes.contains(type), "core-hardware: no \(type)")
        }
        #expect(hardware.activated["emergency_shutdown"] != nil, "core-hardware: the emergency shutdown never started")
        let fire = RunExplorer(playbook: try ShippedPlaybooks.playbook("fire")).explore()
        #expect(fire.cancellations.contains("portable_extinguisher: escalation 2 went to gas_suppression"))
    }
}
