import PlaybookLanguage

/// One `muster` command: its name, help text, options and what it does.
struct CommandSpec: Sendable {
    var name: String
    /// One line for the overview.
    var summary: String
    /// The synopsis, e.g. `muster check [PATH...] [--strict] [--format text|json|sarif]`.
    var usage: String
    /// Paragraphs for `muster help NAME`.
    var discussion: String
    /// The command's own options (the shared ones are added by the tool).
    var options: [Arguments.Option]
    /// Runs the command and returns its exit status; throws `UsageError` for command lines that do not fit.
    var run: @Sendable (Invocation) throws -> Int32
}

/// Everything a command gets: its parsed arguments, the environment and where to write.
struct Invocation {
    var arguments: Arguments
    var environment: [String: String]
    var console: Console

    /// `--format`, checked against the formats this command supports (default `text`).
    func format(allowed: [String]) throws(UsageError) -> String {
        let format = arguments.value("--format") ?? "text"
        guard allowed.contains(format) else {
            throw UsageError("this command takes --format \(allowed.joined(separator: "|")), not '\(format)'")
        }
        return format
    }

    /// `--lang`, else `MUSTER_LANG`, else English.
    var language: Language {
        // `--lang` takes only `en` or `zh` (its option says so), so a given value always names a language.
        if let given = arguments.value("--lang") { return Language(rawValue: given) ?? .en }
        return environment["MUSTER_LANG"].flatMap(Language.init(rawValue:)) ?? .en
    }

    /// `--playbooks`, else `MUSTER_PLAYBOOKS`, else `Playbooks`.
    var playbooksDirectory: String {
        arguments.value("--playbooks") ?? environment["MUSTER_PLAYBOOKS"] ?? "Playbooks"
    }
}

/// The options every command accepts, spelled the same everywhere.
enum SharedOptions {
    static let all: [Arguments.Option] = [
        .init(name: "--format", value: "FORMAT", summary: "output format: text, json (and others per command)"),
        .init(name: "--lang", value: "LANG", summary: "language of the output: en or zh (default: MUSTER_LANG, en)",
              allowed: ["en", "zh"]),
        .init(name: "--as", value: "PERSON", summary: "who is acting (default: MUSTER_AS)"),
        .init(name: "--runs", value: "DIR", summary: "where runs live (default: MUSTER_RUNS, ./runs)"),
        .init(name: "--playbooks", value: "DIR",
              summary: "where playbooks are found by id (default: MUSTER_PLAYBOOKS, Playbooks)"),
        .init(name: "--help", value: nil, summary: "show this help"),
    ]
}
