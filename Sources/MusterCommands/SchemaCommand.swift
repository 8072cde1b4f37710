/// `muster schema`: not written yet.
enum SchemaCommand {
    static let spec = CommandSpec(
        name: "schema", summary: "not written yet", usage: "muster schema", discussion: "", options: [],
        run: { _ in throw CommandFailure("'muster schema' is not written yet") })
}
