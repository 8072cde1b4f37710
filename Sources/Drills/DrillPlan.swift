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

        public init(_ events: [Event]) {
            for event in events { observe(event) }
        }

        /// Takes one more event into account (a runner keeps its moments up to date event by event, so that
        /// playing a long scenario stays linear in the events it produces).
        public mutating func observe(_ event: Event) {
            switch event.kind {
            case .runStarted: start = event.at
            case .stepActivated(let step, _, _): if activated[step] == nil { activated[step] = event.at }
            case .stepCompleted(let step): if done[step] == nil { done[step] = event.at }
            case .factRecorded(let fact, _, _): if recorded[fact] == nil { recorded[fact] = event.at }
            case .injectDelivered(let id, _, _): if delivered[id] == nil { delivered[id] = event.at }
            default: break
            }
        }

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

    /// A message to deliver.
    public struct Delivery: Sendable, Hashable {
        public var at: Int64
        public var id: String
        public var role: String?
        public var message: String
    }

    /// The injects and contingency injects not yet delivered whose instant has come by `now`, in order.
    public func dueDeliveries(_ events: [Event], upTo now: Int64) -> [Delivery] {
        pendingDeliveries(Moments(events)).filter { $0.at <= now }
    }

    /// Every delivery whose instant is known and that is not yet delivered, in order.
    public func pendingDeliveries(_ moments: Moments) -> [Delivery] {
        var due: [Delivery] = []
        for inject in scenario.injects {
            if moments.delivered[inject.id] == nil, let at = moments.instant(inject.trigger) {
                due.append(Delivery(at: at, id: inject.id, role: inject.to, message: text(inject.message)))
            }
            // The contingency fires when the expected step is not done within the time after the inject.
            if let contingency = inject.contingency, moments.delivered[contingency.id] == nil,
                let deliveredAt = moments.delivered[inject.id], let step = inject.expectStep,
                let limit = inject.maxMilliseconds
            {
                let deadline = deliveredAt + limit
                let doneAt = moments.done[step]
                if doneAt == nil || doneAt! > deadline {
                    due.append(Delivery(at: deadline, id: contingency.id, role: contingency.to,
                                        message: text(contingency.message)))
                }
            }
        }
        return due.sorted { ($0.at, $0.id) < ($1.at, $1.id) }
    }

    /// A bilingual message as the journal keeps it: English, then Chinese.
    func text(_ message: LocalizedText) -> String {
        switch (message.english, message.chinese) {
        case (let english?, let chinese?): "\(english) / \(chinese)"
        default: message.text("en")
        }
    }

    /// The event that delivers a message.
    public func event(_ delivery: Delivery) -> Event {
        Event(at: delivery.at, actor: .inject(delivery.id),
              kind: .injectDelivered(id: delivery.id, role: delivery.role, message: delivery.message))
    }
}
