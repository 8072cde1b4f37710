import Drills
import Foundation
import Hashing
import Journaling
import PlaybookLanguage
import RunEngine
import Runs
import Testing

/// Scripted players inside a drill people play: the roles nobody plays are played by the scenario's scripted
/// players at their instants, while the controller moves the clock and people act; what they do is journaled as
/// scripted. A drill with every role scripted, moved only by `drill advance`, is rated as the unattended run.
struct ScriptedPlayersTests {
    typealias Loaded = DrillByHandTests.Loaded

    /// Starts a drill people play, as `drill start` does, with `scripted` left to the scenario's scripted players.
    static func start(_ loaded: Loaded, scripted: [String], in runs: RunsDirectory, now: Int64 = 1_800_000_000_000)
        throws -> RunSession
    {
        let runner = DrillRunner(scenario: loaded.scenario, playbook: loaded.playbook)
        var record = runner.start(playbookHash: SHA256.hash(loaded.playbookBytes).hex,
                                  scenarioHash: SHA256.hash(loaded.scenarioBytes).hex)
        record.scripted = runner.plan.scriptedRoles(asked: scripted, people: loaded.scenario.participants)
        var events = runner.engine.start(record, at: loaded.scenario.startsAt)
        events += runner.plan.catchUp(events, to: loaded.scenario.startsAt, firingAtTarget: false) ?? []
        let path = try runs.runPath("s")
        try Journal.create(directory: path, playbook: loaded.playbookBytes, events: events)
        try Data(loaded.scenarioBytes).write(to: URL(fileURLWithPath: path + "/scenario.yaml"))
        return try RunSession("s", in: runs, now: now)
    }

    /// Moves the clock to the next instant at which anything falls due, until the run closes or nothing is left.
    static func advanceToTheEnd(_ session: RunSession) throws {
        for _ in 0..<5_000 {
            let state = try session.read().state
            if state.closed { return }
            do {
                _ = try session.advanceDrillClock(by: nil, limit: 10_000)
            } catch {
                return  // nothing is due any more
            }
            if try session.read().state.lastEventAt > state.startedAt + 30 * 86_400_000 { return }
        }
    }

    static func ratings(_ loaded: Loaded, _ events: [Event]) -> [String] {
        DrillEvaluation(scenario: loaded.scenario, playbook: loaded.playbook, events: events).results
            .map { "\($0.objective.id)=\($0.rating.rawValue) \($0.reason)" }
    }

    @Test(arguments: DrillByHandTests.scenarios)
    func aDrillWithEveryRoleScriptedIsRatedAsTheUnattendedRun(_ id: String) throws {
        let loaded = try DrillByHandTests.load(id)
        let runs = try DrillByHandTests.runsDirectory()
        defer { try? FileManager.default.removeItem(atPath: runs.path) }
        let unattended = DrillRunner(scenario: loaded.scenario, playbook: loaded.playbook)
            .run(playbookHash: SHA256.hash(loaded.playbookBytes).hex)
        let session = try Self.start(loaded, scripted: ["all"], in: runs)
        try Self.advanceToTheEnd(session)
        let played = try session.read().contents.events
        #expect(Self.ratings(loaded, played) == Self.ratings(loaded, unattended))
        // What the scripted players did is journaled as theirs: a person's action, numbered in the scenario's list.
        let players = played.compactMap(\.scriptedPlayer)
        #expect(!players.isEmpty)
        #expect(players.allSatisfy { (1...loaded.scenario.players.count).contains($0) })
        #expect(played.allSatisfy { event in
            guard event.scriptedPlayer != nil else { return true }
            if case .person = event.actor { return true }
            return false
        })
    }

    /// Who is scripted: the roles asked for (all: every role the scenario scripts), and the roles the scenario
    /// scripts that no person plays; with the scenario's participants all playing, nobody.
    @Test func theRolesNobodyPlaysAreScripted() throws {
        let loaded = try DrillByHandTests.load("water-leak-late-report")
        let plan = DrillPlan(scenario: loaded.scenario, playbook: loaded.playbook)
        let everyScriptedRole = Set(loaded.scenario.players.map(\.role)).sorted()
        #expect(plan.scriptedRoles(asked: [], people: loaded.scenario.participants) == [])
        #expect(plan.scriptedRoles(asked: ["all"], people: loaded.scenario.participants) == everyScriptedRole)
        #expect(plan.scriptedRoles(asked: ["leadership"], people: loaded.scenario.participants) == ["leadership"])
        #expect(plan.scriptedRoles(asked: [], people: ["on_site": "bob"])
                == everyScriptedRole.filter { $0 != "on_site" })
        // Nobody scripted: the run waits for its people, and nothing is journaled as scripted.
        let runs = try DrillByHandTests.runsDirectory()
        defer { try? FileManager.default.removeItem(atPath: runs.path) }
        let session = try Self.start(loaded, scripted: [], in: runs)
        _ = try session.advanceDrillClock(by: 600_000, limit: 10_000)
        #expect(try session.read().state.active["report"] != nil)
        #expect(try session.read().contents.events.allSatisfy { $0.scriptedPlayer == nil })
    }

    /// Asked for, the roles other than the on-site responder's are scripted: bob reports by hand, and the
    /// commander's scripted player then assesses at its own instant, journaled as scripted.
    @Test func theScriptedPlayersActAroundThePeople() throws {
        let loaded = try DrillByHandTests.load("water-leak-late-report")
        let runs = try DrillByHandTests.runsDirectory()
        defer { try? FileManager.default.removeItem(atPath: runs.path) }
        let scripted = Set(loaded.scenario.players.map(\.role)).subtracting(["on_site"]).sorted()
        let session = try Self.start(loaded, scripted: scripted, in: runs)
        // bob reports at +1m, in time (the scenario's bob reports at +7m).
        _ = try session.advanceDrillClock(by: 60_000, limit: 10_000)
        let report = try #require(loaded.playbook.allSteps.first { $0.id == "report" })
        let done = try session.perform(Command(person: "bob", kind: .done(step: "report", items: report.checklist.map(\.id))))
        #expect(done.rejection == nil)
        #expect(done.appended.allSatisfy { $0.scriptedPlayer == nil })
        // The commander's scripted player records and grades at assess +2m and is done at +3m.
        let advance = try session.advanceDrillClock(by: 240_000, limit: 10_000)
        let completed = advance.appended.first { $0.kind == .stepCompleted(step: "assess") }
        let t0 = loaded.scenario.startsAt
        #expect(completed?.at == t0 + 60_000 + 180_000)
        #expect(completed?.scriptedPlayer != nil)
        #expect(completed?.actor == .person("alice", role: "commander"))
        // bob's own scripted line (done: report at +7m) is never played: on_site is his.
        _ = try session.advanceDrillClock(by: 600_000, limit: 10_000)
        let events = try session.read().contents.events
        let scriptedRoles = Set(events.compactMap { event -> String? in
            guard event.scriptedPlayer != nil, case .person(_, let role) = event.actor else { return nil }
            return role
        })
        #expect(!scriptedRoles.contains("on_site"))
        #expect(scriptedRoles.contains("commander"))
        let rating = DrillEvaluation(scenario: loaded.scenario, playbook: loaded.playbook, events: events).results
            .first { $0.objective.id == "report_in_time" }
        #expect(rating?.rating == .performed)
    }
}
