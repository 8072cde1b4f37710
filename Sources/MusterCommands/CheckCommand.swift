import CommandSyntax
import Runs
import Diagnostics
import Exploration
import Platform
import PlaybookLanguage
import YAMLLoading

/// `muster check [PATH...]`: load and validate playbooks like a compiler.
enum CheckCommand {
    static let spec = CommandSpec(
        name: "check",
        summary: "check playbooks and report every problem with its location",
        positionals: [
            Positional(name: "PATH", arity: .zeroOrMore, about: "paths", chinese: "路径", completion: .file),
        ],
        discussion: """
            Each PATH is a playbook file or a directory searched for .yaml files; without one, the playbooks
            directory is checked. Problems go to stderr as 'file:line:column: error: message [id]' with the line,
            a caret and a hint; --format json or sarif puts them on stdout instead. Exit status 0 when there is no
            error, 1 when there is one (with --strict, warnings count as errors), 2 for a wrong command line.
            Checking never writes anything.
            """,
        options: [
            .init(name: "--strict", value: nil, summary: "treat warnings as errors"),
        ],
        formats: ["text", "json", "sarif"],
        run: run)

    static func run(_ invocation: Invocation) throws -> Int32 {
        let format = try invocation.format(allowed: ["text", "json", "sarif"])
        let console = invocation.console
        let strict = invocation.arguments.flag("--strict")
        var paths = invocation.arguments.positionals
        if paths.isEmpty { paths = [invocation.playbooksDirectory] }

        var files: [String] = []
        var diagnostics: [Diagnostic] = []
        for path in paths {
            if FileStatus.isDirectory(path) {
                let (walked, found) = PlaybookFiles.walk(path)
                files += walked
                diagnostics += found
            } else {
                files.append(path)
            }
        }

        let limits = LoadLimits()
        var sources: [String: SourceText] = [:]
        for file in files {
            switch FileReading.read(file, limit: limits.maxFileBytes) {
            case .failure(let reason):
                diagnostics.append(.error(YAMLRules.unreadable.id, "cannot read the file: \(reason)", file: file,
                                          at: nil))
            case .bytes(let bytes):
                var found: [Diagnostic]
                if ContactDirectory.isContactDirectory(bytes) {
                    found = ContactDirectory.check(bytes, file: file).diagnostics
                } else if NotifierConfiguration.isConfiguration(bytes) {
                    found = NotifierConfiguration.check(bytes, file: file).diagnostics
                } else if ScenarioChecker.isScenario(bytes) {
                    found = ScenarioChecker.check(bytes, file: file) { id in
                        PlaybookFiles.playbook(id, near: file, playbooksDirectory: invocation.playbooksDirectory)
                    }.diagnostics
                } else {
                    let checked = PlaybookChecker.check(bytes, file: file, limits: limits)
                    found = checked.diagnostics
                    // What the graph cannot show, the engine's own runs can: explored when the playbook is sound.
                    if let playbook = checked.playbook, !found.containsErrors {
                        found += ExplorationDiagnostics.explore(playbook, file: file)
                    }
                }
                if strict {
                    for index in found.indices where found[index].severity == .warning {
                        found[index].severity = .error
                    }
                }
                if !found.isEmpty, format == "text" {
                    sources[file] = SourceText(bytes: bytes.prefix(limits.maxFileBytes))
                }
                diagnostics += found
            }
        }
        diagnostics = diagnostics.sortedForOutput()

        switch format {
        case "json":
            console.out(JSONReport.render(diagnostics, files: files))
        case "sarif":
            let report = SARIFReport(
                toolName: "muster", toolVersion: CommandLineTool.version,
                rules: PlaybookChecker.rules + ScenarioChecker.rules + ExplorationDiagnostics.rules)
            console.out(report.render(diagnostics, files: files))
        default:
            console.error(TextRenderer(useColour: console.colourError).render(diagnostics, sources: sources))
            console.out(summary(diagnostics, fileCount: files.count))
        }
        if files.isEmpty {
            console.error("muster: warning: no playbook files found in \(paths.joined(separator: ", "))\n")
        }
        return diagnostics.containsErrors ? ExitStatus.failure : ExitStatus.success
    }

    private static func summary(_ diagnostics: [Diagnostic], fileCount: Int) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        let files = fileCount == 1 ? "1 file" : "\(fileCount) files"
        if errors == 0 && warnings == 0 { return "checked \(files): no problems\n" }
        return "checked \(files): \(plural(errors, "error")), \(plural(warnings, "warning"))\n"
    }

    private static func plural(_ count: Int, _ noun: String) -> String {
        count == 1 ? "1 \(noun)" : "\(count) \(noun)s"
    }
}
