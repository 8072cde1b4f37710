import Foundation
import JSONText
import Testing

/// The language features the source plans need, from the command line: the fixtures under Fixtures/features run
/// with an injected clock.
struct PlanFeatureCommandTests {
    static let t0: Int64 = 1_800_000_000_000  // 2027-01-15 08:00:00Z

    let directory: TemporaryDirectory
    init() throws { directory = try TemporaryDirectory() }

    static func fixture(_ name: String) -> String {
        Fixtures.directory.appendingPathComponent("features/\(name).yaml").path
    }

    func muster(_ arguments: [String], minute: Int64 = 0, as person: String? = nil) throws -> MusterProcess.Result {
        var environment = ["MUSTER_NOW": String(Self.t0 + minute * 60_000)]
        if let person { environment["MUSTER_AS"] = person }
        return try MusterProcess.run(arguments, in: directory.url, environment: environment)
    }

    @Test func theFeatureFixturesPassTheStrictCheck() throws {
        let result = try MusterProcess.run(["check", "--strict", Fixtures.directory.appendingPathComponent("features").path])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    }

    // MARK: from: fault

    @Test func theFaultInstantGivenAtTheStartIsJournaledAndShownOnTheBoard() throws {
        let started = try muster(["start", Self.fixture("fault-clock"), "--run-id", "f", "--assign", "commander=cara",
                                  "--assign", "on_site=olu", "--fault-at", "2027-01-15T15:30+08:00"])
        #expect(started.status == 0, "\(started.stderr)")
        let journal = try String(contentsOf: directory.url.appendingPathComponent("runs/f/journal.jsonl"), encoding: .utf8)
        let first = try JSONValue.parse(String(journal.split(separator: "\n")[0]))
        #expect(first["data"]?["fault_at"] == .integer(Self.t0 - 30 * 60_000))
        #expect(try muster(["done", "f", "report"], minute: 5, as: "olu").status == 0)
        let board = try muster(["status", "f", "--tz", "UTC"], minute: 5)
        #expect(board.stdout.contains("fault at 2027-01-15 07:30:00 +00:00"))
        #expect(board.stdout.contains("two_hour_watch  Two hours after the fault  [owner: commander (cara)]  due in 1h25m (from the fault)"))
        let chinese = try muster(["status", "f", "--lang", "zh", "--tz", "Asia/Shanghai"], minute: 5)
        #expect(chinese.stdout.contains("故障发生于 2027-01-15 15:30:00 +08:00"))
        #expect(chinese.stdout.contains("剩余 1小时25分 (自故障发生起)"))
    }

    @Test func aFaultGivenAsALengthAgoCountsBackFromNow() throws {
        let started = try muster(["start", Self.fixture("fault-clock"), "--run-id", "g", "--fault-at", "2h ago"])
        #expect(started.status == 0, "\(started.stderr)")
        let status = try JSONValue.parse(try muster(["status", "g", "--format", "json"]).stdout)
        #expect(status["milestones"]?["repaired"]?["due_at"] == .integer(Self.t0 + 2 * 3_600_000))
    }

    @Test(arguments: ["yesterday", "2027-01-15T08:30", "2027-01-15T09:00Z", "2027-02-30T08:00Z", "25 ago"])
    func aFaultInstantThatIsNotOneOrIsAheadIsAUsageError(_ text: String) throws {
        let result = try muster(["start", Self.fixture("fault-clock"), "--run-id", "h", "--fault-at", text])
        #expect(result.status == 2, "\(text): \(result.stderr)")
        #expect(result.stderr.contains("--fault-at"))
        #expect(!FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("runs/h").path))
    }

    @Test func showSaysWhatAWaitCountsFrom() throws {
        let text = try MusterProcess.run(["show", Self.fixture("fault-clock")])
        #expect(text.stdout.contains("wait at most 2h from the fault"))
        #expect(text.stdout.contains("within 4h from the fault; reached when any outcome is reached"))
        let chinese = try MusterProcess.run(["show", Self.fixture("fault-clock"), "--lang", "zh"])
        #expect(chinese.stdout.contains("最长等待 2h 自故障发生起"))
        let json = try JSONValue.parse(try MusterProcess.run(["show", Self.fixture("fault-clock"), "--format", "json"]).stdout)
        #expect("\(json)".contains("\"from\":\"fault\""))
    }
}

/// `muster raise`: a chain of steps the playbook allows at any time, from the command line and on the board.
struct AnyTimeCommandTests {
    let runs: PlanFeatureCommandTests
    init() throws { runs = try PlanFeatureCommandTests() }

