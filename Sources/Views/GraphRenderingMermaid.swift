/// A step graph as a Mermaid flowchart, for Markdown viewers that draw Mermaid.
///
/// Node ids are sanitised to letters, digits and `_` with a prefix per kind (`step_line_fault`), made unique with
/// a number when two would clash; labels are quoted, with `"`, `<`, `>`, `&`, `#`, `|` and `%` written as Mermaid
/// entity codes, so that no playbook text can end a label or bring in a `%%{init: …}%%` directive. Edge kinds use distinct arrows (`-->`, `-.->` for expiries, denials and after-end entries, `==>` for
/// escalations) and a `linkStyle` per kind colours them; a `%% KIND` comment names each kind's link indices.
public struct GraphRenderingMermaid: Sendable {
    /// The graph drawn.
    public let graph: StepGraph
    /// The width titles are wrapped to, in columns (a Chinese character takes two).
    var titleWidth = 28

    /// The Mermaid flowchart of `graph`.
    public init(graph: StepGraph) {
        self.graph = graph
    }

    /// The whole flowchart, ending with a newline.
    public func render() -> String {
        let ids = identifiers()
        var lines = ["flowchart TD"]
        lines.append("    %% " + graph.id + " " + graph.version + ": " + escape(graph.title))
        cluster(graph.root, depth: 1, ids: ids, &lines)
        for edge in graph.edges {
            let from = ids[edge.from] ?? "missing"
            let to = ids[edge.to] ?? "missing"
            let label = edge.label.map { "|\"" + escape($0) + "\"|" } ?? ""
            lines.append("    " + from + " " + arrow(edge.kind) + label + " " + to)
        }
        classes(ids: ids, &lines)
        linkStyles(&lines)
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: Ids

    /// A Mermaid-safe id for every node and cluster key.
    private func identifiers() -> [String: String] {
        var ids: [String: String] = [:]
        var used: Set<String> = []
        func assign(_ key: String) {
            var base = ""
            for scalar in key.unicodeScalars {
                let safe = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))
                base.unicodeScalars.append(safe ? scalar : "_")
            }
            var candidate = base
            var number = 2
            while used.contains(candidate) {
                candidate = base + "_\(number)"
                number += 1
            }
            used.insert(candidate)
            ids[key] = candidate
        }
        func visit(_ cluster: StepGraph.Cluster) {
            for node in cluster.nodes { assign(node.key) }
            for inner in cluster.clusters {
                assign("cluster:" + inner.key)
                visit(inner)
            }
        }
        visit(graph.root)
        return ids
    }

    // MARK: Nodes

    private func cluster(_ cluster: StepGraph.Cluster, depth: Int, ids: [String: String], _ lines: inout [String]) {
        let margin = String(repeating: "    ", count: depth)
        for node in cluster.nodes {
            let (open, close) = brackets(node.kind)
            lines.append(margin + (ids[node.key] ?? "missing") + open + "\"" + label(node) + "\"" + close)
        }
        for inner in cluster.clusters {
            lines.append(margin + "subgraph " + (ids["cluster:" + inner.key] ?? "missing") + " [\""
                + escape(inner.label) + "\"]")
            self.cluster(inner, depth: depth + 1, ids: ids, &lines)
            lines.append(margin + "end")
        }
    }

    private func label(_ node: StepGraph.Node) -> String {
        if node.kind == .start || node.kind == .afterEndEntry { return escape(node.name) }
        var label = "<b>" + escape(node.name) + "</b>"
        if !node.title.isEmpty {
            label += TextWidth.balanced(node.title, width: titleWidth).map { "<br/>" + escape($0) }.joined()
        }
        for detail in node.details {
            label += "<br/><small>" + escape(detail) + "</small>"
        }
        return label
    }

    private func brackets(_ kind: StepGraph.NodeKind) -> (String, String) {
        switch kind {
        case .start, .afterEndEntry: ("((", "))")
        case .action: ("(", ")")
        case .decide: ("{{", "}}")
        case .approve: ("[/", "\\]")
        case .wait: ("[/", "/]")
        case .fork, .join: ("[[", "]]")
        case .outcome: ("([", "])")
        }
    }

    /// `classDef`s for the kinds of node, and which nodes have each.
    private func classes(ids: [String: String], _ lines: inout [String]) {
        let definitions: [(String, String)] = [
            ("entry", "fill:#263238,stroke:#263238,color:#ffffff"),
            ("action", "fill:#e3f2fd,stroke:#1565c0"),
            ("decide", "fill:#fff8e1,stroke:#ef6c00"),
            ("approve", "fill:#f3e5f5,stroke:#6a1b9a"),
            ("wait", "fill:#eceff1,stroke:#455a64,stroke-dasharray:4 3"),
            ("bar", "fill:#37474f,stroke:#37474f,color:#ffffff"),
            ("success", "fill:#c8e6c9,stroke:#2e7d32"),
            ("partial", "fill:#fff9c4,stroke:#f9a825"),
            ("failure", "fill:#ffcdd2,stroke:#c62828"),
            ("aborted", "fill:#e0e0e0,stroke:#616161"),
        ]
        var members: [String: [String]] = [:]
        func visit(_ cluster: StepGraph.Cluster) {
            for node in cluster.nodes {
                let name: String
                switch node.kind {
                case .start, .afterEndEntry: name = "entry"
                case .action: name = "action"
                case .decide: name = "decide"
                case .approve: name = "approve"
                case .wait: name = "wait"
                case .fork, .join: name = "bar"
                case .outcome(let kind): name = kind.rawValue
                }
                members[name, default: []].append(ids[node.key] ?? "missing")
            }
            for inner in cluster.clusters { visit(inner) }
        }
        visit(graph.root)
        for (name, style) in definitions {
            guard let nodes = members[name] else { continue }
            lines.append("    classDef " + name + " " + style)
            lines.append("    class " + nodes.joined(separator: ",") + " " + name)
        }
    }

    // MARK: Edges

    private func arrow(_ kind: StepGraph.EdgeKind) -> String {
        switch kind {
        case .expiry, .denied, .afterEnd: "-.->"
        case .escalation: "==>"
        case .start, .next, .branch, .option, .approved, .track, .join: "-->"
        }
    }

    /// One `linkStyle` per kind of edge, by the edges' indices.
    private func linkStyles(_ lines: inout [String]) {
        for kind in StepGraph.EdgeKind.allCases {
            let indices = graph.edges.indices.filter { graph.edges[$0].kind == kind }
            guard !indices.isEmpty else { continue }
            let style: String
            switch kind {
            case .start, .next: style = "stroke:#37474f"
            case .branch: style = "stroke:#1565c0,color:#1565c0"
            case .option: style = "stroke:#ef6c00,color:#e65100"
            case .expiry: style = "stroke:#757575,color:#616161"
            case .approved: style = "stroke:#2e7d32,color:#2e7d32"
            case .denied: style = "stroke:#c62828,color:#c62828"
            case .escalation: style = "stroke:#d84315,color:#d84315,stroke-dasharray:2 3"
            case .track, .join: style = "stroke:#546e7a"
            case .afterEnd: style = "stroke:#757575"
            }
            lines.append("    %% " + kind.rawValue)
            lines.append("    linkStyle " + indices.map(String.init).joined(separator: ",") + " " + style)
        }
    }

    // MARK: Escaping

    /// Text inside a quoted Mermaid label, with the characters Mermaid or HTML would read as entity codes.
    private func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\"": result += "#quot;"
            case "<": result += "#60;"
            case ">": result += "#62;"
            case "&": result += "#38;"
            case "#": result += "#35;"
            case "|": result += "#124;"
            case "%": result += "#37;"
            case "\n", "\r": result += " "
            default: result.append(character)
            }
        }
        return result
    }
}
