import Foundation
import PlaybookLanguage
import Reporting
import RunEngine
import Testing
import Views

/// A drill's inject on the boards: an inject with no announcement (nobody was paged) shows its text in the
/// board's language alone, never "English / 中文" glued, and a Chinese board names no inject or role by its id.
struct DrillInjectBoardTests {
    /// A drill of the leak kit in which one inject reached on_site without an announcement.
    static func drill() -> RunState {
        var state = RunState()
        let engine = Engine(playbook: LeakKit.playbook)
        let start = RunStart(
            playbookID: "leak-kit", version: "1.0.0", playbookHash: "x", mode: .drill, virtualClock: true,
            severity: nil, assignments: ["commander": "alice", "tech_lead": "carol", "on_site": "bob"])
        for event in engine.start(start, at: LeakKit.t0) { state.apply(event) }
        state.apply(Event(at: LeakKit.at(minute: 1), actor: .inject("water-seen"), kind: .injectDelivered(
            id: "water-seen", role: "on_site", message: "Water under the raised floor / 防静电地板下发现积水")))
        return state
    }

    @Test(arguments: [Language.en, .zh])
    func anInjectWithoutAnnouncementShowsOneLanguage(_ language: Language) {
        let state = Self.drill()
        let text = RunBoard(runID: "d", playbook: LeakKit.playbook, state: state, now: LeakKit.at(minute: 2),
                            language: language).render()
        let html = RunBoardHTML(runID: "d", playbook: LeakKit.playbook, state: state, recent: [],
                                now: LeakKit.at(minute: 2), language: language, times: LocalTimes(.utc)).render()
        for board in [text, html] {
            #expect(!board.contains("Water under the raised floor / 防静电地板下发现积水"), "\(board)")
            if language == .zh {
                #expect(board.contains("→ 现场  【演练】情景注入：防静电地板下发现积水") || board.contains("【演练】情景注入：防静电地板下发现积水"),
                        "\(board)")
                #expect(!board.contains("Water under") && !board.contains("water-seen"), "\(board)")
            } else {
                #expect(board.contains("[DRILL] inject water-seen: Water under the raised floor"), "\(board)")
                #expect(!board.contains("防静电地板下发现积水"), "\(board)")
            }
        }
        if language == .zh {
            #expect(text.contains("→ 现场  【演练】情景注入：防静电地板下发现积水"), "\(text)")
            #expect(html.contains(" → 现场</div>"), "\(html)")
        }
    }

    @Test func aJournaledInjectTextIsSaidInOneLanguage() {
        #expect(InjectText.said("Smoke seen / 发现烟雾", .zh) == "发现烟雾")
        #expect(InjectText.said("Smoke seen / 发现烟雾", .en) == "Smoke seen")
        // An English text with a slash of its own keeps it; a text in one language is said as it is.
        #expect(InjectText.said("UPS A / B alarm / 不间断电源 A / B 告警", .zh) == "不间断电源 A / B 告警")
        #expect(InjectText.said("UPS A / B alarm / 不间断电源 A / B 告警", .en) == "UPS A / B alarm")
        #expect(InjectText.said("Call the carrier / now", .zh) == "Call the carrier / now")
        #expect(InjectText.said("请立即致电运营商", .en) == "请立即致电运营商")
    }
}