    @Test func theBoardListsWhatCanBeRaisedAndRaiseStartsIt() throws {
        let started = try runs.muster(["start", PlanFeatureCommandTests.fixture("any-time"), "--run-id", "a",
                                       "--assign", "commander=cara", "--assign", "on_site=olu", "--assign", "tech_lead=tim"])
        #expect(started.status == 0, "\(started.stderr)")
        let board = try runs.muster(["status", "a"])
        #expect(board.stdout.contains("at any time:\n  emergency_shutdown  Emergency shutdown  [raised by: commander (cara), "
            + "tech_lead (tim)]  muster raise a emergency_shutdown\n"))
        let refused = try runs.muster(["raise", "a", "emergency_shutdown", "--lang", "zh"], minute: 1, as: "olu")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("olu 无权发起 'emergency_shutdown'"))
        let raised = try runs.muster(["raise", "a", "emergency_shutdown", "--why", "database down"], minute: 1, as: "tim")
        #expect(raised.status == 0, "\(raised.stderr)")
        #expect(raised.stdout.contains("decide_shutdown"))
        let chinese = try runs.muster(["status", "a", "--lang", "zh"], minute: 2)
        #expect(chinese.stdout.contains("随时可发起:\n  emergency_shutdown  紧急关闭  [发起人: 应急总指挥 (cara), 应急技术经理 (tim)]  进行中"))
        let log = try runs.muster(["log", "a"], minute: 2)
        #expect(log.stdout.contains("chain.raised") && log.stdout.contains("why=database down"))
    }

    @Test func showListsTheChains() throws {
        let text = try MusterProcess.run(["show", PlanFeatureCommandTests.fixture("any-time")])
        #expect(text.stdout.contains("At any time (muster raise RUN CHAIN)\n\n  emergency_shutdown  Emergency shutdown; "
            + "raised by commander, tech_lead; starts at decide_shutdown"))
        let json = try JSONValue.parse(try MusterProcess.run(["show", PlanFeatureCommandTests.fixture("any-time"),
                                                              "--format", "json"]).stdout)
        #expect(json["at_any_time"]?.arrayValue?.count == 2)
    }
}

/// `muster release`: a standing instruction on the board and in the inbox until it is released.
struct StandingInstructionCommandTests {
    let runs: PlanFeatureCommandTests
    init() throws { runs = try PlanFeatureCommandTests() }

    @Test func itStandsOnTheBoardAndInTheInboxUntilReleased() throws {
        let started = try runs.muster(["start", PlanFeatureCommandTests.fixture("standing"), "--run-id", "s",
                                       "--assign", "on_site=olu", "--assign", "security=sam"])
        #expect(started.status == 0, "\(started.stderr)")
        let board = try runs.muster(["status", "s"])
        #expect(board.stdout.contains("standing instructions:\n  ⚑ protect_scene  Protect the scene; touch nothing until "
            + "security releases it  [released by: security (sam)]  muster release s protect_scene\n"))
        let chinese = try runs.muster(["status", "s", "--lang", "zh"])
        #expect(chinese.stdout.contains("持续指令:\n  ⚑ protect_scene  同时保护好现场，未经安保解除不得触动  [解除人: 安保 (sam)]"))
        let inbox = try runs.muster(["inbox", "--as", "sam"])
        #expect(inbox.stdout.contains("⚑ protect_scene"), "\(inbox.stdout)")
        let released = try runs.muster(["release", "s", "protect_scene", "--why", "police done"], minute: 30, as: "sam")
        #expect(released.status == 0, "\(released.stderr)")
        #expect(!(try runs.muster(["status", "s"], minute: 31)).stdout.contains("protect_scene"))
    }

    @Test func showSaysWhatStandsAndWhoReleasesIt() throws {
        let text = try MusterProcess.run(["show", PlanFeatureCommandTests.fixture("standing")])
        #expect(text.stdout.contains("stands:        ⚑ Protect the scene; touch nothing until security releases it "
            + "(protect_scene);"))
    }
}

/// `done` by each of two people on a step signed together.
struct SignedTogetherCommandTests {
    let runs: PlanFeatureCommandTests
    init() throws { runs = try PlanFeatureCommandTests() }

    @Test func theBoardShowsWhoHasSignedAndTheSecondSignatureCompletes() throws {
        let started = try runs.muster(["start", PlanFeatureCommandTests.fixture("together"), "--run-id", "t",
                                       "--assign", "on_site=olu", "--assign", "security=sam"])
        #expect(started.status == 0, "\(started.stderr)")
        #expect(try runs.muster(["done", "t", "confirm_inventory"], minute: 5, as: "olu").status == 0)
        let board = try runs.muster(["status", "t"], minute: 6)
        #expect(board.stdout.contains("signed: on_site=olu, security=…"), "\(board.stdout)")
        let inbox = try runs.muster(["inbox", "--as", "sam"], minute: 6)
        #expect(inbox.stdout.contains("do confirm_inventory"), "\(inbox.stdout)")
        let twice = try runs.muster(["done", "t", "confirm_inventory"], minute: 7, as: "olu")
        #expect(twice.status == 1)
        #expect(twice.stderr.contains("separation-of-duties"))
        #expect(try runs.muster(["done", "t", "confirm_inventory"], minute: 8, as: "sam").status == 0)
        #expect(try runs.muster(["status", "t"], minute: 9).stdout.contains("outcome: confirmed"))
    }
}

/// A level's aliases from the command line and in `show`.
struct SeverityAliasCommandTests {
    let runs: PlanFeatureCommandTests
    init() throws { runs = try PlanFeatureCommandTests() }

    @Test func startAndShowKnowTheAliases() throws {
        let started = try runs.muster(["start", PlanFeatureCommandTests.fixture("grades"), "--run-id", "g",
                                       "--severity", "Ⅱ级"])
        #expect(started.status == 0, "\(started.stderr)")
        #expect(try runs.muster(["status", "g"]).stdout.contains("severity: severe (Severe)"))
        let show = try MusterProcess.run(["show", PlanFeatureCommandTests.fixture("grades"), "--lang", "zh"])
        #expect(show.stdout.contains("  fatal    致命  respond 10m；又称：Ⅲ级、urgent"), "\(show.stdout)")
    }
}
