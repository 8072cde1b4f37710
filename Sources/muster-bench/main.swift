#if canImport(Glibc)
    import Glibc
#endif
import PlaybookLanguage
import YAMLLoading

// Each figure is printed beside a baseline measured in the same run, on the same machine.
ProcessLatency.runAsMusterIfAsked()
DeliveryLatency.recordIfAsked()
print("muster-bench (release build recommended: swift run -c release muster-bench)\n")

if CommandLine.arguments.contains("--reads-only") {
    let base = RunBenchmarks.temporaryDirectory()
    ConcurrentReads.run(base: base)
    _ = system("rm -rf '\(base)'")
    exit(0)
}

if CommandLine.arguments.contains("--hostile-only") {
    HostileShapes.run()
    exit(0)
}

if CommandLine.arguments.contains("--explore-only") {
    ExplorationBenchmarks.run()
    exit(0)
}

if CommandLine.arguments.contains("--delivery-only") {
    let base = RunBenchmarks.temporaryDirectory()
    DeliveryLatency.run(base: base)
    _ = system("rm -rf '\(base)'")
    exit(0)
}

if CommandLine.arguments.contains("--latency-only") {
    RunBenchmarks.run()
    exit(0)
}

// MARK: Loader (issue: foundation)
let large = Array(GeneratedPlaybook.text(megabytes: 10).utf8)
let megabytes = Double(large.count) / 1_000_000
let residentBefore = Measure.currentResidentBytes()
var loaded = YAMLLoader.load(large, file: "generated.yaml", limits: LoadLimits(maxFileBytes: 64 << 20))
let peakAfterFirstLoad = Measure.peakResidentBytes()
precondition(loaded.diagnostics.isEmpty, "the generated playbook must load: \(loaded.diagnostics)")
let rawSeconds = Measure.best(of: 3) { _ = RawLibYAML.countEvents(large) }
// Trees are kept until after the timing, so that freeing one is not counted as loading the next.
var kept: [LoadedYAML] = []
let loadSeconds = Measure.best(of: 3) {
    kept.append(YAMLLoader.load(large, file: "generated.yaml", limits: LoadLimits(maxFileBytes: 64 << 20)))
}
kept.removeAll()
report("load \(format(megabytes)) MB playbook", "\(format(megabytes / loadSeconds)) MB/s",
       baseline: "raw libyaml events \(format(megabytes / rawSeconds)) MB/s", goal: "≥ 0.5× raw "
        + "(here \(format(rawSeconds / loadSeconds, decimals: 2))×)")
report("peak memory of the load", "\(format(Double(peakAfterFirstLoad - residentBefore) / 1_000_000)) MB above start",
       baseline: "file \(format(megabytes)) MB")
let bomb = Array(GeneratedPlaybook.aliasBomb.utf8)
var bombResult = YAMLLoader.load(bomb, file: "bomb.yaml")
let bombSeconds = Measure.best(of: 5) { bombResult = YAMLLoader.load(bomb, file: "bomb.yaml") }
precondition(bombResult.diagnostics.first?.id == "yaml-alias-budget")
let smallRaw = Measure.best(of: 5) { _ = RawLibYAML.countEvents(bomb) }
report("reject nine-level alias bomb", "\(format(bombSeconds * 1e6, decimals: 0)) µs",
       baseline: "raw libyaml events of it \(format(smallRaw * 1e6, decimals: 0)) µs")

if CommandLine.arguments.contains("--load-only") {
    for _ in 0..<10 { _ = YAMLLoader.load(large, file: "generated.yaml", limits: LoadLimits(maxFileBytes: 64 << 20)) }
    exit(0)
}

// MARK: Checker (issue: language)
var checkTimes: [Int: Double] = [:]
for steps in [1_000, 10_000] {
    let bytes = Array(GeneratedPlaybook.text(steps: steps).utf8)
    var result = PlaybookChecker.check(bytes, file: "generated.yaml", limits: LoadLimits(maxFileBytes: 64 << 20))
    precondition(!result.diagnostics.contains { $0.severity == .error }, "\(result.diagnostics.prefix(3))")
    let seconds = Measure.best(of: 3) {
        result = PlaybookChecker.check(bytes, file: "generated.yaml", limits: LoadLimits(maxFileBytes: 64 << 20))
    }
    let loadOnly = Measure.best(of: 3) {
        _ = YAMLLoader.load(bytes, file: "generated.yaml", limits: LoadLimits(maxFileBytes: 64 << 20))
    }
    checkTimes[steps] = seconds
    report("check \(steps)-step playbook", "\(format(seconds * 1000)) ms",
           baseline: "its load alone \(format(loadOnly * 1000)) ms", goal: steps == 10_000 ? "< 1 s" : nil)
}
if let small = checkTimes[1_000], let big = checkTimes[10_000] {
    report("check growth 1 000 → 10 000 steps", "\(format(big / small, decimals: 1))×", baseline: "linear: 10×")
}

// MARK: Hostile shapes (issue: hostile text)
HostileShapes.run()

// MARK: Exploration (issue: every path proven)
ExplorationBenchmarks.run()

// MARK: Live runs (issue: live runs)
RunBenchmarks.run()

// MARK: Drills (issue: drills)
DrillBenchmarks.run()
