import Diagnostics
import Foundation
import PlaybookLanguage
import Testing

/// One fixture per rule of the playbook language, each checked against the full text `muster check` should print.
///
/// `Fixtures/rules/RULE-ID.yaml` is a small playbook that breaks the rule RULE-ID and nothing else (its first
/// comment says how). The expected texts are whole renderings without colour (location, message, id, quoted line,
/// caret, hint and notes), so that a change to any part of a diagnostic shows up here and is looked at.
struct RuleDiagnosticsTests {
    /// The folder of the rule fixtures, next to this file.
    static var fixtureDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/rules")
    }

    /// The ids of every rule of the language.
    static var ruleIDs: Set<String> { Set(LanguageRules.all.map(\.id)) }

    /// Checks the fixture of `ruleID` and renders its diagnostics as `muster check` does without colour.
    static func check(_ ruleID: String) throws -> (diagnostics: [Diagnostic], text: String) {
        let file = ruleID + ".yaml"
        let bytes = Array(try Data(contentsOf: fixtureDirectory.appendingPathComponent(file)))
        let result = PlaybookChecker.check(bytes, file: file)
        let text = TextRenderer(useColour: false).render(
            result.diagnostics.sortedForOutput(), sources: [file: SourceText(bytes: bytes)])
        return (result.diagnostics, text)
    }

    @Test(arguments: RuleDiagnosticsTests.expected)
    func fixtureGivesExactlyItsRulesDiagnostic(ruleID: String, expectedText: String) throws {
        #expect(expectedText.contains("[\(ruleID)]"), "the expected text of \(ruleID) does not mention it")
        let (diagnostics, text) = try Self.check(ruleID)
        #expect(diagnostics.contains { $0.id == ruleID }, "\(ruleID).yaml does not trigger \(ruleID)")
        #expect(text == expectedText)
    }

    @Test func everyLanguageRuleHasAFixture() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.fixtureDirectory.path)
            .filter { $0.hasSuffix(".yaml") }
            .map { String($0.dropLast(".yaml".count)) }
        #expect(Set(names) == Self.ruleIDs)
    }

    @Test func everyLanguageRuleHasOneExpectedText() {
        let ids = Self.expected.map(\.0)
        #expect(ids.count == Set(ids).count, "a rule has two expected texts")
        #expect(Set(ids) == Self.ruleIDs)
    }

    /// Each rule's id and the text its fixture should give, in the order of `LanguageRules.all`.
    static let expected: [(String, String)] = [
        (
            "signed-alone",
            """
            signed-alone.yaml:18:20: error: step 'confirm' is signed together with its own owner 'on_site' [signed-alone]
             18 |     together_with: on_site
                |                    ^
                = hint: two people sign it together: name the other role, e.g. 'together_with: user_leadership'

            """
        ),
        (
            "duplicate-instruction",
            """
            duplicate-instruction.yaml:26:15: error: standing instruction 'protect_scene' is defined twice [duplicate-instruction]
             26 |     standing: { id: protect_scene, en: Keep the scene as it is, zh: 维持现场原状, released_by: security }
                |               ^
                = hint: give each instruction its own id; one step raising it is enough
            duplicate-instruction.yaml:20:15: note: 'protect_scene' is first defined here
             20 |     standing: { id: protect_scene, en: Protect the scene, zh: 保护好现场, released_by: security }
                |               ^

            """
        ),
        (
            "control-in-text",
            """
            control-in-text.yaml:16:18: error: the step's title in English holds a control character (U+001B) that can rewrite the terminal that shows it [control-in-text]
             16 |     title: { en: "Report \\e]0;owned\\a the leak", zh: 报告漏水 }
                |                  ^
                = hint: remove it; write what it stands for in words

            """
        ),
        (
            "unbounded-decision",
            """
            unbounded-decision.yaml:15:3: warning: decision step 'choose' has no time limit: a run can wait on it for ever [unbounded-decision]
             15 |   choose:
                |   ^
                = hint: give it 'within:' and 'on_expiry:' (the option that is safe by default)

            """
        ),
        (
            "clock-after-deadline",
            """
            clock-after-deadline.yaml:18:19: warning: report_every of step 'repair' (5h) is not shorter than its done_within (4h): no progress report is due before the step is overdue [clock-after-deadline]
             18 |     report_every: 5h
                |                   ^
                = hint: shorten report_every, or drop it
            clock-after-deadline.yaml:19:18: note: done_within is here
             19 |     done_within: 4h
                |                  ^

            """
        ),
        (
            "unknown-key",
            """
            unknown-key.yaml:18:5: error: unknown key 'instrutions' in step 'report'; did you mean 'instructions'? [unknown-key]
             18 |     instrutions: { en: Report to the emergency team., zh: 向应急小组报告。 }
                |     ^

            """
        ),
        (
            "wrong-type",
            """
            wrong-type.yaml:18:12: error: 'grade' must be true or false, not 'yes' [wrong-type]
             18 |     grade: yes
                |            ^
                = hint: write 'true' or 'false'; YAML 1.1 spellings like yes, no, on and off are text

            """
        ),
        (
            "missing-field",
            """
            missing-field.yaml:15:3: error: step 'report' is missing 'title' [missing-field]
             15 |   report:
                |   ^

            """
        ),
        (
            "bad-name",
            """
            bad-name.yaml:14:3: error: a name in facts '2nd_floor_wet' must start with a letter and hold only letters, digits, '_' and '-' [bad-name]
             14 |   2nd_floor_wet: { title: { en: Second floor wet, zh: 二楼进水 }, type: flag }
                |   ^
                = hint: for example 'on_site' or 'line-fault'

            """
        ),
        (
            "out-of-range",
            """
            out-of-range.yaml:30:22: error: the join count must be between 1 and 1000 [out-of-range]
             30 |       join: { count: -1 }
                |                      ^

            """
        ),
        (
            "boolean-like-text",
            """
            boolean-like-text.yaml:18:13: warning: 'yes' is read as text here, but YAML 1.1 tools read it as a boolean [boolean-like-text]
             18 |     source: yes
                |             ^
                = hint: quote it: '"yes"'

            """
        ),
        (
            "unsupported-format",
            """
            unsupported-format.yaml:2:9: error: unsupported format 'muster: 2' [unsupported-format]
             2 | muster: 2
               |         ^
               = hint: this version of muster reads 'muster: 1'

            """
        ),
        (
            "bad-duration",
            """
            bad-duration.yaml:18:18: error: done_within '5 minutes' is not a duration [bad-duration]
             18 |     done_within: 5 minutes
                |                  ^
                = hint: write a length like 90s, 10m, 1h30m or 1d, or the name of a severity clock

            """
        ),
        (
            "multiple-step-kinds",
            """
            multiple-step-kinds.yaml:22:5: error: step 'report' is both 'decide' and 'wait' [multiple-step-kinds]
             22 |     wait: { within: 10m }
                |     ^
                = hint: a step is one of action, decide, approve, parallel or wait; split it in two steps
            multiple-step-kinds.yaml:19:5: note: 'decide' is given here
             19 |     decide:
                |     ^

            """
        ),
        (
            "next-not-allowed",
            """
            next-not-allowed.yaml:22:5: error: step 'report' is a 'decide' step, whose branches say where it leads; it takes no 'next' [next-not-allowed]
             22 |     next: outcome.resolved
                |     ^
                = hint: remove 'next' and give each branch its target

            """
        ),
        (
            "condition-syntax",
            """
            condition-syntax.yaml:26:29: error: '=' is not an operator; write '==' to compare [condition-syntax]
             26 |       - { when: leak_source = air_conditioning, goto: outcome.resolved }
                |                             ^
                = hint: a condition compares facts or severity: 'kind == ups_fault and hottest_c > 40'

            """
        ),
        (
            "missing-else",
            """
            missing-else.yaml:28:7: error: conditional 'next' has no 'else' branch [missing-else]
             28 |       - { when: leak_source == air_conditioning, goto: outcome.resolved }
                |       ^
                = hint: add '- else: TARGET' as the last branch, so that every case leads somewhere

            """
        ),
        (
            "unreachable-branch",
            """
            unreachable-branch.yaml:27:9: error: this branch comes after 'else' and is never taken [unreachable-branch]
             27 |       - { when: leak_source == air_conditioning, goto: outcome.resolved }
                |         ^
                = hint: move 'else' to the end

            """
        ),
        (
            "unbounded-wait",
            """
            unbounded-wait.yaml:18:5: error: a wait must be bounded: it has no 'within' [unbounded-wait]
             18 |     wait: { until: { en: The water stops, zh: 漏水停止 } }
                |     ^
                = hint: say how long to wait at most, e.g. 'within: 2h'

            """
        ),
        (
            "duplicate-step",
            """
            duplicate-step.yaml:30:13: error: step 'report' is defined twice [duplicate-step]
             30 |             report:
                |             ^
                = hint: step ids are unique across the playbook, tracks included
            duplicate-step.yaml:16:3: note: 'report' is first defined here
             16 |   report:
                |   ^

            """
        ),
        (
            "undefined-step",
            """
            undefined-step.yaml:20:11: error: 'next' of step 'report': step 'asess' is not defined [undefined-step]
             20 |     next: asess
                |           ^
                = hint: define it under 'steps:' or correct the name

            """
        ),
        (
            "undefined-role",
            """
            undefined-role.yaml:17:12: error: the owner of step 'report': role 'comander' is not defined [undefined-role]
             17 |     owner: comander
                |            ^
                = hint: define it under 'roles:'

            """
        ),
        (
            "undefined-fact",
            """
            undefined-fact.yaml:24:14: error: step 'report' records fact 'leak_sorce', which is not defined; did you mean 'leak_source'? [undefined-fact]
             24 |     record: [leak_sorce]
                |              ^
                = hint: define it under 'facts:'

            """
        ),
        (
            "undefined-clock",
            """
            undefined-clock.yaml:18:18: error: 'respnd' is neither a duration nor a severity clock; did you mean 'respond'? [undefined-clock]
             18 |     done_within: respnd
                |                  ^
                = hint: clocks: respond

            """
        ),
        (
            "undefined-outcome",
            """
            undefined-outcome.yaml:18:11: error: 'next' of step 'report': outcome 'resolvd' is not defined; did you mean 'resolved'? [undefined-outcome]
             18 |     next: outcome.resolvd
                |           ^
                = hint: define it under 'outcomes:'

            """
        ),
        (
            "undefined-option",
            """
            undefined-option.yaml:22:18: error: 'on_expiry' names option 'stoped', which step 'report' does not have; did you mean 'stopped'? [undefined-option]
             22 |       on_expiry: stoped
                |                  ^

            """
        ),
        (
            "undefined-value",
            """
            undefined-value.yaml:26:17: error: 'leak_source' has no value 'air_con' [undefined-value]
             26 |       - { when: leak_source == air_con, goto: outcome.resolved }
                |                 ^
                = hint: its values: air_conditioning, wall_or_window

            """
        ),
        (
            "condition-type",
            """
            condition-type.yaml:26:17: error: choice fact 'leak_source' has no order; compare it with == or != or 'in' [condition-type]
             26 |       - { when: leak_source > air_conditioning, goto: outcome.resolved }
                |                 ^

            """
        ),
        (
            "stand-in-cycle",
            """
            stand-in-cycle.yaml:8:69: error: roles stand in for each other in a cycle: on_site → tech_lead → on_site [stand-in-cycle]
             8 |   on_site: { title: { en: On-site responder, zh: 现场负责人 }, stand_in: tech_lead }
               |                                                                          ^
               = hint: a stand-in chain must end at a role without 'stand_in'

            """
        ),
        (
            "goto-across-tracks",
            """
            goto-across-tracks.yaml:29:21: error: 'next' of step 'check' goes from track 'site' of 'respond' to step 'report' in the top level [goto-across-tracks]
             29 |               next: report
                |                     ^
                = hint: a track's steps lead only to steps of the same track; tracks meet at the join

            """
        ),
        (
            "wrong-phase",
            """
            wrong-phase.yaml:18:11: error: 'next' of step 'report' leads to after-end step 'written_report', which starts only when the run has ended [wrong-phase]
             18 |     next: written_report
                |           ^
                = hint: lead to an outcome; after-end steps start on their own

            """
        ),
        (
            "self-approval",
            """
            self-approval.yaml:18:20: error: step 'report' is approved by its own owner 'on_site' [self-approval]
             18 |     approve: { by: on_site, within: 10m, on_expiry: deny, then: { approved: outcome.resolved, denied: outcome.resolved } }
                |                    ^
                = hint: an approval is one role asking another: give 'by' another role

            """
        ),
        (
            "unreachable-step",
            """
            unreachable-step.yaml:19:3: error: step 'assess' can never be reached [unreachable-step]
             19 |   assess:
                |   ^
                = hint: lead to it from another step, or remove it

            """
        ),
        (
            "dead-end",
            """
            dead-end.yaml:15:3: error: step 'report' leads nowhere when it is done [dead-end]
             15 |   report:
                |   ^
                = hint: give it 'next:' (a step or 'outcome.NAME'); only tracks and after-end steps may simply end

            """
        ),
        // One loop gives one diagnostic, at its first step, naming every step of the loop.
        (
            "no-way-to-outcome",
            """
            no-way-to-outcome.yaml:17:3: error: steps 'report', 'check' form a loop with no way to an outcome [no-way-to-outcome]
             17 |   report:
                |   ^
                = hint: every loop needs a way out to an outcome

            """
        ),
        (
            "unsatisfiable-join",
            """
            unsatisfiable-join.yaml:30:13: error: step 'respond' joins on 2 tracks but has 1 [unsatisfiable-join]
             30 |       join: { count: 2 }
                |             ^
                = hint: join on 'all', 'any' or a count from 1 to the tracks

            """
        ),
        (
            "missing-owner",
            """
            missing-owner.yaml:15:3: error: step 'report' has no owner [missing-owner]
             15 |   report:
                |   ^
                = hint: say which role does it: 'owner: on_site'

            """
        ),
        (
            "missing-clock",
            """
            missing-clock.yaml:12:3: error: severity level 'general' has no clock 'respond' [missing-clock]
             12 |   general: { title: { en: General, zh: 一般 } }
                |   ^
                = hint: every level defines the same clocks
            missing-clock.yaml:11:3: note: 'respond' is defined for 'fatal' here
             11 |   fatal: { title: { en: Fatal, zh: 致命 }, clocks: { respond: 10m } }
                |   ^

            """
        ),
        (
            "escalation-order",
            """
            escalation-order.yaml:20:18: error: escalation after 2m comes no later than the rung before it (3m) [escalation-order]
             20 |       - { after: 2m, notify: [on_site] }
                |                  ^
                = hint: order the rungs by increasing 'after'
            escalation-order.yaml:19:18: note: the earlier rung is here
             19 |       - { after: 3m, notify: [on_site] }
                |                  ^

            """
        ),
        (
            "escalation-after-deadline",
            """
            escalation-after-deadline.yaml:20:18: error: escalation after 5m comes at or after the step's deadline of 5m [escalation-after-deadline]
             20 |       - { after: 5m, notify: [on_site] }
                |                  ^
                = hint: escalate before the deadline, while it can still be met
            escalation-after-deadline.yaml:18:18: note: the deadline is set here
             18 |     done_within: 5m
                |                  ^

            """
        ),
        (
            "milestone-infeasible",
            """
            milestone-infeasible.yaml:14:57: error: milestone 'reported' can be missed: the slowest path reaches 'report.done' at 10m, 5m after its limit of 5m [milestone-infeasible]
             14 |   reported: { title: { en: Reported, zh: 已上报 }, within: 5m, reached_when: report.done }
                |                                                            ^
                = hint: shorten the deadlines on the path or lengthen the milestone
                = note: the slowest path: report

            """
        ),
        (
            "no-deadline-on-path",
            """
            no-deadline-on-path.yaml:18:3: warning: step 'report' has no deadline, so milestone 'reported' cannot be shown to be met [no-deadline-on-path]
             18 |   report:
                |   ^
                = hint: give the step 'done_within:' (a length or a severity clock)
            no-deadline-on-path.yaml:14:3: note: milestone 'reported' is defined here
             14 |   reported: { title: { en: Reported, zh: 已上报 }, within: 5m, reached_when: report.done }
                |   ^

            """
        ),
        (
            "missing-chinese",
            """
            missing-chinese.yaml:15:3: warning: the title of step 'report' has no Chinese text [missing-chinese]
             15 |   report:
                |   ^
                = hint: write it as '{ en: …, zh: … }'

            """
        ),
    ]
}
