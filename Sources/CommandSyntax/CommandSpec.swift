import Diagnostics
public import Foundation
public import PlaybookLanguage

/// One `muster` command: its name, help text, positionals, options and what it does.
///
/// The usage line is generated from the declaration, and the number of positionals is checked before `run` is
/// called, so that neither can drift from what the command really takes.
public struct CommandSpec: Sendable {
    public var name: String
    /// One line for the overview.
    public var summary: String
    /// The positional arguments, in order; only the last may take more than one word.
    public var positionals: [Positional]
    /// The command's own options (the shared ones are added by the tool), in the order the usage line shows them.
    public var options: [Arguments.Option]
    /// The values `--format` takes, as the usage line and completion show them (none: `--format` is not shown).
    public var formats: [String]
    /// Whether the usage line shows `--as PERSON`, and whether as required.
    public var person: PersonUse
    /// The word the usage line names the person acting by (`--as CONTROLLER` where a positional is `PERSON`).
    public var personWord: String
    /// The subcommands (`drill start`, `drill advance`, …), each declared like a command, its name the words
    /// typed after `muster`; a command with subcommands runs the one its first word names.
    public var subcommands: [CommandSpec]
    /// What to say instead of the generated message when the number of positionals is wrong.
    public var countMessage: UsageError?
    /// Paragraphs for `muster help NAME`.
    public var discussion: String
    /// Runs the command and returns its exit status; throws `UsageError` for command lines that do not fit.
    public var run: @Sendable (Invocation) throws -> Int32

    /// Whether a command names the person acting (`--as PERSON`, else `MUSTER_AS`) in its usage line.
    public enum PersonUse: Sendable {
        case none, optional, required
    }

    public init(
        name: String, summary: String, positionals: [Positional] = [], person: PersonUse = .none,
        personWord: String = "PERSON", subcommands: [CommandSpec] = [], countMessage: UsageError? = nil,
        discussion: String, options: [Arguments.Option] = [], formats: [String] = [],
        run: @escaping @Sendable (Invocation) throws -> Int32
    ) {
        self.name = name
        self.summary = summary
        self.positionals = positionals
        self.options = options
        self.formats = formats
        self.person = person
        self.personWord = personWord
        self.subcommands = subcommands
        self.countMessage = countMessage
        self.discussion = discussion
        self.run = run
    }

    /// The synopsis, e.g. `muster check [PATH...] [--strict] [--format text|json|sarif]`; one line per
    /// subcommand for a command that has them.
    public var usage: String {
        subcommands.isEmpty ? generatedUsage : subcommands.map(\.generatedUsage).joined(separator: "\n       ")
    }

    /// The options of the command and of all its subcommands, each once, in the order declared.
    public var allOptions: [Arguments.Option] {
        var seen: Set<String> = []
        return (options + subcommands.flatMap(\.options)).filter { seen.insert($0.name).inserted }
    }

    /// The subcommand the first of `words` names (the words after the command's name, options included).
    ///
    /// - Throws: `UsageError` when no word names one.
    public func subcommand(_ words: [String]) throws(UsageError) -> CommandSpec {
        let names = subcommands.map { String($0.name.split(separator: " ").last ?? "") }
        // An option this subcommand does not take is said by its own parsing, after the subcommand is found.
        let parsed = try? Arguments(words, options: allOptions + SharedOptions.all)
        let first = parsed?.positionals.first ?? words.first { !$0.hasPrefix("-") }
        guard let first else {
            throw UsageError("\(name) takes " + names.joined(separator: ", "),
                             chinese: "\(name) 需要" + names.joined(separator: "、"))
        }
        guard let index = names.firstIndex(of: first) else {
            throw UsageError("unknown \(name) command '\(first)'" + NameSuggestion.didYouMean(first, in: names),
                             chinese: "没有 \(name) 命令 '\(first)'")
        }
        return subcommands[index]
    }

    /// The synopsis made from the name, the positionals and the options.
    public var generatedUsage: String {
        var words = ["muster", name] + positionals.map(\.usage)
        switch person {
        case .none: break
        case .optional: words.append("[--as \(personWord)]")
        case .required: words.append("--as \(personWord)")
        }
        for option in options {
            var word = option.name
            if let allowed = option.allowed {
                word += " " + allowed.joined(separator: "|")
            } else if let value = option.value {
                word += " " + value
            }
            if !option.required { word = "[" + word + "]" }
            if option.repeatable { word += "..." }
            words.append(word)
        }
        if !formats.isEmpty { words.append("[--format \(formats.joined(separator: "|"))]") }
        return words.joined(separator: " ")
    }

