import Foundation
import Runs
import Testing

/// Loading what a drill command names, in-process: a scenario by id with the playbook it drills, what is said
/// when either is missing or has errors (the playbook's problems shown before the scenario's), and who plays
/// which role when the drill starts.
struct ScenarioLoadingTests {
    static let playbooks = DrillByHandTests.repository.appendingPathComponent("Playbooks").path

    @Test func aScenarioIDIsLoadedWithThePlaybookItDrills() throws {
        let loaded = try CheckedScenario.load("water-leak-on-time", playbooksDirectory: Self.playbooks)
        #expect(loaded.scenario.id == "water-leak-on-time")
        #expect(loaded.playbook.id == "water-leak")
        let onDisk = try Data(contentsOf: URL(fileURLWithPath: Self.playbooks + "/water-leak.yaml"))
        #expect(loaded.playbookBytes == Array(onDisk))
        let byPath = try CheckedScenario.load(Self.playbooks + "/drills/water-leak-on-time.yaml",
                                              playbooksDirectory: Self.playbooks)
        #expect(byPath.scenarioBytes == loaded.scenarioBytes)
    }

    @Test func aMissingScenarioIsSaidWithWhereItWasLookedFor() throws {
        do {
            _ = try CheckedScenario.load("no-such-drill", playbooksDirectory: "nowhere")
            Issue.record("a missing scenario was loaded")
        } catch {
            #expect(error.problems.isEmpty && !error.failure.isUsage)
            #expect(error.failure.message == "no scenario 'no-such-drill' in 'nowhere/drills'")
        }
    }

    @Test func aBrokenPlaybookIsShownBeforeTheScenario() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("scenario-" + UUID().uuidString)
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("drills"),
                                                withIntermediateDirectories: true)
        try Data(contentsOf: URL(fileURLWithPath: Self.playbooks + "/drills/water-leak-on-time.yaml"))
            .write(to: directory.appendingPathComponent("drills/water-leak-on-time.yaml"))
        try Data("muster: 1\nid: water-leak\n".utf8).write(to: directory.appendingPathComponent("water-leak.yaml"))
        do {
            _ = try CheckedScenario.load("water-leak-on-time", playbooksDirectory: directory.path)
            Issue.record("a scenario of a broken playbook was loaded")
        } catch {
            #expect(error.problems.map(\.file) == [directory.path + "/water-leak.yaml",
                                                    directory.path + "/drills/water-leak-on-time.yaml"])
            #expect(error.problems.first?.diagnostics.isEmpty == false)
            let path = directory.path + "/water-leak.yaml"
            #expect(error.failure.message == "'\(path)' has errors; 'muster check \(path)' lists them")
            #expect(error.failure.text(.zh) == "'\(path)' 有错误；'muster check \(path)' 会逐一列出")
        }
    }

    @Test func thePeopleNamedPlayAndTheScenarioScriptsTheRest() throws {
        let plan = try CheckedScenario.load("water-leak-on-time", playbooksDirectory: Self.playbooks).plan
        let staffing = try DrillStaffing.parse(assigned: ["commander=zoe"], scripted: [], plan: plan)
        #expect(staffing.assignments["commander"] == "zoe")
        #expect(!staffing.scripted.contains("commander") && staffing.scripted.contains("on_site"))
        #expect(staffing.assignments["on_site"] == "bob")
        #expect(staffing.scripted == staffing.scripted.sorted())
    }

    @Test func aStaffingThatCannotBeIsRefusedInBothLanguages() throws {
        let plan = try CheckedScenario.load("water-leak-on-time", playbooksDirectory: Self.playbooks).plan
        do {
            _ = try DrillStaffing.parse(assigned: ["commander"], scripted: [], plan: plan)
            Issue.record("an assignment without a person was taken")
        } catch {
            #expect(error.isUsage)
            #expect(error.message == "--assign takes ROLE=PERSON, not 'commander'")
        }
        do {
            _ = try DrillStaffing.parse(assigned: ["chief=zoe"], scripted: [], plan: plan)
            Issue.record("a role the playbook has not was assigned")
        } catch {
            #expect(!error.isUsage)
            #expect(error.message.hasPrefix("role 'chief' is not defined in 'water-leak'; roles: commander, "))
            #expect(error.text(.zh).hasPrefix("预案 'water-leak' 中没有角色 'chief'；角色有：commander、"))
        }
        do {
            _ = try DrillStaffing.parse(assigned: [], scripted: ["tech_lead"], plan: plan)
            Issue.record("a role nobody scripts was scripted")
        } catch {
            #expect(!error.isUsage)
            #expect(error.message.hasPrefix(
                "no scripted player of scenario 'water-leak-on-time' acts for role 'tech_lead'; scripted roles: "))
        }
    }
}
