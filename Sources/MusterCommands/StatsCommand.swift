import CommandSyntax
import JSONText
import Platform
import PlaybookLanguage
import Reporting
import Runs
import Views

/// `muster stats`: response, repair and report timeliness of the live runs, per playbook and severity level.
enum StatsCommand {
    static let spec = CommandSpec(
        name: "stats",
        summary: "timeliness statistics of the live runs: response, repair, report; overdue and unsigned reports",
        discussion: """
            Reads every run in the runs directory (drills are left out: only runs started in live mode count) and
            gives, per playbook and severity level (the level a run has now; 'not graded' when it has none), the
            number of runs and three shares (考核指标):
              response timeliness (响应及时率): runs whose milestones with 'measures: response' were met on time;
              repair timeliness (故障修复及时率): likewise for 'measures: repair';
              report timeliness: likewise for 'measures: report'.
            A run counts for a measure once a milestone of it fell due: reached with a margin of zero or more is on
            time; reached late, missed, past due unreached, or no longer reachable because the run ended is not. A
            milestone due later is pending and not counted yet; one that never got a due instant (say, a clock of a
            severity level never set) does not count. When a run's pinned playbook declares no milestone with
            'measures:', the milestone ids stand in: 'responded' is response, 'repaired' and 'resolved' are repair,
            'written_report' is report (the output says for which playbooks).
            Then the runs with reports overdue (an after-end step, such as the one-day written report, done after its
            deadline or still open past it) and the ended runs nobody signed ('muster signoff'). A run whose
            journal is damaged or unreadable is listed as unreadable and not counted ('muster verify' names the bad
            line). --since DATE (YYYY-MM-DD, UTC) counts only runs started on or after that day. Deadlines are judged
            against now (MUSTER_NOW when set). Exit 0 when the statistics were made, 1 when the runs directory
            does not exist.
            """,
        options: [
            .init(name: "--since", value: "DATE", summary: "count runs started on or after DATE (YYYY-MM-DD, UTC)"),
            SharedOptions.timeZone,
        ],
        formats: ["text", "json", "html"],
        run: run)

    static func run(_ invocation: Invocation) throws -> Int32 {
        let format = try invocation.format(allowed: ["text", "json", "html"])
        let time = LocalTime(try invocation.timeZone())
        var since: Int64?
        if let text = invocation.arguments.value("--since") {
            guard let day = CalendarDay.midnight(text) else {
                throw UsageError("--since takes a date YYYY-MM-DD (UTC), not '\(text)'")
            }
            since = day
        }
        let now = try Clock.now(invocation.environment)
        let directory = RunsDirectory(invocation)
        guard FileStatus.isDirectory(directory.path) else {
            throw CommandFailure("no runs directory '\(directory.path)' (give --runs DIR or set MUSTER_RUNS)")
        }
        let summary = StatsSummary(runs: directory, now: now, since: since)
        let rendering = StatsRendering(summary: summary, language: invocation.language, time: time)
        switch format {
        case "json": invocation.console.out(rendering.json().serialized(pretty: true) + "\n")
        case "html": invocation.console.out(StatsHTML(summary: summary, language: invocation.language, time: time).render())
        default: invocation.console.out(rendering.text())
        }
        for run in summary.unreadable {
            invocation.console.error("muster: warning: run '\(run.run)' is not counted: \(run.reason)\n")
        }
        return ExitStatus.success
    }
}
