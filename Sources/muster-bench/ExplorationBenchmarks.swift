import Exploration
import PlaybookLanguage
import YAMLLoading

/// How long `check`'s exploration takes: every shipped playbook, and a generated 1 000-step playbook.
enum ExplorationBenchmarks {
    /// The shipped playbooks, every one that `muster check Playbooks` explores.
    static let shippedIDs = [
        "power-loss", "water-leak", "fire", "virus", "network-outage", "core-hardware", "server-software", "aircon",
        "equipment-theft", "security-incident",
    ]

    static func run() {
        var shippedStates = 0
        var playbooks: [Playbook] = []
        for id in shippedIDs {
            guard let text = DeliveryLatency.readFile("Playbooks/\(id).yaml"),
                let playbook = PlaybookChecker.check(Array(text.utf8), file: id).playbook
            else { continue }
            playbooks.append(playbook)
        }
        let shipped = Measure.best(of: 3) {
            shippedStates = playbooks.reduce(0) { $0 + StateExplorer(playbook: $1).explore().states }
        }
        let checkOnly = Measure.best(of: 3) {
            for id in shippedIDs {
                if let text = DeliveryLatency.readFile("Playbooks/\(id).yaml") {
                    _ = PlaybookChecker.check(Array(text.utf8), file: id)
                }
            }
        }
        report("explore the \(playbooks.count) shipped playbooks (\(shippedStates) states)",
               "\(format(shipped * 1000)) ms", baseline: "checking them without exploring \(format(checkOnly * 1000)) ms",
               goal: "< 1 s")
        let bytes = Array(GeneratedPlaybook.text(steps: 1_000).utf8)
        guard let generated = PlaybookChecker.check(bytes, file: "g.yaml", limits: LoadLimits(maxFileBytes: 64 << 20)).playbook
        else { return }
        var states = 0
        let seconds = Measure.best(of: 1) { states = StateExplorer(playbook: generated).explore().states }
        report("explore a generated 1 000-step playbook (\(states) states)", "\(format(seconds * 1000)) ms",
               baseline: "—", goal: "< 5 s")
    }
}
