#if canImport(Glibc)
    import Glibc
#endif
import MusterCommands

/// What a responder waits for: a whole command run in process (arguments, lock, read and verify, the pinned
/// playbook, fold, timers, the engine, append, fsync, the reply), on a run of a shipped playbook.
enum CommandLatency {
    /// Latencies in seconds of `count` notes on a fresh run of `playbook`, after `warmUp` notes not measured; with
    /// `baseline`, each measured note is preceded by one raw append+fsync of `baseline`, whose latency is returned
    /// too, so that both see the same moments of a shared machine.
    static func notes(
        playbook: String, runs: String, warmUp: Int, count: Int, baseline: RawAppend? = nil
    ) -> (commands: [Double], raw: [Double]) {
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
        var raw: [Double] = []
        for index in 0..<(warmUp + count) {
            if index >= warmUp, let baseline { raw.append(baseline.once()) }
            // One second apart: the run's timers fall due as they would while people type.
            environment["MUSTER_NOW"] = String(startedAt + Int64(index + 1) * 1_000)
            let begin = Measure.now()
            let status = CommandLineTool.run(["note", "latency", "note \(index)", "--as", "alice"],
                                             environment: environment, console: silent)
            let seconds = Measure.now() - begin
            guard status == 0 else { fatalError("note \(index) failed (\(status))") }
            if index >= warmUp { latencies.append(seconds) }
        }
        return (latencies, raw)
    }
}

/// The baseline of a command's latency: appending a journal-sized line to a file and fsyncing it, on the same disk.
struct RawAppend {
    let descriptor: Int32
    private let line = Array(String(repeating: "x", count: 250).utf8) + [0x0A]

    init(path: String) {
        descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        guard descriptor >= 0 else { fatalError("cannot open \(path)") }
    }

    /// One append and fsync; its latency in seconds.
    func once() -> Double {
        let begin = Measure.now()
        _ = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        fsync(descriptor)
        return Measure.now() - begin
    }

    func close() {
        _ = Glibc.close(descriptor)
    }
}
