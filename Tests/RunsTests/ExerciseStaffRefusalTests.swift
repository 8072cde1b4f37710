import Drills
import Foundation
import Hashing
import Journaling
import PlaybookLanguage
import RunEngine
import Runs
import Testing

/// A refused staff action (`drill observe`, `rate`, `inject`, …) is journaled as a code with its parameters, like
/// every other refusal, and said in the words it was always said in.
struct ExerciseStaffRefusalTests {
    @Test func aStaffRefusalIsJournaledAsACode() throws {
        var loaded = try DrillByHandTests.load("water-leak-late-report")
        let text = String(decoding: loaded.scenarioBytes, as: UTF8.self)
            .replacingOccurrences(of: "user_leadership: grace }\n",
                                  with: "user_leadership: grace }\nstaff:\n  controllers: [wang]\n  evaluators: [zhao]\n")
        loaded.scenarioBytes = Array(text.utf8)
        let playbook = loaded.playbook
        loaded.scenario = try #require(ScenarioChecker.check(loaded.scenarioBytes, file: "s.yaml") { _ in playbook }.scenario)
        #expect(loaded.scenario.staff.evaluators == ["zhao"])
        let runs = try DrillByHandTests.runsDirectory()
        defer { try? FileManager.default.removeItem(atPath: runs.path) }
        let session = try DrillByHandTests.start(loaded, in: runs)
        let refused = try session.staff(.observe(objective: "report_in_time", kind: .strength, text: "fine"), by: "bob")
        #expect(refused.refusal?.message
            == "wrong-role: bob is not an evaluator of this drill (staff.evaluators in the scenario)")
        #expect(refused.appended.map(\.kind) == [.commandRejected(
            command: "drill observe", refusal: .coded(Rejection(.notAnEvaluator, ["person": .text("bob")])))])
        let unknown = try session.staff(.rate(objective: "nonsense", rating: "S", why: "x"), by: "zhao")
        guard case .commandRejected(_, .coded(let rejection))? = unknown.appended.first?.kind else {
            Issue.record("not journaled as a code: \(unknown.appended)")
            return
        }
        #expect(rejection.code == .objectiveUndefined)
        #expect(rejection.list("objectives") == loaded.scenario.objectives.map(\.id))
        #expect(try session.read().contents.events.last == unknown.appended.last)
    }
}
