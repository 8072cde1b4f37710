/// `muster graph`: not written yet.
enum GraphCommand {
    static let spec = CommandSpec(
        name: "graph", summary: "not written yet", usage: "muster graph", discussion: "", options: [],
        run: { _ in throw CommandFailure("'muster graph' is not written yet") })
}
