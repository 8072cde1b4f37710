import CommandSyntax

/// The subcommands of `muster drill`, declared like commands: their usage lines, the counts of their words and
/// their completions come from these declarations.
enum DrillSubcommands {
    static let all: [CommandSpec] = [
        spec("start", "start a drill for people to play, on the virtual clock or the real one",
             [scenario], options: [
                 .init(name: "--clock", value: "CLOCK", summary: "virtual (default) or real", allowed: ["virtual", "real"]),
                 .init(name: "--speed", value: "N", summary: "with --clock real: run N times faster than real time"),
                 runID,
                 .init(name: "--assign", value: "ROLE=PERSON",
                       summary: "who plays a role (repeatable; default: the scenario's participants)", repeatable: true),
                 .init(name: "--scripted", value: "ROLE",
                       summary: "a role the scenario's scripted players play (repeatable; all: every scripted role)",
                       repeatable: true),
             ] + ActionCommands.notifyOptions + [SharedOptions.timeZone]) {
                 try DrillCommand.start($0.arguments.positionals, $0)
             },
        spec("advance", "move a drill's virtual clock, delivering what falls due on the way",
             [.run, Positional(name: "DURATION", arity: .optional, about: "a duration (e.g. 5m)", chinese: "一段时长（如 5m）")],
             options: [.init(name: "--to-next", value: nil, summary: "advance to the next timer or inject")]
                 + ActionCommands.notifyOptions + [SharedOptions.timeZone]) {
                 try DrillCommand.advance($0.arguments.positionals, $0)
             },
        spec("run", "play a scenario unattended with its scripted players and print the evaluation",
             [scenario], options: [
                 runID,
                 .init(name: "--fail-below", value: "GRADE", summary: "exit 1 if a rating is below P, S or M",
                       allowed: ["P", "S", "M"]),
                 SharedOptions.timeZone,
             ], formats: ["text", "md", "json"]) { try DrillCommand.runUnattended($0.arguments.positionals, $0) },
        spec("report", "the after-action report of a drill", [.run], options: [SharedOptions.timeZone],
             formats: ["md", "json", "html"]) {
            try DrillCommand.report($0.arguments.positionals, $0)
        },
        spec("due", "which drills the programme requires next, and when each playbook was last drilled", [],
             options: [SharedOptions.timeZone], formats: ["text", "json"]) { try DrillCommand.due($0) },
        spec("observe", "an evaluator's observation, of an objective or of the exercise",
             [.run, objective(.optional), Positional(name: "TEXT", arity: .one, about: "a text", chinese: "内容")],
             person: .required, personWord: "EVALUATOR", options: [
                 .init(name: "--strength", value: nil, summary: "observe: a strength"),
                 .init(name: "--improvement", value: nil, summary: "observe: an area for improvement"),
             ]) { try DrillCommand.staff("observe", $0.arguments.positionals, $0) },
        spec("rate", "an evaluator's rating of an objective, with its written justification",
             [.run, objective(.one), Positional(name: "P|S|M|U", arity: .one, about: "a rating (P, S, M or U)", chinese: "评定（P、S、M 或 U）",
                                                completion: .words(["P", "S", "M", "U"]))],
             person: .required, personWord: "EVALUATOR", options: [why(required: true)]) {
            try DrillCommand.staff("rate", $0.arguments.positionals, $0)
        },
        spec("inject", "a controller sends a scenario inject now, or an ad hoc one",
             [.run, Positional(name: "ID", arity: .optional, about: "an inject id", chinese: "注入 id")],
             person: .required, personWord: "CONTROLLER", options: [
                 .init(name: "--to", value: "ROLE", summary: "inject: the role an ad hoc inject goes to"),
                 .init(name: "--text", value: "TEXT", summary: "inject: the text of an ad hoc inject"),
             ] + ActionCommands.notifyOptions + [SharedOptions.timeZone]) {
                 try DrillCommand.staff("inject", $0.arguments.positionals, $0)
             },
        spec("cancel", "a controller cancels an inject not yet delivered",
             [.run, Positional(name: "ID", arity: .one, about: "an inject id", chinese: "注入 id")],
             person: .required, personWord: "CONTROLLER", options: [why()]) {
            try DrillCommand.staff("cancel", $0.arguments.positionals, $0)
        },
        spec("mark", "a controller marks start or end of exercise, or pauses or resumes play",
             [.run, Positional(name: "startex|endex|pause|resume", arity: .one, about: "startex, endex, pause or resume",
                               chinese: "startex、endex、pause 或 resume",
                               completion: .words(["startex", "endex", "pause", "resume"]))],
             person: .required, personWord: "CONTROLLER") { try DrillCommand.staff("mark", $0.arguments.positionals, $0) },
        spec("script", "a controller hands a role to the scenario's scripted players",
             [.run, Positional(name: "ROLE", arity: .one, about: "a role", chinese: "一个角色")],
             person: .required, personWord: "CONTROLLER") { try DrillCommand.staff("script", $0.arguments.positionals, $0) },
        spec("unscript", "a controller hands a role back from the scripted players to a person",
             [.run, Positional(name: "ROLE", arity: .one, about: "a role", chinese: "一个角色"),
              Positional(name: "PERSON", arity: .one, about: "who plays it from now on", chinese: "此后由谁扮演")],
             person: .required, personWord: "CONTROLLER") { try DrillCommand.staff("unscript", $0.arguments.positionals, $0) },
        spec("improve", "set an objective's improvement action, with its owner and due date",
             [.run, objective(.one)], person: .required, personWord: "CONTROLLER|EVALUATOR", options: [
                 .init(name: "--action", value: "TEXT", summary: "improve: the corrective action", required: true),
                 .init(name: "--owner", value: "WHO", summary: "improve: who owns it", required: true),
                 .init(name: "--due", value: "DATE", summary: "improve: due by, YYYY-MM-DD", required: true),
                 .init(name: "--status", value: "STATUS", summary: "improve: open (default), in_progress or done",
                       allowed: ["open", "in_progress", "done"]),
             ]) { try DrillCommand.staff("improve", $0.arguments.positionals, $0) },
    ]

    /// A scenario file or a scenario id of the playbooks directory's `drills/`.
    private static let scenario = Positional(name: "SCENARIO", arity: .one, about: "a scenario (a file or an id)",
                                             chinese: "一个演练场景（文件或 id）", completion: .file)
    private static let runID = Arguments.Option(
        name: "--run-id", value: "ID", summary: "the run id (default: scenario id and the real time)")

    private static func objective(_ arity: Positional.Arity) -> Positional {
        Positional(name: "OBJECTIVE", arity: arity, about: "an objective", chinese: "一个目标")
    }

    private static func why(required: Bool = false) -> Arguments.Option {
        .init(name: "--why", value: "TEXT", summary: "rate: the written justification; cancel: why", required: required)
    }

    private static func spec(
        _ name: String, _ summary: String, _ positionals: [Positional], person: CommandSpec.PersonUse = .none,
        personWord: String = "PERSON", options: [Arguments.Option] = [], formats: [String] = [],
        run: @escaping @Sendable (Invocation) throws -> Int32
    ) -> CommandSpec {
        CommandSpec(name: "drill " + name, summary: summary, positionals: positionals, person: person,
                    personWord: personWord, discussion: "", options: options, formats: formats, run: run)
    }
}
