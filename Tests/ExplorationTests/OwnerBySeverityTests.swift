import Exploration
import PlaybookLanguage
import RunEngine
import Testing

/// `owner: { fatal: commander, severe: tech_lead, default: on_site }`: who owns a step follows the run's severity.
struct OwnerBySeverityTests {
    let playbook: Playbook
    init() throws { playbook = try FeatureFixtures.playbook("owners") }

    static let holders = ["commander": "cara", "tech_lead": "tom", "on_site": "olga"]

    /// The owner the engine gave `step` when it activated it last.
    func activatedOwner(_ run: EngineRun, _ step: String) -> String?? {
        for kind in run.kinds.reversed() {
            if case .stepActivated(step, let owner, _) = kind { return owner }
        }
        return nil
    }

    @Test func eachLevelHasItsOwnerAndTheOthersTakeTheDefault() throws {
        let step = try #require(playbook.allSteps.first { $0.id == "repair" })
        let levels = playbook.severities.map(\.id)
        #expect(step.resolvedOwner(atSeverity: "fatal", levels: levels) == "commander")
        #expect(step.resolvedOwner(atSeverity: "severe", levels: levels) == "tech_lead")
        #expect(step.resolvedOwner(atSeverity: "general", levels: levels) == "on_site")
        // Not graded: the most severe level's owner, the rule milestones follow.
        #expect(step.resolvedOwner(atSeverity: nil, levels: levels) == "commander")
        #expect(step.possibleOwners == ["commander", "tech_lead", "on_site"])
    }

    @Test(arguments: [("fatal", "commander"), ("severe", "tech_lead"), ("general", "on_site")])
    func theStepIsActivatedForTheOwnerOfTheGradedLevel(_ level: String, _ owner: String) {
        var run = EngineRun(playbook, holders: Self.holders)
        #expect(run.command("cara", .grade(level: level, why: nil), at: 1) == nil)
        #expect(run.command("cara", .record(fact: "state", value: "warm"), at: 2) == nil)
        #expect(run.command("cara", .done(step: "assess", items: []), at: 3) == nil)
        #expect(activatedOwner(run, "repair") == .some(owner))
        #expect(run.state.active["repair"]?.owner == owner)
        #expect(run.replays())
    }

    @Test func aRunStartedUngradedActivatesForTheMostSevereLevelsOwner() throws {
        // The grading step has a plain owner; a step reached before any grade takes the strictest level's.
        let engine = Engine(playbook: playbook)
        #expect(engine.index.owner(of: try #require(engine.index.steps["repair"]), severity: nil) == "commander")
    }

    @Test func regradingHandsAnOpenStepToTheNewLevelsOwnerAndTellsThem() {
        var run = EngineRun(playbook, holders: Self.holders)
        #expect(run.command("cara", .grade(level: "general", why: nil), at: 1) == nil)
        #expect(run.command("cara", .record(fact: "state", value: "warm"), at: 2) == nil)
        #expect(run.command("cara", .done(step: "assess", items: []), at: 3) == nil)
        #expect(run.state.active["repair"]?.owner == "on_site")
        #expect(run.command("cara", .regrade(level: "fatal", why: "second unit down"), at: 4) == nil)
        #expect(run.state.active["repair"]?.owner == "commander")
        #expect(run.kinds.contains { kind in
            if case .stepReassigned("repair", "commander", let why, _, let code) = kind {
                return why.contains("Fatal") && code == EngineMessage(.reassignedBySeverity, ["level": .text("fatal")])
            }
            return false
        })
        #expect(run.kinds.contains { kind in
            if case .notificationRequested(_, let roles, _, let step, _, _) = kind { return roles == ["commander"] && step == "repair" }
            return false
        })
        // The former owner may no longer finish it; the new one may.
        #expect(run.command("olga", .record(fact: "cause", value: "power"), at: 5)?.reason == "wrong-role")
        #expect(run.command("cara", .record(fact: "cause", value: "power"), at: 5) == nil)
        #expect(run.command("cara", .done(step: "repair", items: []), at: 6) == nil)
        #expect(run.state.outcome?.id == "repaired")
        #expect(run.replays())
    }

    @Test func regradingBackAndForthHandsTheStepBackAndForth() {
        var run = EngineRun(playbook, holders: Self.holders, severity: "general")
        #expect(run.command("cara", .record(fact: "state", value: "ok"), at: 1) == nil)
        #expect(run.command("cara", .done(step: "assess", items: []), at: 2) == nil)
        let before = run.events.count
        #expect(run.command("cara", .regrade(level: "fatal", why: "x"), at: 3) == nil)
        #expect(run.command("cara", .regrade(level: "general", why: "y"), at: 4) == nil)
        let handed = run.events[before...].filter { if case .stepReassigned = $0.kind { return true }; return false }
        // general → fatal hands it to the commander, fatal → general back to the on-site engineer.
        #expect(handed.count == 2)
        #expect(run.state.active["repair"]?.owner == "on_site")
    }

    @Test func theExplorerRegradesAndStillProvesThePlaybook() {
        let result = StateExplorer(playbook: playbook).explore()
        #expect(result.complete)
        #expect(result.findings.isEmpty, "\(result.findings)")
        // Regrades are explored: more states than one start per level gives.
        #expect(result.states > 3)
    }
}
