import Drills
import Foundation
import Hashing
import PlaybookLanguage
import RunEngine
import Runs
import Testing

/// The unattended `drill run` plays a scenario through the code a drill people play goes through
/// (`DrillProgress`), with every role scripted: the journal it writes is the same, byte for byte, as it was when
/// it had a loop of its own.
struct UnattendedRunTests {
    /// Every shipped scenario's unattended journal, by the chain head after its last line (which hashes every line
    /// before it). First taken from the runner before it went through `DrillProgress`; taken again only when what a
    /// run journals changes on purpose (the engine's messages journaled as codes beside their words, value titles).
    static let heads: [String: String] = [
        "aircon-all-units-down": "a9322b32ccf15fb805b4823ef62ef9365ce25e887abb403e62ce6f58b5402490",
        "aircon-on-time": "d370d20aea695b7f83e938c65171c72f5c82788c1b7809ad9f5d52bed596e932",
        "aircon-standby-late": "07ba3c19cba1032c080de5bc9a3a04291302dff0f0ae0c59fb7e1505b3c70744",
        "core-hardware-on-time": "057f99ccea8298b9b3fdaca2331e9d4ec957bdd97d2773e893ad451c502e71b3",
        "core-hardware-vendor-late": "a9c479fba2739c9c0642a08d725d5ed850e66415889d3c6fa4bba71b1d5fa84d",
        "equipment-theft-on-time": "064845cdca9c05edea8ea02144e5fa5f195d8cf481e248a99cbb641679075d39",
        "equipment-theft-security-late": "3db3d04200ced01b5e3c00ff4b8bdb4ead7c7e82626b137fe30747b0de84429b",
        "fire-data-rescue-late": "dbdde5fb8822603e035a0061af1e951945d16ad526774803065c16151da6e3e5",
        "fire-on-time": "a6f3d1225024343ed055d8e8250b04f74b5b88dd2b1f21a63d5e5f0f0c786a92",
        "network-outage-assess-late": "b299e52c70b895789d4c6d682c669a30d90bb4aa0c5cde0ef4e1b16e14b94359",
        "network-outage-on-time": "090c52814d2d87a85b0a69a45800d733cac686a9d3fae419fb0e3d7122fc2d94",
        "power-loss-generator-late": "36f788b60d6ba17e966aa875f0fe1abf68ab30e0825fae3f0c6c1dc32cf588fc",
        "power-loss-on-time": "523a877dd5a6b128d3c5548f57b9eebccbce0f7dcbcc3e927c8ebe55750f4b87",
        "security-incident-containment-late": "5444cda86f19d1b945a984a95bbf200b383e5e1d9c0d48e66f13fb9b9993dedf",
        "security-incident-on-time": "250010605caea49b398eb757134c0e15701666a44e5cb008fbc85bba4f7bccfd",
        "server-software-fallback-late": "c70fbb0f51253598d16e70114dc04417cf69f4561609b33e93a67f37fd133aa1",
        "server-software-on-time": "bdea182fb95ab7df6eb63d338f3bbaf3f9667862476ec0b86af30e3b42cd3885",
        "virus-on-time": "c6fbc1debad746497a22b9368220e04a88c6ac96c8d1e7ee6a58d4e7d09c7e3f",
        "virus-unplug-late": "137bcb70a122c7ed3ebe30a52e70fcea4b2157d8101168a58695c91b3cdadd47",
        "water-leak-late-report": "51f252a460503384dd23da06cc5a263b2cc4b36fad889ec43719ea7aacb5b2c5",
        "water-leak-on-time": "930566d215052b7691dcf371a8f934b650d2d034a2ab8f6b83ca5871f33f8bf4",
    ]

    static var scenarios: [String] {
        let drills = DrillByHandTests.repository.appendingPathComponent("Playbooks/drills")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: drills.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }

    static func play(_ id: String) throws -> (head: String, events: [Event]) {
        let loaded = try DrillByHandTests.load(id)
        let runs = try DrillByHandTests.runsDirectory()
        defer { try? FileManager.default.removeItem(atPath: runs.path) }
        try runs.playUnattended("u", CheckedScenario(scenario: loaded.scenario, scenarioBytes: loaded.scenarioBytes,
                                                     playbook: loaded.playbook, playbookBytes: loaded.playbookBytes),
                                heldAt: 1_800_000_000_000)
        let contents = try RunSession("u", in: runs, now: 1_800_000_000_000).read().contents
        return (contents.head, contents.events)
    }

    @Test(arguments: scenarios)
    func theUnattendedJournalIsTheSameByteForByte(_ id: String) throws {
        let (head, _) = try Self.play(id)
        #expect(Self.heads[id] == head)
    }

    /// Every action of an unattended run is scripted, so none is marked as a scripted player's, and its journal
    /// read back scripts nobody: a later advance of its clock would play no scripted player a second time.
    @Test func anUnattendedJournalMarksNoActionAndScriptsNobodyWhenReadBack() throws {
        let (_, events) = try Self.play("fire-on-time")
        #expect(events.contains { if case .person = $0.actor { true } else { false } })
        #expect(events.allSatisfy { $0.scriptedPlayer == nil })
        let loaded = try DrillByHandTests.load("fire-on-time")
        let plan = DrillPlan(scenario: loaded.scenario, playbook: loaded.playbook)
        // The events before the first scripted action: by then, that action is due.
        let before = Array(events.prefix { if case .person = $0.actor { false } else { true } })
        let moments = DrillPlan.Moments(before)
        #expect(!moments.anyRoleScripted)
        #expect(plan.pendingScripted(moments).isEmpty)
        // The same scenario played with every role scripted from the start acts at once.
        var progress = DrillProgress(plan, events: before)
        progress.scriptEveryRole()
        #expect(!plan.pendingScripted(progress.moments).isEmpty)
    }
}
