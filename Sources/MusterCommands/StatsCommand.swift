/// `muster stats`: not written yet.
enum StatsCommand {
    static let spec = CommandSpec(
        name: "stats", summary: "not written yet", usage: "muster stats", discussion: "", options: [],
        run: { _ in throw CommandFailure("'muster stats' is not written yet") })
}
