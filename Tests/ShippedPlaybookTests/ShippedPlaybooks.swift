import Diagnostics
import Foundation
import PlaybookLanguage
import Testing

/// The playbooks that ship in `Playbooks/`, read from the repository the tests were built from.
enum ShippedPlaybooks {
    /// The ids of the shipped playbooks; each is `Playbooks/ID.yaml`.
    static let ids = ["power-loss", "water-leak", "fire", "virus", "network-outage", "core-hardware", "server-software", "aircon", "equipment-theft", "security-incident"]

    /// The repository's root, found from this file's place in `Tests/ShippedPlaybookTests/`.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The playbooks directory.
    static let directory = repository.appendingPathComponent("Playbooks")

    /// The path of a shipped playbook's file.
    static func file(_ id: String) -> URL { directory.appendingPathComponent("\(id).yaml") }

    /// Checks the shipped playbook `id` as `muster check` does.
    static func check(_ id: String) throws -> PlaybookCheckResult {
        let bytes = Array(try Data(contentsOf: file(id)))
        return PlaybookChecker.check(bytes, file: "Playbooks/\(id).yaml")
    }

    /// The shipped playbook `id`, decoded and validated; fails the test when it has errors.
    static func playbook(_ id: String) throws -> Playbook {
        let result = try check(id)
        return try #require(result.playbook, "Playbooks/\(id).yaml does not check: \(result.diagnostics)")
    }
}

struct ShippedPlaybookCheckTests {
    /// Every `.yaml` file in `Playbooks/` is one of the shipped playbooks these tests know, and the other way round.
    @Test func theListOfShippedPlaybooksIsComplete() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: ShippedPlaybooks.directory.path)
            .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(".yaml".count)) }
        #expect(Set(files) == Set(ShippedPlaybooks.ids))
    }

    /// `muster check --strict Playbooks` passes: not a single diagnostic, warnings included; and a playbook's id
    /// is its file name.
    @Test(arguments: ShippedPlaybooks.ids)
    func checksWithoutAnyDiagnostic(_ id: String) throws {
        let result = try ShippedPlaybooks.check(id)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map { "\($0.id): \($0.message)" })")
        #expect(result.playbook?.id == id)
    }
}
