/// A step graph in Graphviz DOT, for `dot -Tsvg`.
///
/// Every id is a quoted string, node labels are HTML-like labels with `&`, `<`, `>` and `"` escaped, edge labels
/// are quoted strings with `"` and `\` escaped. Each edge carries `class="KIND"` (which SVG output keeps), so
/// that tools and tests can count the edges of each kind; the kinds are also drawn differently.
public struct GraphRenderingDOT: Sendable {
    /// The graph drawn.
    public let graph: StepGraph
    /// The width titles are wrapped to, in columns (a Chinese character takes two).
    var titleWidth = 28

    /// The DOT document of `graph`.
    public init(graph: StepGraph) {
        self.graph = graph
    }

    /// The whole DOT document, ending with a newline.
    public func render() -> String {
        var lines: [String] = []
        lines.append("digraph " + quoted(graph.id) + " {")
        let heading = graph.title + "\n" + graph.id + " " + graph.version
        lines.append("    graph [label=" + quoted(heading) + ", labelloc=t, fontsize=16, fontname=\"Helvetica\", "
            + "rankdir=TB, nodesep=0.35, ranksep=0.45, newrank=true];")
        lines.append("    node [fontname=\"Helvetica\", fontsize=11, shape=box, style=\"rounded,filled\", "
            + "fillcolor=\"#e3f2fd\", color=\"#1565c0\"];")
        lines.append("    edge [fontname=\"Helvetica\", fontsize=9, color=\"#37474f\", fontcolor=\"#37474f\"];")
        lines.append("")
        cluster(graph.root, depth: 1, &lines)
        lines.append("")
        for edge in graph.edges {
            lines.append("    " + quoted(edge.from) + " -> " + quoted(edge.to) + " [" + attributes(of: edge) + "];")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: Nodes and clusters

    private func cluster(_ cluster: StepGraph.Cluster, depth: Int, _ lines: inout [String]) {
        let margin = String(repeating: "    ", count: depth)
        for node in cluster.nodes {
            lines.append(margin + quoted(node.key) + " [" + attributes(of: node) + "];")
        }
        for inner in cluster.clusters {
            lines.append(margin + "subgraph " + quoted("cluster_" + inner.key) + " {")
            let style: String
            switch inner.kind {
            case .parallel: style = "style=\"rounded\", color=\"#424242\", penwidth=1.5"
            case .track: style = "style=\"rounded,filled\", color=\"#9e9e9e\", fillcolor=\"#fafafa\""
            case .afterEnd: style = "style=\"rounded,dashed\", color=\"#757575\""
            }
            lines.append(margin + "    graph [label=" + quoted(inner.label) + ", " + style
                + ", fontsize=10, fontname=\"Helvetica\", labeljust=l];")
            self.cluster(inner, depth: depth + 1, &lines)
            lines.append(margin + "}")
        }
    }

    private func attributes(of node: StepGraph.Node) -> String {
        let onDark = node.kind == .fork || node.kind == .join
        var label = "<B>" + html(node.name) + "</B>"
        if !node.title.isEmpty {
            label += TextWidth.balanced(node.title, width: titleWidth).map { "<BR/>" + html($0) }.joined()
        }
        for detail in node.details {
            let colour = onDark ? "#cfd8dc" : "#546e7a"
            label += "<BR/><FONT POINT-SIZE=\"9\" COLOR=\"\(colour)\">" + html(detail) + "</FONT>"
        }
        let shape: String
        switch node.kind {
        case .start:
            return "label=" + quoted(node.name) + ", shape=circle, style=filled, fillcolor=\"#263238\", "
                + "color=\"#263238\", fontcolor=white, fontsize=10"
        case .afterEndEntry:
            return "label=" + quoted(node.name) + ", shape=oval, style=\"filled,dashed\", fillcolor=\"#eceff1\", "
                + "color=\"#546e7a\", fontsize=10"
        case .action: shape = "shape=box, style=\"rounded,filled\", fillcolor=\"#e3f2fd\", color=\"#1565c0\""
        case .decide: shape = "shape=hexagon, style=filled, fillcolor=\"#fff8e1\", color=\"#ef6c00\""
        case .approve: shape = "shape=box, style=\"filled,diagonals\", fillcolor=\"#f3e5f5\", color=\"#6a1b9a\""
        case .wait: shape = "shape=box, style=\"rounded,filled,dashed\", fillcolor=\"#eceff1\", color=\"#455a64\""
        case .fork, .join:
            shape = "shape=box, style=filled, fillcolor=\"#37474f\", color=\"#37474f\", fontcolor=white"
        case .outcome(let kind):
            // Each kind of outcome has its own fill and border: green, amber, red, grey.
            let fill: String
            let border: String
            switch kind {
            case .success: (fill, border) = ("#c8e6c9", "#2e7d32")
            case .partial: (fill, border) = ("#fff9c4", "#f9a825")
            case .failure: (fill, border) = ("#ffcdd2", "#c62828")
            case .aborted: (fill, border) = ("#e0e0e0", "#616161")
            }
            shape = "shape=doubleoctagon, style=filled, fillcolor=\"\(fill)\", color=\"\(border)\""
        }
        return "label=<" + label + ">, " + shape
    }

    // MARK: Edges

    private func attributes(of edge: StepGraph.Edge) -> String {
        var attributes = ["class=" + quoted(edge.kind.rawValue)]
        if let label = edge.label { attributes.append("label=" + quoted(label)) }
        switch edge.kind {
        case .start, .next: break
        case .branch: attributes.append("color=\"#1565c0\", fontcolor=\"#1565c0\"")
        case .option: attributes.append("color=\"#ef6c00\", fontcolor=\"#e65100\"")
        case .expiry: attributes.append("style=dashed, color=\"#757575\", fontcolor=\"#616161\"")
        case .approved: attributes.append("color=\"#2e7d32\", fontcolor=\"#2e7d32\"")
        case .denied: attributes.append("style=dashed, color=\"#c62828\", fontcolor=\"#c62828\"")
        case .escalation:
            attributes.append("style=\"dotted,bold\", color=\"#d84315\", fontcolor=\"#d84315\", constraint=false")
        case .track, .join: attributes.append("color=\"#546e7a\", arrowsize=0.7")
        case .afterEnd: attributes.append("style=dashed, color=\"#757575\"")
        }
        return attributes.joined(separator: ", ")
    }

    // MARK: Escaping

    /// A DOT quoted string: `"` and `\` escaped, line breaks as `\n`.
    private func quoted(_ text: String) -> String {
        var result = "\""
        for character in text {
            switch character {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": break
            default: result.append(character)
            }
        }
        return result + "\""
    }

    /// Text inside an HTML-like label: `&`, `<`, `>` and `"` as entities.
    private func html(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\n", "\r": result += " "
            default: result.append(character)
            }
        }
        return result
    }
}
