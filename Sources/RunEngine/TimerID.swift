/// The id of one of the engine's timers, with its parts: which step and activation (or milestone) it is for, and
/// which clock or escalation rung. Typed, so that nothing builds an id from strings or reads one apart again.
///
/// The journal keeps the id as text in a fixed form (`assess#1.done`, `assess#1.escalation2`,
/// `assess#1.progress@1795000600000`, `milestone.first_report`): `text` writes it and `init(text:)` reads it back,
/// so that a journal reads and writes the same bytes. A text in no known form (an older journal's) is kept as
/// written, as `.other`.
public struct TimerID: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// What the timer is, part by part.
    public enum Parts: Sendable, Hashable {
        /// The timer of `clock` for the `activation`th activation of `step`; a progress clock armed again after
        /// it fired carries the instant it was armed for (`rearmedFor`).
        case step(String, activation: Int, clock: StepClock, rearmedFor: Int64?)
        /// The timer of escalation rung `rung` (0-based) for the `activation`th activation of `step`.
        case escalation(String, activation: Int, rung: Int)
        /// The timer of a milestone.
        case milestone(String)
        /// An id in no form this version writes, kept as it was journaled.
        case other(String)
    }

    /// The parts.
    public let parts: Parts
    /// The id as the journal writes it.
    public let text: String

    /// The id of the timer `parts` names.
    public init(_ parts: Parts) {
        self.parts = parts
        text = Self.format(parts)
    }

    /// The id of a timer of `clock` for the `activation`th activation of `step`.
    public static func step(_ step: String, activation: Int, clock: StepClock, rearmedFor: Int64? = nil) -> TimerID {
        TimerID(.step(step, activation: activation, clock: clock, rearmedFor: rearmedFor))
    }

    /// The id of the timer of escalation rung `rung` (0-based) for the `activation`th activation of `step`.
    public static func escalation(_ step: String, activation: Int, rung: Int) -> TimerID {
        TimerID(.escalation(step, activation: activation, rung: rung))
    }

    /// The id of the timer of milestone `milestone`.
    public static func milestone(_ milestone: String) -> TimerID { TimerID(.milestone(milestone)) }

    /// The id a journal wrote as `text`: its parts when it is in one of the forms the engine writes (exactly as
    /// the engine writes it), else the text itself.
    public init(text: String) {
        let parts = Self.parse(text)
        self.parts = Self.format(parts) == text ? parts : .other(text)
        self.text = text
    }

    public var description: String { text }

    /// Ids are ordered by their text: the order timers due at one instant fire in, as journals always had it.
    public static func < (lhs: TimerID, rhs: TimerID) -> Bool { lhs.text < rhs.text }

    public static func == (lhs: TimerID, rhs: TimerID) -> Bool { lhs.text == rhs.text }

    public func hash(into hasher: inout Hasher) { hasher.combine(text) }

    private static func format(_ parts: Parts) -> String {
        switch parts {
        case .step(let step, let activation, let clock, let rearmedFor):
            "\(step)#\(activation).\(clock.rawValue)" + (rearmedFor.map { "@\($0)" } ?? "")
        case .escalation(let step, let activation, let rung): "\(step)#\(activation).escalation\(rung + 1)"
        case .milestone(let milestone): "milestone.\(milestone)"
        case .other(let text): text
        }
    }

    private static func parse(_ text: String) -> Parts {
        let milestonePrefix = "milestone."
        if text.hasPrefix(milestonePrefix), !text.contains("#") {
            return .milestone(String(text.dropFirst(milestonePrefix.count)))
        }
        guard let hash = text.lastIndex(of: "#") else { return .other(text) }
        let step = String(text[..<hash])
        let rest = text[text.index(after: hash)...]
        guard let dot = rest.firstIndex(of: "."), let activation = Int(rest[..<dot]) else { return .other(text) }
        var clock = rest[rest.index(after: dot)...]
        let escalation = "escalation"
        if clock.hasPrefix(escalation), let rung = Int(clock.dropFirst(escalation.count)), rung >= 1 {
            return .escalation(step, activation: activation, rung: rung - 1)
        }
        var rearmedFor: Int64?
        if let at = clock.firstIndex(of: "@") {
            guard let instant = Int64(clock[clock.index(after: at)...]) else { return .other(text) }
            rearmedFor = instant
            clock = clock[..<at]
        }
        guard let stepClock = StepClock(rawValue: String(clock)) else { return .other(text) }
        return .step(step, activation: activation, clock: stepClock, rearmedFor: rearmedFor)
    }
}

extension TimerID: ExpressibleByStringLiteral {
    /// An id written out as the journal writes it (`"assess#1.done"`), read into its parts.
    public init(stringLiteral text: String) { self.init(text: text) }
}
