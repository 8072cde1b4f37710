public import PlaybookLanguage
public import RunEngine

/// What a scenario makes happen in a run, worked out from the run's events: which injects and contingency
/// injects are due, and when scripted players act. Pure: the same events always give the same answers.
public struct DrillPlan: Sendable {
    public let scenario: Scenario
    public let playbook: Playbook

    public init(scenario: Scenario, playbook: Playbook) {
        self.scenario = scenario
        self.playbook = playbook
    }

    /// When the things triggers wait for first happened in a run.
    public struct Moments: Sendable {
        public var start: Int64?
        public var activated: [String: Int64] = [:]
        public var done: [String: Int64] = [:]
        public var recorded: [String: Int64] = [:]
        /// Injects (and contingency injects) delivered, by id, with their instant.
        public var delivered: [String: Int64] = [:]
        /// Injects a controller cancelled before they were delivered.
        public var cancelled: Set<String> = []
        /// Whether a controller paused play (and has not resumed it).
        public var paused = false
        /// In a drill people play, the roles the scenario's scripted players act for, with the instant from which
        /// they do (the start, or when a controller handed the role over); a role handed back to a person is not.
        public var scripted: [String: Int64] = [:]
        /// The scripted players (0-based, in the scenario's `players:`) that have acted.
        public var performed: Set<Int> = []
        /// Whether the scripted players act for every role from the start: an unattended run (`DrillRunner`),
        /// whose journal marks no action as scripted; never read from a journal.
        public var everyRoleScripted = false

        public init(_ events: [Event]) {
            for event in events { observe(event) }
        }

        /// Takes one more event into account (a runner keeps its moments up to date event by event, so that
        /// playing a long scenario stays linear in the events it produces).
        public mutating func observe(_ event: Event) {
            if let player = event.scriptedPlayer { performed.insert(player - 1) }
            switch event.kind {
            case .runStarted(let record):
                start = event.at
                for role in record.scripted { scripted[role] = event.at }
            case .exercise(.scripted(let role)): if scripted[role] == nil { scripted[role] = event.at }
            case .exercise(.unscripted(let role)): scripted[role] = nil
            case .stepActivated(let step, _, _): if activated[step] == nil { activated[step] = event.at }
            case .stepCompleted(let step): if done[step] == nil { done[step] = event.at }
            case .factRecorded(let fact, _, _): if recorded[fact] == nil { recorded[fact] = event.at }
            case .injectDelivered(let id, _, _): if delivered[id] == nil { delivered[id] = event.at }
            case .exercise(.injectCancelled(let id, _)): cancelled.insert(id)
            case .exercise(.mark(.pause)): paused = true
            case .exercise(.mark(.resume)): paused = false
            default: break
            }
        }

        /// The instant from which the scripted players act for `role`, if they do.
        public func scriptedSince(_ role: String) -> Int64? {
            scripted[role] ?? (everyRoleScripted ? start : nil)
        }

        /// Whether the scripted players act now for any role: not while play is paused.
        public var anyRoleScripted: Bool { !paused && (everyRoleScripted || !scripted.isEmpty) }

        /// The instant a trigger fires, once its event has happened.
        public func instant(_ trigger: Scenario.Trigger) -> Int64? {
            let base: Int64?
            switch trigger.event {
            case .start: base = start
            case .activated(let step): base = activated[step]
            case .done(let step): base = done[step]
            case .recorded(let fact): base = recorded[fact]
            }
            return base.map { $0 + trigger.after }
        }
    }

    /// The scripted players (0-based, in the scenario's `players:`) whose trigger never happened in a run with
    /// `events`: actions the scenario scripts that the run never came to.
    public func unreachedPlayers(_ events: [Event]) -> [Int] {
        let moments = Moments(events)
        return scenario.players.indices.filter { moments.instant(scenario.players[$0].trigger) == nil }
    }

