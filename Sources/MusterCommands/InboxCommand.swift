import CommandSyntax
import JSONText
import Reporting
import Journaling
import RunEngine
import Runs
import Views

/// `muster inbox --as PERSON`: one person's work on every live run of the runs directory.
enum InboxCommand {
    static let spec = CommandSpec(
        name: "inbox",
        summary: "your work on every live run: your steps, approvals, decisions, reports you owe, pages to you",
        person: .required,
        countMessage: UsageError("inbox takes no run id: it looks at every run",
                                 chinese: "inbox 不需要运行 id：它查看所有运行"),
        discussion: """
            For each live run of the runs directory: the steps your roles own with the time left, the approvals
            and decisions waiting for you, the progress reports you owe (and how many you missed), and the
            escalations and other notifications that were for you, with what became of each. Like status, it first
            journals the timers that fell due, and delivers what waits when a notifier is configured.
            """,
        options: ActionCommands.notifyOptions + [SharedOptions.timeZone],
        formats: ["text", "json"],
        run: run)

    static func run(_ invocation: Invocation) throws -> Int32 {
        let person = try invocation.requiredPerson("whose inbox?", chinese: "谁的收件箱？")
        let format = try invocation.format(allowed: ["text", "json"])
        let time = LocalTime(try invocation.timeZone())
        let notifier = Notifier.forCommand(invocation)
        // A clock or test fault the environment gets wrong leaves every run unread, as it always did.
        var works: [PersonalWork] = []
        if let now = try? Clock.now(invocation.environment), let files = try? InjectedFaults.files(invocation) {
            works = RunsDirectory(invocation).inbox(
                person: person, files: files, now: now, notifier: notifier,
                clock: { (try? Clock.now(invocation.environment)) ?? now },
                warn: { invocation.console.error("muster: warning: notification results could not be journaled: \($0)\n") },
                language: invocation.language, time: time)
        }
        if format == "json" {
            invocation.console.out(JSONValue.array(works.map { $0.json() }).serialized(pretty: true) + "\n")
        } else if works.isEmpty {
            invocation.console.out(invocation.language == .zh ? "\(person) 在任何进行中的运行里都没有角色\n"
                                                               : "\(person) holds no role on any live run\n")
        } else {
            invocation.console.out(works.map { $0.render() }.joined(separator: "\n"))
        }
        return ExitStatus.success
    }
}