    /// Checks the number of positionals against the declaration; the error says what the command takes.
    public func checkPositionals(_ given: [String]) throws(UsageError) {
        let least = positionals.filter { $0.arity == .one || $0.arity == .oneOrMore }.count
        let most = positionals.contains { $0.arity == .oneOrMore || $0.arity == .zeroOrMore }
            ? Int.max : positionals.count
        if given.count >= least, given.count <= most { return }
        if let countMessage { throw countMessage }
        let required = positionals.filter { $0.arity == .one || $0.arity == .oneOrMore }
        let requiredOptions = options.filter(\.required).map { $0.name + ($0.value.map { " " + $0 } ?? "") }
        func english(_ items: [String]) -> String { Self.list(items, and: " and ", comma: ", ") }
        func chinese(_ items: [String]) -> String { Self.list(items, and: "和", comma: "、") }
        if given.count < least {
            throw UsageError(
                "\(name) takes " + english(required.map(\.about) + requiredOptions),
                chinese: "\(name) 需要" + chinese(required.map(\.chinese) + requiredOptions))
        }
        let extra = given[most]
        guard most > 0 else {
            throw UsageError("\(name) takes no arguments, not '\(extra)'",
                             chinese: "\(name) 不需要参数，多出了 '\(extra)'")
        }
        throw UsageError(
            "\(name) takes " + english(positionals.map(\.about) + requiredOptions)
                + ", not also '\(extra)'",
            chinese: "\(name) 需要" + chinese(positionals.map(\.chinese) + requiredOptions)
                + "，多出了 '\(extra)'")
    }

    /// `a`, `a and b`, `a, b and c` (or in Chinese `a、b和c`, with a space between `和` and a Latin word).
    private static func list(_ items: [String], and: String, comma: String) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        let head = items.dropLast().joined(separator: comma)
        let last = items.last!
        if and != "和" { return head + and + last }
        let spaceBefore = head.unicodeScalars.last.map(\.isASCII) == true ? " " : ""
        let spaceAfter = last.unicodeScalars.first.map(\.isASCII) == true ? " " : ""
        return head + spaceBefore + and + spaceAfter + last
    }
}

/// A positional argument a command declares: how usage shows it, how many words it takes, how to complete it.
public struct Positional: Sendable {
    /// How many words a positional takes.
    public enum Arity: Sendable {
        /// Exactly one: `RUN`.
        case one
        /// None or one: `[RUN]`.
        case optional
        /// At least one: `ITEM...`.
        case oneOrMore
        /// Any number: `[NOTE...]`.
        case zeroOrMore
    }

    /// What the shell completes for a positional.
    public enum Completion: Sendable, Equatable {
        case nothing
        /// Run ids of the runs directory.
        case run
        /// Step ids of the run given as the first positional.
        case step
        /// Playbook ids of the playbooks directory, and files.
        case playbook
        /// Files and directories.
        case file
        /// One of these words.
        case words([String])
    }

    /// The name as usage shows it: `RUN`, `STEP`, `FILE|ID`.
    public var name: String
    public var arity: Arity
    /// What it is, in a usage error: `a run id`, `a step`.
    public var about: String
    /// The same in Chinese: `运行 id`, `一个步骤`.
    public var chinese: String
    public var completion: Completion = .nothing

    public init(name: String, arity: Arity, about: String, chinese: String, completion: Completion = .nothing) {
        self.name = name
        self.arity = arity
        self.about = about
        self.chinese = chinese
        self.completion = completion
    }

    /// The word in the usage line: `RUN`, `[RUN]`, `ITEM...`, `[NOTE...]`.
    public var usage: String {
        switch arity {
        case .one: name
        case .optional: "[\(name)]"
        case .oneOrMore: "\(name)..."
        case .zeroOrMore: "[\(name)...]"
        }
    }

    /// A run id.
    public static let run = Positional(name: "RUN", arity: .one, about: "a run id", chinese: "运行 id", completion: .run)
    /// A run id that a command can do without (`verify --bundle`, `watch --all`).
    public static let optionalRun = Positional(
        name: "RUN", arity: .optional, about: "a run id", chinese: "运行 id", completion: .run)
    /// A step of the run.
    public static let step = Positional(name: "STEP", arity: .one, about: "a step", chinese: "一个步骤", completion: .step)

