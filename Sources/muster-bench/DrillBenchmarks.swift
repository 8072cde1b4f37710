import Drills
import PlaybookLanguage
import RunEngine

/// The wall time of an unattended drill that spans eight hours of virtual time.
enum DrillBenchmarks {
    static func run() {
        guard case .bytes(let playbookBytes)? = try? readFile("Playbooks/water-leak.yaml"),
            case .bytes(let scenarioBytes)? = try? readFile("Playbooks/drills/water-leak-on-time.yaml"),
            let playbook = PlaybookChecker.check(playbookBytes, file: "water-leak.yaml").playbook
        else {
            print("drill benchmark skipped: run muster-bench from the repository root")
            return
        }
        // The written report comes eight hours in, so that the virtual clock spans a working day.
        let text = String(decoding: scenarioBytes, as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.contains("written_report.activated") ? $0.replacingOccurrences("after: 6h", "after: 8h") : String($0) }
            .joined(separator: "\n")
        guard let scenario = ScenarioChecker.check(Array(text.utf8), file: "s.yaml", playbook: { _ in playbook }).scenario
        else { fatalError("the scenario must check") }
        let runner = DrillRunner(scenario: scenario, playbook: playbook)
        var events: [Event] = []
        let seconds = Measure.best(of: 5) { events = runner.run(playbookHash: "bench") }
        let span = (events.last?.at ?? 0) - (events.first?.at ?? 0)
        report("unattended drill (\(events.count) events)", "\(format(seconds * 1000, decimals: 2)) ms wall",
               baseline: "virtual time covered \(PlaybookLanguage.Duration.format(milliseconds: span))")
    }

    enum FileResult { case bytes([UInt8]) }

    static func readFile(_ path: String) throws -> FileResult {
        guard let file = fopen(path, "rb") else { throw BenchError.missing }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let got = fread(&buffer, 1, buffer.count, file)
            if got == 0 { break }
            bytes += buffer[0..<got]
        }
        return .bytes(bytes)
    }

    enum BenchError: Error { case missing }
}

extension Substring {
    func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        split(separator: Substring(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}

#if canImport(Glibc)
    import Glibc
#endif
