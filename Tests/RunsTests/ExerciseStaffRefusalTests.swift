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
        let runs = try DrillByHandTests.runsDirectory()
        defer { try? FileManager.default.removeItem(atPath: runs.path) }
        // The tabletop with its exercise staff: controller wang, evaluator zhao.
        let session = try AfterActionReportReadingTests.staffedDrill(in: runs)
        let refused = try session.staff(.observe(objective: "report_in_time", kind: .strength, text: "fine"), by: "bob")
        #expect(refused.plan.scenario.staff.evaluators == ["zhao"])
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
        #expect(rejection.list("objectives") == unknown.plan.scenario.objectives.map(\.id))
        #expect(try session.read().contents.events.last == unknown.appended.last)
    }
}
