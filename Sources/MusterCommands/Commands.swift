import CommandSyntax

/// Every command of the tool, in the order the overview lists them.
enum Commands {
    static let all: [CommandSpec] = [
        CheckCommand.spec,
        ShowCommand.spec,
        GraphCommand.spec,
        SchemaCommand.spec,
        NewCommand.spec,
        StartCommand.spec,
        RunViewCommands.status,
        WatchCommand.spec,
        InboxCommand.spec,
    ] + ActionCommands.all + [
        RunViewCommands.log,
        RunViewCommands.runs,
        RunViewCommands.verify,
        ExportCommand.spec,
        ReportCommand.spec,
        ReportCommand.signoff,
        DrillCommand.spec,
        StatsCommand.spec,
        NotifyCommand.spec,
        PrintCommand.spec,
        CompletionCommand.spec,
    ]

    static func named(_ name: String) -> CommandSpec? {
        all.first { $0.name == name }
    }
}
