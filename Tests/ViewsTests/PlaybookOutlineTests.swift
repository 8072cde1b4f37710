import PlaybookLanguage
import Testing
import Views

/// The outline `muster show` prints: a playbook laid out for a reviewer, in the language asked for.
struct PlaybookOutlineTests {
    @Test func theEnglishOutlineLaysOutEveryPart() {
        let text = PlaybookOutlineText(outline: PlaybookOutline(LeakKit.playbook, language: .en), colour: false)
        #expect(text.render() == """
            Leak kit
            id: leak-kit  version: 1.0.0

            Roles
              commander  Commander; stand-in: tech_lead (Tech lead)
              tech_lead  Tech lead
              on_site    On site

            Severity levels, most severe first
              fatal    Fatal    respond 10m
              general  General  respond 30m

            Milestones
              reported  Reported
                within 5m from the start; reached when report.done (Report the leak)
                worst case, slowest path:
                  fatal    5m (within 5m, met)  report
                  general  5m (within 5m, met)  report

              responded  Responded
                within respond (10m/30m) from the start; reached when assess.done (Assess)
                worst case, slowest path:
                  fatal    10m (within 10m, met)  report → assess
                  general  10m (within 30m, met)  report → assess

            Steps, from report

              1. report  Report the leak
                 kind:          action
                 owner:         on_site (On site)
                 deadlines:     done within 5m
                 escalation:    after 2m: notify tech_lead (Tech lead)
                 next:          → assess (Assess)

              2. assess  Assess
                 kind:          action; sets the severity level
                 owner:         commander (Commander)
                 deadlines:     done within 5m
                 next:          → outcome.resolved (Resolved)

            Outcomes
              resolved  Resolved (success)

            """)
    }

    @Test func theChineseOutlineUsesChineseTextsAndLabels() {
        let text = PlaybookOutlineText(outline: PlaybookOutline(LeakKit.playbook, language: .zh), colour: false)
            .render()
        #expect(text.hasPrefix("漏水演示\n编号：leak-kit  版本：1.0.0\n"))
        #expect(text.contains("  1. report  报告漏水\n     类型：   执行\n     负责人： on_site（现场）\n"))
        #expect(text.contains("     升级：   2m 后：通知 tech_lead（技术经理）\n"))
        for english in ["Roles", "owner", "deadlines", "within", "Report the leak", "Outcomes"] {
            #expect(!text.contains(english), "'\(english)' in the Chinese outline")
        }
    }

    @Test func headingsAreBoldOnlyWithColour() {
        let outline = PlaybookOutline(LeakKit.playbook, language: .en)
        #expect(PlaybookOutlineText(outline: outline, colour: true).render().contains("\u{1B}[1mRoles\u{1B}[0m\n"))
        #expect(!PlaybookOutlineText(outline: outline, colour: false).render().contains("\u{1B}"))
    }

    @Test func theJSONOutlineNamesItsLanguage() {
        let json = PlaybookOutlineJSON(outline: PlaybookOutline(LeakKit.playbook, language: .zh)).render()
        #expect(json.contains("\"language\": \"zh\""))
        #expect(json.contains("\"title\": \"漏水演示\""))
    }
}
