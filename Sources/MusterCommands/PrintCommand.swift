import CommandSyntax
import Runs
import Views

/// `muster print PLAYBOOK`: the paper fallback for when power or network is gone.
enum PrintCommand {
    static let spec = CommandSpec(
        name: "print",
        summary: "a playbook as a paper checklist (Markdown or printable HTML) for when power or network is gone",
        positionals: [.playbook("PLAYBOOK")],
        discussion: """
            PLAYBOOK is a file or a playbook id in the playbooks directory. Every step comes as a checklist: the main
            phase from its start (then file order), parallel tracks nested in their step, then the steps after the
            outcome; each with its owner (role title and id), its deadlines resolved per severity level ("done within
            respond: fatal 10m / severe 15m / general 30m"), instructions, a box for every checklist item, a line
            for every fact to record, boxes for decision options, approvals and branches, the escalation ladder, and
            lines for the time it started, the time it was done and initials. A header holds the severity levels
            with their clocks, the milestones and blanks for the run id, date and commander; the footer reminds the
            team to enter the paper record into muster afterwards. --format md (the default; 'text' is the same)
            or html: one self-contained page for A4 paper, readable on a phone. --out FILE writes the file (never
            overwriting one).
            """,
        options: [
            .init(name: "--out", value: "FILE", summary: "write the checklist to FILE instead of stdout"),
        ],
        formats: ["md", "html"],
        run: run)

    static func run(_ invocation: Invocation) throws -> Int32 {
        let format = invocation.arguments.value("--format") ?? "md"
        guard ["md", "html", "text"].contains(format) else {
            throw UsageError("print takes --format md|html, not '\(format)'")
        }
        let argument = invocation.arguments.positionals[0]
        let loaded = try PlaybookFiles.load(argument, invocation: invocation)
        let checklist = PaperChecklist(loaded.playbook, language: invocation.language)
        let text = format == "html" ? PaperChecklistHTML(checklist: checklist).render()
            : PaperChecklistMarkdown(checklist: checklist).render()
        if let out = invocation.arguments.value("--out") {
            guard !out.isEmpty else { throw UsageError("--out needs a file name") }
            try FileOutput.write(text, to: out)
            invocation.console.error("wrote \(out)\n")
        } else {
            invocation.console.out(text)
        }
        return ExitStatus.success
    }
}
