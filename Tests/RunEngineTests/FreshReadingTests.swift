import PlaybookLanguage
import RunEngine
import Testing

/// A step entered again (a loop) needs fresh readings: the value recorded in an earlier round does not let it be
/// done, while on a step's first round a value recorded anywhere earlier still counts.
struct FreshReadingTests {
    static let playbook: Playbook = {
        let text = """
            muster: 1
            id: rounds
            version: 1.0.0
            title: { en: Rounds, zh: 轮次 }
            roles:
              commander: { title: { en: Commander, zh: 总指挥 } }
            severity:
              general: { title: { en: General, zh: 一般 } }
            facts:
              level:
                title: { en: Water level (cm), zh: 水位（厘米） }
                type: number
            start: measure
            steps:
              measure:
                title: { en: Measure the water, zh: 测量水位 }
                owner: commander
                record: [level]
                next: dry
              dry:
                title: { en: Is it dry?, zh: 是否已干？ }
                owner: commander
                decide:
                  prompt: { en: Dry?, zh: 干了吗？ }
                  options:
                    yes_dry: { title: { en: Dry, zh: 已干 }, goto: outcome.done }
                    again: { title: { en: Measure again, zh: 再测一次 }, goto: measure }
                  within: 30m
                  on_expiry: again
            outcomes:
              done: { kind: success, title: { en: Done, zh: 完成 } }
            """
        let result = PlaybookChecker.check(Array(text.utf8), file: "rounds.yaml")
        guard let playbook = result.playbook else { fatalError("rounds playbook: \(result.diagnostics)") }
        return playbook
    }()

    @Test func theSecondRoundNeedsItsOwnReading() throws {
        let engine = Engine(playbook: Self.playbook)
        let start = RunStart(playbookID: "rounds", version: "1.0.0", playbookHash: "x", mode: .live,
                             virtualClock: false, severity: nil, assignments: ["commander": "alice"])
        var state = RunState.fold(engine.start(start, at: 0))
        func act(_ kind: Command.Kind, at instant: Int64) -> Result<[Event], Rejection> {
            let result = engine.handle(Command(person: "alice", kind: kind), state: state, at: instant)
            if case .success(let events) = result { for event in events { state.apply(event) } }
            return result
        }
        #expect(throws: Rejection.self) { try act(.done(step: "measure", items: []), at: 1_000).get() }
        _ = try act(.record(fact: "level", value: "12"), at: 2_000).get()
        _ = try act(.done(step: "measure", items: []), at: 3_000).get()
        _ = try act(.decide(step: "dry", option: "again", why: nil), at: 4_000).get()
        #expect(state.active["measure"] != nil)
        let stale = act(.done(step: "measure", items: []), at: 5_000)
        guard case .failure(let rejection) = stale else {
            Issue.record("the first round's reading let the second round be done")
            return
        }
        #expect(rejection.code == .factsMissing && rejection.list("facts") == ["level"])
        // A correction mends the old record; it is not this round's reading either.
        _ = try act(.correct(fact: "level", value: "11", why: "misread the ruler"), at: 5_500).get()
        #expect(throws: Rejection.self) { try act(.done(step: "measure", items: []), at: 5_600).get() }
        _ = try act(.record(fact: "level", value: "3"), at: 6_000).get()
        _ = try act(.done(step: "measure", items: []), at: 7_000).get()
        #expect(state.facts["level"] == .number(3))
    }
}
