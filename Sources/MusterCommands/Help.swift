/// The help texts of the command line.
enum Help {
    static func overview() -> String {
        var text = """
            muster \(CommandLineTool.version): executable emergency playbooks for machine rooms and data centres

            usage: muster <command> [RUN|FILE] [options]

            commands:

            """
        let width = Commands.all.map(\.name.count).max() ?? 0
        for command in Commands.all {
            text += "  " + command.name.padding(to: width) + "  " + command.summary + "\n"
        }
        text += """

            options every command accepts: --format, --lang en|zh, --as PERSON, --runs DIR, --playbooks DIR, --help
            'muster help <command>' tells more; 'muster --version' prints the version.

            """
        return text
    }

    static func text(for command: CommandSpec) -> String {
        var text = "usage: \(command.usage)\n\n\(command.summary)\n"
        if !command.discussion.isEmpty { text += "\n" + command.discussion + "\n" }
        let options = command.options + SharedOptions.all
        let labels = options.map { option in option.name + (option.value.map { " " + $0 } ?? "") }
        let width = labels.map(\.count).max() ?? 0
        text += "\noptions:\n"
        for (label, option) in zip(labels, options) {
            text += "  " + label.padding(to: width) + "  " + option.summary + "\n"
        }
        return text
    }
}

extension String {
    /// The text followed by spaces up to `width` terminal columns (a Chinese character takes two).
    func padding(to width: Int) -> String {
        TextWidth.pad(self, to: width)
    }
}
