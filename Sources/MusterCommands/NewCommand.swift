/// `muster new`: not written yet.
enum NewCommand {
    static let spec = CommandSpec(
        name: "new", summary: "not written yet", usage: "muster new", discussion: "", options: [],
        run: { _ in throw CommandFailure("'muster new' is not written yet") })
}
