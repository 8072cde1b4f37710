import Drills
import Foundation
import Hashing
import Journaling
import PlaybookLanguage
import RunEngine
import Runs
import Testing

/// A drill a controller drives by hand (the ordinary commands at each instant, `drill advance` between them) is
/// rated as the same scenario played unattended: one rule for what happens at an instant, whoever moves the clock.
struct DrillByHandTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Every shipped scenario.
    static var scenarios: [String] {
        let drills = repository.appendingPathComponent("Playbooks/drills")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: drills.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }

    struct Loaded {
        var scenario: Scenario
        var scenarioBytes: [UInt8]
        var playbook: Playbook
        var playbookBytes: [UInt8]
    }

    static func load(_ id: String) throws -> Loaded {
        let playbooks = repository.appendingPathComponent("Playbooks")
        let bytes = Array(try Data(contentsOf: playbooks.appendingPathComponent("drills/\(id).yaml")))
        var playbookBytes: [UInt8] = []
        let checked = ScenarioChecker.check(bytes, file: "\(id).yaml") { playbookID in
            guard let data = try? Data(contentsOf: playbooks.appendingPathComponent("\(playbookID).yaml")) else {
                return nil
            }
            playbookBytes = Array(data)
            return PlaybookChecker.check(playbookBytes, file: "\(playbookID).yaml").playbook
        }
        let scenario = try #require(checked.scenario)
        return Loaded(scenario: scenario, scenarioBytes: bytes, playbook: try #require(checked.playbook),
                      playbookBytes: playbookBytes)
    }

    /// A fresh runs directory.
    static func runsDirectory() throws -> RunsDirectory {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("drill-by-hand-" + UUID().uuidString)
        let runs = RunsDirectory(path: base.path)
        try runs.ensureExists()
        return runs
    }

    /// Starts a controller-driven drill of `loaded` as `drill start` does (`RunsDirectory.startDrill`, on the
    /// virtual clock): the injects due at the start are delivered with it.
    static func start(_ loaded: Loaded, in runs: RunsDirectory, runID: String = "h") throws -> RunSession {
        let drill = CheckedScenario(scenario: loaded.scenario, scenarioBytes: loaded.scenarioBytes,
                                    playbook: loaded.playbook, playbookBytes: loaded.playbookBytes)
        _ = try runs.startDrill(runID, drill, virtualClock: true, speed: 1, now: 1_800_000_000_000)
        return try RunSession(runID, in: runs, now: 1_800_000_000_000)
    }

    /// Plays the scenario's scripted actions by hand: each player acts with an ordinary command once its instant
    /// has come, and the controller advances the clock to the next instant at which anything happens.
    static func playByHand(_ loaded: Loaded, _ session: RunSession) throws -> [Event] {
        let runner = DrillRunner(scenario: loaded.scenario, playbook: loaded.playbook)
        var performed = Set<Int>()
        for _ in 0..<20_000 {
            let (contents, _, state, _) = try session.read()
            if state.closed { break }
            let moments = DrillPlan.Moments(contents.events)
            let now = state.lastEventAt
            if let index = loaded.scenario.players.indices.first(where: { index in
                guard !performed.contains(index), let at = moments.instant(loaded.scenario.players[index].trigger) else {
                    return false
                }
                return at <= now
            }) {
                performed.insert(index)
                let player = loaded.scenario.players[index]
                let person = loaded.scenario.participants[player.role] ?? player.role
                _ = try session.perform(Command(person: person, kind: runner.kind(player.action)))
                continue
            }
            var next: [Int64] = []
            if let timer = runner.engine.nextDue(state) { next.append(timer) }
            next += runner.plan.pendingDeliveries(moments).map(\.at)
            for (index, player) in loaded.scenario.players.enumerated() where !performed.contains(index) {
                if let at = moments.instant(player.trigger) { next.append(at) }
            }
            let playersLeft = loaded.scenario.players.indices.contains { !performed.contains($0) }
            if state.outcome != nil, !playersLeft, runner.plan.pendingDeliveries(moments).isEmpty { break }
            // Timers due at this very instant fire as the clock leaves it: the controller moves one millisecond on
            // first, so that what they start (a step a player then acts on) is seen before the next jump.
            guard let upcoming = next.contains(now) ? now + 1 : next.filter({ $0 > now }).min(),
                upcoming <= loaded.scenario.startsAt + 30 * 86_400_000
            else { break }
            _ = try session.advanceDrillClock(by: upcoming - now, limit: 10_000)
        }
        return try session.read().contents.events
    }

    @Test(arguments: scenarios)
    func aDrillDrivenByHandIsRatedAsTheUnattendedRun(_ id: String) throws {
        let loaded = try Self.load(id)
        let runs = try Self.runsDirectory()
        defer { try? FileManager.default.removeItem(atPath: runs.path) }
        let unattended = DrillRunner(scenario: loaded.scenario, playbook: loaded.playbook)
            .run(playbookHash: SHA256.hash(loaded.playbookBytes).hex)
        let byHand = try Self.playByHand(loaded, try Self.start(loaded, in: runs))
        let expected = DrillEvaluation(scenario: loaded.scenario, playbook: loaded.playbook, events: unattended)
        let got = DrillEvaluation(scenario: loaded.scenario, playbook: loaded.playbook, events: byHand)
        #expect(got.results.map { "\($0.objective.id)=\($0.rating.rawValue) \($0.reason)" }
                == expected.results.map { "\($0.objective.id)=\($0.rating.rawValue) \($0.reason)" })
        // The injects are delivered at the same instants either way.
        func injects(_ events: [Event]) -> [String] {
            events.compactMap { event in
                if case .injectDelivered(let id, _, _) = event.kind { return "\(id)@\(event.at)" }
                return nil
            }
        }
        #expect(injects(byHand) == injects(unattended))
    }

    /// B2: every timer, escalation, missed milestone and inject that falls due during one advance is stamped at
    /// its own instant, in order, and the move ends with one `clock.advanced`.
    @Test func anAdvanceStampsWhatFellDueAtItsOwnInstant() throws {
        let loaded = try Self.load("water-leak-on-time")
        let runs = try Self.runsDirectory()
        defer { try? FileManager.default.removeItem(atPath: runs.path) }
        let session = try Self.start(loaded, in: runs)
        let t0 = loaded.scenario.startsAt
        let advance = try session.advanceDrillClock(by: 600_000, limit: 10_000)
        #expect(advance.moved == 600_000)
        let instants = advance.appended.map(\.at)
        #expect(instants == instants.sorted())
        let overdue = advance.appended.first { if case .stepOverdue(step: "report", clock: .done, _) = $0.kind { true } else { false } }
        let missed = advance.appended.first { if case .milestoneMissed("reported") = $0.kind { true } else { false } }
        let escalation = advance.appended.first { if case .escalationFired(step: "report", _) = $0.kind { true } else { false } }
        #expect(overdue?.at == t0 + 300_000)
        #expect(missed?.at == t0 + 300_000)
        #expect(escalation.map { $0.at < t0 + 600_000 } == true)
        #expect(advance.appended.last?.kind == .clockAdvanced(to: t0 + 600_000))
        #expect(advance.appended.allSatisfy { $0.realAt == 1_800_000_000_000 })
    }

    /// B3: an inject that a player's action triggers is delivered in the transaction of that action, at its
    /// instant, so that its contingency runs from there.
    @Test func anInjectTriggeredByAnActionIsDeliveredWithIt() throws {
        let loaded = try Self.load("fire-on-time")
        let runs = try Self.runsDirectory()
        defer { try? FileManager.default.removeItem(atPath: runs.path) }
        let session = try Self.start(loaded, in: runs)
        let evacuate = try #require(loaded.playbook.allSteps.first { $0.id == "evacuate" })
        let person = loaded.scenario.participants[evacuate.owner?.value ?? ""] ?? "bob"
        let outcome = try session.perform(Command(person: person,
                                                  kind: .done(step: "evacuate", items: evacuate.checklist.map(\.id))))
        #expect(outcome.rejection == nil)
        let flames = outcome.appended.first { if case .injectDelivered(id: "flames-seen", _, _) = $0.kind { true } else { false } }
        #expect(flames?.at == loaded.scenario.startsAt)
    }

    /// B18: an action at a deadline's very instant is in time under `drill advance` as in `drill run`: the clock
    /// stops at the deadline, the action comes first, and the timer finds nothing to say when the clock moves on.
    @Test func anActionAtTheDeadlinesInstantIsInTime() throws {
        let loaded = try Self.load("water-leak-on-time")
        let runs = try Self.runsDirectory()
        defer { try? FileManager.default.removeItem(atPath: runs.path) }
        let session = try Self.start(loaded, in: runs)
        let state = try session.read().state
        let due = try #require(state.milestones["reported"]?.dueAt)
        _ = try session.advanceDrillClock(by: due - state.lastEventAt, limit: 10_000)
        let person = loaded.scenario.participants["on_site"] ?? "bob"
        let report = try #require(loaded.playbook.allSteps.first { $0.id == "report" })
        #expect(try session.perform(Command(person: person,
                                            kind: .done(step: "report", items: report.checklist.map(\.id)))).rejection == nil)
        _ = try session.advanceDrillClock(by: 60_000, limit: 10_000)
        let after = try session.read().state
        #expect(after.milestones["reported"]?.margin == 0)
        #expect(after.milestones["reported"]?.missed == false)
    }

    /// B5: the scenario the ratings come from is in the record: its hash is in `run.started`, and a pinned
    /// scenario changed afterwards is refused by every command on the run.
    @Test func aChangedScenarioIsRefused() throws {
        let loaded = try Self.load("water-leak-late-report")
        let runs = try Self.runsDirectory()
        defer { try? FileManager.default.removeItem(atPath: runs.path) }
        let session = try Self.start(loaded, in: runs)
        guard case .runStarted(let start)? = try session.read().contents.events.first?.kind else {
            Issue.record("no run.started")
            return
        }
        #expect(start.scenarioHash == SHA256.hash(loaded.scenarioBytes).hex)
        let edited = String(decoding: loaded.scenarioBytes, as: UTF8.self)
            .replacingOccurrences(of: "within: 3m", with: "within: 30m")
        try Data(edited.utf8).write(to: URL(fileURLWithPath: session.journal.directory + "/scenario.yaml"))
        #expect(throws: RunFailure.self) { try session.perform(nil) }
    }
}
