import CommandSyntax
import Runs
import Platform
import PlaybookLanguage
import Views

/// `muster new ID [--out FILE]`: writes a commented starting playbook that passes `muster check --strict`.
enum NewCommand {
    static let spec = CommandSpec(
        name: "new",
        summary: "write a commented starting playbook with every concept of the language",
        positionals: [Positional(name: "ID", arity: .one, about: "the new playbook's id", chinese: "新预案的 id")],
        discussion: """
            Writes a complete playbook with the id ID on stdout, or to FILE with --out (an existing file is never
            overwritten). Every part has a comment in English and Chinese saying what it is: roles and a stand-in,
            the severity levels fatal, severe and general with their respond clocks, milestones, a fact, steps of
            every kind (action, decide, approve, parallel, wait), the one-day written report after the end, and
            outcomes. It passes
            'muster check --strict' as it is; replace its texts with those of your plan. ID is a name: letters,
            digits, '_' and '-', starting with a letter. With --drill PLAYBOOK it writes a starting drill scenario
            of that playbook instead (objectives from its milestones, an inject with a contingency, a scripted
            player), commented, that passes 'muster check --strict' too; save it under <playbooks>/drills/.
            """,
        options: [
            .init(name: "--out", value: "FILE", summary: "write the playbook to FILE instead of stdout"),
            .init(name: "--drill", value: "PLAYBOOK",
                  summary: "write a starting drill scenario of PLAYBOOK (an id or a file) instead of a playbook"),
        ],
        run: run)

    static func run(_ invocation: Invocation) throws -> Int32 {
        _ = try invocation.format(allowed: ["text"])
        let id = invocation.arguments.positionals[0]
        guard Identifier.isValid(id) else {
            throw UsageError(
                "the id '\(id)' must start with a letter and hold only letters, digits, '_' and '-'")
        }
        let text = try invocation.arguments.value("--drill").map { playbook in
            StarterScenario.template(id: id, playbook: try PlaybookFiles.load(playbook, invocation: invocation).playbook)
        } ?? StarterPlaybook.template(id: id)
        guard let path = invocation.arguments.value("--out") else {
            invocation.console.out(text)
            return ExitStatus.success
        }
        try create(path, Array(text.utf8))
        invocation.console.error("wrote \(path); 'muster check --strict \(path)' checks it\n")
        return ExitStatus.success
    }

    /// Creates `path` with `bytes`; refuses when something already exists there.
    private static func create(_ path: String, _ bytes: [UInt8]) throws {
        guard !path.isEmpty else { throw UsageError("--out needs a file name") }
        do {
            try PlainFile.create(path, bytes: bytes)
        } catch {
            if error.operation == "open", error.nameTaken {
                throw CommandFailure("'\(path)' already exists; not overwriting it")
            }
            throw CommandFailure("cannot \(error.operation == "open" ? "create" : "write") '\(path)': \(error.reason)")
        }
    }
}
