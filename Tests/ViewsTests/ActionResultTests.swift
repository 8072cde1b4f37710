import JSONText
import PlaybookLanguage
import RunEngine
import Testing
import Views

/// What an action says once taken: the seq and active steps, or the whole result as JSON.
struct ActionResultTests {
    @Test func aTakenActionSaysItsSeqAndActiveSteps() throws {
        var run = LeakKit.Run()
        try run.act("bob", .acknowledge(step: "report"), atMinute: 1)
        let result = ActionResult(state: run.state, appended: [], rejection: nil)
        #expect(result.text(.en) == "ok: seq \(run.state.eventCount); active steps: report\n")
        #expect(result.refusal(.en) == nil)
        let json = result.json(runID: "leak-1").objectValue
        #expect(json?["ok"] == .bool(true) && json?["run"] == .string("leak-1"))
        #expect(json?["active"] == .array([.string("report")]))
        #expect(json?["reason"] == nil)
    }
}
