import PlaybookLanguage
import Testing
@testable import Views

/// Conditions and durations as the paper checklist writes them for people: words, titles, no operators.
struct ConditionWordsTests {
    @Test func conditionsReadAsWordsWithTitles() {
        let condition = Condition.and(.compare(.severity, .greaterOrEqual, [.name("fatal")]),
                                      .not(.compare(.fact("site"), .oneOf, [.name("north"), .name("south")])))
        let english = ConditionWords(playbook: LeakKit.playbook, language: .en).text(condition)
        #expect(english == "the severity is at least Fatal and not (site is one of north, south)")
        let chinese = ConditionWords(playbook: LeakKit.playbook, language: .zh).text(condition)
        #expect(chinese == "严重级别不低于「致命」，且并非（site为 north、south之一）")
    }

    @Test(arguments: [
        (Int64(300_000), "5 minutes", "5分钟"),
        (Int64(90_000), "1 minute 30 seconds", "1分30秒"),
        (Int64(93_600_000), "1 day 2 hours", "1天2小时"),
        (Int64(3_600_000), "1 hour", "1小时"),
        (Int64(0), "0 seconds", "0秒"),
    ])
    func durationsReadAsWords(milliseconds: Int64, english: String, chinese: String) {
        #expect(ConditionWords.duration(milliseconds, language: .en) == english)
        #expect(ConditionWords.duration(milliseconds, language: .zh) == chinese)
    }
}
