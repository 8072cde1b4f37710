import CommandSyntax
import Runs
import Views

/// `muster graph FILE|ID`: the step graph of a playbook as a Mermaid flowchart or a Graphviz DOT graph.
enum GraphCommand {
    static let formats = ["mermaid", "dot", "json", "text"]

    static let spec = CommandSpec(
        name: "graph",
        summary: "draw a playbook's steps as a Mermaid or Graphviz graph",
        positionals: [.playbook("FILE|ID")],
        discussion: """
            FILE is a playbook file; ID is a playbook id found in the playbooks directory. The graph has a start
            node, a node per step (shaped by kind: action, decision, approval, wait), each parallel step as a
            cluster with a cluster per track and a join node, the steps after the outcome in a cluster of their
            own, and a node per outcome. Every edge is drawn by its kind: next, branch (with its condition),
            option (with its id), expiry (dashed), approved, denied (dashed, red), escalation (dotted and bold,
            'after 5m'), track (into each track), join (out of each track's end), start, and after_end (from
            the outcomes to the steps after them). --format mermaid (the default; 'text' is the same) prints a flowchart
            for Markdown; --format dot prints Graphviz (render it with 'dot -Tsvg'), where each edge carries
            class="KIND"; --format json prints the nodes, clusters and edges. Titles are in --lang.
            """,
        formats: ["mermaid", "dot", "json"],
        run: run)

    static func run(_ invocation: Invocation) throws -> Int32 {
        let format = invocation.arguments.value("--format") ?? "mermaid"
        guard formats.contains(format) else {
            throw UsageError("this command takes --format mermaid|dot|json, not '\(format)'")
        }
        let argument = invocation.arguments.positionals[0]
        let loaded = try PlaybookFiles.load(argument, invocation: invocation)
        ShowCommand.noteWarnings(loaded, invocation.console)
        let graph = StepGraph(PlaybookOutline(loaded.playbook, language: invocation.language))
        switch format {
        case "dot": invocation.console.out(GraphRenderingDOT(graph: graph).render())
        case "json": invocation.console.out(GraphRenderingJSON(graph: graph).render())
        default: invocation.console.out(GraphRenderingMermaid(graph: graph).render())
        }
        return ExitStatus.success
    }
}
