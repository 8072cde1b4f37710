import RunEngine
import Testing

/// The outbox folded from a run's events: who each notification is for, what is pending, when it is tried again.
struct OutboxTests {
    static let start = RunStart(playbookID: "p", version: "1", playbookHash: "h", mode: .live, virtualClock: false,
                                severity: nil, assignments: ["commander": "alice", "tech_lead": "carol"])

    static func state(_ kinds: [(Int64, EventKind)]) -> RunState {
        RunState.fold([Event(at: 0, actor: .engine, kind: .runStarted(start))]
            + kinds.map { Event(at: $0.0, actor: .engine, kind: $0.1) })
    }

    static func requested(_ id: String, _ roles: [String]) -> EventKind {
        .notificationRequested(id: id, roles: roles, message: "m", step: "s", messageChinese: "消息")
    }

    @Test func aRequestIsPendingForEachHolderOfItsRolesWhenItIsMade() {
        let state = Self.state([
            (1_000, Self.requested("n1", ["commander", "tech_lead"])),
            // A later handover does not change whom n1 is for.
            (2_000, .handover(role: "commander", from: "alice", to: "dana")),
        ])
        let deliveries = state.outbox.deliveries
        #expect(deliveries.map(\.recipient) == ["alice", "carol"])
        #expect(deliveries.allSatisfy { $0.requestSeq == 2 && $0.status == .pending })
        #expect(deliveries.first?.idempotencyKey(runID: "r") == "r/2/alice")
        #expect(state.outbox.due(at: 1_000).count == 2)
    }

    @Test func aRoleNobodyHoldsFailsForGoodAtOnce() {
        var state = Self.state([(1_000, Self.requested("n1", ["on_site"]))])
        #expect(state.outbox.deliveries.map(\.recipient) == [nil])
        state.apply(Event(at: 1_100, actor: .engine, kind: .notificationFailed(
            id: "n1", to: "on_site", why: "nobody holds on_site", final: true)))
        #expect(state.outbox.deliveries.first?.status == .failed)
        #expect(state.outbox.pending.isEmpty)
    }

    @Test func aFailedAttemptIsTriedAgainAfterABackoffUpToTheLimit() {
        var state = Self.state([(1_000, Self.requested("n1", ["commander"]))])
        var at: Int64 = 1_000
        for attempt in 1...Outbox.maxAttempts {
            #expect(state.outbox.due(at: at).count == 1, "attempt \(attempt)")
            state.apply(Event(at: at, actor: .engine, kind: .notificationFailed(
                id: "n1", to: "alice", why: "exit 1", final: false)))
            let backoff = Outbox.backoff(afterAttempts: attempt)
            if attempt < Outbox.maxAttempts {
                #expect(state.outbox.due(at: at + backoff - 1).isEmpty, "attempt \(attempt)")
                #expect(state.outbox.deliveries.first?.status == .pending)
            }
            at += backoff
        }
        // The fifth failure is the last: failed for good, whatever the event said.
        #expect(state.outbox.deliveries.first?.status == .failed)
        #expect(state.outbox.deliveries.first?.attempts == Outbox.maxAttempts)
        #expect(Outbox.backoff(afterAttempts: 1) == 10_000 && Outbox.backoff(afterAttempts: 20) == 600_000)
    }

    @Test func sentAndAcknowledgedSettleADelivery() {
        var state = Self.state([(1_000, Self.requested("n1", ["commander", "tech_lead"]))])
        state.apply(Event(at: 1_100, actor: .engine, kind: .notificationSent(id: "n1", to: "alice")))
        state.apply(Event(at: 1_200, actor: .person("carol", role: nil),
                          kind: .notificationAcknowledged(id: "n1", by: "carol")))
        #expect(state.outbox.deliveries.map(\.status) == [.sent(at: 1_100), .acknowledged(at: 1_200)])
        #expect(state.outbox.pending.isEmpty)
    }

    /// A journal of an older Muster: a failure without `final` was the last word on its delivery.
    @Test func aFailureWithoutFinalIsFinal() throws {
        let kind = try EventCoding.decode(type: "notification.failed",
                                          data: .object(["id": "n1", "to": "alice", "why": "exit 1"]))
        #expect(kind == .notificationFailed(id: "n1", to: "alice", why: "exit 1", final: true))
        let (type, data) = EventCoding.encode(.notificationFailed(id: "n1", to: "alice", why: "x", final: false))
        #expect(type == "notification.failed" && data["final"] == false)
    }
}
