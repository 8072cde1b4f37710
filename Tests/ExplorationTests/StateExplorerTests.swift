import Foundation
import PlaybookLanguage
@testable import Exploration
import Testing

/// The exploration proves what it claims on the shipped playbooks, and finds a run that can get stuck with the
/// shortest way there.
struct StateExplorerTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func shipped(_ id: String) throws -> Playbook {
        let bytes = Array(try Data(contentsOf: repository.appendingPathComponent("Playbooks/\(id).yaml")))
        return try #require(PlaybookChecker.check(bytes, file: "\(id).yaml").playbook)
    }

    @Test(arguments: ["power-loss", "water-leak", "fire", "virus", "network-outage", "core-hardware", "server-software", "aircon", "equipment-theft", "security-incident"])
    func everyShippedPlaybookCanAlwaysReachAnOutcome(_ id: String) throws {
        let begin = Date()
        let result = StateExplorer(playbook: try Self.shipped(id)).explore()
        print("\(id): \(result.states) states in \(Int(Date().timeIntervalSince(begin) * 1000)) ms, complete: \(result.complete)")
        #expect(result.complete, "\(id)")
        #expect(result.findings.isEmpty, "\(id): \(result.findings)")
    }
}

/// A run that can get stuck only because of what was recorded: the graph lets `second` reach the outcome, but with
/// `kind == a` it loops for ever. The exploration finds it, with the shortest way there.
struct StuckRunTests {
    static let text = """
        muster: 1
        id: stuck
        version: 1.0.0
        title: { en: Stuck, zh: 卡住 }
        roles:
          commander: { title: { en: Commander, zh: 总指挥 } }
        severity:
          general: { title: { en: General, zh: 一般 } }
        facts:
          kind: { title: { en: Kind, zh: 类型 }, type: choice, values: [a, b] }
        start: first
        steps:
          first:
            title: { en: First, zh: 第一步 }
            owner: commander
            record: [kind]
            done_within: 5m
            next: second
          second:
            title: { en: Second, zh: 第二步 }
            owner: commander
            done_within: 5m
            next:
              - { when: kind == a, goto: second }
              - { else: outcome.done }
        outcomes:
          done: { kind: success, title: { en: Done, zh: 完成 } }
        """

    @Test func aRunThatCanLoopForEverIsFoundWithItsShortestPath() throws {
        let checked = PlaybookChecker.check(Array(Self.text.utf8), file: "stuck.yaml")
        let playbook = try #require(checked.playbook)
        #expect(!checked.diagnostics.contains { $0.severity == .error }, "the graph alone sees nothing wrong")
        let result = StateExplorer(playbook: playbook).explore()
        #expect(result.complete)
        let stuck = try #require(result.findings.first { $0.kind == .stuck })
        #expect(stuck.active == ["second"])
        #expect(stuck.path.map(\.description) == ["start at level 'general'", "commander: done 'first' with kind=a"])
        let diagnostics = ExplorationDiagnostics.explore(playbook, file: "stuck.yaml")
        #expect(diagnostics.first?.id == "stuck-run")
        #expect(diagnostics.first?.notes.last?.location != nil)
    }
}
