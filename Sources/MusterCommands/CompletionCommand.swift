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
            let commands = Commands.all.map(CompletionTable.init)
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
        guard let arguments = try? Arguments(words, options: SharedOptions.all),
            let kind = arguments.positionals.first
        else {
            console.error("muster: error: \(helperName) takes runs, steps RUN or playbooks\n")
            return ExitStatus.usage
        }
        let invocation = Invocation(arguments: arguments, environment: environment, console: console)
        let names: [String]
        switch (kind, arguments.positionals.count) {
        case ("runs", 1):
            names = RunsDirectory(invocation).runIDs()
        case ("steps", 2):
            let read = try? RunSession(arguments.positionals[1], invocation: invocation).read()
            names = read?.playbook.allSteps.map(\.id) ?? []
        case ("playbooks", 1):
            names = PlaybookFiles.ids(in: invocation.playbooksDirectory)
        default:
            console.error("muster: error: \(helperName) takes runs, steps RUN or playbooks\n")
            return ExitStatus.usage
        }
        console.out(names.map { $0 + "\n" }.joined())
        return ExitStatus.success
    }
}

/// What a completion script needs to know of one command, taken from its declaration.
struct CompletionTable {
    /// What the shell completes as an option's value.
    enum Value: Equatable {
        case nothing, files, directories
        case words([String])
    }

    var name: String
    var summary: String
    /// Every option the command accepts, its own first, then the shared ones.
    var options: [Arguments.Option]
    /// The options that take a value, with what completes it.
    var values: [(name: String, value: Value)]
    /// What completes each positional, in order.
    var positionals: [Positional.Completion]
    /// Whether the last positional takes more than one word.
    var lastRepeats: Bool

    init(_ spec: CommandSpec) {
        name = spec.name
        summary = spec.summary
        options = spec.options + SharedOptions.all
        values = options.compactMap { option -> (name: String, value: Value)? in
            guard let placeholder = option.value else { return nil }
            if option.name == "--format" {
                return (option.name, spec.formats.isEmpty ? .nothing : .words(spec.formats))
            }
            if let allowed = option.allowed { return (option.name, .words(allowed)) }
            switch placeholder {
            case "DIR": return (option.name, .directories)
            case "FILE": return (option.name, .files)
            default: return (option.name, .nothing)
            }
        }
        positionals = spec.positionals.map(\.completion)
        lastRepeats = spec.positionals.last.map { $0.arity == .oneOrMore || $0.arity == .zeroOrMore } ?? false
    }
}

/// Completion scripts for bash, zsh and fish, generated from the commands' declarations.
///
/// All three find the command (the first word), complete an option's value after an option that takes one, an
/// option after a dash, and otherwise the positional the cursor is at, counting the words before it that are
/// neither options nor option values.
enum CompletionScript {
    /// The words a positional kind is written as in the scripts: `run`, `step`, `playbook`, `file`, `words:a,b`.
    static func kind(_ completion: Positional.Completion) -> String {
        switch completion {
        case .nothing: "none"
        case .run: "run"
        case .step: "step"
        case .playbook: "playbook"
        case .file: "file"
        case .words(let words): "words:" + words.joined(separator: ",")
        }
    }

    /// The `case` branches (the same in bash and zsh) that set a command's options, the options that take a
    /// value, the kinds of its positionals and whether the last repeats.
    private static func commandTable(_ commands: [CompletionTable], indent: String) -> String {
        var text = ""
        let names = commands.map(\.name)
        for command in commands {
            text += "\(indent)\(command.name))\n"
            text += "\(indent)    options='\(command.options.map(\.name).joined(separator: " "))'\n"
            text += "\(indent)    valued='\(command.values.map(\.name).joined(separator: " "))'\n"
            text += "\(indent)    kinds='\(command.positionals.map(kind).joined(separator: " "))'\n"
            text += "\(indent)    last=\(command.lastRepeats ? "more" : "one") ;;\n"
        }
        text += "\(indent)help) kinds='words:\(names.joined(separator: ","))' ;;\n"
        return text
    }

    /// The `case "$command:$prev"` branches that complete option values; `action` writes one for a value.
    private static func valueTable(
        _ commands: [CompletionTable], indent: String, action: (CompletionTable.Value) -> String
    ) -> String {
        var byAction: [(action: String, patterns: [String])] = []
        for command in commands {
            for (name, value) in command.values where value != .nothing {
                let written = action(value)
                if let index = byAction.firstIndex(where: { $0.action == written }) {
                    byAction[index].patterns.append("\(command.name):\(name)")
                } else {
                    byAction.append((written, ["\(command.name):\(name)"]))
                }
            }
        }
        return byAction.map { "\(indent)\($0.patterns.joined(separator: "|"))) \($0.action); return ;;\n" }.joined()
    }

