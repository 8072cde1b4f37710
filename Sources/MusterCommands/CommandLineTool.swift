public import CommandSyntax
import Platform
import PlaybookLanguage
import Runs

/// The `muster` command line: finds the command, parses its options, runs it and returns the exit status.
///
/// Exit statuses follow the command-line contract: 0 success, 1 understood but refused or problems found,
/// 2 usage errors. The executable only calls `runProcess` (the process's arguments, environment and console).
public enum CommandLineTool {
    /// The version `muster --version` prints.
    public static let version = "0.1.0"

    /// Runs `arguments` (without the program name) as this process's command, with its environment and its
    /// standard output and error, then exits with the command's status.
    public static func runProcess(_ arguments: [String]) -> Never {
        // A closed stdout (`muster note … | head -0`) is not a failure of the action, and must not kill a command
        // before it delivers its notifications: writes to it fail quietly instead.
        CurrentProcess.ignoreBrokenPipes()
        // A notifier (or what it leaves running) must not hold a pipe that whoever started muster waits on, or
        // anything else this process was given.
        CurrentProcess.closeInheritedDescriptorsOnExec()
        let environment = CurrentProcess.environment()
        let console = Console.standard(environment: environment)
        CurrentProcess.exit(run(arguments, environment: environment, console: console))
    }

    /// Runs one command line (`arguments` excludes the program name) and returns its exit status.
    public static func run(_ arguments: [String], environment: [String: String], console: Console) -> Int32 {
        let helpLanguage = Help.language(arguments, environment: environment)
        // `--lang` may come first (`muster --lang zh help start`): it moves behind the command it is for.
        var arguments = arguments
        if arguments.first == "--lang", arguments.count > 1 {
            arguments = Array(arguments.dropFirst(2)) + Array(arguments.prefix(2))
        } else if let first = arguments.first, first.hasPrefix("--lang=") {
            arguments = Array(arguments.dropFirst()) + [first]
        }
        guard let first = arguments.first else {
            console.error(Help.overview(language: helpLanguage))
            return ExitStatus.usage
        }
        switch first {
        case "--help", "-h":
            console.out(Help.overview(language: helpLanguage))
            return ExitStatus.success
        case "--version":
            console.out("muster \(version)\n")
            return ExitStatus.success
        case CompletionCommand.helperName:
            return CompletionCommand.helper(Array(arguments.dropFirst()), environment: environment, console: console)
        case "help":
            // The command asked about: the first word that is neither an option nor `--lang`'s value.
            var words = Array(arguments.dropFirst())
            if let index = words.firstIndex(of: "--lang") { words.removeSubrange(index..<min(index + 2, words.count)) }
            guard let name = words.first(where: { !$0.hasPrefix("-") }) else {
                console.out(Help.overview(language: helpLanguage))
                return ExitStatus.success
            }
            guard var command = Commands.named(name) else {
                return usageError(unknownCommand(name, helpLanguage), console: console, language: helpLanguage)
            }
            // `muster help drill start`: the subcommand's own help.
            let rest = words.drop { $0 != name }.dropFirst().filter { !$0.hasPrefix("-") }
            if let sub = rest.first, let found = command.subcommands.first(where: { $0.name == name + " " + sub }) {
                command = found
            }
            console.out(Help.text(for: command, language: helpLanguage))
            return ExitStatus.success
        default:
            break
        }
        guard let named = Commands.named(first) else {
            return usageError(unknownCommand(first, helpLanguage), console: console, language: helpLanguage)
        }
        let words = Array(arguments.dropFirst())
        var command = named
        if !command.subcommands.isEmpty {
            do {
                command = try command.subcommand(words)
            } catch {
                if words.contains("--help") || words.contains("-h") {
                    console.out(Help.text(for: command, language: helpLanguage))
                    return ExitStatus.success
                }
                return usageError(error.text(helpLanguage), command: command, console: console, language: helpLanguage)
            }
        }
        var parsed: Arguments
        do {
            parsed = try Arguments(words, options: command.options + SharedOptions.all)
            // A subcommand's arguments come after its name.
            if command.name.contains(" ") { parsed = parsed.droppingFirstPositional() }
        } catch {
            return usageError(error.text(helpLanguage), command: command,
                              console: console, language: helpLanguage)
        }
        if parsed.flag("--help") {
            console.out(Help.text(for: command, language: helpLanguage))
            return ExitStatus.success
        }
        let invocation = Invocation(arguments: parsed, environment: environment, console: console)
        do {
            try command.checkPositionals(parsed.positionals)
            return try command.run(invocation)
        } catch let error as UsageError {
            return usageError(error.text(invocation.language),
                              command: command, console: console, language: invocation.language)
        } catch let failure as CommandFailure {
            console.error("muster: error: \(failure.text(invocation.language))\n")
            return ExitStatus.failure
        } catch let failure as RunFailure where failure.isUsage {
            return usageError(UsageError(failure).text(invocation.language),
                              command: command, console: console, language: invocation.language)
        } catch let failure as RunFailure {
            console.error("muster: error: \(CommandFailure(failure).text(invocation.language))\n")
            return ExitStatus.failure
        } catch {
            console.error("muster: error: \(error)\n")
            return ExitStatus.failure
        }
    }

    /// "unknown command 'NAME'; did you mean …?" in `language`.
    private static func unknownCommand(_ name: String, _ language: Language) -> String {
        let closest = NameSuggestion.closest(to: name, in: Commands.all.map(\.name))
        return language == .zh ? "没有命令 '\(name)'" + (closest.map { "；是不是 '\($0)'？" } ?? "")
            : "unknown command '\(name)'" + (closest.map { "; did you mean '\($0)'?" } ?? "")
    }

    private static func usageError(
        _ message: String, command: CommandSpec? = nil, console: Console, language: Language = .en
    ) -> Int32 {
        let chinese = language == .zh
        console.error("muster: error: \(message)\n")
        if let command {
            console.error(chinese ? "用法: \(command.usage)\n见 'muster help \(command.name) --lang zh'\n"
                                  : "usage: \(command.usage)\nsee 'muster help \(command.name)'\n")
        } else {
            console.error(chinese ? "见 'muster --help --lang zh'\n" : "see 'muster --help'\n")
        }
        return ExitStatus.usage
    }
}

import Diagnostics

/// The exit statuses of the command-line contract.
public enum ExitStatus {
    /// The command did what was asked.
    public static let success: Int32 = 0
    /// The command was understood but refused, or found problems.
    public static let failure: Int32 = 1
    /// The command line was wrong: unknown command or option, missing argument.
    public static let usage: Int32 = 2
}
