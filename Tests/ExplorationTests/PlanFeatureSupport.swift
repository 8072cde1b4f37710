import Foundation
import PlaybookLanguage
import RunEngine
import Testing

/// The playbooks that show the language features the source plans need (Tests/CLITests/Fixtures/features), and a
/// small driver of the engine over one of them.
enum FeatureFixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("CLITests/Fixtures/features")

    static func playbook(_ name: String) throws -> Playbook {
        let bytes = Array(try Data(contentsOf: directory.appendingPathComponent(name + ".yaml")))
        let result = PlaybookChecker.check(bytes, file: name + ".yaml")
        #expect(result.diagnostics.isEmpty, "\(name): \(result.diagnostics)")
        return try #require(result.playbook)
    }
}

/// A run of a playbook driven command by command, each at its own instant, the state kept as the journal's fold.
struct EngineRun {
    static let t0: Int64 = 1_800_000_000_000
    let engine: Engine
    private(set) var state = RunState()
    private(set) var events: [Event] = []

    init(_ playbook: Playbook, holders: [String: String], severity: String? = nil, faultAt: Int64? = nil) {
        engine = Engine(playbook: playbook)
        let start = RunStart(playbookID: playbook.id, version: playbook.version, playbookHash: "x", mode: .live,
                             virtualClock: false, severity: severity, assignments: holders, faultAt: faultAt)
        append(engine.start(start, at: Self.t0))
    }

    mutating func append(_ new: [Event]) {
        for event in new { state.apply(event) }
        events += new
    }

    /// Time passes to `minute` after the start.
    mutating func advance(to minute: Int64) {
        append(engine.advance(state, to: Self.t0 + minute * 60_000))
    }

    /// `person` gives `kind` at `minute`; the refusal when it is refused.
    @discardableResult
    mutating func command(_ person: String, _ kind: Command.Kind, at minute: Int64) -> Rejection? {
        advance(to: minute)
        switch engine.handle(Command(person: person, kind: kind), state: state, at: Self.t0 + minute * 60_000) {
        case .success(let new):
            append(new)
            return nil
        case .failure(let rejection):
            return rejection
        }
    }

    /// Replaying the journal gives the very state the engine had.
    func replays() -> Bool {
        RunState.fold(events) == state
    }

    /// The kinds of the events, for looking for one.
    var kinds: [EventKind] { events.map(\.kind) }
}
