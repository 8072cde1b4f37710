#if canImport(Glibc)
    import Glibc
#endif

/// How soon the world beyond the terminal sees a write: from a command's acknowledged write (its process exit) to
/// the HTML board file that shows it (`muster watch RUN --html DIR`, as a process), and to the line on the stdout
/// of `muster log RUN --follow --format jsonl`; beside the write itself (the command's own latency).
enum BoardLatency {
    static let writes = 100

    static func run(base: String) {
        let runs = base + "/board-runs"
        mkdir(runs, 0o770)
        let playbookPath = base + "/board.yaml"
        let file = fopen(playbookPath, "w")
        fputs("""
            muster: 1
            id: board
            version: 1.0.0
            title: { en: Board, zh: 看板 }
            roles:
              commander: { title: { en: Commander, zh: 总指挥 } }
            severity:
              general: { title: { en: General, zh: 一般 } }
            start: act
            steps:
              act:
                title: { en: Act, zh: 行动 }
                owner: commander
                done_within: 1h
                next: outcome.done
            outcomes:
              done: { kind: success, title: { en: Done, zh: 完成 } }

            """, file)
        fclose(file)
        let binary = String(cString: realpath("/proc/self/exe", nil))
        let environment = ["MUSTER_RUNS=\(runs)", "NO_COLOR=1", "PATH=/usr/bin:/bin"]
        _ = ProcessLatency.spawn([binary, ProcessLatency.flag, "start", playbookPath, "--run-id", "b",
                                  "--assign", "commander=alice"], environment: environment)
        let board = base + "/board-html"
        let followed = base + "/followed.jsonl"
        let watcher = background([binary, ProcessLatency.flag, "watch", "b", "--html", board, "--exit-after", "300s"],
                                 stdout: "/dev/null", environment: environment)
        let follower = background([binary, ProcessLatency.flag, "log", "b", "--follow", "--format", "jsonl"],
                                  stdout: followed, environment: environment)
        defer {
            kill(watcher, SIGKILL)
            kill(follower, SIGTERM)
            var status: Int32 = 0
            waitpid(watcher, &status, 0)
            waitpid(follower, &status, 0)
        }
        // The first board and the first lines, before anything is timed.
        _ = waitFor(seconds: 30) { contains(board + "/index.html", "alice") && contains(followed, "run.started") }
        var writeTimes: [Double] = []
        var boardLags: [Double] = []
        var followLags: [Double] = []
        for index in 0..<writes {
            let marker = "bench-note-\(index)-"
            writeTimes.append(ProcessLatency.spawn(
                [binary, ProcessLatency.flag, "note", "b", marker, "--as", "alice"], environment: environment))
            let acknowledged = Measure.now()
            var seenBoard: Double?
            var seenFollow: Double?
            _ = waitFor(seconds: 10) {
                if seenFollow == nil, contains(followed, marker) { seenFollow = Measure.now() }
                if seenBoard == nil, contains(board + "/index.html", marker) { seenBoard = Measure.now() }
                return seenBoard != nil && seenFollow != nil
            }
            if let seenBoard { boardLags.append(seenBoard - acknowledged) }
            if let seenFollow { followLags.append(seenFollow - acknowledged) }
        }
        func p(_ values: [Double], _ fraction: Double) -> String {
            values.isEmpty ? "—" : format(RunBenchmarks.percentile(values, fraction) * 1000)
        }
        report("HTML board updated after an acknowledged write (watch --html, \(boardLags.count)/\(writes)) p50 / p99",
               "\(p(boardLags, 0.5)) / \(p(boardLags, 0.99)) ms",
               baseline: "the write itself (note as a process) p50 / p99 \(p(writeTimes, 0.5)) / \(p(writeTimes, 0.99)) ms",
               goal: "p99 < 1 s")
        report("log --follow lag after an acknowledged write (\(followLags.count)/\(writes)) p50 / p99",
               "\(p(followLags, 0.5)) / \(p(followLags, 0.99)) ms",
               baseline: "the write itself p99 \(p(writeTimes, 0.99)) ms", goal: "p99 < 100 ms")
    }

    /// Starts `argv` without waiting, stdout to `stdout`, stderr discarded; its pid.
    private static func background(_ argv: [String], stdout: String, environment: [String]) -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let arguments = argv.map { strdup($0) } + [nil]
        let variables = environment.map { strdup($0) } + [nil]
        defer {
            arguments.forEach { free($0) }
            variables.forEach { free($0) }
        }
        var pid: pid_t = 0
        guard posix_spawn(&pid, argv[0], &actions, nil, arguments, variables) == 0 else {
            fatalError("cannot run \(argv[0])")
        }
        return pid
    }

    /// Checks `condition` every half millisecond until it holds or `seconds` passed; whether it held.
    private static func waitFor(seconds: Double, _ condition: () -> Bool) -> Bool {
        let end = Measure.now() + seconds
        while Measure.now() < end {
            if condition() { return true }
            usleep(500)
        }
        return condition()
    }

    private static func contains(_ path: String, _ text: String) -> Bool {
        DeliveryLatency.readFile(path)?.contains(text) ?? false
    }
}
