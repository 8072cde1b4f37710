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
            JSON whatever --format says.
            """,
        formats: ["json"],
        run: run)

    static func run(_ invocation: Invocation) throws -> Int32 {
        _ = try invocation.format(allowed: ["text", "json"])
        invocation.console.out(PlaybookSchema.json.serialized(pretty: true) + "\n")
        return ExitStatus.success
    }
}
