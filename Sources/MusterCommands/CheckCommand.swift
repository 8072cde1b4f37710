import CommandSyntax
import Diagnostics
import Runs

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

        let checked = CheckedFiles(paths, playbooksDirectory: invocation.playbooksDirectory, strict: strict,
                                   keepingSources: format == "text")
        let (files, diagnostics) = (checked.files, checked.diagnostics)
        switch format {
        case "json":
            console.out(JSONReport.render(diagnostics, files: files))
        case "sarif":
            let report = SARIFReport(toolName: "muster", toolVersion: CommandLineTool.version, rules: CheckedFiles.rules)
            console.out(report.render(diagnostics, files: files))
        default:
            console.error(TextRenderer(useColour: console.colourError).render(diagnostics, sources: checked.sources))
            console.out(checked.summary)
        }
        if files.isEmpty {
            console.error("muster: warning: no playbook files found in \(paths.joined(separator: ", "))\n")
        }
        return diagnostics.containsErrors ? ExitStatus.failure : ExitStatus.success
    }
}
