/// Every notification of a run for every person it is for, and how far its delivery got: the outbox that
/// whoever holds a notifier next empties (see `due(at:)`).
///
/// A `notification.requested` is for the holders of its roles *when it is requested*; a role nobody holds gives
/// one delivery without a recipient, which fails at once and for good. A delivery is pending until the journal
/// records it `sent` or `failed` for good; a failed attempt that is not final is tried again after a backoff,
/// at most `maxAttempts` times in all.
public struct Outbox: Sendable, Hashable {
    /// One notification for one person.
    public struct Delivery: Sendable, Hashable {
        /// The notification's id (`n1`, `n2`, …).
        public var notification: String
        /// The sequence number of its `notification.requested` line.
        public var requestSeq: Int
        /// Who it is for; `nil` when nobody held its roles.
        public var recipient: String?
        public var roles: [String]
        public var message: String
        public var messageChinese: String?
        /// The message as a code, for the views to say with the playbook's titles; `nil` for an inject's text and
        /// in journals written before the engine wrote codes.
        public var code: EngineMessage?
        public var step: String?
        public var requestedAt: Int64
        /// Attempts made so far, and the instant of the last.
        public var attempts = 0
        /// How many times it was sent (more than once when a page nobody acknowledged is sent again).
        public var sends = 0
        public var lastAttemptAt: Int64?
        /// Why the last attempt failed, in English and Chinese.
        public var lastFailure: String?
        public var lastFailureChinese: String?
        public var status: Status = .pending

        /// A delivery not yet tried.
        public init(notification: String, requestSeq: Int, recipient: String?, roles: [String], message: String,
                    messageChinese: String?, step: String?, requestedAt: Int64) {
            self.notification = notification
            self.requestSeq = requestSeq
            self.recipient = recipient
            self.roles = roles
            self.message = message
            self.messageChinese = messageChinese
            self.step = step
            self.requestedAt = requestedAt
        }

        public enum Status: Sendable, Hashable {
            case pending
            case sent(at: Int64)
            case failed
            case acknowledged(at: Int64)
        }

        /// Whether nothing more will be done to deliver it.
        public var isSettled: Bool { status != .pending }

        /// The key a gateway can drop repeated deliveries by: run, request line, recipient.
        public func idempotencyKey(runID: String) -> String {
            "\(runID)/\(requestSeq)/\(recipient ?? "-")"
        }
    }

    /// The most attempts made at one delivery.
    public static let maxAttempts = 5

    /// How long after a failed attempt (the `attempts`-th) the next one is due: 10 s, doubling, at most 10 minutes.
    public static func backoff(afterAttempts attempts: Int) -> Int64 {
        min(10_000 << Int64(min(max(attempts - 1, 0), 10)), 600_000)
    }

    /// Every delivery, in the order they were requested.
    public private(set) var deliveries: [Delivery] = []

    public init() {}

    /// The deliveries still to be made.
    public var pending: [Delivery] { deliveries.filter { $0.status == .pending } }

    /// The pending deliveries due at `now`: never tried, or tried and failed long enough ago; oldest first.
    public func due(at now: Int64) -> [Delivery] {
        pending.filter { delivery in
            guard let last = delivery.lastAttemptAt else { return true }
            return now >= last + Self.backoff(afterAttempts: delivery.attempts)
        }
    }

    /// The deliveries sent but not acknowledged `after` milliseconds since they were last sent, and sent fewer
    /// than `1 + times` times: pages to send again.
    public func resends(at now: Int64, after: Int64, times: Int) -> [Delivery] {
        deliveries.filter { delivery in
            guard case .sent(let at) = delivery.status else { return false }
            return delivery.sends <= times && now >= at + after
        }
    }

    mutating func request(id: String, roles: [String], message: String, messageChinese: String?, step: String?,
                          code: EngineMessage? = nil, holders: [String: String], seq: Int, at: Int64) {
        let people = Array(Set(roles.compactMap { holders[$0] })).sorted()
        for recipient in people.isEmpty ? [nil] : people.map(Optional.some) {
            deliveries.append(Delivery(notification: id, requestSeq: seq, recipient: recipient, roles: roles,
                                       message: message, messageChinese: messageChinese, step: step,
                                       requestedAt: at))
            deliveries[deliveries.count - 1].code = code
        }
    }

    /// The delivery of notification `id` that `to` names: its person, or (no one holding the roles) the roles.
    private func index(_ id: String, _ to: String) -> Int? {
        deliveries.lastIndex { $0.notification == id && ($0.recipient == to || $0.recipient == nil) }
    }

    mutating func sent(id: String, to: String, at: Int64) {
        guard let index = index(id, to) else { return }
        deliveries[index].attempts += 1
        deliveries[index].sends += 1
        deliveries[index].lastAttemptAt = at
        if case .acknowledged = deliveries[index].status { return }
        deliveries[index].status = .sent(at: at)
    }

    mutating func failed(id: String, to: String, why: String, whyChinese: String?, final: Bool, at: Int64) {
        guard let index = index(id, to) else { return }
        deliveries[index].attempts += 1
        deliveries[index].lastAttemptAt = at
        deliveries[index].lastFailure = why
        deliveries[index].lastFailureChinese = whyChinese
        if deliveries[index].status == .pending,
            final || deliveries[index].recipient == nil || deliveries[index].attempts >= Self.maxAttempts
        {
            deliveries[index].status = .failed
        }
    }

    mutating func acknowledged(id: String, by person: String, at: Int64) {
        guard let index = deliveries.lastIndex(where: { $0.notification == id && $0.recipient == person }) else { return }
        deliveries[index].status = .acknowledged(at: at)
    }
}
