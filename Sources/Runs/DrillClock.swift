public import Drills
import Journaling
import PlaybookLanguage
public import RunEngine

extension RunSession {
    /// What moving a drill's virtual clock did.
    public struct Advance: Sendable {
        /// How far the clock moved, in milliseconds.
        public var moved: Int64
        /// The events the move appended, each at its own instant, ending with the `clock.advanced`.
        public var appended: [Event]
        /// The run's state after the move.
        public var state: RunState
        /// The run's pinned scenario and playbook.
        public var plan: DrillPlan
        /// The injects among `appended`, in order: what the controller reads out.
        public var injects: [Event] {
            appended.filter { if case .injectDelivered = $0.kind { return true } else { return false } }
        }
    }

    /// Moves the virtual clock of a drill by `step` milliseconds, or, when `step` is `nil`, to the next instant at
    /// which a timer, an inject or a scripted player's action falls due: in one transaction, every timer, escalation and inject that falls due
    /// on the way is journaled at its own instant (`DrillPlan.advance`), so that whoever else watches the run never
    /// delivers one of them first, and the caller can say every inject the move delivered.
    ///
    /// - Parameter limit: the most events the move may write; a move that would write more (a slip of the finger,
    ///   `10y` for `10m`) is refused whole.
    /// - Throws: `RunFailure` when the run is not on a virtual clock, has no pinned scenario (and is not the linked
    ///   run of a drill), nothing is due (with
    ///   `step` `nil`), the move would write more than `limit` events, or the journal cannot be written.
    public func advanceDrillClock(by step: Int64?, limit: Int) throws(RunFailure) -> Advance {
        try transaction { contents in
            let playbook = try pinnedPlaybook(contents.playbook)
            let state = RunState.fold(contents.events)
            guard state.start?.virtualClock == true else {
                throw RunFailure("run '\(runID)' is not on a virtual clock; only virtual clocks are advanced",
                                 chinese: "运行 '\(runID)' 不在虚拟时钟上；只有虚拟时钟可以拨快")
            }
            // The linked run a drill continued in (`continue_in`) has no scenario of its own: on its virtual clock
            // only its timers move, and people play it.
            let linkedPlan = state.start?.continuedFrom == nil || state.start?.mode != .drill ? nil
                : DrillPlan(scenario: .unscripted(playbook: playbook.id, startsAt: state.startedAt), playbook: playbook)
            guard let plan = try drillPlan(playbook: playbook, events: contents.events) ?? linkedPlan else {
                throw RunFailure("run '\(runID)' has no pinned scenario (scenario.yaml)",
                                 chinese: "运行 '\(runID)' 没有固定的演练脚本（scenario.yaml）")
            }
            guard !DrillPlan.Moments(contents.events).paused else {
                throw RunFailure("play on run '\(runID)' is paused; a controller resumes it with "
                                     + "'muster drill mark \(runID) resume'",
                                 chinese: "运行 '\(runID)' 的演练已暂停；导调人员用 'muster drill mark \(runID) resume' 继续")
            }
            let now = state.lastEventAt
            var target = now + (step ?? 0)
            if step == nil {
                var next: [Int64] = []
                if let timer = Engine(playbook: playbook).nextDue(state) { next.append(timer) }
                let moments = DrillPlan.Moments(contents.events)
                next += plan.pendingDeliveries(moments).map(\.at)
                next += plan.pendingScripted(moments).map(\.at)
                guard let soonest = next.filter({ $0 >= now }).min() else {
                    throw RunFailure("nothing is due on run '\(runID)'", chinese: "运行 '\(runID)' 没有待到期的事项")
                }
                // Timers due at the run's very instant fire as the clock leaves it: one millisecond on, so that
                // what they start is seen (and its own deadlines stopped at) before the clock moves further.
                target = soonest == now ? now + 1 : soonest
            }
            let moved = target - now
            guard let events = plan.advance(contents.events, to: target, limit: limit) else {
                let span = Duration.format(milliseconds: moved)
                throw RunFailure(
                    "advancing run '\(runID)' by \(span) would write more than \(limit) events; advance in "
                        + "smaller steps, or with --to-next",
                    chinese: "将运行 '\(runID)' 拨快 \(span) 会写入超过 \(limit) 个事件；请分步拨快，或用 --to-next")
            }
            let appended = stampingRealTime(events, state: state)
            var after = state
            for event in appended { after.apply(event) }
            return (Advance(moved: moved, appended: appended, state: after, plan: plan), appended)
        }.decision
    }
}