    /// A message to deliver.
    public struct Delivery: Sendable, Hashable {
        public var at: Int64
        public var id: String
        public var role: String?
        public var message: String
        /// Every role it goes to (`role` is the first).
        public var roles: [String] = []
        /// Who sends it and how, in the exercise's fiction.
        public var from: String? = nil
        public var via: String? = nil

        public init(at: Int64, id: String, role: String?, message: String, roles: [String] = [], from: String? = nil,
                    via: String? = nil)
        {
            self.at = at
            self.id = id
            self.role = role
            self.message = message
            self.roles = roles
            self.from = from
            self.via = via
        }
    }

    /// The injects and contingency injects not yet delivered whose instant has come by `now`, in order.
    public func dueDeliveries(_ events: [Event], upTo now: Int64) -> [Delivery] {
        pendingDeliveries(Moments(events)).filter { $0.at <= now }
    }

    /// Every delivery whose instant is known and that is not yet delivered, in order.
    ///
    /// Injects a controller cancelled are never due; while play is paused nothing is (what fell due meanwhile
    /// is delivered when play resumes).
    public func pendingDeliveries(_ moments: Moments) -> [Delivery] {
        guard !moments.paused else { return [] }
        var due: [Delivery] = []
        for inject in scenario.injects {
            if moments.delivered[inject.id] == nil, !moments.cancelled.contains(inject.id),
                let at = moments.instant(inject.trigger)
            {
                due.append(Delivery(at: at, id: inject.id, role: inject.to, message: text(inject.message),
                                    roles: inject.roles, from: inject.from, via: inject.via))
            }
            // The contingency fires when the expected step is not done within the time after the inject.
            if let contingency = inject.contingency, moments.delivered[contingency.id] == nil,
                !moments.cancelled.contains(contingency.id),
                let deliveredAt = moments.delivered[inject.id], let step = inject.expectStep,
                let limit = inject.maxMilliseconds
            {
                let deadline = deliveredAt + limit
                let doneAt = moments.done[step]
                if doneAt == nil || doneAt! > deadline {
                    due.append(Delivery(at: deadline, id: contingency.id, role: contingency.to,
                                        message: text(contingency.message), roles: contingency.to.map { [$0] } ?? [],
                                        from: contingency.from, via: contingency.via))
                }
            }
        }
        return due.sorted { ($0.at, $0.id) < ($1.at, $1.id) }
    }

    /// The message of an inject or a contingency inject, by id, in both languages.
    public func message(ofInject id: String) -> LocalizedText? {
        for inject in scenario.injects {
            if inject.id == id { return inject.message }
            if let contingency = inject.contingency, contingency.id == id { return contingency.message }
        }
        return nil
    }

    /// A bilingual message as the journal keeps it: English, then Chinese.
    public func text(_ message: LocalizedText) -> String {
        switch (message.english, message.chinese) {
        case (let english?, let chinese?): "\(english) / \(chinese)"
        default: message.text(.en)
        }
    }

    /// The event that delivers a message.
    public func event(_ delivery: Delivery) -> Event {
        Event(at: delivery.at, actor: .inject(delivery.id),
              kind: .injectDelivered(id: delivery.id, role: delivery.role, message: delivery.message))
    }
}

extension DrillPlan {
    /// The events that move a drill's virtual clock from the run's instant to `target`, through every instant
    /// at which something falls due on the way: each timer, escalation, missed milestone and inject is stamped at
    /// its own instant, in order, and a `clock.advanced` to `target` ends the move.
    ///
    /// The rule at any one instant, the same here, in `DrillRunner` and for the ordinary commands on a virtual
    /// clock: injects due at the instant come first, then what people (and the scripted players of the roles
    /// nobody plays) do at it, and only when the clock leaves
    /// it do the timers due at that very instant fire. An action at a deadline's instant is therefore in time,
    /// whether a controller moves the clock or the scenario plays unattended; the move stops *at* `target`, so
    /// the timers due exactly then fire with the next move.
    ///
    /// - Returns: the events, or `nil` when more than `limit` would be written (nothing is then to be written).
    public func advance(_ events: [Event], to target: Int64, limit: Int = .max) -> [Event]? {
        guard let produced = catchUp(events, to: target, firingAtTarget: false, limit: limit) else { return nil }
        let last = max(RunState.fold(events).lastEventAt, produced.map(\.at).max() ?? .min)
        return produced + [Event(at: max(target, last), actor: .engine, kind: .clockAdvanced(to: target))]
    }

