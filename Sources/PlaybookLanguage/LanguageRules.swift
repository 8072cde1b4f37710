public import Diagnostics

/// The ids of the problems the playbook checker reports, with one line each.
///
/// The ids are stable: tests, SARIF consumers and the language reference's table rely on them.
public enum LanguageRules {
    // Shape and types.
    public static let unknownKey = DiagnosticRule("unknown-key", "a key the language does not have")
    public static let wrongType = DiagnosticRule("wrong-type", "a value has the wrong type or shape")
    public static let missingField = DiagnosticRule("missing-field", "a required field is missing")
    public static let badName = DiagnosticRule("bad-name", "a name is not a valid identifier")
    public static let outOfRange = DiagnosticRule("out-of-range", "a number is outside its allowed range")
    public static let booleanLikeText = DiagnosticRule(
        "boolean-like-text", "plain yes/no/on/off is text here but a boolean to YAML 1.1 tools")
    public static let unsupportedFormat = DiagnosticRule(
        "unsupported-format", "the file does not declare a supported 'muster:' format version")
    public static let badDuration = DiagnosticRule("bad-duration", "a duration is neither a length nor a clock name")
    public static let multipleStepKinds = DiagnosticRule(
        "multiple-step-kinds", "a step has more than one kind (decide, approve, parallel, wait)")
    public static let nextNotAllowed = DiagnosticRule(
        "next-not-allowed", "a decide or approve step has 'next' although its branches say where it leads")
    public static let conditionSyntax = DiagnosticRule("condition-syntax", "a condition cannot be parsed")
    public static let missingElse = DiagnosticRule("missing-else", "conditional branches have no 'else'")
    public static let unreachableBranch = DiagnosticRule("unreachable-branch", "a branch comes after 'else'")
    public static let unboundedWait = DiagnosticRule("unbounded-wait", "a wait has no bound")

    // References.
    public static let duplicateStep = DiagnosticRule("duplicate-step", "two steps have the same id")
    public static let undefinedStep = DiagnosticRule("undefined-step", "a step that is not defined")
    public static let undefinedRole = DiagnosticRule("undefined-role", "a role that is not defined")
    public static let undefinedFact = DiagnosticRule("undefined-fact", "a fact that is not defined")
    public static let undefinedClock = DiagnosticRule("undefined-clock", "a severity clock that is not defined")
    public static let undefinedOutcome = DiagnosticRule("undefined-outcome", "an outcome that is not defined")
    public static let undefinedOption = DiagnosticRule("undefined-option", "a decision option that is not defined")
    public static let undefinedValue = DiagnosticRule(
        "undefined-value", "a condition names a value its fact or severity does not have")
    public static let conditionType = DiagnosticRule("condition-type", "a condition compares values of other types")
    public static let standInCycle = DiagnosticRule("stand-in-cycle", "roles stand in for each other in a cycle")
    public static let gotoAcrossTracks = DiagnosticRule(
        "goto-across-tracks", "a transition leaves its parallel track or enters another")
    public static let wrongPhase = DiagnosticRule(
        "wrong-phase", "a transition crosses between the main phase and the after-end phase")
    public static let selfApproval = DiagnosticRule("self-approval", "a step is approved by the role that owns it")

    // The graph.
    public static let unreachableStep = DiagnosticRule(
        "unreachable-step", "a step no transition, expiry, denial or escalation leads to")
    public static let deadEnd = DiagnosticRule("dead-end", "a main-phase step that leads nowhere")
    public static let noWayToOutcome = DiagnosticRule(
        "no-way-to-outcome", "steps that can loop forever without reaching an outcome")
    public static let unsatisfiableJoin = DiagnosticRule("unsatisfiable-join", "a join that can never be satisfied")

    // Time and people.
    public static let missingOwner = DiagnosticRule("missing-owner", "a step that no role owns")
    public static let missingClock = DiagnosticRule(
        "missing-clock", "a clock defined at some severity levels but not at all of them")
    public static let escalationOrder = DiagnosticRule(
        "escalation-order", "escalation rungs are not in increasing time")
    public static let escalationAfterDeadline = DiagnosticRule(
        "escalation-after-deadline", "an escalation rung comes at or after the step's deadline")
    public static let milestoneInfeasible = DiagnosticRule(
        "milestone-infeasible", "a milestone can be missed even if every step finishes on its deadline")
    public static let noDeadlineOnPath = DiagnosticRule(
        "no-deadline-on-path", "a step on the way to a milestone has no deadline")
    public static let missingChinese = DiagnosticRule("missing-chinese", "a text people read has no Chinese form")
    public static let controlInText = DiagnosticRule(
        "control-in-text", "a text holds a control or bidirectional character that changes how it shows")
    public static let unboundedDecision = DiagnosticRule(
        "unbounded-decision", "a decision or approval has no time limit")
    public static let duplicateInstruction = DiagnosticRule(
        "duplicate-instruction", "two standing instructions have the same id")
    public static let signedAlone = DiagnosticRule(
        "signed-alone", "a step is signed together with the role that owns it")
    public static let clockAfterDeadline = DiagnosticRule(
        "clock-after-deadline", "ack_within or report_every is not shorter than done_within")

    // Drill scenarios (listed in `ScenarioChecker.rules`).
    public static let undefinedPlaybook = DiagnosticRule("undefined-playbook", "a scenario drills a playbook that does not exist")
    public static let undefinedMilestone = DiagnosticRule("undefined-milestone", "a milestone that is not defined")

    /// Every rule of the checker, for documentation and SARIF.
    public static let all: [DiagnosticRule] = [
        unknownKey, wrongType, missingField, badName, outOfRange, booleanLikeText, unsupportedFormat, badDuration,
        multipleStepKinds, nextNotAllowed, conditionSyntax, missingElse, unreachableBranch, unboundedWait,
        duplicateStep, undefinedStep, undefinedRole, undefinedFact, undefinedClock, undefinedOutcome,
        undefinedOption, undefinedValue, conditionType, standInCycle, gotoAcrossTracks, wrongPhase, selfApproval,
        unreachableStep, deadEnd,
        noWayToOutcome, unsatisfiableJoin, missingOwner, missingClock, escalationOrder, escalationAfterDeadline,
        milestoneInfeasible, noDeadlineOnPath, missingChinese, unboundedDecision, clockAfterDeadline, controlInText,
        duplicateInstruction, signedAlone,
    ]
}
