import PlaybookLanguage
import Reporting
import RunEngine
import Testing
import Views

/// The board `status` and `watch` print: the run board, the notification panel, and a person's own work when one
/// is named.
struct TerminalBoardTests {
    static func parts(person: String?, language: Language) -> (board: String, panel: String, work: String) {
        let run = LeakKit.Run()
        let now = LeakKit.at(minute: 1)
        return (
            RunBoard(runID: "leak-1", playbook: LeakKit.playbook, state: run.state, now: now, language: language).render(),
            NotificationPanel(outbox: run.state.outbox, now: now, language: language, delivering: true,
                              names: PlaybookNames(LeakKit.playbook)).render(),
            person.map {
                "\n" + PersonalWork(runID: "leak-1", playbook: LeakKit.playbook, state: run.state, person: $0, now: now,
                                    language: language).render()
            } ?? "")
    }

    @Test(arguments: [Language.en, .zh])
    func theBoardIsTheRunBoardThenThePanelThenThePersonsWork(language: Language) {
        let run = LeakKit.Run()
        let board = TerminalBoard(runID: "leak-1", playbook: LeakKit.playbook, state: run.state,
                                  now: LeakKit.at(minute: 1), language: language, delivering: true, person: "bob")
        let parts = Self.parts(person: "bob", language: language)
        #expect(board.render() == parts.board + parts.panel + parts.work)
        #expect(!parts.work.isEmpty)
    }

    @Test func noPersonOrAnEmptyNameShowsNoPersonalWork() {
        let run = LeakKit.Run()
        let parts = Self.parts(person: nil, language: .en)
        for person in [nil, ""] as [String?] {
            let board = TerminalBoard(runID: "leak-1", playbook: LeakKit.playbook, state: run.state,
                                      now: LeakKit.at(minute: 1), language: .en, delivering: true, person: person)
            #expect(board.render() == parts.board + parts.panel)
        }
    }
}
