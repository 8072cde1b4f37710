#if canImport(Glibc)
    import Glibc
#endif
import JSONText

/// How soon a person is told: from the instant an escalation falls due to the notify command's start, under
/// `muster watch --all` (a process, as on an ops host), for 3 runs whose step escalates every second, 10 times.
/// The notify command is this binary again (`--record-delivery FILE`), which appends its start instant and the
/// notification: no shell, no `date`, in the way.
enum DeliveryLatency {
    static let recordFlag = "--record-delivery"

    /// When the process was started with `recordFlag FILE`: appends `<ns since the epoch> <stdin>` to FILE, exits.
    static func recordIfAsked() {
        guard CommandLine.arguments.count > 2, CommandLine.arguments[1] == recordFlag else { return }
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        let started = Int64(spec.tv_sec) * 1_000_000_000 + Int64(spec.tv_nsec)
        var input: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let got = read(0, &buffer, buffer.count)
            if got <= 0 { break }
            input += buffer[..<got]
        }
        let line = Array("\(started) ".utf8) + input.filter { $0 != 0x0A } + [0x0A]
        let file = open(CommandLine.arguments[2], O_WRONLY | O_APPEND | O_CREAT, 0o600)
        _ = line.withUnsafeBytes { write(file, $0.baseAddress, $0.count) }
        close(file)
        exit(0)
    }

    static func readFile(_ path: String) -> String? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let got = fread(&buffer, 1, buffer.count, file)
            if got == 0 { break }
            bytes += buffer[..<got]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func run(base: String) {
        let runs = base + "/delivery"
        mkdir(runs, 0o770)
        let rungs = (1...10).map { "      - { after: \($0)s, notify: [commander] }\n" }.joined()
        let playbook = """
            muster: 1
            id: rungs
            version: 1.0.0
            title: { en: Rungs, zh: 升级 }
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
                escalate:

            """ + rungs + """
                next: outcome.done
            outcomes:
              done: { kind: success, title: { en: Done, zh: 完成 } }

            """
        let playbookPath = base + "/rungs.yaml"
        let file = fopen(playbookPath, "w")
        fputs(playbook, file)
        fclose(file)
        let binary = String(cString: realpath("/proc/self/exe", nil))
        let environment = ["MUSTER_RUNS=\(runs)", "NO_COLOR=1", "PATH=/usr/bin:/bin"]
        for index in 0..<3 {
            _ = ProcessLatency.spawn([binary, ProcessLatency.flag, "start", playbookPath, "--run-id", "r\(index)",
                                      "--assign", "commander=alice"], environment: environment)
        }
        let record = base + "/delivered.log"
        _ = ProcessLatency.spawn([binary, ProcessLatency.flag, "watch", "--all", "--exit-after", "12s",
                                  "--notify-command", "\(binary) \(recordFlag) \(record)"], environment: environment)
        var latencies: [Double] = []
        if let text = readFile(record) {
            for line in text.split(separator: "\n") {
                guard let space = line.firstIndex(of: " "), let started = Int64(line[..<space]),
                    let payload = try? JSONValue.parse(String(line[line.index(after: space)...])),
                    let due = payload["requested_at"]?.intValue
                else { continue }
                latencies.append(Double(started / 1_000_000 - due) / 1000)
            }
        }
        let process = (0..<30).map { _ in ProcessLatency.spawn(["/bin/true"], environment: environment) }
        guard !latencies.isEmpty else {
            report("delivery latency under watch --all", "no delivery recorded", baseline: "—")
            return
        }
        report("delivery latency under watch --all (due instant to notifier start, \(latencies.count) pages) p50 / p99",
               "\(format(RunBenchmarks.percentile(latencies, 0.5) * 1000)) / "
                + "\(format(RunBenchmarks.percentile(latencies, 0.99) * 1000)) ms",
               baseline: "/bin/true as a process p99 \(format(RunBenchmarks.percentile(process, 0.99) * 1000, decimals: 2)) ms",
               goal: "p99 < 1 s")
    }
}
