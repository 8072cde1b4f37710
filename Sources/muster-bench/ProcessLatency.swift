#if canImport(Glibc)
    import Glibc
#endif
import MusterCommands

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

    /// Latencies of `count` notes, each in a process of its own, on a fresh run of `playbook`, each after a spawn
    /// of `/bin/true` (the baseline: what starting any process costs here), whose latencies are returned too.
    static func notes(playbook: String, runs: String, count: Int) -> (commands: [Double], baseline: [Double]) {
        let binary = String(cString: realpath("/proc/self/exe", nil))
        let environment = ["MUSTER_RUNS=\(runs)", "NO_COLOR=1", "PATH=/usr/bin:/bin"]
        _ = spawn([binary, flag, "start", playbook, "--severity", "fatal", "--run-id", "process",
                   "--assign", "commander=alice", "--assign", "tech_lead=carol", "--assign", "on_site=bob"],
                  environment: environment)
        var commands: [Double] = []
        var baseline: [Double] = []
        for index in 0..<count {
            baseline.append(spawn(["/bin/true"], environment: environment))
            commands.append(spawn([binary, flag, "note", "process", "note \(index)", "--as", "alice"],
                                  environment: environment))
        }
        return (commands, baseline)
    }
}
