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
    /// before it), as the runner wrote them before it went through `DrillProgress`.
    static let heads: [String: String] = [
        "aircon-all-units-down": "0c608f689335f5e2728471eccbd9f36cc473afb606a88ef110248237bfbaebb0",
        "aircon-on-time": "94cffa7fb0143b6ff57606e3d1f273ab11c8e604042f3890ab2862b27a307e50",
        "aircon-standby-late": "f064cfe719ac800690f64db05f68f35744f7c04235384ba53bcd9cd108d9471a",
        "core-hardware-on-time": "ba0b5ea6705c02c56442b4030e8caac24c725948d36700a8925f6d92d290d9d2",
        "core-hardware-vendor-late": "90459431a39c6a7051d702d26b2310e967182893ebc28ef4f2dd84c09112d999",
        "equipment-theft-on-time": "a2a4a89349c4fb3614bccf4715ab8c4cc2591aaf55a43139eccb051bb1a47349",
        "equipment-theft-security-late": "01c633e788553527964acb4ee9a1c67904d0953be5d0510bdfc81f21a42e916a",
        "fire-data-rescue-late": "5db225afb4f9e2c793014dfc89b4a8299fd8e9c20848361c30c68a9e14e323a7",
        "fire-on-time": "b37c93dde217ba112c6b5a360f76af0c469e5d297d2289002202558ad1e006fa",
        "network-outage-assess-late": "d6fe105e55f5a0a17179e9f456ffc23e41dd064daa55722e98770579944222c4",
        "network-outage-on-time": "f6db14fe7be365882dc99181b0c773f973631c67aae222484b82bde705b35720",
        "power-loss-generator-late": "139538e8f0490442db878543f21c13fe4ae7dfe6b5393b7b0fa0476d4e6c92c8",
        "power-loss-on-time": "ffc461d5717dd90a538430a4115777ea5d66f83c05deb5f5cf9302c9bf5e6357",
        "security-incident-containment-late": "824ce9400848a780f179f71d48909d2a28650acfb77f148deb0d48373de76189",
        "security-incident-on-time": "ccecfd1e6b24deeed356900aca119279fdad46f92e2c24784480b3fb626eadf9",
        "server-software-fallback-late": "4f76504ab87199a33da9c5df20ca5ff63eb6935e97fb0f835512935915de5c94",
        "server-software-on-time": "6e3793f23f75836a345b258671367852624d540f955be48e96f9d5dceb9d6653",
        "virus-on-time": "10efb4f7cdae72da1fa7cbefa30e390dc5c51ee3c576779b10190fe4ff094747",
        "virus-unplug-late": "2ec201d9af24b9457cce6c8463b26e4cc30ad2b013edeba77124153d52fc4fc6",
        "water-leak-late-report": "f2cf89797f03bbbdfbb3c9dadc8fef7273477354b238545153b29c40393f124d",
        "water-leak-on-time": "53f50d299260e660d80724432a12d704aa9f5b99bc38116184029fef9efb0183",
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
