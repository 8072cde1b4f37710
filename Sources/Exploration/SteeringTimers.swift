import PlaybookLanguage
import RunEngine

/// The timers that can change where a run goes: a decision's, approval's or wait's own bound (it takes the default,
/// grants or denies, or leaves the wait) and an escalation rung that reassigns the step or jumps elsewhere. The
/// others (a reminder to acknowledge, an overdue mark, a progress clock, a rung that only notifies, a milestone's
/// due instant) only journal and notify: the exploration lets them fire on the way and does not tell states apart
/// by them.
struct SteeringTimers {
    private var rungs: Set<TimerPurpose> = []

    init(_ playbook: Playbook) {
        for step in playbook.allSteps {
            for (rung, escalation) in step.escalations.enumerated()
            where escalation.reassign != nil || escalation.goto != nil {
                rungs.insert(.escalation(step.id, rung: rung))
            }
        }
    }

    func contains(_ purpose: TimerPurpose) -> Bool {
        switch purpose {
        case .step(_, .expiry): true
        case .step: false
        case .escalation: rungs.contains(purpose)
        case .milestone: false
        }
    }
}