    /// A playbook file or id, shown as `name`.
    public static func playbook(_ name: String) -> Positional {
        Positional(name: name, arity: .one, about: "a playbook (a file or an id)",
                   chinese: "一个预案（文件或 id）",
                   completion: .playbook)
    }
}

/// Everything a command gets: its parsed arguments, the environment and where to write.
public struct Invocation {
    public var arguments: Arguments
    public var environment: [String: String]
    public var console: Console

    public init(arguments: Arguments, environment: [String: String], console: Console) {
        self.arguments = arguments
        self.environment = environment
        self.console = console
    }

    /// `--format`, checked against the formats this command supports (default `text`).
    public func format(allowed: [String]) throws(UsageError) -> String {
        let format = arguments.value("--format") ?? "text"
        guard allowed.contains(format) else {
            throw UsageError("this command takes --format \(allowed.joined(separator: "|")), not '\(format)'")
        }
        return format
    }

    /// `--lang`, else `MUSTER_LANG`, else English.
    public var language: Language {
        // `--lang` takes only `en` or `zh` (its option says so), so a given value always names a language.
        if let given = arguments.value("--lang") { return Language(rawValue: given) ?? .en }
        return environment["MUSTER_LANG"].flatMap(Language.init(rawValue:)) ?? .en
    }

    /// `--tz`, else `TZ`, else the host's zone: the zone times are shown in, with their offset.
    public func timeZone() throws(UsageError) -> TimeZone {
        let name = arguments.value("--tz") ?? environment["TZ"].flatMap { $0.isEmpty ? nil : $0 }
        guard let name else { return TimeZone.current }
        // POSIX lets TZ start with a colon (`:Asia/Shanghai`).
        let bare = name.hasPrefix(":") ? String(name.dropFirst()) : name
        if let zone = TimeZone(identifier: bare) { return zone }
        throw UsageError("'\(name)' is not a time zone; give a name like Asia/Shanghai, Europe/Berlin or UTC",
                         chinese: "'\(name)' 不是时区；请给出 Asia/Shanghai、Europe/Berlin 或 UTC 这样的名称")
    }

    /// The person acting: `--as`, else `MUSTER_AS`; `nil` when neither names anyone (an empty `--as` included).
    public var person: String? {
        guard let given = arguments.value("--as") ?? environment["MUSTER_AS"], !given.isEmpty else { return nil }
        return given
    }

    /// The person acting, required: without one, a usage error that asks `question` (e.g. "who is acting?") and
    /// says how to name them, `word` being what `--as` takes in the command's usage.
    public func requiredPerson(_ question: String = "who is acting?", chinese: String = "操作人是谁？",
                               word: String = "PERSON") throws(UsageError) -> String {
        guard let person else {
            throw UsageError("\(question) give --as \(word) or set MUSTER_AS",
                             chinese: "\(chinese)请给出 --as \(word) 或设置 MUSTER_AS")
        }
        return person
    }

    /// `--playbooks`, else `MUSTER_PLAYBOOKS`, else `Playbooks`.
    public var playbooksDirectory: String {
        arguments.value("--playbooks") ?? environment["MUSTER_PLAYBOOKS"] ?? "Playbooks"
    }
}

/// The options every command accepts, spelled the same everywhere.
public enum SharedOptions {
    public static let all: [Arguments.Option] = [
        .init(name: "--format", value: "FORMAT", summary: "output format: text, json (and others per command)"),
        .init(name: "--lang", value: "LANG", summary: "language of the output: en or zh (default: MUSTER_LANG, en)",
              allowed: ["en", "zh"]),
        .init(name: "--as", value: "PERSON", summary: "who is acting (default: MUSTER_AS)"),
        .init(name: "--runs", value: "DIR", summary: "where runs live (default: MUSTER_RUNS, ./runs)"),
        .init(name: "--playbooks", value: "DIR",
              summary: "where playbooks are found by id (default: MUSTER_PLAYBOOKS, Playbooks)"),
        .init(name: "--help", value: nil, summary: "show this help"),
    ]

    /// `--tz`, on the commands that print instants: they are then local times with their offset.
    public static let timeZone = Arguments.Option(
        name: "--tz", value: "ZONE", summary: "show times in this time zone, e.g. Asia/Shanghai (default: TZ, the host's zone)")
}
