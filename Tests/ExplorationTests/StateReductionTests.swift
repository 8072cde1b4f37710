import PlaybookLanguage
@testable import Exploration
import Testing

/// States are told apart only by what can change a run's future: a fact nothing reads again and a reminder that only
/// notifies make no new states, while a fact read later and a deadline that jumps elsewhere still do.
struct StateReductionTests {
    static func playbook(steps: String, facts: String = "") -> Playbook? {
        let text = """
            muster: 1
            id: reduction
            version: 1.0.0
            title: { en: Reduction, zh: 约简 }
            roles:
              commander: { title: { en: Commander, zh: 总指挥 } }
              tech_lead: { title: { en: Technical lead, zh: 技术负责人 } }
            severity:
              general: { title: { en: General, zh: 一般 } }
            \(facts.isEmpty ? "" : "facts:\n" + facts)
            start: first
            steps:
            \(steps)
            outcomes:
              done: { kind: success, title: { en: Done, zh: 完成 } }
              failed: { kind: failure, title: { en: Failed, zh: 失败 } }
            """
        return PlaybookChecker.check(Array(text.utf8), file: "reduction.yaml").playbook
    }

    static func step(_ id: String, next: String, extra: String = "") -> String {
        """
          \(id):
            title: { en: \(id), zh: \(id) }
            owner: commander
            done_within: 10m
        \(extra)
            next: \(next)

        """
    }

    @Test func aFactNoConditionReadsAndRemindersThatOnlyNotifyMakeNoNewStates() throws {
        let plain = try #require(Self.playbook(steps: Self.step("first", next: "second") + Self.step("second", next: "outcome.done")))
        let noisy = try #require(Self.playbook(
            steps: Self.step("first", next: "second", extra: """
                    record: [kind]
                    ack_within: 1m
                    report_every: 2m
                    escalate:
                      - { after: 3m, notify: [tech_lead] }
                      - { after: 6m, notify: [tech_lead] }
                """) + Self.step("second", next: "outcome.done"),
            facts: "  kind: { title: { en: Kind, zh: 类型 }, type: choice, values: [a, b, c, d, e] }\n"))
        let plainResult = StateExplorer(playbook: plain).explore()
        let noisyResult = StateExplorer(playbook: noisy).explore()
        #expect(plainResult.findings.isEmpty && noisyResult.findings.isEmpty)
        #expect(noisyResult.states == plainResult.states)
    }

    @Test func aFactIsForgottenOnceNothingReadsItAgain() throws {
        // `kind` is read when `second` is done; after that the two values lead to the same third step.
        let read = try #require(Self.playbook(
            steps: Self.step("first", next: "second", extra: "    record: [kind]")
                + Self.step("second", next: "\n      - { when: kind == a, goto: third }\n      - { else: third }")
                + Self.step("third", next: "fourth") + Self.step("fourth", next: "outcome.done"),
            facts: "  kind: { title: { en: Kind, zh: 类型 }, type: choice, values: [a, b] }\n"))
        let result = StateExplorer(playbook: read).explore()
        #expect(result.findings.isEmpty)
        // first; second with kind a and with kind b; third; fourth; the outcome.
        #expect(result.states == 6)
    }

    @Test func aFactReadAfterAParallelBlockStillTellsStatesApart() throws {
        // `kind` is recorded before a parallel block and read after it: with kind == b the run loops for ever.
        let playbook = try #require(Self.playbook(
            steps: Self.step("first", next: "work", extra: "    record: [kind]") + """
                  work:
                    title: { en: Work, zh: 工作 }
                    parallel:
                      tracks:
                        left: { start: left_step, steps: { left_step: { title: { en: L, zh: 左 }, owner: commander, done_within: 5m } } }
                        right: { start: right_step, steps: { right_step: { title: { en: R, zh: 右 }, owner: tech_lead, done_within: 5m } } }
                    next: judge
                  judge:
                    title: { en: Judge, zh: 判断 }
                    owner: commander
                    done_within: 5m
                    next:
                      - { when: kind == a, goto: outcome.done }
                      - { else: judge }

                """,
            facts: "  kind: { title: { en: Kind, zh: 类型 }, type: choice, values: [a, b] }\n"))
        let result = StateExplorer(playbook: playbook).explore()
        #expect(result.complete)
        let stuck = try #require(result.findings.first { $0.kind == .stuck })
        #expect(stuck.path.contains { $0.description.contains("kind=b") })
    }

    @Test func aDeadlineThatJumpsElsewhereIsStillExplored() throws {
        // `first` records `kind`; if nobody finishes it in time, its escalation jumps to `spin`, which loops for
        // ever without a `kind` of `a`. Only time passing leads there.
        let playbook = try #require(Self.playbook(
            steps: Self.step("first", next: "outcome.done", extra: """
                    record: [kind]
                    escalate:
                      - { after: 2m, notify: [tech_lead] }
                      - { after: 5m, goto: spin }
                """) + """
                  spin:
                    title: { en: Spin, zh: 空转 }
                    owner: commander
                    done_within: 5m
                    next:
                      - { when: kind == a, goto: outcome.done }
                      - { else: spin }

                """,
            facts: "  kind: { title: { en: Kind, zh: 类型 }, type: choice, values: [a, b] }\n"))
        let result = StateExplorer(playbook: playbook).explore()
        #expect(result.complete)
        let stuck = try #require(result.findings.first { $0.kind == .stuck })
        #expect(stuck.active == ["spin"])
        #expect(stuck.path.map(\.description) == ["start at level 'general'", "time passes to the next deadline (5m)"])
    }
}