    /// The loop (the same in bash and zsh) that counts the positionals before the cursor, notes the first (the
    /// run a step belongs to) and keeps `--runs DIR` and `--playbooks DIR` for the helper.
    private static func positionLoop(first: String, word: String, next: String) -> String {
        """
            local i word skip= index=0 run=
            local -a dirs
            for ((i = \(first); i < cword; i++)); do
                word=\(word)
                if [[ -n $skip ]]; then skip=; continue; fi
                case $word in
                    --runs|--playbooks) dirs+=("$word" "\(next)"); skip=1 ;;
                    --*=*) ;;
                    -*) [[ " $valued " == *" $word "* ]] && skip=1 ;;
                    *) ((index == 0)) && run=$word; ((index++)) ;;
                esac
            done
        """
    }

    /// The bash script: `source <(muster completion bash)`.
    static func bash(_ commands: [CompletionTable]) -> String {
        let names = (commands.map(\.name) + ["help"]).joined(separator: " ")
        let table = commandTable(commands, indent: "        ")
        let values = valueTable(commands, indent: "        ") { value in
            switch value {
            case .files: "compopt -o filenames; COMPREPLY=($(compgen -f -- \"$cur\"))"
            case .directories: "compopt -o filenames; COMPREPLY=($(compgen -d -- \"$cur\"))"
            case .words(let words): "COMPREPLY=($(compgen -W '\(words.joined(separator: " "))' -- \"$cur\"))"
            case .nothing: ""
            }
        }
        let loop = positionLoop(first: "2", word: "${COMP_WORDS[i]}", next: "${COMP_WORDS[i+1]}")
        return """
            # bash completion for muster, generated by 'muster completion bash' from the commands' declarations.
            # Load it with: source <(muster completion bash)
            _muster() {
                local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} cword=$COMP_CWORD
                local muster=${COMP_WORDS[0]}
                COMPREPLY=()
                if ((cword == 1)); then
                    COMPREPLY=($(compgen -W '\(names)' -- "$cur"))
                    return
                fi
                local command=${COMP_WORDS[1]} options= valued= kinds= last=one
                case $command in
            \(table)\
                esac
                case $command:$prev in
            \(values)\
                esac
                if [[ $cur == -* ]]; then
                    COMPREPLY=($(compgen -W "$options" -- "$cur"))
                    return
                fi
            \(loop)
                local -a list=($kinds)
                local kind=
                if ((index < ${#list[@]})); then
                    kind=${list[index]}
                elif [[ $last == more && ${#list[@]} -gt 0 ]]; then
                    kind=${list[${#list[@]}-1]}
                fi
                case $kind in
                    run) COMPREPLY=($(compgen -W "$("$muster" __complete runs "${dirs[@]}" 2>/dev/null)" -- "$cur")) ;;
                    step) COMPREPLY=($(compgen -W "$("$muster" __complete steps "$run" "${dirs[@]}" 2>/dev/null)" \\
                        -- "$cur")) ;;
                    playbook)
                        compopt -o filenames
                        COMPREPLY=($(compgen -W "$("$muster" __complete playbooks "${dirs[@]}" 2>/dev/null)" \\
                            -- "$cur") $(compgen -f -- "$cur")) ;;
                    file) compopt -o filenames; COMPREPLY=($(compgen -f -- "$cur")) ;;
                    words:*) local choices=${kind#words:}; COMPREPLY=($(compgen -W "${choices//,/ }" -- "$cur")) ;;
                esac
            }
            complete -F _muster muster

            """
    }

    /// The zsh script: saved as `_muster` in a directory of `$fpath`, or sourced.
    static func zsh(_ commands: [CompletionTable]) -> String {
        let names = (commands.map(\.name) + ["help"]).joined(separator: " ")
        let table = commandTable(commands, indent: "        ")
        let values = valueTable(commands, indent: "        ") { value in
            switch value {
            case .files: "_files"
            case .directories: "_files -/"
            case .words(let words): "compadd -- \(words.joined(separator: " "))"
            case .nothing: ""
            }
        }
        let loop = positionLoop(first: "3", word: "${words[i]}", next: "${words[i+1]}")
        return """
            #compdef muster
            # zsh completion for muster, generated by 'muster completion zsh' from the commands' declarations.
            # Save it as _muster in a directory of $fpath (or source it after compinit).
            _muster() {
                local cur=${words[CURRENT]} prev=${words[CURRENT-1]} cword=$CURRENT
                local muster=${words[1]}
                if ((cword == 2)); then
                    compadd -- \(names)
                    return
                fi
                local command=${words[2]} options= valued= kinds= last=one
                case $command in
            \(table)\
                esac
                case $command:$prev in
            \(values)\
                esac
                if [[ $cur == -* ]]; then
                    compadd -- ${=options}
                    return
                fi
            \(loop)
                local -a list=(${=kinds})
                local kind=
                if ((index < ${#list})); then
                    kind=${list[index+1]}
                elif [[ $last == more && ${#list} -gt 0 ]]; then
                    kind=${list[-1]}
                fi
                case $kind in
                    run) compadd -- ${(f)"$("$muster" __complete runs $dirs 2>/dev/null)"} ;;
                    step) compadd -- ${(f)"$("$muster" __complete steps "$run" $dirs 2>/dev/null)"} ;;
                    playbook) compadd -- ${(f)"$("$muster" __complete playbooks $dirs 2>/dev/null)"}; _files ;;
                    file) _files ;;
                    words:*) compadd -- ${(s:,:)${kind#words:}} ;;
                esac
            }
            if [[ ${funcstack[1]} == _muster ]]; then
                _muster "$@"
            else
                compdef _muster muster
            fi

            """
    }

