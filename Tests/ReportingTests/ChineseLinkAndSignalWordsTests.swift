import PlaybookLanguage
import Reporting
import RunEngine
import Testing

/// In Chinese, the events about signals, linked runs and cancelled injects name what a reader knows (the wait a
/// signal ends, the step that continues in another playbook), never an id of this or another playbook.
struct ChineseLinkAndSignalWordsTests {
    static let playbook = ReportKit.check("""
        muster: 1
        id: relay
        version: 0.1.0
        title: { en: Relay, zh: 接力 }
        roles:
          commander: { title: { en: Commander, zh: 总指挥 } }
        severity:
          fatal: { title: { en: Fatal, zh: 致命 }, clocks: { respond: 10m } }
        start: wait_power
        steps:
          wait_power:
            title: { en: Wait for the power, zh: 等待供电恢复 }
            owner: commander
            wait:
              signal: power_restored
              within: 1h
              on_expiry: hand_over
            next: hand_over
          hand_over:
            title: { en: Hand over to the power-loss plan, zh: 转入停电预案 }
            owner: commander
            continue_in: { playbook: power-loss }
            next: outcome.handed_over
        outcomes:
          handed_over: { title: { en: Handed over, zh: 已移交 }, kind: partial }
        """)

    @Test func aSignalIsNamedByTheWaitItEnds() {
        let words = ReportWords(language: .zh, playbook: Self.playbook)
        let said = words.describe(.signalReceived(name: "power_restored"), playbook: Self.playbook)
        #expect(said.contains("等待供电恢复"), "\(said)")
        #expect(!said.contains("power_restored"), "\(said)")
        #expect(ReportWords(language: .en, playbook: Self.playbook)
            .describe(.signalReceived(name: "power_restored"), playbook: Self.playbook) == "signal power_restored received")
    }

    @Test func anotherPlaybookIsNamedByTheStepThatContinuesInIt() {
        let words = ReportWords(language: .zh, playbook: Self.playbook)
        let request = ContinuationRequest(step: "hand_over", playbook: "power-loss", entry: "restore", facts: [:])
        let asked = words.describe(.continueRequested(request), playbook: Self.playbook)
        #expect(asked.contains("转入停电预案"), "\(asked)")
        #expect(!asked.contains("power-loss") && !asked.contains("restore"), "\(asked)")
        let lines = RunLinkLines.lines(from: nil, to: nil, asked: request, language: .zh)
        #expect(lines.allSatisfy { !$0.contains("power-loss") }, "\(lines)")
    }

    @Test func aCancelledInjectIsNotNamedByItsID() {
        let said = ReportWords(language: .zh).describe(.injectCancelled(id: "water-reminder", why: "已提前上报"))
        #expect(said == "取消一条情景注入：已提前上报")
    }
}
