import Foundation
import PlaybookLanguage
import Reporting
import RunEngine
import Testing

/// The fixture playbook of the report tests, `Fixtures/report-kit.yaml`.
enum ReportKit {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let fixture = directory.appendingPathComponent("Fixtures/report-kit.yaml")
    static let goldens = directory.appendingPathComponent("Goldens")

    static let text: String = {
        guard let data = FileManager.default.contents(atPath: fixture.path) else {
            fatalError("cannot read \(fixture.path)")
        }
        return String(decoding: data, as: UTF8.self)
    }()

    static func check(_ text: String) -> Playbook {
        let result = PlaybookChecker.check(Array(text.utf8), file: "report-kit.yaml")
        guard let playbook = result.playbook else { fatalError("report-kit.yaml: \(result.diagnostics)") }
        return playbook
    }

    static let playbook = check(text)

    /// Markup that must never reach a browser as markup.
    static let hostile = "<script>alert(1)</script> \"><img src=x>"

    /// The playbook with `hostile` in its title and in the first step's title, in both languages.
    static let hostilePlaybook: Playbook = {
        let quoted = "'" + hostile + "'"
        let edited = text
            .replacingOccurrences(of: "title: { en: Machine-room cooling failure, zh: 机房空调故障应急预案 }",
                                  with: "title: { en: \(quoted), zh: \(quoted) }")
            .replacingOccurrences(of: "title: { en: Report the overheating, zh: 报告机房温度过高 }",
                                  with: "title: { en: \(quoted), zh: \(quoted) }")
        precondition(edited != text)
        return check(edited)
    }()
}

/// Drives the engine the way `muster` does with `MUSTER_NOW` and a notifier (`MUSTER_NOTIFY`): before each
/// command the timers that fell due fire, a refused command is journaled, and the notifications a command
/// appended are delivered right after it, to the holders of their roles.
struct ReportRun {
    static let t0: Int64 = 1_767_225_600_000  // 2026-01-01 00:00:00Z
    /// The journal head the tests' reports show (the journal itself is not written in-process).
    static let head = "5d41402abc4b2a76b9719d911017c592ae2b1c3f6f0a34e0d2e1d2f7c1a8b9e0"
    /// What `Tests/scripts/render-report.sh` pins as the playbook's hash is the real one; here a fixed stand-in.
    static let playbookHash = "0f1e2d3c4b5a69788796a5b4c3d2e1f00112233445566778899aabbccddeeff0"

    let engine: Engine
    var events: [Event] = []
    var state = RunState()
    /// People whose notifier fails, as a notify command that exits 1 for them would.
    var unreachable: Set<String> = ["alice"]

    init(playbook: Playbook = ReportKit.playbook) {
        engine = Engine(playbook: playbook)
        let start = RunStart(
            playbookID: playbook.id, version: playbook.version, playbookHash: Self.playbookHash, mode: .live,
            virtualClock: false, severity: nil,
            assignments: ["commander": "alice", "tech_lead": "carol", "on_site": "bob"],
            title: "Cooling failure in machine room B")
        append(engine.start(start, at: Self.t0))
    }

    static func instant(_ minutes: Double) -> Int64 { t0 + Int64(minutes * 60_000) }

    private mutating func append(_ new: [Event]) {
        for event in new { state.apply(event) }
        events += new
    }

