import CommandSyntax
import Reporting
import RunEngine
import Runs

/// `muster notify --test PERSON`: a test message through the configured channels, before an incident.
enum NotifyCommand {
    static let spec = CommandSpec(
        name: "notify",
        summary: "send a test message to a person through the configured notifier",
        discussion: """
            Sends one test message to PERSON through the channels configured for the runs directory (notify.yaml,
            or --notify-command and --contacts), exactly as an escalation would go, so that a team knows before an
            incident that pages reach people. Exit 0 when it was delivered, 1 with the reason when not. Nothing is
            journaled.
            """,
        options: [
            .init(name: "--test", value: "PERSON", summary: "the person to send a test message to", required: true),
        ] + ActionCommands.notifyOptions,
        run: run)

    static func run(_ invocation: Invocation) throws -> Int32 {
        guard invocation.arguments.positionals.isEmpty, let person = invocation.arguments.value("--test"), !person.isEmpty
        else {
            throw UsageError("notify takes --test PERSON", chinese: "notify 需要 --test PERSON")
        }
        guard let notifier = try Notifier.from(invocation) else {
            throw CommandFailure(
                "no notifier is configured: give --notify-command, set MUSTER_NOTIFY, or write notify.yaml in the "
                    + "runs directory (see 'muster help watch')",
                chinese: "未配置通知程序：请给出 --notify-command、设置 MUSTER_NOTIFY，或在运行目录中写 notify.yaml")
        }
        let now = try Clock.now(invocation.environment)
        let delivery = Outbox.Delivery(
            notification: "test", requestSeq: 0, recipient: person, roles: [],
            message: "Muster test message: if you read this, escalations reach you",
            messageChinese: "Muster 测试消息：收到此消息，说明升级通知能送达你", step: nil, requestedAt: now)
        let result = notifier.attempt(delivery, runID: "test-\(InstantText.compact(now))", drill: false) { now }
        let chinese = invocation.language == .zh
        switch result.kind {
        case .notificationSent:
            invocation.console.out(chinese ? "已送达 \(person)\n" : "sent to \(person)\n")
            return ExitStatus.success
        case .notificationFailed(_, _, let why, let whyChinese, _):
            invocation.console.error("muster: " + (chinese ? "未能送达 \(person)：\(whyChinese ?? why)"
                                                           : "could not reach \(person): \(why)") + "\n")
            return ExitStatus.failure
        default:
            return ExitStatus.failure
        }
    }
}
