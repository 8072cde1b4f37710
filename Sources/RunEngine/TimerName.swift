/// The ids the engine gives its timers, written in one place from typed parts, so that no id is read apart again:
/// a timer's step, clock and rung travel in its `TimerPurpose`, the id only names it.
///
/// The forms are part of the journal format (`assess#1.done`, `assess#1.escalation2`, `assess#1.progress@1795000600000`,
/// `milestone.first_report`); journals keep them as written.
enum TimerName {
    /// The timer of `clock` for the `activation`th activation of `step`; a progress clock armed again after it
    /// fired carries the instant it was armed for (`rearmedFor`).
    static func step(_ step: String, activation: Int, clock: StepClock, rearmedFor: Int64? = nil) -> String {
        "\(step)#\(activation).\(clock.rawValue)" + (rearmedFor.map { "@\($0)" } ?? "")
    }

    /// The timer of escalation rung `rung` (0-based) for the `activation`th activation of `step`.
    static func escalation(_ step: String, activation: Int, rung: Int) -> String {
        "\(step)#\(activation).escalation\(rung + 1)"
    }

    /// The timer of milestone `milestone`.
    static func milestone(_ milestone: String) -> String {
        "milestone.\(milestone)"
    }
}
