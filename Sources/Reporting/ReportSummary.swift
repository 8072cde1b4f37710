public import PlaybookLanguage

/// The figures a client reads first: duration, response and repair against the service levels the playbook's
/// milestones state, the steps that ran late, who was told. Derived from the report alone; no target is written
/// here: every one comes from a milestone's deadline as the engine journaled it.
extension RunReport {
    /// One service level a milestone measures (响应及时率, 故障修复及时率, …) and how the run did against it.
    public struct ServiceLevel: Sendable, Hashable {
        public var measure: Milestone.Measure
        public var milestone: String
        public var title: LocalizedText
        /// The time allowed, from the milestone's anchor (the start, or the outcome) to its deadline.
        public var target: Int64?
        /// The time taken, from the anchor to the milestone being reached.
        public var taken: Int64?
        public var status: MilestoneRow.Status
    }

    /// Who a notification was meant for, and whether it reached them as far as the journal says.
    public struct Recipient: Sendable, Hashable {
        public enum Delivery: Sendable, Hashable {
            /// The notifier reported it sent.
            case sent
            /// The notifier reported it failed (the reason, in English and Chinese when journaled).
            case failed(LocalizedText)
            /// No delivery was journaled: no notifier was configured, or it has not run yet.
            case unrecorded
        }

        public var role: String
        /// Who held the role when the notification was asked for.
        public var person: String?
        public var delivery: Delivery
    }

    /// The roles anyone held, in the playbook's order.
    public var rolesHeld: [String] {
        let order = playbook.roles.map(\.id)
        return roleHistory.keys.sorted {
            (order.firstIndex(of: $0) ?? Int.max, $0) < (order.firstIndex(of: $1) ?? Int.max, $1)
        }
    }

    /// The run's duration: start to outcome, or to `asOf` while it is still open; `nil` when neither is known.
    public var duration: Int64? {
        if let endedAt { return endedAt - startedAt }
        return asOf.map { max($0 - startedAt, 0) }
    }

    /// The service levels of the milestones that measure one: response, repair, then reporting (the playbook's
    /// order within each).
    public var serviceLevels: [ServiceLevel] {
        let order: [Milestone.Measure] = [.response, .repair, .report]
        func rank(_ row: RunReport.MilestoneRow) -> Int { row.measures.flatMap(order.firstIndex(of:)) ?? order.count }
        let rows = milestones.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }
            .map(\.element)
        return rows.compactMap { row in
            guard let measure = row.measures else { return nil }
            let anchor = playbook.milestones.first { $0.id == row.milestone }?.from == .outcome ? endedAt : startedAt
            return ServiceLevel(
                measure: measure, milestone: row.milestone, title: row.title,
                target: row.dueAt.flatMap { due in anchor.map { due - $0 } },
                taken: row.reachedAt.flatMap { reached in anchor.map { reached - $0 } }, status: row.status)
        }
    }

    /// The steps done after their deadline, and all steps that were done or are still open.
    public var lateSteps: (late: Int, of: Int) {
        let counted = steps.filter { if case .cancelled = $0.ending { false } else { true } }
        let late = counted.filter { row in
            if let margin = row.margin { return margin < 0 }
            if row.defaultTaken != nil { return true }
            if row.ending == .open, let due = row.dueAt, let asOf { return due < asOf }
            return false
        }
        return (late.count, counted.count)
    }

    /// Everyone a notification was asked for, each once, in the order they were first asked for; with the
    /// best delivery the journal shows for them (sent beats failed beats unrecorded).
    public var recipients: [Recipient] {
        var order: [String] = []
        var byKey: [String: Recipient] = [:]
        for row in notifications {
            for role in row.roles {
                let person = row.holders[role]
                let key = role + "\u{0}" + (person ?? "")
                var delivery = Recipient.Delivery.unrecorded
                if let person, row.sent.contains(person) {
                    delivery = .sent
                } else if let person, let failure = row.failures[person] {
                    delivery = .failed(failure)
                }
                if let existing = byKey[key] {
                    if case .sent = existing.delivery { continue }
                    if case .unrecorded = delivery { continue }
                }
                if byKey[key] == nil { order.append(key) }
                byKey[key] = Recipient(role: role, person: person, delivery: delivery)
            }
        }
        return order.compactMap { byKey[$0] }
    }
}
