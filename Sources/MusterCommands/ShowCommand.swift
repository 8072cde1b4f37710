import CommandSyntax
import Runs
import Views

/// `muster show FILE|ID`: a playbook laid out for a reviewer who holds the paper plan beside it.
enum ShowCommand {
    static let spec = CommandSpec(
        name: "show",
        summary: "print a playbook as a readable outline, to review it against the plan",
        positionals: [.playbook("FILE|ID")],
        discussion: """
            FILE is a playbook file; ID is a playbook id found in the playbooks directory. The outline gives the
            title, id, version and summary; the roles with their stand-ins; the severity levels with their clocks;
            each milestone with its limit and, per severity level, its worst case and the slowest path to it (the
            numbers 'muster check' judges by); the facts; every step in order (the main phase from 'start', then
            the steps after the outcome) with its kind, owner, deadlines resolved per level, instructions,
            checklist, facts recorded, escalation ladder, where it leads and the plan clause it comes from; and
            the outcomes. --lang zh prints the playbook's Chinese texts and Chinese labels. --format json prints
            the same outline as one JSON document. A playbook with errors is not shown: its problems go to
            stderr and the exit status is 1.
            """,
        formats: ["text", "json"],
        run: run)

    static func run(_ invocation: Invocation) throws -> Int32 {
        let format = try invocation.format(allowed: ["text", "json"])
        let argument = invocation.arguments.positionals[0]
        let loaded = try PlaybookFiles.load(argument, invocation: invocation)
        noteWarnings(loaded, invocation.console)
        let outline = PlaybookOutline(loaded.playbook, language: invocation.language)
        switch format {
        case "json":
            invocation.console.out(PlaybookOutlineJSON(outline: outline).render())
        default:
            invocation.console.out(PlaybookOutlineText(outline: outline, colour: invocation.console.colourOut).render())
        }
        return ExitStatus.success
    }

    /// One line on stderr when the playbook has warnings, which `show` and `graph` do not list themselves.
    static func noteWarnings(_ loaded: PlaybookFiles.Loaded, _ console: Console) {
        let count = loaded.warnings.count
        guard count > 0 else { return }
        console.error("muster: note: '\(loaded.path)' has \(count == 1 ? "1 warning" : "\(count) warnings"); "
            + "'muster check \(loaded.path)' lists \(count == 1 ? "it" : "them")\n")
    }
}
