/// `muster print`: not written yet.
enum PrintCommand {
    static let spec = CommandSpec(
        name: "print", summary: "not written yet", usage: "muster print", discussion: "", options: [],
        run: { _ in throw CommandFailure("'muster print' is not written yet") })
}
