import CommandSyntax
import JSONText
import Journaling
import Platform
import Reporting
import RunEngine
import Runs
import Diagnostics
import Views

/// Commands that look at runs: status, log, runs, verify.
enum RunViewCommands {
    static let status = CommandSpec(
        name: "status", summary: "the board of a run: active steps, owners, time left, milestones",
        positionals: [.run], person: .optional,
        discussion: """
            Timers that fell due are fired and journaled first, so the board is right even if nobody watched.
            --format html prints the board as one self-contained page (no scripts, no external assets; due times
            as local times with their offset, from --tz, TZ or the host's zone); 'muster watch RUN --html DIR' keeps
            such pages up to date for a web server. With --as PERSON the board shows that person's own work too
            (their steps, in a drill the injects sent to their roles, the pages to them; MUSTER_AS does the same),
            and with an explicit --as, --format html prints that person's page instead of the run's.
            """,
        options: ActionCommands.notifyOptions + [
            .init(name: "--out", value: "FILE", summary: "with --format html: write the page to FILE, not stdout"),
            SharedOptions.timeZone,
        ],
        formats: ["text", "json", "html"],
        run: { invocation in
            let runID = invocation.arguments.positionals[0]
            let format = try invocation.format(allowed: ["text", "json", "html"])
            let times = try invocation.localTimes()
            if invocation.arguments.value("--out") != nil, format != "html" {
                throw UsageError("--out is for --format html", chinese: "--out 只用于 --format html")
            }
            // Whose own work the board shows besides (`--as`, else `MUSTER_AS`), if anyone's.
            let person = invocation.person
            let session = try RunSession(runID, invocation: invocation)
            var outcome = try session.perform(nil)
            let linked = LinkedRunCompletion.complete(runID, state: outcome.state, invocation: invocation)
            if outcome.state.awaitsLinkedRun, linked { outcome.state = try session.read().state }
            let notifier = Notifier.forCommand(invocation)
            let delivered = session.deliverPending(outcome.state, with: notifier, invocation: invocation)
            if format == "json" {
                invocation.console.out(RunStatusJSON.status(runID, playbook: outcome.playbook, state: outcome.state,
                                                          head: outcome.head).serialized(pretty: true) + "\n")
            } else if format == "html" {
                // The person's own page only when asked for by name: MUSTER_AS in a shell keeps the run's page.
                let page = try session.statusPage(person: invocation.arguments.value("--as").flatMap { $0.isEmpty ? nil : $0 },
                                                  language: invocation.language, times: times)
                if let path = invocation.arguments.value("--out") {
                    try FileOutput.write(page, to: path)
                } else {
                    invocation.console.out(page)
                }
            } else {
                // The results of this command's deliveries are in the journal, not yet in the outcome's state.
                let state = delivered > 0 ? try session.read().state : outcome.state
                invocation.console.out(TerminalBoard(runID: runID, playbook: outcome.playbook, state: state,
                                                     now: session.runNow(state), language: invocation.language,
                                                     delivering: notifier != nil, time: times.time,
                                                     person: person).render())
            }
            return linked ? ExitStatus.success : ExitStatus.failure
        })

