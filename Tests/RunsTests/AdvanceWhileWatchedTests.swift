import Drills
import Foundation
import PlaybookLanguage
import Reporting
import RunEngine
import Runs
import Testing

/// A controller's `drill advance` says every inject it made due, even while a watcher of the run (`muster watch`,
/// `muster inbox`) wakes around it: the watcher's wakes come in-process between the advance's steps (before the
/// move, between the move and its announcement, before the advance delivers its notifications), in one order,
/// every time.
struct AdvanceWhileWatchedTests {
    static func injects(_ events: [Event]) -> [String] {
        events.compactMap { if case .injectDelivered(let id, _, _) = $0.kind { id } else { nil } }
    }

    @Test func anAdvanceSaysTheInjectAWatcherWakesAround() throws {
        let loaded = try DrillByHandTests.load("water-leak-late-report")
        let runs = try DrillByHandTests.runsDirectory()
        defer { try? FileManager.default.removeItem(atPath: runs.path) }
        let notifier = try WatchTests.acceptingNotifier(in: runs)
        let controller = try DrillByHandTests.start(loaded, in: runs, runID: "w")
        // The watcher is another process: its own session, its own wall clock, later than the controller's.
        let watcher = try RunSession("w", in: runs, now: controller.now + 1_200)
        func wake() throws -> RunSession.Wake {
            try watcher.wake(notifier: notifier, clock: { controller.now + 1_200 }) { Issue.record("warned: \($0)") }
        }
        // The watch opens: on the drill's virtual clock, the wall clock makes nothing fall due.
        let opened = try wake()
        #expect(!Self.injects(opened.contents.events).contains("water-reminder"))

        let advance = try controller.advanceDrillClock(by: 180_000, limit: 10_000)
        // The watcher wakes at once, on the journal's change, before the controller has said anything.
        _ = try wake()
        let announced = advance.plan.announcements(of: advance.appended, language: .en,
                                                  time: LocalTime(TimeZone(identifier: "UTC")!))
        #expect(announced.contains("inject water-reminder → tech_lead @ 2026-01-05 09:03:00 +00:00"), "\(announced)")
        #expect(Self.injects(advance.injects) == ["water-reminder"])
        // And wakes again before the advance delivers the notifications its move made due: each is delivered once,
        // by whichever comes first.
        _ = try wake()
        try controller.deliverPending(try controller.read().state, with: notifier, clock: { controller.now })
        let events = try controller.read().contents.events
        #expect(Self.injects(events).filter { $0 == "water-reminder" }.count == 1)
        #expect(try controller.read().state.outbox.pending.isEmpty)
        var sent: [String] = []
        for event in events { if case .notificationSent(let id, let to) = event.kind { sent.append(id + " " + to) } }
        #expect(!sent.isEmpty)
        #expect(Set(sent).count == sent.count, "\(sent)")
    }
}
