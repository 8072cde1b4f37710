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
        let report = try RunSession(runID, invocation: invocation).report(realNow: Clock.now(invocation.environment))
        let text: String
        let language = invocation.language
        switch format {
        case "json":
            text = ReportJSON(report, language: language, time: time).render(kind).serialized(pretty: true) + "\n"
        case "html": text = HTMLReport(report, language: language, time: time).render(kind)
        default: text = MarkdownReport(report, language: language, time: time).render(kind)
        }
        // A fault report goes to a client: what it still lacks is said, so that it is filed before it is sent.
        if kind == .fault, let gaps = report.faultReportGaps(invocation.language) { invocation.console.error(gaps) }
        if let out = invocation.arguments.value("--out") {
            try FileOutput.write(text, to: out)
            invocation.console.error(invocation.language == .zh ? "已写入 \(out)\n" : "wrote \(out)\n")
        } else {
            invocation.console.out(text)
        }
        return ExitStatus.success
    }

    static let signoff = CommandSpec(
        name: "signoff",
        summary: "sign a finished run's report as the user (用户签收)",
        positionals: [.run], person: .required,
        discussion: "The signature is journaled; reports show it, and a run without one says so.",
        run: { invocation in
            let runID = invocation.arguments.positionals[0]
            let person = try invocation.requiredPerson("who signs?", chinese: "签收人是谁？")
            let session = try RunSession(runID, invocation: invocation)
            let outcome = try session.perform(Command(person: person, kind: .signoff))
            return ActionCommands.report(outcome, runID: runID, invocation: invocation)
        })
}
