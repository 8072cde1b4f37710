#if canImport(Glibc)
    import Glibc
#endif
import Hashing
import YAMLLoading
import Journaling
import Reporting
import PlaybookLanguage
import RunEngine

/// Figures for live runs: command latency against a raw append+fsync, fold speed, and reading a large run.
enum RunBenchmarks {
    static func temporaryDirectory() -> String {
        var template = Array("/tmp/muster-bench-XXXXXX".utf8CString)
        let path = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        return String(cString: path!)
    }

    static func percentile(_ values: [Double], _ fraction: Double) -> Double {
        let sorted = values.sorted()
        return sorted[min(sorted.count - 1, Int(Double(sorted.count) * fraction))]
    }

    static func run() {
        let base = temporaryDirectory()
        defer { _ = system("rm -rf '\(base)'") }
        let playbookText = GeneratedPlaybook.text(steps: 5_000)
        let bytes = Array(playbookText.utf8)
        guard let playbook = PlaybookChecker.check(bytes, file: "g.yaml", limits: LoadLimits(maxFileBytes: 64 << 20)).playbook
        else { fatalError("generated playbook must check") }
        let engine = Engine(playbook: playbook)
        let start = RunStart(playbookID: playbook.id, version: playbook.version, playbookHash: SHA256.hash(bytes).hex,
                             mode: .live, virtualClock: false, severity: "fatal",
                             assignments: ["commander": "alice", "tech_lead": "carol", "on_site": "bob"])

        // `--report-only`: only the 100 000-event run, its reading and its reports.
        let reportOnly = CommandLine.arguments.contains("--report-only")
        if !reportOnly {
        // The journal's part of a command: one note per write (lock, read and verify every line, decide, append,
        // fsync, head record, unlock), on a run of a playbook of a real one's size (20 steps, about 14 KB), 200
        // writes into the run; beside a raw append+fsync of a line of similar size on the same disk.
        let smallBytes = Array(GeneratedPlaybook.text(steps: 20).utf8)
        let small = PlaybookChecker.check(smallBytes, file: "small.yaml").playbook!
        var smallStart = start
        smallStart.playbookHash = SHA256.hash(smallBytes).hex
        let directory = base + "/latency"
        try! Journal.create(directory: directory, playbook: smallBytes,
                            events: Engine(playbook: small).start(smallStart, at: 0))
        let journal = Journal(directory: directory)
        var latencies: [Double] = []
        for index in 0..<200 {
            let begin = Measure.now()
            try! journal.transact { _ in
                [Event(at: Int64(index), actor: .person("alice", role: "commander"), kind: .note(text: "note \(index)"))]
            }
            latencies.append(Measure.now() - begin)
        }
        let rawAppend = RawAppend(path: base + "/raw.jsonl")
        let raw = (0..<200).map { _ in rawAppend.once() }
        rawAppend.close()
        report("a journal write (replaying the run) p50 / p99",
               "\(format(percentile(latencies, 0.5) * 1000, decimals: 2)) / "
                + "\(format(percentile(latencies, 0.99) * 1000, decimals: 2)) ms",
               baseline: "raw append+fsync p50 \(format(percentile(raw, 0.5) * 1000, decimals: 2)) / p99 "
                + "\(format(percentile(raw, 0.99) * 1000, decimals: 2)) ms")

        // A command as a responder at a terminal waits for it, each a process of its own, on fire runs of an
        // incident's size and beyond: every command reads, verifies and folds the whole journal.
        for (events, count) in [(300, 100), (3_000, 100), (30_000, 30)] {
            let runs = base + "/runs-\(events)"
            ProcessLatency.buildRun(playbookPath: "Playbooks/fire.yaml", runs: runs, runID: "r", events: events)
            let file = runs + "/r/journal.jsonl"
            for (name, arguments) in [("note", ["note", "r", "bench", "--as", "alice"]), ("status", ["status", "r"])] {
                let (commands, process, rawRead) = ProcessLatency.commands(arguments, runs: runs, count: count,
                                                                           rawRead: file)
                report("\(name) on a \(events)-event run, as a process, p50 / p99",
                       "\(format(percentile(commands, 0.5) * 1000, decimals: 2)) / "
                        + "\(format(percentile(commands, 0.99) * 1000, decimals: 2)) ms",
                       baseline: "/bin/true p99 \(format(percentile(process, 0.99) * 1000, decimals: 2)) ms; "
                        + "cat of the journal p99 \(format(percentile(rawRead, 0.99) * 1000, decimals: 2)) ms")
            }
        }

        ConcurrentReads.run(base: base)
        DeliveryLatency.run(base: base)
        BoardLatency.run(base: base)
        }

        if CommandLine.arguments.contains("--latency-only") { return }

        // A 100 000-event run: drive the chain playbook step by step.
        var events = engine.start(start, at: 0)
        var state = RunState.fold(events)
        var now: Int64 = 0
        while events.count < 100_000, let step = state.activeOrder.first {
            now += 1_000
            let person = state.active[step]?.owner.flatMap { state.holders[$0] } ?? "alice"
            guard case .success(let produced) = engine.handle(
                Command(person: person, kind: .done(step: step, items: ["first", "second"])), state: state, at: now)
            else { break }
            for event in produced { state.apply(event) }
            events += produced
            let note = Event(at: now, actor: .person(person, role: nil), kind: .note(text: "progress on \(step)"))
            state.apply(note)
            events.append(note)
        }
        while events.count < 100_000 {
            now += 1_000
            let note = Event(at: now, actor: .person("alice", role: nil), kind: .note(text: "still working \(events.count)"))
            state.apply(note)
            events.append(note)
        }
        var folded = RunState()
        let foldSeconds = Measure.best(of: 5) { folded = RunState.fold(events) }
        precondition(folded == state)
        report("fold \(events.count) events", "\(format(Double(events.count) / foldSeconds / 1000, decimals: 0))k events/s",
               baseline: "—", goal: "≥ 500k events/s")

        let large = base + "/large"
        try! Journal.create(directory: large, playbook: bytes, events: Array(events.prefix(1)))
        let largeJournal = Journal(directory: large)
        var written = 1
        while written < events.count {
            let batch = Array(events[written..<min(events.count, written + 10_000)])
            try! largeJournal.transact { _ in batch }
            written += batch.count
        }
        var lineCount = 0
        let statusSeconds = Measure.best(of: 3) {
            let (contents, _) = try! largeJournal.read()
            let rebuilt = RunState.fold(contents.events)
            lineCount = rebuilt.eventCount
        }
        let rawRead = Measure.best(of: 3) {
            let file = open(large + "/journal.jsonl", O_RDONLY)
            var buffer = [UInt8](repeating: 0, count: 1 << 20)
            while buffer.withUnsafeMutableBytes({ read(file, $0.baseAddress, $0.count) }) > 0 {}
            close(file)
        }
        report("read, verify, fold a \(lineCount)-event run (log, verify)", "\(format(statusSeconds * 1000)) ms",
               baseline: "raw read of the file \(format(rawRead * 1000)) ms", goal: "< 1 s")
        // The report of the same run: read and verify, build the report, render Markdown and HTML.
        var htmlBytes = 0
        let reportSeconds = Measure.best(of: 3) {
            let (contents, _) = try! largeJournal.read()
            let entries = contents.lines.map { JournalEntry(seq: $0.seq, event: $0.event, relative: $0.relative) }
            let runReport = RunReport(playbook: playbook, entries: entries,
                                      integrity: Integrity(head: contents.head, lines: contents.lines.count, verified: true))
            _ = MarkdownReport(runReport, language: .en).render()
            htmlBytes = HTMLReport(runReport, language: .en).render().utf8.count
        }
        report("report of a \(lineCount)-event run (md and html)", "\(format(reportSeconds * 1000)) ms",
               baseline: "reading it \(format(statusSeconds * 1000)) ms", goal: "< 2 s")
        // Rendering alone, beside reading: the full and the fault report's HTML, their time and size (what a browser
        // has to open; repetitive events are counted, not listed).
        let (contents, _) = try! largeJournal.read()
        let entries = contents.lines.map { JournalEntry(seq: $0.seq, event: $0.event, relative: $0.relative) }
        let runReport = RunReport(playbook: playbook, entries: entries,
                                  integrity: Integrity(head: contents.head, lines: contents.lines.count, verified: true))
        for kind in [ReportKind.full, .fault] {
            var bytes = 0
            let seconds = Measure.best(of: 3) { bytes = HTMLReport(runReport, language: .en).render(kind).utf8.count }
            report("render the \(kind.rawValue) HTML report of it", "\(format(seconds * 1000)) ms, "
                    + "\(format(Double(bytes) / 1_000_000, decimals: 2)) MB",
                   baseline: "reading it \(format(statusSeconds * 1000)) ms", goal: "≤ 5 MB")
        }
        _ = htmlBytes
        // MUSTER_BENCH_HTML=FILE keeps the full report's HTML, to time a browser opening it.
        if let path = getenv("MUSTER_BENCH_HTML").map({ String(cString: $0) }) {
            let html = Array(HTMLReport(runReport, language: .en).render(.full).utf8)
            let file = fopen(path, "w")
            _ = html.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
            fclose(file)
        }
    }
}
