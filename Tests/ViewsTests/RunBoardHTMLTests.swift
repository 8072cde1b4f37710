import Foundation
import PlaybookLanguage
import Reporting
import RunEngine
import Testing
import Views

/// The HTML board: the same facts as the text board, with absolute local due times, in a page that has no script
/// and no external asset, refreshes without JavaScript, says when it was written, and escapes everything a person
/// or a playbook wrote.
struct RunBoardHTMLTests {
    /// UTC+8, the plans' own zone.
    static let beijing = LocalTimes(LocalTime(TimeZone(identifier: "Asia/Shanghai")!))

    static func page(_ run: LeakKit.Run, minute: Double, language: Language = .en, recent: [Event] = []) -> String {
        RunBoardHTML(runID: "leak-1", playbook: LeakKit.playbook, state: run.state,
                     recent: recent.enumerated().map { .init(seq: $0.offset + 1, event: $0.element) },
                     now: LeakKit.at(minute: minute), language: language, times: beijing).render()
    }

    @Test func anActiveStepShowsItsOwnerTimeLeftAndLocalDueTime() {
        let html = Self.page(LeakKit.Run(), minute: 1)
        // Started 2023-11-14 22:13:20Z; 'report' is due 5 minutes later: 06:18:20 the next day in UTC+8.
        #expect(html.contains("<span class=\"owner\">on_site · bob</span>"))
        #expect(html.contains("<span class=\"left\">due in 4m</span>"))
        #expect(html.contains("<time>2023-11-15 06:18:20 +08:00</time>"))
        #expect(html.contains("Written at 2023-11-15 06:14:20 +08:00."))
        #expect(html.contains("<meta http-equiv=\"refresh\" content=\"30\">"))
        #expect(html.contains("<a href=\"person-bob.html\">bob</a>"))
        #expect(html.contains("<a href=\"index.zh.html\""))
    }

    @Test func aLateStepIsOverdueAndMilestonesSayWhereTheyStand() throws {
        var run = LeakKit.Run()
        try run.act("bob", .done(step: "report", items: []), atMinute: 3)
        try run.act("alice", .grade(level: "fatal", why: nil), atMinute: 4)
        run.advance(toMinute: 10)
        let html = Self.page(run, minute: 10)
        #expect(html.contains("<span class=\"left overdue\">overdue by 2m</span>"))
        #expect(html.contains("met, 2m early"))
        #expect(html.contains("<span class=\"bad\">missed</span>"))
        #expect(html.contains("<span class=\"badge severity\">severity: fatal · Fatal</span>"))
    }

    @Test func theChinesePageSpeaksChinese() {
        let html = Self.page(LeakKit.Run(), minute: 1, language: .zh)
        #expect(html.contains("<html lang=\"zh-Hans\">"))
        #expect(html.contains("剩余 4分钟"))
        #expect(html.contains("写于 2023-11-15 06:14:20 +08:00"))
        #expect(html.contains("<a href=\"index.html\" hreflang=\"en\""))
        #expect(!html.contains("due in"))
    }

    @Test func noScriptNoExternalAssetAndEveryTextEscaped() throws {
        var run = LeakKit.Run()
        let hostile = "<script>alert('x')</script> & \"<img onerror=x>\""
        try run.act("bob", .note(hostile, section: nil), atMinute: 1)
        let events = [Event(at: LeakKit.at(minute: 1), actor: .person("<b>bob</b>", role: nil),
                            kind: .stepProgress(step: "report", note: hostile))]
        for language in Language.allCases {
            let html = Self.page(run, minute: 2, language: language, recent: events)
            #expect(!html.lowercased().contains("<script"))
            #expect(!html.contains("<img"))
            #expect(!html.contains("<b>bob"))
            #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;&lt;img onerror=x&gt;&quot;"))
            for external in ["src=", "http://", "https://", "<link", "@import", "url("] {
                #expect(!html.contains(external), "\(external)")
            }
        }
    }

    @Test func aPersonsPageShowsTheirStepsAndOnlyTheirs() throws {
        var run = LeakKit.Run()
        try run.act("bob", .acknowledge(step: "report"), atMinute: 1)
        let work = PersonalWork(runID: "leak-1", playbook: LeakKit.playbook, state: run.state, person: "bob",
                                now: LeakKit.at(minute: 2), language: .en)
        let html = PersonalWorkHTML(work, times: Self.beijing).render()
        #expect(html.contains("bob&#39;s work"))
        #expect(html.contains("Report the leak"))
        #expect(html.contains("<span class=\"left\">due in 3m</span>"))
        #expect(html.contains("<time>2023-11-15 06:18:20 +08:00</time>"))
        let alice = PersonalWorkHTML(PersonalWork(runID: "leak-1", playbook: LeakKit.playbook, state: run.state,
                                                  person: "alice", now: LeakKit.at(minute: 2), language: .en),
                                     times: Self.beijing).render()
        #expect(!alice.contains("Report the leak"))
    }

    @Test(arguments: [("bob", "person-bob.html"), ("ann-li_2", "person-ann-li_2.html"),
                      ("../x", "person-~2E~2E~2Fx.html"), ("王伟", "person-~E7~8E~8B~E4~BC~9F.html")])
    func aPersonsFileNameNeverLeadsElsewhere(person: String, file: String) {
        #expect(PersonalWorkHTML.fileName(person, language: .en) == file)
        #expect(PersonalWorkHTML.fileName(person, language: .zh) == String(file.dropLast(5)) + ".zh.html")
    }

    @Test func localTimesCarryTheirOffset() {
        #expect(LocalTimes.utc.instant(0) == "1970-01-01 00:00:00 +00:00")
        #expect(LocalTimes(LocalTime(TimeZone(secondsFromGMT: -(3 * 3600 + 1800))!)).instant(0)
                == "1969-12-31 20:30:00 -03:30")
    }

    @Test func theLastEventsSayTheirTimesInLocalTimeWithTheOffset() {
        // A milestone's deadline inside an event's sentence: 22:23:20Z is 06:23:20 the next day in Beijing.
        let events = [Event(at: LeakKit.at(minute: 0), actor: .engine,
                            kind: .milestoneDue(milestone: "reported", dueAt: LeakKit.at(minute: 10)))]
        for language in Language.allCases {
            let html = Self.page(LeakKit.Run(), minute: 1, language: language, recent: events)
            #expect(html.contains("2023-11-15 06:23:20 +08:00"))
            #expect(!html.contains("+00:00"))
            #expect(!html.contains("22:23:20"))
        }
    }

    @Test func theIndexListsLiveRunsWithLinksAndTheUnreadable() {
        let run = LeakKit.Run()
        let html = RunsIndexHTML(entries: [.init(runID: "leak-1", title: LeakKit.playbook.title, state: run.state),
                                           .init(runID: "broken", title: nil, state: nil)],
                                 now: LeakKit.at(minute: 1), language: .en, times: Self.beijing).render()
        #expect(html.contains("<a class=\"title\" href=\"leak-1/index.html\">Leak kit</a>"))
        #expect(html.contains("unreadable (see &#39;muster verify broken&#39;)"))
    }
}
