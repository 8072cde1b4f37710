import Diagnostics
import PlaybookLanguage
import Testing

/// Timing feasibility: the slowest path to each milestone at each level, if every step takes its full deadline.
struct TimingFeasibilityTests {
    /// A playbook whose fatal-level `responded` milestone (10 min) is reached by report (3m) → assess (4m) →
    /// mobilise (`mobilise_in`), and whose assessment may escalate to a call-out after 2 minutes.
    static func playbook(mobiliseIn: String) -> String {
        """
        muster: 1
        id: timing
        version: 1.0.0
        title: { en: Timing, zh: 时限 }
        roles:
          commander: { title: { en: Commander, zh: 总指挥 } }
          on_site: { title: { en: On site, zh: 现场 } }
        severity:
          fatal: { title: { en: Fatal, zh: 致命 }, clocks: { respond: 10m } }
          general: { title: { en: General, zh: 一般 }, clocks: { respond: 30m } }
        milestones:
          responded: { title: { en: Responded, zh: 已响应 }, within: respond, reached_when: mobilise.done }
        start: report
        steps:
          report:
            title: { en: Report, zh: 报告 }
            owner: on_site
            done_within: 3m
            next: assess
          assess:
            title: { en: Assess, zh: 研判 }
            owner: commander
            done_within: 4m
            escalate:
              - { after: 2m, goto: call_out }
            next: mobilise
          call_out:
            title: { en: Call everyone out, zh: 全员出动 }
            owner: commander
            done_within: 1m
            next: mobilise
          mobilise:
            title: { en: Mobilise, zh: 集结 }
            owner: commander
            done_within: \(mobiliseIn)
            next: outcome.done
        outcomes:
          done: { kind: success, title: { en: Done, zh: 完成 } }
        """
    }

    func check(_ text: String) -> [Diagnostic] {
        PlaybookChecker.check(Array(text.utf8), file: "timing.yaml").diagnostics
    }

    @Test func aFeasibleFatalMilestoneHasNoProblem() {
        // 3m + 4m + 3m = 10m: met exactly on the limit.
        #expect(check(Self.playbook(mobiliseIn: "3m")).isEmpty)
    }

    @Test func aMilestoneTwoMinutesOverIsAnErrorNamingThePathAndTheOvershoot() throws {
        let diagnostics = check(Self.playbook(mobiliseIn: "5m"))
        let error = try #require(diagnostics.first { $0.id == "milestone-infeasible" })
        #expect(error.message == "milestone 'responded' can be missed at level 'fatal': the slowest path reaches "
            + "'mobilise.done' at 12m, 2m after its limit of 10m")
        #expect(error.notes.map(\.message) == ["the slowest path: report → assess → mobilise"])
        #expect(error.location == SourceLocation(line: 12, column: 59))
        // The general level's 30 minutes are enough: one error, for fatal only.
        #expect(diagnostics.filter { $0.id == "milestone-infeasible" }.count == 1)
    }

    @Test func escalationWaitsCountOnTheirPath() throws {
        // Through the escalation: report 3m, assess left after 2m, call-out 1m, mobilise 5m = 11m (under 12m via
        // the normal path); make the call-out slow so that the escalation path is the slowest.
        let text = Self.playbook(mobiliseIn: "4m").replacingOccurrences(of: "done_within: 1m", with: "done_within: 4m")
        let error = try #require(check(text).first { $0.id == "milestone-infeasible" })
        #expect(error.notes.map(\.message) == ["the slowest path: report → assess → call_out → mobilise"])
        #expect(error.message.contains("at 13m, 3m after its limit of 10m"))
    }

    @Test func aStepWithoutDeadlineOnThePathIsReported() throws {
        let text = Self.playbook(mobiliseIn: "3m").replacingOccurrences(of: "    done_within: 4m\n", with: "")
        let warning = try #require(check(text).first { $0.id == "no-deadline-on-path" })
        #expect(warning.severity == .warning)
        #expect(warning.message == "step 'assess' has no deadline, so milestone 'responded' cannot be shown to be met")
    }

    /// A milestone reached when its step is activated, or acknowledged within `ack_within`, does not wait for the
    /// step to be done: that step without `done_within` is no reason for a warning.
    @Test(arguments: ["mobilise.activated", "mobilise.acknowledged"])
    func theStepOfAnActivatedOrAcknowledgedMilestoneNeedsNoDoneDeadline(trigger: String) {
        let text = Self.playbook(mobiliseIn: "3m")
            .replacingOccurrences(of: "reached_when: mobilise.done", with: "reached_when: \(trigger)")
            .replacingOccurrences(of: "    done_within: 3m\n    next: outcome.done", with: "    ack_within: 1m\n    next: outcome.done")
        #expect(check(text).isEmpty)
    }

    @Test func theStepOfAnAcknowledgedMilestoneWithoutAckWithinNeedsADeadline() throws {
        let text = Self.playbook(mobiliseIn: "3m")
            .replacingOccurrences(of: "reached_when: mobilise.done", with: "reached_when: mobilise.acknowledged")
            .replacingOccurrences(of: "    done_within: 3m\n    next: outcome.done", with: "    next: outcome.done")
        let warning = try #require(check(text).first { $0.id == "no-deadline-on-path" })
        #expect(warning.message == "step 'mobilise' has no deadline, so milestone 'responded' cannot be shown to be met")
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: Substring(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