    /// `person` does `kind` at `minutes` after the start; the command must be accepted.
    mutating func act(_ person: String, _ kind: Command.Kind, at minutes: Double,
                      sourceLocation: SourceLocation = #_sourceLocation)
    {
        let now = Self.instant(minutes)
        let before = events.count
        append(engine.advance(state, to: now))
        switch engine.handle(Command(person: person, kind: kind), state: state, at: now) {
        case .success(let produced): append(produced)
        case .failure(let rejection):
            Issue.record("\(person) \(kind.name) refused: \(rejection)", sourceLocation: sourceLocation)
        }
        deliver(Array(events[before...]), at: now)
    }

    /// `person` does `kind` at `minutes`; the command must be refused, and the refusal is journaled.
    mutating func refuse(_ person: String, _ kind: Command.Kind, at minutes: Double,
                         sourceLocation: SourceLocation = #_sourceLocation)
    {
        let now = Self.instant(minutes)
        let before = events.count
        append(engine.advance(state, to: now))
        let command = Command(person: person, kind: kind)
        switch engine.handle(command, state: state, at: now) {
        case .success: Issue.record("\(person) \(kind.name) was accepted", sourceLocation: sourceLocation)
        case .failure(let rejection): append([engine.rejected(command, rejection, at: max(now, state.lastEventAt))])
        }
        deliver(Array(events[before...]), at: now)
    }

    /// Time passes to `minutes` (as `muster status` does): the timers that fell due fire.
    mutating func advance(to minutes: Double) {
        let now = Self.instant(minutes)
        let before = events.count
        append(engine.advance(state, to: now))
        deliver(Array(events[before...]), at: now)
    }

    /// What a notifier that fails for the `unreachable` journals after delivering `appended`'s notifications.
    private mutating func deliver(_ appended: [Event], at now: Int64) {
        var results: [Event] = []
        for event in appended {
            guard case .notificationRequested(let id, let roles, _, _, _, _) = event.kind else { continue }
            for person in Set(roles.compactMap { state.holders[$0] }).sorted() {
                let kind: EventKind = unreachable.contains(person)
                    ? .notificationFailed(id: id, to: person, why: "'/bin/sh' exited with status 1",
                                          whyChinese: "'/bin/sh' 以状态 1 退出")
                    : .notificationSent(id: id, to: person)
                results.append(Event(at: max(now, state.lastEventAt), actor: .engine, kind: kind))
            }
        }
        append(results)
    }

    /// The report of the run so far, as `muster report` builds it from the journal.
    func report(playbook: Playbook = ReportKit.playbook) -> RunReport {
        let first = events.first?.at ?? 0
        let entries = events.enumerated().map { index, event in
            JournalEntry(seq: index + 1, event: event, relative: event.at - first)
        }
        return RunReport(playbook: playbook, entries: entries,
                         integrity: Integrity(head: Self.head, lines: entries.count, verified: true),
                         runID: "cooling", asOf: Self.instant(90))
    }

    // MARK: The run of the goldens

    /// A cooling failure from the first report to the outcome, with every kind of thing a report shows: notes in
    /// every section, a grade and a regrade, an escalation whose notification reached one person and failed for
    /// another, an overdue step, a decision made and one defaulted on expiry, an approval, a refused command, a
    /// handover while a step of the role was open, a join-any that cancels the other track, and milestones met,
    /// late and missed. `signed` goes on to finish the after-end obligation and has the user sign the report;
    /// otherwise the run stops with the obligation open and no signature. `note` and `signer` replace a note's
    /// text and the signer's name (for the escaping tests).
    static func cooling(signed: Bool, playbook: Playbook = ReportKit.playbook, note: String? = nil,
                        signer: String = "wang.fang") -> ReportRun
    {
        var run = ReportRun(playbook: playbook)
        run.act("alice", .note("Room temperature at 35 °C and rising; two cooling units show alarms.",
                               section: "phenomenon"), at: 1)
        // At 2m the escalation of 'report' fires: carol is told, alice's phone is off.
        run.act("bob", .done(step: "report", items: []), at: 2.5)
        run.act("alice", .grade(level: "severe", why: "Two of the three cooling units are down"), at: 4)
        run.act("alice", .record(fact: "cause", value: "compressor"), at: 5)
        run.act("alice", .note("Rack row C throttled its CPUs; no service lost yet.", section: "impact"), at: 5)
        run.act("alice", .regrade(level: "fatal", why: "The third unit tripped; 38 °C at the cold aisle"), at: 7)
        // 'assess' falls overdue at 7m30s; the response milestone (now 10m) is missed at 10m.
        run.act("alice", .done(step: "assess", items: []), at: 11)
        run.act("alice", .decide(step: "choose_plan", option: "spare", why: "The spare unit is on site"), at: 12)
        run.refuse("bob", .approve(step: "shed_load", why: nil), at: 13)
        run.act("alice", .approve(step: "shed_load", why: "Batch jobs can move to the backup room"), at: 14)
        run.act("alice", .handover(role: "tech_lead", to: "erin"), at: 20)
        run.act("bob", .note("工业风扇已从三楼借到，正在架设。", section: nil), at: 21)
        // The spare unit joins 'cool_down' (any): the fans track is cancelled; the fans milestone is missed at 35m.
        run.act("erin", .done(step: "spare_unit", items: []), at: 26)
        // 'restore' falls overdue at 36m: erin is told.
        run.act("erin", .done(step: "restore", items: []), at: 41)
        run.act("erin", .note("Compressor bearing seized; no maintenance since March.", section: "cause"), at: 43)
        // Nobody decides on 'confirm' within 5m: the default 'close' is taken at 46m and the run reaches its outcome.
        run.advance(to: 47)
        run.act("alice", .note(note ?? "The spare unit carried the load; the failed unit is repaired and running.",
                               section: "handling"), at: 48)
        run.act("alice", .note("Quarterly compressor checks; the temperature alarm lowered to 30 °C.",
                               section: "prevention"), at: 50)
        run.act("alice", .note("Nobody reached the commander's phone: give every role a second contact.",
                               section: "lesson"), at: 52)
        if signed {
            run.act("alice", .done(step: "written_report", items: []), at: 80)
            run.act(signer, .signoff, at: 85)
        }
        return run
    }
}
