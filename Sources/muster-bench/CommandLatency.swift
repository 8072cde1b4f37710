#if canImport(Glibc)
    import Glibc
#endif
import MusterCommands

/// What a responder waits for: a whole command run in process (arguments, lock, read and verify, the pinned
/// playbook, fold, timers, the engine, append, fsync, the reply), on a run of a shipped playbook.
enum CommandLatency {
    /// Latencies in seconds of `count` notes on a fresh run of `playbook`, after `warmUp` notes not measured.
    static func notes(playbook: String, runs: String, warmUp: Int, count: Int) -> [Double] {
        let silent = Console(colourOut: false, colourError: false, out: { _ in }, error: { _ in })
        let startedAt: Int64 = 1_800_000_000_000
        var environment = ["MUSTER_RUNS": runs, "MUSTER_NOW": String(startedAt), "NO_COLOR": "1"]
        var runID = ""
        let capture = Console(colourOut: false, colourError: false, out: { runID += $0 }, error: { _ in })
        let started = CommandLineTool.run(
            ["start", playbook, "--severity", "fatal", "--run-id", "latency",
             "--assign", "commander=alice", "--assign", "tech_lead=carol", "--assign", "on_site=bob"],
            environment: environment, console: capture)
        guard started == 0 else { fatalError("the latency run could not start (\(started))") }
        var latencies: [Double] = []
        for index in 0..<(warmUp + count) {
            // One second apart: the run's timers fall due as they would while people type.
            environment["MUSTER_NOW"] = String(startedAt + Int64(index + 1) * 1_000)
            let begin = Measure.now()
            let status = CommandLineTool.run(["note", "latency", "note \(index)", "--as", "alice"],
                                             environment: environment, console: silent)
            let seconds = Measure.now() - begin
            guard status == 0 else { fatalError("note \(index) failed (\(status))") }
            if index >= warmUp { latencies.append(seconds) }
        }
        return latencies
    }
}
