import Diagnostics
import PlaybookLanguage
import Testing

/// What the checker proves about parallel tracks and loops: a track the join waits for must be able to end from
/// every step it can reach (the counterexample is the path into the loop), and a loop that comes after a
/// milestone's step does not count against the milestone.
struct TrackAndLoopTests {
    static func playbook(heatTrack: String, terminateDenied: String = "check") -> String {
        """
        muster: 1
        id: tracks
        version: 1.0.0
        title: { en: Tracks, zh: 并行 }
        roles:
          commander: { title: { en: Commander, zh: 总指挥 } }
          on_site: { title: { en: On site, zh: 现场 } }
        severity:
          fatal: { title: { en: Fatal, zh: 致命 }, clocks: { repair: 2h } }
        milestones:
          repaired: { title: { en: Repaired, zh: 已修复 }, within: 2h30m, reached_when: repair.done }
        facts:
          hottest: { title: { en: Hottest, zh: 最高温度 }, type: number }
        start: work
        steps:
          work:
            title: { en: Work, zh: 处置 }
            parallel:
              tracks:
                repair:
                  title: { en: Repair, zh: 抢修 }
                  start: repair
                  steps:
                    repair: { title: { en: Repair, zh: 抢修 }, owner: on_site, done_within: repair }
                heat:
                  title: { en: Heat, zh: 温度 }
                  start: watch
                  steps:
                    watch:
                      title: { en: Watch, zh: 巡检 }
                      owner: on_site
                      record: [hottest]
                      done_within: 30m
                      next:
                        - { when: hottest >= 40, goto: cool }
        \(heatTrack)
                    cool:
                      title: { en: Cool, zh: 散热 }
                      owner: on_site
                      done_within: 10m
                      next: watch
              join: all
            next: check
          check:
            title: { en: Check, zh: 检测 }
            owner: on_site
            done_within: 30m
            next: terminate
          terminate:
            title: { en: Terminate, zh: 终止 }
            owner: on_site
            approve: { by: commander, within: 1h, on_expiry: approve, then: { approved: outcome.done, denied: \(terminateDenied) } }
        outcomes:
          done: { kind: success, title: { en: Done, zh: 完成 } }
        """
    }

    static func diagnostics(_ text: String) -> [Diagnostic] {
        PlaybookChecker.check(Array(text.utf8), file: "tracks.yaml").diagnostics
    }

    /// The review's bug 2: the heat track loops for ever; check says so, with the way into the loop.
    @Test func aTrackThatCanNeverEndIsAnErrorWithItsCounterexample() throws {
        let found = Self.diagnostics(Self.playbook(heatTrack: "                - { else: watch }"))
        let error = try #require(found.first { $0.id == "unsatisfiable-join" }, "\(found)")
        #expect(error.message == "track 'heat' of step 'work' can never end once it reaches 'watch': every way from "
            + "there leads back into 'watch', 'cool', so the join waits for ever")
        #expect(error.notes.map(\.message) == ["the track starts at 'watch'", "then 'cool'", "and back to 'watch', for ever"])
        #expect(error.notes.allSatisfy { $0.location != nil })
    }

    /// The same track with a way out of its loop passes.
    @Test func aTrackWithAWayOutOfItsLoopPasses() {
        let found = Self.diagnostics(Self.playbook(heatTrack: "                - { else: done_watching }\n"
            + "            done_watching: { title: { en: Done, zh: 结束 }, owner: on_site, done_within: 1m }"))
        #expect(!found.contains { $0.severity == .error }, "\(found)")
    }

    /// The review's bug 3: a loop after the milestone's step (termination denied, back into the parallel step)
    /// does not count against the milestone, which is reached the first time round.
    @Test func aLoopAfterTheMilestonesStepDoesNotCountAgainstIt() {
        let exit = "                - { else: done_watching }\n"
            + "            done_watching: { title: { en: Done, zh: 结束 }, owner: on_site, done_within: 1m }"
        let looping = Self.diagnostics(Self.playbook(heatTrack: exit, terminateDenied: "work"))
        #expect(!looping.contains { $0.id == "milestone-infeasible" }, "\(looping)")
    }
}
