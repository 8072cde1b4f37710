#if canImport(Glibc)
    import Glibc
#endif
import Hashing
import Journaling
import MusterCommands
import PlaybookLanguage
import RunEngine

/// What a responder at a terminal waits for: a command in a process of its own, from the shell's fork to its exit.
///
/// The bench re-runs its own binary as `muster` (`--run-as-muster`), which links the same code and libraries as
/// `muster` itself and calls the same `CommandLineTool.runProcess`, so that `swift run muster-bench` never times a stale
/// or missing `muster` binary.
enum ProcessLatency {
    static let flag = "--run-as-muster"

    /// When the process was started with `flag`: runs the rest of the arguments exactly as `muster` does.
    static func runAsMusterIfAsked() {
        guard CommandLine.arguments.count > 1, CommandLine.arguments[1] == flag else { return }
        CommandLineTool.runProcess(Array(CommandLine.arguments.dropFirst(2)))
    }

    /// Seconds from spawning `argv` (with `environment`, output discarded) to its exit; stops the bench if it fails.
    static func spawn(_ argv: [String], environment: [String]) -> Double {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let arguments = argv.map { strdup($0) } + [nil]
        let variables = environment.map { strdup($0) } + [nil]
        defer {
            arguments.forEach { free($0) }
            variables.forEach { free($0) }
        }
        let begin = Measure.now()
        var pid: pid_t = 0
        guard posix_spawn(&pid, argv[0], &actions, nil, arguments, variables) == 0 else {
            fatalError("cannot run \(argv[0])")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let seconds = Measure.now() - begin
        guard status == 0 else { fatalError("\(argv.joined(separator: " ")) failed (\(status))") }
        return seconds
    }

    /// A live run `runID` of the playbook at `playbookPath` in `runs`, built in process (not through the command
    /// line) to `events` events: started, then notes a millisecond apart, the last one a second before now, so
    /// that commands run at the real clock find it as a long incident would leave it.
    static func buildRun(playbookPath: String, runs: String, runID: String, events: Int) {
        guard let file = fopen(playbookPath, "rb") else { fatalError("cannot read \(playbookPath)") }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let got = fread(&buffer, 1, buffer.count, file)
            if got == 0 { break }
            bytes += buffer[..<got]
        }
        fclose(file)
        guard let playbook = PlaybookChecker.check(bytes, file: playbookPath).playbook else {
            fatalError("\(playbookPath) must check")
        }
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let nowMilliseconds = Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec) / 1_000_000
        let startedAt = nowMilliseconds - 1_000 - Int64(events)
        let start = RunStart(playbookID: playbook.id, version: playbook.version, playbookHash: SHA256.hash(bytes).hex,
                             mode: .live, virtualClock: false, severity: playbook.severities.first?.id,
                             assignments: ["commander": "alice", "tech_lead": "carol", "on_site": "bob"])
        mkdir(runs, 0o770)
        let directory = runs + "/" + runID
        let first = Engine(playbook: playbook).start(start, at: startedAt)
        try! Journal.create(directory: directory, playbook: bytes, events: first)
        let journal = Journal(directory: directory)
        var written = first.count
        while written < events {
            let batch = (written..<min(events, written + 5_000)).map { index in
                Event(at: startedAt + Int64(index), actor: .person("alice", role: "commander"),
                      kind: .note(text: "progress note \(index): pumps running, level falling"))
            }
            try! journal.transact { _ in batch }
            written += batch.count
        }
    }

    /// Latencies of `count` runs of `arguments` (a muster command line), each in a process of its own, each after
    /// a spawn of `/bin/true` (what starting any process costs here) and of `cat` reading `file` (a raw read of
    /// the run's journal), whose latencies are returned too.
    static func commands(_ arguments: [String], runs: String, count: Int, rawRead file: String)
        -> (commands: [Double], process: [Double], rawRead: [Double])
    {
        let binary = String(cString: realpath("/proc/self/exe", nil))
        let environment = ["MUSTER_RUNS=\(runs)", "NO_COLOR=1", "PATH=/usr/bin:/bin"]
        var commands: [Double] = []
        var process: [Double] = []
        var rawRead: [Double] = []
        for _ in 0..<count {
            process.append(spawn(["/bin/true"], environment: environment))
            rawRead.append(spawn(["/bin/cat", file], environment: environment))
            commands.append(spawn([binary, flag] + arguments, environment: environment))
        }
        return (commands, process, rawRead)
    }
}