    /// The fish script: saved as `~/.config/fish/completions/muster.fish`.
    static func fish(_ commands: [CompletionTable]) -> String {
        var text = """
            # fish completion for muster, generated by 'muster completion fish' from the commands' declarations.
            # Save it as ~/.config/fish/completions/muster.fish.
            function __muster_command
                set -l tokens (commandline -opc)
                test (count $tokens) -ge 2; and echo $tokens[2]
            end

            # The names for the positional at the cursor: runs, steps or playbooks from muster itself, or words.
            function __muster_positional
                set -l tokens (commandline -opc)
                set -l valued
                set -l kinds
                set -l last one
                switch $tokens[2]

            """
        for command in commands {
            text += "        case \(command.name)\n"
            text += "            set valued \(command.values.map(\.name).joined(separator: " "))\n"
            text += "            set kinds \(command.positionals.map(kind).joined(separator: " "))\n"
            if command.lastRepeats { text += "            set last more\n" }
        }
        text += "        case help\n            set kinds words:\(commands.map(\.name).joined(separator: ","))\n"
        text += """
                end
                set -l skip 0
                set -l index 0
                set -l run
                set -l dirs
                for i in (seq 3 (count $tokens))
                    set -l word $tokens[$i]
                    if test $skip = 1
                        set skip 0
                        continue
                    end
                    switch $word
                        case --runs --playbooks
                            set -a dirs $word $tokens[(math $i + 1)]
                            set skip 1
                        case '--*=*'
                        case '-*'
                            contains -- $word $valued; and set skip 1
                        case '*'
                            test $index = 0; and set run $word
                            set index (math $index + 1)
                    end
                end
                set -l kind
                if test $index -lt (count $kinds)
                    set kind $kinds[(math $index + 1)]
                else if test $last = more; and test (count $kinds) -gt 0
                    set kind $kinds[-1]
                end
                switch "$kind"
                    case run
                        $tokens[1] __complete runs $dirs 2>/dev/null
                    case step
                        $tokens[1] __complete steps $run $dirs 2>/dev/null
                    case playbook
                        $tokens[1] __complete playbooks $dirs 2>/dev/null
                        __fish_complete_path (commandline -ct)
                    case file
                        __fish_complete_path (commandline -ct)
                    case 'words:*'
                        string split , (string replace words: '' $kind)
                end
            end

            complete -c muster -f
            complete -c muster -n 'not __muster_command' -a help -d 'help on a command'

            """
        for command in commands {
            text += "complete -c muster -n 'not __muster_command' -a \(command.name)"
                + " -d \(fishQuoted(command.summary))\n"
        }
        for command in commands {
            let condition = "-n 'test (__muster_command) = \(command.name)'"
            for option in command.options {
                var line = "complete -c muster \(condition) -l \(option.name.dropFirst(2))"
                switch command.values.first(where: { $0.name == option.name })?.value {
                case nil: break
                case .nothing?: line += " -x"
                case .files?: line += " -r -F"
                case .directories?: line += " -x -a '(__fish_complete_directories)'"
                case .words(let words)?: line += " -x -a \(fishQuoted(words.joined(separator: " ")))"
                }
                text += line + " -d \(fishQuoted(option.summary))\n"
            }
        }
        text += "complete -c muster -n '__muster_command' -a '(__muster_positional)'\n"
        return text
    }

    /// `text` in single quotes for fish.
    private static func fishQuoted(_ text: String) -> String {
        "'" + text.replacingBackslashesAndQuotes() + "'"
    }
}

extension String {
    /// The text with `\` and `'` escaped, for a single-quoted fish string.
    fileprivate func replacingBackslashesAndQuotes() -> String {
        var result = ""
        for character in self {
            if character == "\\" || character == "'" { result.append("\\") }
            result.append(character)
        }
        return result
    }
}
