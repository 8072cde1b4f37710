/// `muster show`: not written yet.
enum ShowCommand {
    static let spec = CommandSpec(
        name: "show", summary: "not written yet", usage: "muster show", discussion: "", options: [],
        run: { _ in throw CommandFailure("'muster show' is not written yet") })
}
