#if canImport(Glibc)
    import Glibc
#endif
import Dispatch
import Journaling
import RunEngine
import Synchronization

/// What a reader sees while others write: `verify`, `log` and `report` read a 10 000-line run (under the shared
/// lock, then verify every line) while four writers append notes, each through its own lock as separate commands
/// would; every read must verify. Each writer appends a note about once a second (four a second in all), so the run
/// stays near 10 000 lines over a long campaign instead of growing without bound. The read's latency is printed
/// beside the same read with no writers.
enum ConcurrentReads {
    static func run(base: String) {
        let runs = base + "/concurrent"
        ProcessLatency.buildRun(playbookPath: "Playbooks/fire.yaml", runs: runs, runID: "r", events: 10_000)
        let journal = Journal(directory: runs + "/r")
        // `--reads N` for the full 10 000 (about an hour on two cores); fewer by default.
        let given = CommandLine.arguments.firstIndex(of: "--reads").flatMap { index in
            CommandLine.arguments.indices.contains(index + 1) ? Int(CommandLine.arguments[index + 1]) : nil
        }
        let reads = given ?? (CommandLine.arguments.contains("--latency-only") ? 1_000 : 2_000)
        func read() -> (seconds: Double, failure: String?) {
            let begin = Measure.now()
            do {
                let (contents, unfinished) = try journal.readVerified()
                if let unfinished { return (Measure.now() - begin, "\(unfinished.bytes) unfinished bytes") }
                _ = contents
                return (Measure.now() - begin, nil)
            } catch {
                return (Measure.now() - begin, "\(error)")
            }
        }
        let alone = (0..<max(100, reads / 10)).map { _ in read().seconds }

        let writing = Atomic<Bool>(true)
        let written = Atomic<Int>(0)
        let group = DispatchGroup()
        for writer in 0..<4 {
            DispatchQueue.global().async(group: group) {
                var index = 0
                while writing.load(ordering: .relaxed) {
                    _ = try? journal.transact { contents in
                        [Event(at: contents.lines.last?.event.at ?? 0, actor: .person("alice", role: "commander"),
                               kind: .note(text: "writer \(writer) note \(index)"))]
                    }
                    index += 1
                    written.add(1, ordering: .relaxed)
                    // A pause a little different per writer, so their appends fall at every phase of a read.
                    usleep(UInt32(900_000 + writer * 50_000))
                }
            }
        }
        var latencies: [Double] = []
        var failures: [String] = []
        for _ in 0..<reads {
            let (seconds, failure) = read()
            latencies.append(seconds)
            if let failure { failures.append(failure) }
        }
        writing.store(false, ordering: .relaxed)
        group.wait()
        report("read and verify a 10 000-line run (verify, log, report) while 4 writers append: p50 / p99",
               "\(format(RunBenchmarks.percentile(latencies, 0.5) * 1000)) / "
                + "\(format(RunBenchmarks.percentile(latencies, 0.99) * 1000)) ms; \(failures.count) false damage in "
                + "\(reads) reads, \(written.load(ordering: .relaxed)) notes written meanwhile "
                + "(the run grew from 10 000 to \((try? journal.readVerified().0.lines.count) ?? 0) lines)",
               baseline: "the same read with no writers p50 \(format(RunBenchmarks.percentile(alone, 0.5) * 1000)) / "
                + "p99 \(format(RunBenchmarks.percentile(alone, 0.99) * 1000)) ms")
        if let first = failures.first { print("  first false report: \(first)") }
    }
}