    static let log = CommandSpec(
        name: "log", summary: "the timeline of a run: every event with its time, person and role",
        positionals: [.optionalRun],
        discussion: """
            --format jsonl prints the journal's lines exactly as written, one JSON object a line, each verified
            (checksum and hash chain) first. --follow keeps printing each line as it is committed, never taking the
            write lock, until interrupted (SIGINT or SIGTERM end it cleanly after a whole line, as does a closed
            pipe); --since-seq N prints only the lines after line N, so that a shipper that kept the last seq it
            got resumes without gaps or repeats. --follow --all follows every run of the runs directory, new runs
            from their first line, each line as {"run":ID,"line":LINE} (text: after the run id).
            """,
        options: [
            .init(name: "--follow", value: nil, summary: "keep printing each line as it is committed"),
            .init(name: "--since-seq", value: "N", summary: "print only the lines after line N"),
            .init(name: "--all", value: nil, summary: "every run of the runs directory (with --follow)"),
            SharedOptions.timeZone,
        ],
        formats: ["text", "json", "jsonl"],
        run: { invocation in
            let format = try invocation.format(allowed: ["text", "json", "jsonl"])
            let time = LocalTime(try invocation.timeZone())
            let follow = invocation.arguments.flag("--follow")
            let all = invocation.arguments.flag("--all")
            guard invocation.arguments.positionals.count == (all ? 0 : 1) else {
                throw UsageError(all ? "log --all takes no run id" : "log takes a run id (or --follow --all)",
                                 chinese: all ? "log --all 不需要运行 id" : "log 需要一个运行 id（或 --follow --all）")
            }
            var since = 0
            if let text = invocation.arguments.value("--since-seq") {
                guard let value = Int(text), value >= 0 else {
                    throw UsageError("--since-seq takes a line number (0 or more), not '\(text)'",
                                     chinese: "--since-seq 需要一个行号（0 或更大），而不是 '\(text)'")
                }
                since = value
            }
            if follow || all || format == "jsonl" || since > 0 {
                guard format != "json" else {
                    throw UsageError("--follow, --all and --since-seq print --format jsonl or text, not json",
                                     chinese: "--follow、--all 和 --since-seq 输出 --format jsonl 或 text，不是 json")
                }
                if all {
                    guard since == 0 else {
                        throw UsageError("--since-seq is for one run, not --all", chinese: "--since-seq 只用于单个运行，不能与 --all 同用")
                    }
                    return try LogFollow.runAll(invocation, format: format, follow: follow)
                }
                return try LogFollow.run(invocation, runID: invocation.arguments.positionals[0], format: format,
                                         since: since, follow: follow)
            }
            let runID = invocation.arguments.positionals[0]
            let (contents, _, _, torn) = try RunSession(runID, invocation: invocation).read()
            let output = RunLogOutput(contents, tornBytes: torn, json: format == "json", time: time)
            invocation.console.out(output.out)
            if !output.error.isEmpty { invocation.console.error(output.error) }
            return ExitStatus.success
        })

    static let runs = CommandSpec(
        name: "runs", summary: "list the runs in the runs directory, live and finished",
        discussion: "", options: [SharedOptions.timeZone], formats: ["text", "json"],
        run: { invocation in
            let format = try invocation.format(allowed: ["text", "json"])
            let time = LocalTime(try invocation.timeZone())
            let list = RunsList(try RunsDirectory(invocation).listing(), language: invocation.language, time: time)
            invocation.console.out(format == "json" ? list.json().serialized(pretty: true) + "\n" : list.text())
            return ExitStatus.success
        })

    static let verify = CommandSpec(
        name: "verify", summary: "check every checksum and the hash chain of a run's journal",
        positionals: [.optionalRun],
        discussion: """
            Exit 0 when the journal is intact, 1 naming the first bad line otherwise. A journal cut at a line
            boundary still chains, but the run's head record (journal.head, written after the lines it counts were
            on disk) shows that lines were lost. Against someone who cut both, give --head with a head recorded
            earlier (status --format json and the report's footer print it): verify fails unless that line is still
            in the chain. verify may run while others write: it reads a consistent snapshot. --bundle FILE checks
            an archive written by 'muster export' instead, on any machine, without the runs directory: the
            runs linked to the run (continue_in) are in the archive too, each verified and its links followed; a
            linked run the archive lacks is named and fails the check.
            """,
        options: [
            .init(name: "--head", value: "SHA256", summary: "a chain head recorded earlier that must still be there"),
            .init(name: "--bundle", value: "FILE", summary: "verify an archive written by 'muster export' instead of a run"),
        ],
        formats: ["text", "json"],
        run: { invocation in
            let bundle = invocation.arguments.value("--bundle")
            guard invocation.arguments.positionals.count == (bundle == nil ? 1 : 0) else {
                throw UsageError(bundle == nil ? "verify takes a run id" : "verify --bundle takes no run id",
                                 chinese: bundle == nil ? "verify 需要一个运行 id" : "verify --bundle 不需要运行 id")
            }
            let format = try invocation.format(allowed: ["text", "json"])
            let head = invocation.arguments.value("--head")
            let verified = try VerifiedRun(invocation.arguments.positionals.first ?? "",
                                           bundle: bundle.map(RunBundleFile.open), runs: RunsDirectory(invocation),
                                           head: head)
            let output = VerificationOutput(runID: verified.runID, found: verified.found, links: verified.links,
                                            json: format == "json", language: invocation.language)
            if !output.out.isEmpty { invocation.console.out(output.out) }
            if !output.error.isEmpty { invocation.console.error(output.error) }
            return output.ok ? ExitStatus.success : ExitStatus.failure
        })
}
