import Diagnostics
public import PlaybookLanguage

/// The options and positional arguments of one command line, parsed against the command's declared options.
///
/// Options may be written `--name value` or `--name=value`; flags take no value; `--` ends the options. Every
/// command also accepts the options every command shares (`--format`, `--lang`, `--as`, `--runs`,
/// `--playbooks`, `--help`).
public struct Arguments: Sendable {
    /// An option a command accepts.
    public struct Option: Sendable {
        /// The spelling, with the dashes: `--format`.
        public var name: String
        /// The value's placeholder in help (`FORMAT`), or `nil` for a flag.
        public var value: String?
        /// What it does, for help.
        public var summary: String
        /// The values allowed, if the set is closed.
        public var allowed: [String]? = nil
        /// Whether it may be given more than once.
        public var repeatable = false
        /// Whether the command needs it: the usage line shows it without brackets (the command checks it).
        public var required = false

        public init(name: String, value: String?, summary: String, allowed: [String]? = nil, repeatable: Bool = false,
                    required: Bool = false) {
            self.name = name
            self.value = value
            self.summary = summary
            self.allowed = allowed
            self.repeatable = repeatable
            self.required = required
        }
    }

    public private(set) var positionals: [String] = []
    private var values: [String: [String]] = [:]

    /// The last value given for `name`, if any.
    public func value(_ name: String) -> String? { values[name]?.last }
    /// Every value given for a repeatable option, in order.
    public func all(_ name: String) -> [String] { values[name] ?? [] }
    /// Whether a flag was given.
    public func flag(_ name: String) -> Bool { values[name] != nil }

    /// The same arguments without the first positional (a subcommand's name).
    public func droppingFirstPositional() -> Arguments {
        var arguments = self
        arguments.positionals = Array(positionals.dropFirst())
        return arguments
    }

    /// Parses `words` (the arguments after the command's name) against `options`.
    public init(_ words: [String], options: [Option]) throws(UsageError) {
        var index = 0
        var onlyPositionals = false
        while index < words.count {
            let word = words[index]
            index += 1
            if onlyPositionals || !word.hasPrefix("-") || word == "-" {
                positionals.append(word)
                continue
            }
            if word == "--" {
                onlyPositionals = true
                continue
            }
            var name = word
            var inlineValue: String?
            if let equals = word.firstIndex(of: "=") {
                name = String(word[..<equals])
                inlineValue = String(word[word.index(after: equals)...])
            }
            if name == "-h" { name = "--help" }
            guard let option = options.first(where: { $0.name == name }) else {
                let closest = NameSuggestion.closest(to: name, in: options.map(\.name))
                throw UsageError("unknown option '\(name)'" + (closest.map { "; did you mean '\($0)'?" } ?? ""),
                                 chinese: "没有选项 '\(name)'" + (closest.map { "；是不是 '\($0)'？" } ?? ""))
            }
            var given = "true"
            if option.value != nil {
                if let inlineValue {
                    given = inlineValue
                } else if index < words.count {
                    given = words[index]
                    index += 1
                } else {
                    throw UsageError("option '\(name)' needs a value (\(option.value!))",
                                     chinese: "选项 '\(name)' 需要一个值（\(option.value!)）")
                }
                if let allowed = option.allowed, !allowed.contains(given) {
                    throw UsageError(
                        "option '\(name)' takes one of \(allowed.joined(separator: ", ")), not '\(given)'"
                            + NameSuggestion.didYouMean(given, in: allowed))
                }
            } else if inlineValue != nil {
                throw UsageError("option '\(name)' takes no value", chinese: "选项 '\(name)' 不带值")
            }
            if values[name] != nil, !option.repeatable, option.value != nil, values[name]!.last != given {
                throw UsageError("option '\(name)' is given twice", chinese: "选项 '\(name)' 给了两次")
            }
            values[name, default: []].append(given)
        }
    }
}

/// A command line that does not fit the command: exit status 2.
public struct UsageError: Error {
    /// What was wrong, in English.
    public var message: String
    /// The same in Chinese, for `--lang zh`, where a responder meets it.
    public var chinese: String?

    public init(_ message: String, chinese: String? = nil) {
        self.message = message
        self.chinese = chinese
    }

    /// The message in `language`.
    public func text(_ language: Language) -> String {
        language == .zh ? chinese ?? message : message
    }
}
