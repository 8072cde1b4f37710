import JSONText
import RunEngine
import Testing

/// Timer ids are typed: their parts travel as parts, and the journal's text for them is what it always was, so
/// that journals read and write the same bytes.
struct TimerIDTests {
    static let forms: [(String, TimerID.Parts)] = [
        ("assess#1.done", .step("assess", activation: 1, clock: .done, rearmedFor: nil)),
        ("assess#2.ack", .step("assess", activation: 2, clock: .ack, rearmedFor: nil)),
        ("assess#1.progress@1795000600000", .step("assess", activation: 1, clock: .progress, rearmedFor: 1_795_000_600_000)),
        ("approve_budget#3.expiry", .step("approve_budget", activation: 3, clock: .expiry, rearmedFor: nil)),
        ("assess#1.escalation2", .escalation("assess", activation: 1, rung: 1)),
        ("milestone.first_report", .milestone("first_report")),
    ]

    @Test(arguments: forms)
    func eachFormReadsIntoItsPartsAndWritesBackTheSameText(_ text: String, _ parts: TimerID.Parts) {
        let id = TimerID(text: text)
        #expect(id.parts == parts)
        #expect(TimerID(parts).text == text)
        #expect(TimerID(parts) == id)
    }

    /// A text in no form the engine writes (an older journal's, or one written otherwise) is kept as written.
    @Test(arguments: ["step:assess:ack", "assess#01.done", "assess#1.later", "assess#1.escalation0", "assess#1.done@x", ""])
    func aTextInNoKnownFormIsKeptAsWritten(_ text: String) {
        let id = TimerID(text: text)
        #expect(id.parts == .other(text))
        #expect(id.text == text)
    }

    @Test func aTimerEventIsJournaledWithTheSameTextAndReadBackTyped() throws {
        let kind = EventKind.timerScheduled(timer: .escalation("assess", activation: 1, rung: 0), fireAt: 5,
                                            purpose: .escalation("assess", rung: 0))
        let data = EventCoding.encode(kind).data
        #expect(JSONValue.object(data)["timer"]?.stringValue == "assess#1.escalation1")
        #expect(try EventCoding.decode(type: "timer.scheduled", data: .object(data)) == kind)
        let old = try JSONValue.parse(#"{"timer":"step:assess:ack"}"#)
        let fired = try EventCoding.decode(type: "timer.fired", data: old)
        #expect(fired == .timerFired(timer: TimerID(text: "step:assess:ack")))
        #expect(JSONValue.object(EventCoding.encode(fired).data).serialized() == old.serialized())
    }

    /// Timers due at one instant fire in the order of their ids' text, as they always did.
    @Test func idsAreOrderedByTheirText() {
        let ids: [TimerID] = [.milestone("a"), .step("b", activation: 1, clock: .ack), .escalation("a", activation: 1, rung: 0)]
        #expect(ids.sorted().map(\.text) == ids.map(\.text).sorted())
    }
}
