import CommandSyntax
import Diagnostics
import Runs

/// `muster completion bash|zsh|fish`: a shell completion script made from the commands' declarations; and the
/// hidden `muster __complete runs|steps RUN|playbooks` the scripts call for the names only a directory knows.
enum CompletionCommand {
    static let shells = ["bash", "zsh", "fish"]

    static let spec = CommandSpec(
        name: "completion",
        summary: "print a shell completion script for bash, zsh or fish",
        positionals: [Positional(name: "bash|zsh|fish", arity: .one, about: "a shell: bash, zsh or fish",
                                 chinese: "一种 shell：bash、zsh 或 fish", completion: .words(shells))],
        discussion: """
            The script completes commands, their options and option values, run ids from the runs directory, the
            step ids of a run and playbook ids from the playbooks directory (it asks 'muster' itself for those, with
            --runs and --playbooks as typed). bash: 'source <(muster completion bash)' in ~/.bashrc. zsh: save it
            as _muster in a directory of $fpath. fish: save it as ~/.config/fish/completions/muster.fish.
            """,
        run: { invocation in
            let shell = invocation.arguments.positionals[0]
            let commands = Commands.all.flatMap(CompletionTable.tables)
            switch shell {
            case "bash": invocation.console.out(CompletionScript.bash(commands))
            case "zsh": invocation.console.out(CompletionScript.zsh(commands))
            case "fish": invocation.console.out(CompletionScript.fish(commands))
            default:
                throw UsageError("completion takes bash, zsh or fish, not '\(shell)'"
                                     + NameSuggestion.didYouMean(shell, in: shells),
                                 chinese: "completion 需要 bash、zsh 或 fish，而不是 '\(shell)'")
            }
            return ExitStatus.success
        })

    /// The hidden command the scripts call; not listed in the overview.
    static let helperName = "__complete"

    /// `__complete runs|steps RUN|playbooks [--runs DIR] [--playbooks DIR]`: one name a line. What cannot be read
    /// gives no names rather than an error, since a shell shows whatever a completion prints.
    static func helper(_ words: [String], environment: [String: String], console: Console) -> Int32 {
        let arguments = try? Arguments(words, options: SharedOptions.all)
        let invocation = arguments.map { Invocation(arguments: $0, environment: environment, console: console) }
        guard let invocation, let names = CompletionNames.names(invocation.arguments.positionals,
                                                                runs: RunsDirectory(invocation),
                                                                playbooksDirectory: invocation.playbooksDirectory)
        else {
            console.error("muster: error: \(helperName) takes runs, steps RUN or playbooks\n")
            return ExitStatus.usage
        }
        console.out(names.map { $0 + "\n" }.joined())
        return ExitStatus.success
    }
}
