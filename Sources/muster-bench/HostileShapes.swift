import Drills
import PlaybookLanguage
import RunEngine
import YAMLLoading

/// Hostile shapes stay linear: a playbook with one huge mapping of unknown keys, and an unattended drill whose
/// step nobody finishes, each at two sizes ten times apart. Growth within 12× for 10× the input is the goal.
enum HostileShapes {
    static func run() {
        mappingKeys()
        drillEvents()
    }

    /// `check` of a small playbook carrying `keys` extra top-level keys (each an error, the rest counted).
    static func mappingKeys() {
        func text(keys: Int) -> [UInt8] {
            let body = playbook(reportEvery: "15m").dropFirst("muster: 1\n".count)
            let text = "muster: 1\n" + (0..<keys).map { "k\($0): 1\n" }.joined() + body
            return Array(text.utf8)
        }
        var seconds: [Int: Double] = [:]
        var loading: [Int: Double] = [:]
        var raw: [Int: Double] = [:]
        var bytes: [Int: Int] = [:]
        for keys in [70_000, 700_000] {
            let input = text(keys: keys)
            bytes[keys] = input.count
            seconds[keys] = Measure.best(of: 3) { _ = PlaybookChecker.check(input, file: "keys.yaml") }
            loading[keys] = Measure.best(of: 3) { _ = YAMLLoader.load(input, file: "keys.yaml") }
            raw[keys] = Measure.best(of: 3) { _ = RawLibYAML.countEvents(input) }
        }
        report("check a mapping of 700 000 keys (\(format(Double(bytes[700_000]!) / 1_000_000)) MB)",
               "\(format(seconds[700_000]! * 1000, decimals: 0)) ms",
               baseline: "70 000 keys \(format(seconds[70_000]! * 1000, decimals: 0)) ms (growth "
                + "\(format(seconds[700_000]! / seconds[70_000]!))× for 10×); loading alone "
                + "\(format(loading[700_000]! * 1000, decimals: 0)) ms, growth \(format(loading[700_000]! / loading[70_000]!))×; raw libyaml growth "
                + "\(format(raw[700_000]! / raw[70_000]!))×",
               goal: "< 2 s, growth ≤ 12×")
    }

    /// An unattended drill of 30 days in which nobody reports progress on the only step.
    static func drillEvents() {
        var seconds: [String: Double] = [:]
        var counts: [String: Int] = [:]
        for interval in ["20m", "2m"] {
            let checked = PlaybookChecker.check(Array(playbook(reportEvery: interval).utf8), file: "every.yaml")
            guard let playbook = checked.playbook else { fatalError("bench playbook: \(checked.diagnostics)") }
            let scenarioText = """
                drill: 1
                id: silence
                title: { en: Nobody reports, zh: 无人上报 }
                kind: tabletop
                playbook: every
                starts_at: "2026-01-05T09:00:00Z"
                participants: { commander: alice }
                objectives:
                  done: { title: { en: Done, zh: 完成 }, milestone: finished, owner: commander }
                injects:
                  - { id: first, at: 0s, to: commander, message: { en: Go, zh: 开始 } }
                players: []
                """
            let scenarioResult = ScenarioChecker.check(Array(scenarioText.utf8), file: "s.yaml") { _ in playbook }
            guard let scenario = scenarioResult.scenario else { fatalError("scenario: \(scenarioResult.diagnostics)") }
            let runner = DrillRunner(scenario: scenario, playbook: playbook)
            var events: [Event] = []
            seconds[interval] = Measure.best(of: 3) { events = runner.run(playbookHash: "bench") }
            counts[interval] = events.count
        }
        report("unattended drill of \(counts["2m"]!) events", "\(format(seconds["2m"]! * 1000, decimals: 0)) ms",
               baseline: "\(counts["20m"]!) events \(format(seconds["20m"]! * 1000, decimals: 0)) ms (growth "
                + "\(format(seconds["2m"]! / seconds["20m"]!))× for \(format(Double(counts["2m"]!) / Double(counts["20m"]!)))×)",
               goal: "< 2 s, linear")
    }

    static func playbook(reportEvery: String) -> String {
        """
        muster: 1
        id: every
        version: 1.0.0
        title: { en: Silence, zh: 沉默 }
        roles:
          commander: { title: { en: Commander, zh: 总指挥 } }
        severity:
          general: { title: { en: General, zh: 一般 } }
        milestones:
          finished: { title: { en: Finished, zh: 完成 }, within: 41d, reached_when: work.done }
        start: work
        steps:
          work:
            title: { en: Work, zh: 工作 }
            owner: commander
            report_every: \(reportEvery)
            done_within: 40d
            next: outcome.done
        outcomes:
          done: { kind: success, title: { en: Done, zh: 完成 } }

        """
    }
}
