import CommandSyntax
import PlaybookLanguage
import Views

/// The help texts of the command line.
enum Help {
    /// The list of commands; in Chinese with `language` `.zh`.
    static func overview(language: Language = .en) -> String {
        let chinese = language == .zh
        let zh = HelpTextChinese.self
        var text = """
            muster \(CommandLineTool.version): \(chinese ? zh.overviewTitle
                : "executable emergency playbooks for machine rooms and data centres")

            \(chinese ? zh.usage : "usage"): muster <command> [RUN|FILE] [options]

            \(chinese ? zh.commands : "commands"):

            """
        let width = Commands.all.map(\.name.count).max() ?? 0
        for command in Commands.all {
            text += "  " + command.name.padding(to: width) + "  " + summary(command.summary, language) + "\n"
        }
        text += """

            \(chinese ? zh.sharedOptions : "options every command accepts"): --format, --lang en|zh, --as PERSON, \
            --runs DIR, --playbooks DIR, --help
            \(chinese ? zh.closing : "'muster help <command>' tells more; 'muster --version' prints the version.")

            """
        return text
    }

    /// One command's help; in Chinese with `language` `.zh` (an explanation without a Chinese text stays English).
    static func text(for command: CommandSpec, language: Language = .en) -> String {
        let chinese = language == .zh
        var text = "\(chinese ? HelpTextChinese.usage : "usage"): \(command.usage)\n\n"
            + summary(command.summary, language) + "\n"
        let discussion = chinese ? HelpTextChinese.discussions[command.name] ?? command.discussion : command.discussion
        if !discussion.isEmpty { text += "\n" + discussion + "\n" }
        let options = (command.allOptions + SharedOptions.all).map { option in
            // Who may act, where only the drill's exercise staff may: `--as EVALUATOR`, said in the list too.
            guard option.name == "--as", let who = staffActing[command.personWord] else { return option }
            var named = option
            (named.value, named.summary) = (command.personWord, who)
            return named
        }
        let labels = options.map { option in option.name + (option.value.map { " " + $0 } ?? "") }
        let width = labels.map(\.count).max() ?? 0
        text += "\n\(chinese ? HelpTextChinese.options : "options"):\n"
        for (label, option) in zip(labels, options) {
            text += "  " + label.padding(to: width) + "  " + summary(option.summary, language) + "\n"
        }
        return text
    }

    /// What `--as` says on the commands only a drill's exercise staff may use, by the word their usage names the
    /// person acting by.
    static let staffActing = [
        "CONTROLLER": "who is acting: a controller the scenario names (default: MUSTER_AS)",
        "EVALUATOR": "who is acting: an evaluator the scenario names (default: MUSTER_AS)",
        "CONTROLLER|EVALUATOR": "who is acting: a controller or an evaluator the scenario names (default: MUSTER_AS)",
    ]

    /// The language help is asked in: `--lang zh` (or `--lang=zh`) among `arguments`, else `MUSTER_LANG`.
    static func language(_ arguments: [String], environment: [String: String]) -> Language {
        for (index, argument) in arguments.enumerated() {
            if argument == "--lang", index + 1 < arguments.count { return arguments[index + 1] == "zh" ? .zh : .en }
            if argument.hasPrefix("--lang=") { return argument == "--lang=zh" ? .zh : .en }
        }
        return environment["MUSTER_LANG"] == "zh" ? .zh : .en
    }

    private static func summary(_ english: String, _ language: Language) -> String {
        language == .zh ? HelpTextChinese.summaries[english] ?? english : english
    }
}

extension String {
    /// The text followed by spaces up to `width` terminal columns (a Chinese character takes two).
    func padding(to width: Int) -> String {
        TextWidth.pad(self, to: width)
    }
}
