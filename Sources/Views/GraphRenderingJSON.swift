import JSONText

/// A step graph as JSON, for scripts: `nodes` (with the cluster each sits in), `clusters` (with their parent)
/// and `edges` (with their kind), keyed by the graph's stable node keys.
public struct GraphRenderingJSON: Sendable {
    /// The graph drawn.
    public let graph: StepGraph

    /// The JSON document of `graph`.
    public init(graph: StepGraph) {
        self.graph = graph
    }

    /// The document, pretty-printed, ending with a newline.
    public func render() -> String {
        var nodes: [JSONValue] = []
        var clusters: [JSONValue] = []
        func visit(_ cluster: StepGraph.Cluster, parent: String?) {
            for node in cluster.nodes {
                var object: JSONObject = ["id": .string(node.key), "kind": .string(kind(node.kind))]
                object["name"] = .string(node.name)
                if !node.title.isEmpty { object["title"] = .string(node.title) }
                if let parent { object["cluster"] = .string(parent) }
                nodes.append(.object(object))
            }
            for inner in cluster.clusters {
                var object: JSONObject = ["id": .string(inner.key), "label": .string(inner.label)]
                switch inner.kind {
                case .parallel: object["kind"] = "parallel"
                case .track: object["kind"] = "track"
                case .afterEnd: object["kind"] = "after_end"
                }
                if let parent { object["parent"] = .string(parent) }
                clusters.append(.object(object))
                visit(inner, parent: inner.key)
            }
        }
        visit(graph.root, parent: nil)
        let edges: [JSONValue] = graph.edges.map { edge in
            var object: JSONObject = [
                "kind": .string(edge.kind.rawValue), "from": .string(edge.from), "to": .string(edge.to),
            ]
            if let label = edge.label { object["label"] = .string(label) }
            return .object(object)
        }
        let document: JSONObject = [
            "id": .string(graph.id), "version": .string(graph.version), "title": .string(graph.title),
            "nodes": .array(nodes), "clusters": .array(clusters), "edges": .array(edges),
        ]
        return JSONValue.object(document).serialized(pretty: true) + "\n"
    }

    private func kind(_ kind: StepGraph.NodeKind) -> String {
        switch kind {
        case .start: "start"
        case .afterEndEntry: "after_end"
        case .action: "action"
        case .decide: "decide"
        case .approve: "approve"
        case .wait: "wait"
        case .fork: "parallel"
        case .join: "join"
        case .outcome: "outcome"
        }
    }
}
