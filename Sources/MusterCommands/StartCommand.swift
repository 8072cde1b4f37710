import CommandSyntax
import PlaybookLanguage
import Reporting
import RunEngine
import Runs
import Views

/// `muster start PLAYBOOK`: begin a live run; prints exactly the run id.
enum StartCommand {
    static let spec = CommandSpec(
        name: "start",
        summary: "start a live run of a playbook and print its run id",
        positionals: [.playbook("PLAYBOOK")],
        discussion: """
            PLAYBOOK is a file or a playbook id in the playbooks directory. The playbook's text is pinned in the
            run's directory: editing the playbook later never changes a run in flight. stdout is exactly the run
            id and a newline; everything else goes to stderr.
            """,
        options: [
            .init(name: "--severity", value: "LEVEL", summary: "the severity level, when already known"),
            .init(name: "--assign", value: "ROLE=PERSON", summary: "who holds a role (repeatable)", repeatable: true),
            .init(name: "--run-id", value: "ID", summary: "the run id (default: playbook id and start time)"),
            .init(name: "--fault-at", value: "TIME",
                  summary: "when the fault happened, if before now (2026-12-06T08:30Z, or '25m ago'): what "
                    + "'from: fault' counts from"),
            .init(name: "--title", value: "TEXT", summary: "the incident's title (what happened, where), for its reports"),
        ],
        run: run)

    static func run(_ invocation: Invocation) throws -> Int32 {
        let loaded = try PlaybookFiles.load(invocation.arguments.positionals[0], invocation: invocation)
        let playbook = loaded.playbook
        let now = try Clock.now(invocation.environment)
        var assignments: [String: String] = [:]
        for assignment in invocation.arguments.all("--assign") {
            let parts = assignment.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[1].isEmpty else {
                throw UsageError("--assign takes ROLE=PERSON, not '\(assignment)'")
            }
            if let problem = EnteredText.nameProblem(parts[1]) {
                throw UsageError("--assign \(parts[0])=…: " + problem.english,
                                 chinese: "--assign \(parts[0])=…：" + problem.chinese)
            }
            assignments[parts[0]] = parts[1]
        }
        // A fault instant that is not one is a usage error (`RunFailure.isUsage`).
        let faultAt = try invocation.arguments.value("--fault-at").map { text throws(RunFailure) in
            try FaultInstant.parse(text, now: now)
        }
        let title = invocation.arguments.value("--title")
        if let title, title.allSatisfy(\.isWhitespace) {
            throw UsageError("--title takes the incident's title (what happened, where), not an empty text",
                             chinese: "--title 需要事件标题（发生了什么、在哪里），不能为空")
        }
        let runID = RunsDirectory.newRunID(given: invocation.arguments.value("--run-id"), of: playbook.id, at: now)
        let runs = RunsDirectory(invocation)
        let state = try runs.startLive(
            runID, playbook: playbook, bytes: loaded.bytes, severity: invocation.arguments.value("--severity"),
            assignments: assignments, faultAt: faultAt, title: title, now: now, files: InjectedFaults.files(invocation))
        invocation.console.out(runID + "\n")
        NetworkFilesystemWarning.check(runs.path, invocation: invocation)
        invocation.console.error(RunCommandLines.started(playbook: playbook.id, version: playbook.version, runID: runID,
                                                         active: state.activeOrder, language: invocation.language))
        return ExitStatus.success
    }
}
