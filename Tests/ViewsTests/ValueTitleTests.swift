import Foundation
import PlaybookLanguage
import RunEngine
import Testing
@testable import Views

/// A choice fact's values with titles (`values: { ok: { en: Cooling, zh: 制冷正常 } }`) and an owner by severity,
/// as the outline, the graph's conditions, the paper checklist and the board show them.
struct ValueTitleTests {
    static let playbook: Playbook = {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("CLITests/Fixtures/features/owners.yaml")
        let result = PlaybookChecker.check(Array((try? Data(contentsOf: file)) ?? Data()), file: "owners.yaml")
        return result.playbook!
    }()

    @Test func bothSpellingsOfTitledValuesAreRead() throws {
        let state = try #require(Self.playbook.fact("state"))
        #expect(state.valueTitles["down"] == LocalizedText(english: "Down", chinese: "停机"))
        let cause = try #require(Self.playbook.fact("cause"))
        #expect(cause.kind == .choice(["power", "leak"]))
        #expect(cause.valueTitles["leak"]?.chinese == "漏水")
        #expect(cause.valueTitles["power"] == nil)
        #expect(Self.playbook.valueText(fact: "cause", "power", .zh) == "power")
    }

    @Test func aConditionNamesTheValueByItsTitle() {
        let condition = Condition.compare(.fact("state"), .equal, [.name("down")])
        #expect(ConditionWords(playbook: Self.playbook, language: .en).text(condition) == "cooling state is Down")
        #expect(ConditionWords(playbook: Self.playbook, language: .zh).text(condition) == "制冷状态为「停机」")
    }

    @Test func theChineseOutlineShowsTitlesNotValueIDs() {
        let chinese = PlaybookOutlineText(outline: PlaybookOutline(Self.playbook, language: .zh), colour: false).render()
        #expect(chinese.contains("制冷正常、温度上升、停机"))
        #expect(!chinese.contains("warm"))
        // A condition on a titled value reads in words, the value by its title.
        #expect(chinese.contains("若制冷状态为「停机」 → outcome.replaced"))
        #expect(!chinese.contains("down"))
        let english = PlaybookOutlineText(outline: PlaybookOutline(Self.playbook, language: .en), colour: false).render()
        #expect(english.contains("ok (Cooling), warm (Warming up), down (Down)"))
    }

    @Test func theOutlineListsTheOwnerOfEachLevel() {
        let english = PlaybookOutlineText(outline: PlaybookOutline(Self.playbook, language: .en), colour: false).render()
        #expect(english.contains("Fatal: commander (Commander)"))
        #expect(english.contains("General: on_site (On-site engineer)"))
        let chinese = PlaybookOutlineText(outline: PlaybookOutline(Self.playbook, language: .zh), colour: false).render()
        #expect(chinese.contains("严重：tech_lead（应急技术经理）"))
    }

    @Test func thePaperChecklistOffersTitlesToTick() {
        let paper = PaperChecklistMarkdown(checklist: PaperChecklist(Self.playbook, language: .zh)).render()
        #expect(paper.contains("停机"))
        #expect(paper.contains("漏水"))
        #expect(!paper.contains("`warm`"))
        #expect(paper.contains("致命：应急总指挥"))
    }

    @Test func theBoardShowsARecordedValueByItsTitle() throws {
        let engine = Engine(playbook: Self.playbook)
        var state = RunState()
        let start = RunStart(playbookID: "owners", version: "1.0.0", playbookHash: "x", mode: .live,
                             virtualClock: false, severity: "fatal", assignments: ["commander": "cara"])
        for event in engine.start(start, at: 1_800_000_000_000) { state.apply(event) }
        // The title, in either language, stands for the value.
        guard case .success(let events) = engine.handle(Command(person: "cara", kind: .record(fact: "state", value: "停机")),
                                                         state: state, at: 1_800_000_060_000)
        else { Issue.record("the title was refused"); return }
        for event in events { state.apply(event) }
        #expect(state.facts["state"] == .choice("down"))
        let board = RunBoard(runID: "o-1", playbook: Self.playbook, state: state, now: 1_800_000_060_000, language: .zh)
        // In Chinese the fact by its title too; in English by the id people type in `record`.
        #expect(board.render().contains("事实: 制冷状态：停机\n"))
        let english = RunBoard(runID: "o-1", playbook: Self.playbook, state: state, now: 1_800_000_060_000,
                               language: .en)
        #expect(english.render().contains("facts: state=Down\n"))
    }
}
