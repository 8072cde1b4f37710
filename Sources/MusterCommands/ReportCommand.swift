import CommandSyntax
import JSONText
import Journaling
import Reporting
import RunEngine
import Runs

/// `muster report RUN`: the run's report, rendered from its replayed journal; and `muster signoff RUN`.
enum ReportCommand {
    static let spec = CommandSpec(
        name: "report",
        summary: "the report of a run: timeline, steps, milestones, decisions, integrity",
        positionals: [.run],
        discussion: """
            A pure rendering of the replayed journal: nothing is edited by hand and nothing outside the journal is
            read. --kind fault gives the fault report (机房故障报告: phenomenon, impact, cause, handling and result,
            prevention — from the facts recorded and the notes filed with 'note --section'); --kind work the
            emergency work report (应急保障工作报告) that the user signs with 'muster signoff'.
            """,
        options: [
            .init(name: "--kind", value: "KIND", summary: "full (default), fault or work", allowed: ["full", "fault", "work"]),
            .init(name: "--out", value: "FILE", summary: "write the report to FILE instead of stdout"),
            SharedOptions.timeZone,
        ],
        formats: ["md", "json", "html"],
        run: run)

    static func run(_ invocation: Invocation) throws -> Int32 {
        let runID = invocation.arguments.positionals[0]
        let format = try invocation.format(allowed: ["md", "json", "html", "text"])
        let kind = ReportKind(rawValue: invocation.arguments.value("--kind") ?? "full") ?? .full
        let time = LocalTime(try invocation.timeZone())
        let session = try RunSession(runID, invocation: invocation)
        let (contents, playbook, _, _) = try session.read()
        let entries = contents.lines.map { JournalEntry(seq: $0.seq, event: $0.event, relative: $0.relative) }
        // A drill on a virtual clock is as of its last event; a run on the real clock as of now.
        let lastEvent = entries.last?.event.at ?? 0
        var asOf = max(try Clock.now(invocation.environment), lastEvent)
        if case .runStarted(let start)? = entries.first?.event.kind, start.virtualClock { asOf = lastEvent }
        let report = RunReport(playbook: playbook, entries: entries,
                               integrity: Integrity(head: contents.head, lines: contents.lines.count, verified: true),
                               runID: runID, asOf: asOf)
        let text: String
        let language = invocation.language.rawValue
        switch format {
        case "json":
            text = ReportJSON(report, language: language, time: time).render(kind).serialized(pretty: true) + "\n"
        case "html": text = HTMLReport(report, language: language, time: time).render(kind)
        default: text = MarkdownReport(report, language: language, time: time).render(kind)
        }
        if kind == .fault { warnAboutGaps(report, invocation) }
        if let out = invocation.arguments.value("--out") {
            try FileOutput.write(text, to: out)
            invocation.console.error(invocation.language == .zh ? "已写入 \(out)\n" : "wrote \(out)\n")
        } else {
            invocation.console.out(text)
        }
        return ExitStatus.success
    }

    /// A fault report goes to a client: say on stderr what it still lacks (the incident's title, the impact, the
    /// cause, as a note or a fact the playbook files there), so that it is filed before the report is sent.
    private static func warnAboutGaps(_ report: RunReport, _ invocation: Invocation) {
        let zh = invocation.language == .zh
        var missing: [String] = []
        if report.incidentTitle == nil {
            missing.append(zh ? "事件标题（muster title 运行编号 标题）" : "the incident's title ('muster title RUN TITLE')")
        }
        for (section, english, chinese) in [("impact", "the impact", "影响"), ("cause", "the cause", "原因")]
        where !report.notes.contains(where: { $0.section == section }) && report.facts(inSection: section).isEmpty {
            missing.append(zh ? "\(chinese)（muster note 运行编号 --section \(section) 内容）"
                : "\(english) ('muster note RUN --section \(section) TEXT')")
        }
        guard !missing.isEmpty else { return }
        invocation.console.error(zh ? "muster: 警告：故障报告尚缺：\(missing.joined(separator: "；"))\n"
            : "muster: warning: the fault report lacks \(missing.joined(separator: "; "))\n")
    }

    static let signoff = CommandSpec(
        name: "signoff",
        summary: "sign a finished run's report as the user (用户签收)",
        positionals: [.run], person: .required,
        discussion: "The signature is journaled; reports show it, and a run without one says so.",
        run: { invocation in
            let runID = invocation.arguments.positionals[0]
            guard let person = invocation.arguments.value("--as") ?? invocation.environment["MUSTER_AS"], !person.isEmpty
            else { throw UsageError("who signs? give --as PERSON or set MUSTER_AS") }
            let session = try RunSession(runID, invocation: invocation)
            let outcome = try session.perform(Command(person: person, kind: .signoff))
            return ActionCommands.report(outcome, runID: runID, invocation: invocation)
        })
}
