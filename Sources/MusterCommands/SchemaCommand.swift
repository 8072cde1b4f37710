import CommandSyntax
import PlaybookLanguage

/// `muster schema`: prints the JSON Schema of the playbook language, for editors and other validators.
enum SchemaCommand {
    static let spec = CommandSpec(
        name: "schema",
        summary: "print the JSON Schema of the playbook language, for editors",
        discussion: """
            Prints a JSON Schema (draft 2020-12) of the playbook language on stdout. Editors that use
            yaml-language-server complete and check playbooks with it: save it with
            'muster schema > muster.schema.json' and start a playbook with the comment
            '# yaml-language-server: $schema=muster.schema.json'. The schema checks shapes (keys, types, names,
            durations, step kinds); 'muster check' also checks references, the graph and timing. The output is
            JSON whatever --format says. With --drill it prints the schema of drill scenarios instead
            ('# yaml-language-server: $schema=muster.scenario.schema.json' on a scenario's first line).
            """,
        options: [.init(name: "--drill", value: nil, summary: "the schema of drill scenarios instead of playbooks")],
        formats: ["json"],
        run: run)

    static func run(_ invocation: Invocation) throws -> Int32 {
        _ = try invocation.format(allowed: ["text", "json"])
        let schema = invocation.arguments.flag("--drill") ? ScenarioSchema.json : PlaybookSchema.json
        invocation.console.out(schema.serialized(pretty: true) + "\n")
        return ExitStatus.success
    }
}
