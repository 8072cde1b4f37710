import PlaybookLanguage
import Reporting
import RunEngine
import Testing

/// A Chinese report says in Chinese what the engine wrote into the journal: why steps were cancelled, what
/// notifications said, why commands were refused. An English report says it in English, as before.
struct ChineseEngineTextTests {
    /// The report kit with a second escalation rung that reassigns the first step to the tech lead.
    static let reassigningPlaybook = ReportKit.check(ReportKit.text.replacingOccurrences(
        of: "      - { after: 2m, notify: [tech_lead, commander] }\n",
        with: "      - { after: 2m, notify: [tech_lead, commander] }\n      - { after: 2m30s, reassign: tech_lead }\n"))

    /// A run whose first step is escalated, reassigned and overdue, a command refused, and the run aborted while
    /// the step is open.
    static func abortedRun() -> RunReport {
        var run = ReportRun(playbook: reassigningPlaybook)
        run.advance(to: 3.5)
        run.refuse("bob", .done(step: "report", items: []), at: 3.5)
        run.act("alice", .abort(why: "误报：温度探头故障"), at: 4)
        return run.report(playbook: reassigningPlaybook)
    }

    /// Each English phrase the engine writes, with the Chinese that stands for it.
    static let phrases: [(english: String, chinese: String)] = [
        ("is satisfied", "的汇合条件已满足"), ("is overdue", "已逾期"), ("is not done after", "仍未完成"),
        ("may not act as", "不能以"), ("reached outcome", "本次运行已"), ("is now yours", "现改由你负责"),
        // Why a step was reassigned, said from the journaled code.
        (": escalation 2", "：第 2 级升级"),
    ]

    static func renderings(language: Language) -> [String] {
        [ReportRun.cooling(signed: true).report(), abortedRun()].flatMap { report in
            ReportKind.allCases.flatMap { kind in
                [MarkdownReport(report, language: language).render(kind),
                 ReportJSON(report, language: language).render(kind).serialized(pretty: true),
                 HTMLReport(report, language: language).render(kind)]
            }
        }
    }

    @Test func aChineseReportHasNoEnglishEngineText() {
        let chinese = Self.renderings(language: .zh).joined(separator: "\n")
        let english = Self.renderings(language: .en).joined(separator: "\n")
        for phrase in Self.phrases {
            #expect(english.contains(phrase.english), "the English reports lack '\(phrase.english)'")
            #expect(!english.contains(phrase.chinese), "the English reports have '\(phrase.chinese)'")
            #expect(!chinese.contains(phrase.english), "a Chinese report has '\(phrase.english)'")
            #expect(chinese.contains(phrase.chinese), "the Chinese reports lack '\(phrase.chinese)'")
        }
    }

    @Test func theReportKeepsBothLanguagesOfTheEngineTexts() throws {
        let report = Self.abortedRun()
        let reassigned = try #require(report.notifications.first { $0.message.english?.hasSuffix("is now yours") == true })
        // Said from the journaled codes: steps and roles by their titles, not their ids.
        #expect(reassigned.message.chinese == "步骤「报告机房温度过高」现改由你负责")
        let refused = try #require(report.rejections.first)
        #expect(refused.reason.english?.hasPrefix("wrong-role: bob may not act as 'Tech lead'") == true)
        #expect(refused.reason.chinese?.hasPrefix("bob 不能以「应急技术经理」的身份操作") == true)
        let cancelled = try #require(report.steps.first { $0.step == "report" })
        #expect(cancelled.ending == .cancelled(LocalizedText(english: "the run reached outcome 'aborted'",
                                                             chinese: "本次运行已中止")))
    }

    /// A journal written before the engine wrote Chinese has only the English: a Chinese report shows it.
    @Test func aJournalWithoutChineseShowsTheEnglishInAChineseReport() {
        let english = ReportRun.cooling(signed: true).events.map { event -> Event in
            var event = event
            switch event.kind {
            case .stepCancelled(let step, let why, _, _): event.kind = .stepCancelled(step: step, why: why)
            case .notificationRequested(let id, let roles, let message, let step, _, _):
                event.kind = .notificationRequested(id: id, roles: roles, message: message, step: step)
            case .commandRejected(let command, let refusal):
                event.kind = .commandRejected(command: command, refusal: .prose(reason: RefusalWords.recorded(refusal, .en), chinese: nil))
            default: break
            }
            return event
        }
        let entries = english.enumerated().map { JournalEntry(seq: $0 + 1, event: $1, relative: $1.at - english[0].at) }
        let report = RunReport(playbook: ReportKit.playbook, entries: entries,
                               integrity: Integrity(head: ReportRun.head, lines: entries.count, verified: true))
        let markdown = MarkdownReport(report, language: .zh).render(.full)
        #expect(markdown.contains("the join of 'cool_down' is satisfied"))
        #expect(markdown.contains("step 'assess' is overdue"))
        #expect(markdown.contains("wrong-role: bob may not act as 'commander'"))
    }
}
