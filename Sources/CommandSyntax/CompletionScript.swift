import Foundation

/// What a completion script needs to know of one command, taken from its declaration.
public struct CompletionTable {
    /// What the shell completes as an option's value.
    public enum Value: Equatable {
        case nothing, files, directories
        case words([String])
    }

    /// The command's name; a subcommand's is its command's and its own, joined by a dot (`drill.start`).
    public var name: String
    public var summary: String
    /// The names of the subcommands, for a command that has them.
    public var subcommands: [String]
    /// Every option the command accepts, its own first, then the shared ones.
    public var options: [Arguments.Option]
    /// The options that take a value, with what completes it.
    public var values: [(name: String, value: Value)]
    /// What completes each positional, in order.
    public var positionals: [Positional.Completion]
    /// Whether the last positional takes more than one word.
    public var lastRepeats: Bool

    /// The tables of a command: its own, then one for each subcommand.
    public static func tables(_ spec: CommandSpec) -> [CompletionTable] {
        [CompletionTable(spec)] + spec.subcommands.map(CompletionTable.init)
    }

    public init(_ spec: CommandSpec) {
        name = spec.name.replacingOccurrences(of: " ", with: ".")
        summary = spec.summary
        subcommands = spec.subcommands.map { String($0.name.split(separator: " ").last ?? "") }
        options = spec.allOptions + SharedOptions.all
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
        positionals = subcommands.isEmpty ? spec.positionals.map(\.completion) : [.words(subcommands)]
        lastRepeats = spec.positionals.last.map { $0.arity == .oneOrMore || $0.arity == .zeroOrMore } ?? false
    }
}

/// Completion scripts for bash, zsh and fish, generated from the commands' declarations.
///
/// All three find the command (the first word), complete an option's value after an option that takes one, an
/// option after a dash, and otherwise the positional the cursor is at, counting the words before it that are
/// neither options nor option values.
public enum CompletionScript {
    /// The words a positional kind is written as in the scripts: `run`, `step`, `playbook`, `file`, `words:a,b`.
    public static func kind(_ completion: Positional.Completion) -> String {
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
        let names = topLevel(commands)
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

    /// The names of the commands (not of their subcommands).
    private static func topLevel(_ commands: [CompletionTable]) -> [String] {
        commands.map(\.name).filter { !$0.contains(".") }
    }

    /// The `case` branches (the same in bash and zsh) that make `command` the subcommand's table (`drill.start`)
    /// when the word after a command with subcommands (at `index`) names one, and move `first` on by one.
    private static func subcommandTable(_ commands: [CompletionTable], indent: String, word: String, index: Int) -> String {
        commands.filter { !$0.subcommands.isEmpty }.map { command in
            "\(indent)\(command.name)) if ((cword > \(index))); then command=\(command.name).\(word); first=\(index + 1); fi ;;\n"
        }.joined()
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
    private static func positionLoop(word: String, next: String) -> String {
        """
            local i word skip= index=0 run=
            local -a dirs
            for ((i = first; i < cword; i++)); do
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
    public static func bash(_ commands: [CompletionTable]) -> String {
        let names = (topLevel(commands) + ["help"]).joined(separator: " ")
        let subcommands = subcommandTable(commands, indent: "        ", word: "${COMP_WORDS[2]}", index: 2)
        let table = commandTable(commands, indent: "        ")
        let values = valueTable(commands, indent: "        ") { value in
            switch value {
            case .files: "compopt -o filenames; COMPREPLY=($(compgen -f -- \"$cur\"))"
            case .directories: "compopt -o filenames; COMPREPLY=($(compgen -d -- \"$cur\"))"
            case .words(let words): "COMPREPLY=($(compgen -W '\(words.joined(separator: " "))' -- \"$cur\"))"
            case .nothing: ""
            }
        }
        let loop = positionLoop(word: "${COMP_WORDS[i]}", next: "${COMP_WORDS[i+1]}")
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
                local command=${COMP_WORDS[1]} first=2 options= valued= kinds= last=one
                case $command in
            \(subcommands)\
                esac
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
    public static func zsh(_ commands: [CompletionTable]) -> String {
        let names = (topLevel(commands) + ["help"]).joined(separator: " ")
        let subcommands = subcommandTable(commands, indent: "        ", word: "${words[3]}", index: 3)
        let table = commandTable(commands, indent: "        ")
        let values = valueTable(commands, indent: "        ") { value in
            switch value {
            case .files: "_files"
            case .directories: "_files -/"
            case .words(let words): "compadd -- \(words.joined(separator: " "))"
            case .nothing: ""
            }
        }
        let loop = positionLoop(word: "${words[i]}", next: "${words[i+1]}")
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
                local command=${words[2]} first=3 options= valued= kinds= last=one
                case $command in
            \(subcommands)\
                esac
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
    public static func fish(_ commands: [CompletionTable]) -> String {
        var text = """
            # fish completion for muster, generated by 'muster completion fish' from the commands' declarations.
            # Save it as ~/.config/fish/completions/muster.fish.
            # The command, or a subcommand as its command and its name joined by a dot (drill.start).
            function __muster_command
                set -l tokens (commandline -opc)
                test (count $tokens) -ge 2; or return 1
                if contains -- $tokens[2] \(topLevel(commands.filter { !$0.subcommands.isEmpty }).joined(separator: " ")); \
                    and test (count $tokens) -ge 3
                    echo $tokens[2].$tokens[3]
                else
                    echo $tokens[2]
                end
            end

            # The names for the positional at the cursor: runs, steps or playbooks from muster itself, or words.
            function __muster_positional
                set -l tokens (commandline -opc)
                set -l valued
                set -l kinds
                set -l last one
                set -l first 3
                set -l command (__muster_command)
                string match -q '*.*' -- $command; and set first 4
                switch $command

            """
        for command in commands {
            text += "        case \(command.name)\n"
            text += "            set valued \(command.values.map(\.name).joined(separator: " "))\n"
            text += "            set kinds \(command.positionals.map(kind).joined(separator: " "))\n"
            if command.lastRepeats { text += "            set last more\n" }
        }
        text += "        case help\n            set kinds words:\(topLevel(commands).joined(separator: ","))\n"
        text += """
                end
                set -l skip 0
                set -l index 0
                set -l run
                set -l dirs
                for i in (seq $first (count $tokens))
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
        for command in commands where !command.name.contains(".") {
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
