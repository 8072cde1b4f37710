import Drills
import Journaling
import Platform
import PlaybookLanguage
import Reporting
import RunEngine
import Runs
import Testing
import Views

/// What the commands hand to `Runs` and `Drills`: a person's inbox over the live runs, the journal stream of every
/// run, a drill's inject lines and `drill run`'s closing notes.
struct MovedCommandWorkTests {
    static let t0 = RunsTests.t0

    @Test func anInboxHoldsTheLiveRunsWhereThePersonHasARole() throws {
        let runs = try RunsTests.startedRun()
        defer { RunsTests.remove(runs) }
        func inbox(_ person: String) -> [PersonalWork] {
            runs.inbox(person: person, files: SystemFiles(), now: Self.t0 + 60_000, notifier: nil,
                       clock: { Self.t0 + 60_000 }, warn: { Issue.record("nothing to deliver, yet: \($0)") },
                       language: .en, time: .utc)
        }
        #expect(inbox("alice").map(\.runID) == ["r"])
        #expect(inbox("alice").first?.roles == ["commander"])
        #expect(inbox("zed").isEmpty)
    }

    @Test func everyRunIsStreamedOnceFromItsFirstLine() throws {
        let runs = try RunsTests.startedRun()
        defer { RunsTests.remove(runs) }
        let count = try RunSession("r", in: runs, now: Self.t0).read().contents.lines.count
        var stream = JournalStreaming.EveryRun(runs: runs)
        var looks = 0
        var seen: [Int] = []
        JournalStreaming.repeatLooks(follow: false) { () -> Bool in
            looks += 1
            let (lines, failures) = stream.poll()
            #expect(failures.isEmpty)
            #expect(lines.allSatisfy { $0.runID == "r" })
            seen += lines.map(\.line.line.seq)
            return true
        }
        #expect(looks == 1)
        #expect(seen == Array(1...count))
        // A second look finds nothing new.
        #expect(stream.poll().lines.isEmpty && stream.givenUp.isEmpty)
    }

    @Test func aStreamedLineIsPrintedAsWrittenOrAsTextAfterItsRunID() throws {
        let runs = try RunsTests.startedRun()
        defer { RunsTests.remove(runs) }
        var stream = JournalStreaming.EveryRun(runs: runs)
        let first = try #require(stream.poll().lines.first).line
        let written = String(decoding: first.bytes, as: UTF8.self)
        #expect(JournalStreaming.printed(first, jsonl: true, time: .utc) == written + "\n")
        #expect(JournalStreaming.printed(first, runID: "r", jsonl: true, time: .utc)
            == "{\"run\":\"r\",\"line\":" + written + "}\n")
        let text = JournalStreaming.printed(first, jsonl: false, time: .utc)
        #expect(text.hasPrefix("1 ") && text.contains("run.started") && text.hasSuffix("\n"))
        #expect(JournalStreaming.printed(first, runID: "r", jsonl: false, time: .utc) == "r " + text)
    }

    @Test func aDrillsInjectsAreSaidOneLineEachInBothLanguages() throws {
        let loaded = try DrillByHandTests.load("water-leak-on-time")
        let (_, events) = try UnattendedRunTests.play("water-leak-on-time")
        let plan = DrillPlan(scenario: loaded.scenario, playbook: loaded.playbook)
        let injects = events.filter { if case .injectDelivered = $0.kind { true } else { false } }
        #expect(!injects.isEmpty)
        let english = plan.announcements(of: events, language: .en, time: .utc).split(separator: "\n")
        let chinese = plan.announcements(of: events, language: .zh, time: .utc).split(separator: "\n")
        #expect(english.count == injects.count && english.allSatisfy { $0.hasPrefix("inject ") })
        #expect(chinese.count == injects.count && chinese.allSatisfy { $0.hasPrefix("注入 ") })
    }

    @Test func anUnattendedDrillSaysItsEventsAndWhereTheReportIs() throws {
        let loaded = try DrillByHandTests.load("water-leak-on-time")
        let drill = CheckedScenario(scenario: loaded.scenario, scenarioBytes: loaded.scenarioBytes,
                                    playbook: loaded.playbook, playbookBytes: loaded.playbookBytes)
        let runs = try DrillByHandTests.runsDirectory()
        defer { RunsTests.remove(runs) }
        try runs.playUnattended("u", drill, heldAt: 1_800_000_000_000)
        let record = try RunSession("u", in: runs, now: 1_800_000_000_000).drillRecord(language: .en)
        let notes = record.unattendedNotes(runID: "u", drill: drill, language: .en)
        #expect(notes.hasPrefix("run u: \(record.contents.lines.count) events; 'muster drill report u' for the report\n"))
        #expect(record.unattendedNotes(runID: "u", drill: drill, language: .zh).hasPrefix("运行 u：\(record.contents.lines.count) 个事件"))
        #expect(record.json(runID: "u").objectValue?["run"] == .string("u"))
    }
}
