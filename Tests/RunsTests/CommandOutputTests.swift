import Journaling
import PlaybookLanguage
import Reporting
import RunEngine
import Runs
import Testing
import Views

/// What the commands on a run print, made in `Runs`: the log of a run, the page `status --format html` prints, and
/// a drill's staff action read from the words and options of its subcommand.
struct CommandOutputTests {
    static let t0 = RunsTests.t0

    @Test func aLogIsEveryLineAsTextOrAsAJSONArray() throws {
        let runs = try RunsTests.startedRun()
        defer { RunsTests.remove(runs) }
        let read = try RunSession("r", in: runs, now: Self.t0).read()
        let text = RunLogOutput(read.contents, tornBytes: 0, json: false, time: .utc)
        #expect(text.out.split(separator: "\n").count == read.contents.lines.count)
        #expect(text.out.hasPrefix("1 ") && text.out.contains("run.started"))
        #expect(text.error.isEmpty)
        let json = RunLogOutput(read.contents, tornBytes: 0, json: true, time: .utc)
        #expect(json.out.hasPrefix("[") && json.out.hasSuffix("]\n") && json.out.contains("\"seq\""))
        let torn = RunLogOutput(read.contents, tornBytes: 17, json: false, time: .utc)
        #expect(torn.out == text.out)
        #expect(torn.error == "muster: note: the last line is incomplete (17 bytes); the next write cuts it\n")
    }

    @Test func theStatusPageIsTheRunsBoardOrThePersonsOwnPage() throws {
        let runs = try RunsTests.startedRun()
        defer { RunsTests.remove(runs) }
        let session = try RunSession("r", in: runs, now: Self.t0 + 60_000)
        let times = LocalTimes.utc
        let board = try session.statusPage(person: nil, language: .en, times: times)
        let own = try session.statusPage(person: "alice", language: .en, times: times)
        #expect(board.hasPrefix("<!DOCTYPE html>") && own.hasPrefix("<!DOCTYPE html>"))
        #expect(board != own)
        #expect(own.contains("alice") && own.contains("Act"))
        #expect(try session.statusPage(person: nil, language: .zh, times: times).contains("行动"))
    }

    @Test func aStaffActionIsReadFromItsSubcommandsWordsAndOptions() throws {
        let options = ["--why": "seen late", "--due": "2026-03-01", "--action": "drill the pumps", "--owner": "bob"]
        func action(_ subcommand: String, _ words: [String], flags: Set<String> = []) throws -> RunSession.StaffAction {
            try RunSession.StaffAction(subcommand, words: words, value: { options[$0] }, flag: flags.contains)
        }
        guard case .observe(nil, .strength, "calm") = try action("observe", ["calm"], flags: ["--strength"]) else {
            Issue.record("not a strength of the exercise"); return
        }
        guard case .observe("o1", .note, "late") = try action("observe", ["o1", "late"]) else {
            Issue.record("not a note on o1"); return
        }
        guard case .rate("o1", "S", "seen late") = try action("rate", ["o1", "S"]) else {
            Issue.record("not a rating"); return
        }
        guard case .mark(.pause) = try action("mark", ["pause"]) else { Issue.record("not a pause"); return }
        guard case .improve("o1", "drill the pumps", "bob", let dueAt, "open") = try action("improve", ["o1"]) else {
            Issue.record("not an improvement"); return
        }
        #expect(dueAt == CalendarDay.midnight("2026-03-01"))
        #expect(throws: RunFailure("drill mark takes a run id and startex, endex, pause or resume", isUsage: true)) {
            try action("mark", ["later"])
        }
        #expect(throws: RunFailure("drill improve needs --due YYYY-MM-DD", isUsage: true)) {
            try RunSession.StaffAction("improve", words: ["o1"], value: { _ in nil }, flag: { _ in false })
        }
    }
}
