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

    @Test(arguments: ["power-loss", "water-leak", "fire", "virus", "network-outage"])
    func everyShippedPlaybookCanAlwaysReachAnOutcome(_ id: String) throws {
        let begin = Date()
        let result = StateExplorer(playbook: try Self.shipped(id)).explore()
        print("\(id): \(result.states) states in \(Int(Date().timeIntervalSince(begin) * 1000)) ms, complete: \(result.complete)")
        #expect(result.complete, "\(id)")
        #expect(result.findings.isEmpty, "\(id): \(result.findings)")
    }
}
