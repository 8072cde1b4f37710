import RunEngine
import Testing
import Views

/// The boards' notification panel: each notification with what became of it for each person it is for.
struct NotificationPanelTests {
    static let start = RunStart(playbookID: "p", version: "1", playbookHash: "h", mode: .live, virtualClock: false,
                                severity: nil, assignments: ["commander": "alice", "tech_lead": "carol"])
    /// 2023-11-14 22:13:20Z.
    static let t0: Int64 = 1_700_000_000_000

    static func outbox(_ kinds: [(Int64, EventKind)]) -> Outbox {
        RunState.fold([Event(at: t0, actor: .engine, kind: .runStarted(start))]
            + kinds.map { Event(at: t0 + $0.0, actor: .engine, kind: $0.1) }).outbox
    }

    static func requested(_ id: String, _ roles: [String], _ message: String = "water under the floor") -> EventKind {
        .notificationRequested(id: id, roles: roles, message: message, step: "s", messageChinese: "地板下有水")
    }

    @Test func aRunThatAskedForNoNotificationHasNoPanel() {
        let panel = NotificationPanel(outbox: Self.outbox([]), now: Self.t0, language: .en, delivering: false)
        #expect(panel.render() == "")
    }

    @Test func eachDeliverySaysWhatBecameOfIt() {
        let outbox = Self.outbox([
            (1_000, Self.requested("n1", ["commander", "tech_lead"])),
            (2_000, .notificationSent(id: "n1", to: "alice")),
            (3_000, .notificationFailed(id: "n1", to: "carol", why: "exit 1", final: false)),
        ])
        let panel = NotificationPanel(outbox: outbox, now: Self.t0 + 5_000, language: .en, delivering: true)
        #expect(panel.render() == """

            notifications (latest 1):
              2023-11-14 22:13:21 +00:00  n1 → commander, tech_lead: water under the floor  · sent: alice  · retrying: \
            carol (attempt 1 failed: exit 1; next try in 8s)

            """)
    }

    @Test func withoutANotifierAWaitingDeliverySaysWhoWillDeliverItAndWarnsAfterAMinute() {
        let outbox = Self.outbox([(0, Self.requested("n1", ["tech_lead"]))])
        let soon = NotificationPanel(outbox: outbox, now: Self.t0 + 30_000, language: .en, delivering: false).render()
        #expect(soon.contains(
            "· waiting for delivery: carol (no notifier here: a watch with --notify-command delivers it)"))
        #expect(!soon.contains("⚠"))
        let late = NotificationPanel(outbox: outbox, now: Self.t0 + 120_000, language: .en, delivering: false).render()
        #expect(late.hasSuffix("⚠ 1 notification has waited over a minute (the oldest 2m): no 'muster watch' with "
            + "a notifier seems to be delivering\n"))
        let chinese = NotificationPanel(outbox: outbox, now: Self.t0 + 120_000, language: .zh, delivering: false)
            .render()
        #expect(chinese.contains("通知（最近 1 条）:\n"))
        #expect(chinese.contains("tech_lead: 地板下有水  · 等待送达: carol"))
        #expect(chinese.hasSuffix("⚠ 1 条通知已等待超过一分钟（最久 2分钟）：似乎没有带通知程序的 'muster watch' 在送达\n"))
    }

    @Test func onlyTheLatestFiveAreShownAndLongMessagesAreClipped() {
        let long = String(repeating: "x", count: 100)
        let outbox = Self.outbox((1...7).map { (Int64($0) * 1_000, Self.requested("n\($0)", ["commander"], long)) })
        let panel = NotificationPanel(outbox: outbox, now: Self.t0 + 8_000, language: .en, delivering: true).render()
        #expect(panel.contains("notifications (latest 5):"))
        #expect(!panel.contains(" n2 → ") && panel.contains(" n3 → ") && panel.contains(" n7 → "))
        #expect(panel.contains(": " + String(repeating: "x", count: 79) + "…  · delivering: alice\n"))
    }
}