    /// The events that bring a drill from the run's instant to `target`, instant by instant: at each, the injects
    /// due, then the scripted players due, then (as the clock leaves the instant) the timers due. With
    /// `firingAtTarget` the timers due at `target` itself fire too (a drill on a real clock, whose command comes
    /// after them); without, they wait for the clock to leave it.
    ///
    /// - Returns: the events, or `nil` when more than `limit` would be written.
    public func catchUp(_ events: [Event], to target: Int64, firingAtTarget: Bool, limit: Int = .max) -> [Event]? {
        var progress = DrillProgress(self, events: events)
        guard progress.catchUp(to: target, firingAtTarget: firingAtTarget, limit: limit) else { return nil }
        return progress.produced
    }

    /// The injects due by `now` that are not delivered yet, as events stamped no earlier than the run's last
    /// event: what a command on a drill delivers before it acts (the injects of the instant) and after it (the
    /// injects it triggered), in the same transaction.
    public func deliveries(_ events: [Event], upTo now: Int64) -> [Event] {
        var state = RunState.fold(events)
        var produced: [Event] = []
        for delivery in dueDeliveries(events, upTo: now) {
            for event in announced(delivery, state: state) {
                state.apply(event)
                produced.append(event)
            }
        }
        return produced
    }

    /// The events of one delivery in a drill people play: the inject, stamped no earlier than the run's last
    /// event, and a request to tell the role it is addressed to (so that it reaches their board, their inbox and,
    /// through the notifier, their phone, marked as a drill). An unattended run pages nobody: `DrillRunner`
    /// journals the inject alone.
    public func announced(_ delivery: Delivery, state: RunState) -> [Event] {
        var delivery = delivery
        delivery.at = max(delivery.at, state.lastEventAt)
        let inject = event(delivery)
        let roles = delivery.roles.isEmpty ? (delivery.role.map { [$0] } ?? []) : delivery.roles
        guard state.start?.unattended != true, !roles.isEmpty else { return [inject] }
        let message = message(ofInject: delivery.id)
        let english = message?.english ?? message?.text(.en) ?? delivery.message
        let chinese = message?.chinese ?? english
        let (how, howChinese) = fiction(from: delivery.from, via: delivery.via)
        let request = Event(at: delivery.at, actor: .inject(delivery.id), kind: .notificationRequested(
            id: "n\(state.notificationCount + 1)", roles: roles, message: "inject \(delivery.id)\(how): \(english)",
            step: nil, messageChinese: "情景注入\(howChinese)：\(chinese)"))
        return [inject, request]
    }

    /// " (by phone, from the carrier)": who sends an inject and how, in English and Chinese; empty when the
    /// scenario does not say.
    public func fiction(from: String?, via: String?) -> (String, String) {
        let sender = from.map { scenario.staff.simulated[$0] ?? playbook.role($0)?.title ?? LocalizedText(english: $0) }
        let means: [String: (String, String)] = [
            "phone": ("by phone", "电话"), "radio": ("by radio", "对讲机"), "email": ("by email", "邮件"),
            "sms": ("by text message", "短信"), "in_person": ("in person", "当面"), "system": ("by the monitoring system", "系统告警"),
        ]
        var english: [String] = []
        var chinese: [String] = []
        if let via, let words = means[via] {
            english.append(words.0)
            chinese.append(words.1)
        }
        if let sender {
            english.append("from " + sender.text(.en))
            chinese.append("来自" + sender.text(.zh))
        }
        return english.isEmpty ? ("", "") : (" (" + english.joined(separator: ", ") + ")",
                                             "（" + chinese.joined(separator: "，") + "）")
    }
}
