import PlaybookLanguage
import RunEngine
import Testing

/// A source plan's grading table mapped to the levels (`aliases`): Plan C's Ⅲ级 is the most severe level.
struct SeverityAliasTests {
    let playbook: Playbook
    init() throws { playbook = try FeatureFixtures.playbook("grades") }

    @Test func gradeAndRegradeTakeAnAliasAndJournalTheLevel() {
        var run = EngineRun(playbook, holders: ["commander": "cara"])
        #expect(run.command("cara", .grade(level: "Ⅲ级", why: nil), at: 1) == nil)
        #expect(run.state.severity == "fatal")
        #expect(run.kinds.contains(.severityGraded(level: "fatal", why: nil)))
        #expect(run.command("cara", .regrade(level: "Ⅰ级", why: "contained"), at: 2) == nil)
        #expect(run.state.severity == "general")
        #expect(run.command("cara", .regrade(level: "Ⅳ级", why: "x"), at: 3)?.reason == "invalid")
        #expect(run.replays())
    }

    @Test func theMostSevereLevelCarriesTheHighestPlanCGrade() {
        #expect(playbook.severityID(named: "Ⅲ级") == playbook.severities.first?.id)
        #expect(playbook.severityID(named: "Ⅰ级") == playbook.severities.last?.id)
        #expect(playbook.severityID(named: "severe") == "severe")
    }
}
