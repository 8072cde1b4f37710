import Foundation
import PlaybookLanguage
import Reporting
import Testing
import Views

/// What the commands on runs say besides their result, in English and Chinese.
struct RunCommandLinesTests {
    /// A tabletop drill of the paper kit, titled in both languages.
    static let scenario: Scenario = {
        let text = """
            drill: 1
            id: flood
            title: { en: A flood, zh: 水浸演练 }
            kind: tabletop
            playbook: paper-kit
            participants: { commander: alice }
            objectives:
              reported: { title: { en: Reported, zh: 已上报 }, milestone: responded }
            """
        let result = ScenarioChecker.check(Array(text.utf8), file: "flood.yaml") { _ in PaperKit.playbook }
        guard let scenario = result.scenario else { fatalError("test scenario: \(result.diagnostics)") }
        return scenario
    }()

    @Test func aStartedDrillSaysHowToMoveAVirtualClockAndInChineseSaysTitlesNotIds() {
        #expect(RunCommandLines.started(scenario: Self.scenario, playbook: PaperKit.playbook, runID: "d1",
                                        virtualClock: true, language: .en)
            == "drill flood of paper-kit started on the virtual clock; move it with 'muster drill advance d1 5m'\n")
        #expect(RunCommandLines.started(scenario: Self.scenario, playbook: PaperKit.playbook, runID: "d1",
                                        virtualClock: false, language: .zh)
            == "演练「水浸演练」（预案「纸质演示」）已开始，使用真实时钟\n")
    }

    @Test func anAdvanceSaysHowFarToWhenInLocalTimeAndWhatIsActiveByTitleInChinese() {
        let shanghai = LocalTime(TimeZone(identifier: "Asia/Shanghai")!)
        #expect(RunCommandLines.advanced(moved: 300_000, to: 1_767_225_900_000, active: ["report", "b"],
                                         playbook: PaperKit.playbook, time: LocalTime(TimeZone(identifier: "UTC")!),
                                         language: .en)
            == "advanced 5m to 2026-01-01 00:05:00 +00:00; active: report, b\n")
        // A step the playbook does not title keeps its id.
        #expect(RunCommandLines.advanced(moved: 300_000, to: 1_767_225_900_000, active: ["report", "b"],
                                         playbook: PaperKit.playbook, time: shanghai, language: .zh)
            == "已拨快 5分钟 至 2026-01-01 08:05:00 +08:00；进行中的步骤：报告漏水、b\n")
    }

    /// `--to-next` at an instant whose timers have not fired moves 1 ms: it says it fired what fell due there,
    /// and the next move, 1 ms short of a whole span, reads whole.
    @Test func aMoveOfAMillisecondSaysItFiredWhatFellDueAndSpansReadToTheSecond() {
        let utc = LocalTime(TimeZone(identifier: "UTC")!)
        #expect(RunCommandLines.advanced(moved: 1, to: 1_767_225_900_001, active: ["report"],
                                         playbook: PaperKit.playbook, time: utc, language: .en)
            == "fired what fell due at 2026-01-01 00:05:00 +00:00; active: report\n")
        #expect(RunCommandLines.advanced(moved: 1, to: 1_767_225_900_001, active: ["report"],
                                         playbook: PaperKit.playbook, time: utc, language: .zh)
            == "已触发 2026-01-01 00:05:00 +00:00 到期的事项；进行中的步骤：报告漏水\n")
        #expect(RunCommandLines.advanced(moved: 119_999, to: 1_767_226_020_000, active: ["report"],
                                         playbook: PaperKit.playbook, time: utc, language: .en)
            == "advanced 2m to 2026-01-01 00:07:00 +00:00; active: report\n")
    }

    @Test func aStaffRefusalNamesItsReasonAndKeepsControlCharactersOff() {
        #expect(RunCommandLines.refused(english: "unknown objective: 'o9'", chinese: nil, language: .en)
            == "muster: refused (unknown objective): 'o9'\n")
        #expect(RunCommandLines.refused(english: "bad: x\u{1B}[2Jy", chinese: "不行：x\u{1B}y", language: .zh)
            .contains("\u{1B}") == false)
        #expect(RunCommandLines.recorded(seq: 12, language: .en) == "ok: seq 12\n")
        #expect(RunCommandLines.recorded(seq: 12, language: .zh) == "已记录：序号 12\n")
    }

    @Test func aLiveStartAndALinkedRunSayWhereToLook() {
        #expect(RunCommandLines.started(playbook: "power", version: "1.0.0", runID: "p1", active: ["isolate"],
                                        language: .en)
            == "started power 1.0.0; active: isolate\nsee 'muster status p1'\n")
        #expect(RunCommandLines.continued(in: "cooling", linkedRun: "c1", language: .en)
            == "continued in cooling: linked run c1\nsee 'muster status c1'\n")
        #expect(RunCommandLines.linkedRunNotStarted(in: "cooling", runID: "p1", reason: "no playbook", language: .zh)
            .contains("'muster status p1'"))
        #expect(RunCommandLines.networkFilesystem("/srv/runs", type: "nfs", language: .en)
            .contains("'/srv/runs' is on a network filesystem (nfs)"))
    }
}
