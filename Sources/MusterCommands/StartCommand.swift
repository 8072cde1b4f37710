import Hashing
import Journaling
import PlaybookLanguage
import Reporting
import RunEngine
import Runs

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
            guard playbook.role(parts[0]) != nil else {
                let roles = playbook.roles.map(\.id)
                throw CommandFailure(
                    "role '\(parts[0])' is not defined in '\(playbook.id)'; roles: " + roles.joined(separator: ", "),
                    chinese: "预案 '\(playbook.id)' 中没有角色 '\(parts[0])'；角色有：" + roles.joined(separator: "、"))
            }
            if let problem = EnteredText.nameProblem(parts[1]) {
                throw UsageError("--assign \(parts[0])=…: " + problem.english,
                                 chinese: "--assign \(parts[0])=…：" + problem.chinese)
            }
            assignments[parts[0]] = parts[1]
        }
        let severity = invocation.arguments.value("--severity")
        if let severity, playbook.severity(severity) == nil {
            let levels = playbook.severities.map(\.id)
            throw CommandFailure(
                "severity level '\(severity)' is not defined in '\(playbook.id)'; levels: " + levels.joined(separator: ", "),
                chinese: "预案 '\(playbook.id)' 中没有严重级别 '\(severity)'；级别有：" + levels.joined(separator: "、"))
        }
        let faultAt = try invocation.arguments.value("--fault-at").map { text throws(UsageError) in
            try FaultInstant.parse(text, now: now)
        }
        let runID = invocation.arguments.value("--run-id") ?? "\(playbook.id)-\(TimeText.compact(now))"
        let runs = RunsDirectory(invocation)
        let path = try runs.runPath(runID)
        let files = try InjectedFaults.files(invocation)
        try runs.ensureExists()
        let start = RunStart(
            playbookID: playbook.id, version: playbook.version, playbookHash: SHA256.hash(loaded.bytes).hex,
            mode: .live, virtualClock: false, severity: severity, assignments: assignments,
            faultAt: faultAt == now ? nil : faultAt)
        let events = Engine(playbook: playbook).start(start, at: now)
        do throws(JournalError) {
            try Journal.create(directory: path, playbook: loaded.bytes, events: events, files: files)
        } catch {
            throw CommandFailure(error, runID: runID)
        }
        invocation.console.out(runID + "\n")
        let active = RunState.fold(events).activeOrder.joined(separator: ", ")
        invocation.console.error(invocation.language == .zh
            ? "已启动 \(playbook.id) \(playbook.version)；进行中的步骤：\(active)\n查看：'muster status \(runID)'\n"
            : "started \(playbook.id) \(playbook.version); active: \(active)\nsee 'muster status \(runID)'\n")
        return ExitStatus.success
    }
}
