public import CompactCoding

/// A run's state as compact bytes and back, exactly: `RunState(reading:)` of what `write(to:)` wrote is equal to
/// the state, for every state a fold can give.
///
/// The journal keeps a checkpoint of the folded state so that a command need not replay every line, and reads it
/// on every command; the lines stay the truth. Dictionaries and sets are written in key order, so that equal
/// states give equal bytes. Reading refuses, rather than guesses, anything but what `write(to:)` writes.
extension RunState {
    /// Appends the state.
    public func write(to writer: inout CompactWriter) {
        writer.optional(start) { $1.write(to: &$0) }
        writer.signed(startedAt)
        writer.signed(lastEventAt)
        writer.int(eventCount)
        writer.optional(severity) { $0.string($1) }
        Self.write(holders, to: &writer) { $0.string($1) }
        writer.array(activeOrder.compactMap { active[$0] }) { $1.write(to: &$0) }
        Self.write(escalationsFired, to: &writer) { writer, rungs in writer.array(rungs.sorted()) { $0.int($1) } }
        Self.write(activations, to: &writer) { $0.int($1) }
        Self.write(completedAt, to: &writer) { $0.signed($1) }
        Self.write(stepChangedAt, to: &writer) { $0.int($1) }
        Self.write(facts, to: &writer) { $1.write(to: &$0) }
        writer.array(dueTimers) { writer, timer in
            writer.string(timer.id)
            writer.signed(timer.fireAt)
            timer.purpose.write(to: &writer)
        }
        Self.write(milestones, to: &writer) { writer, milestone in
            writer.optional(milestone.dueAt) { $0.signed($1) }
            writer.optional(milestone.reachedAt) { $0.signed($1) }
            writer.optional(milestone.margin) { $0.signed($1) }
            writer.bool(milestone.missed)
        }
        Self.write(endedTracks, to: &writer) { writer, tracks in writer.array(tracks) { $0.string($1) } }
        writer.optional(outcome) { writer, outcome in
            writer.string(outcome.id)
            writer.string(outcome.kind)
            writer.signed(outcome.at)
        }
        writer.bool(aborted)
        writer.bool(closed)
        writer.array(signatures) { $0.string($1) }
        writer.int(notificationCount)
    }

    /// Reads a state written by `write(to:)`.
    public init(reading reader: inout CompactReader) throws(CompactFormError) {
        self.init()
        start = try reader.optional { (reader) throws(CompactFormError) in try RunStart(reading: &reader) }
        startedAt = try reader.instant()
        lastEventAt = try reader.instant()
        eventCount = try Self.count(&reader)
        severity = try reader.optional { (reader) throws(CompactFormError) in try reader.string() }
        holders = try Self.read(&reader) { (reader) throws(CompactFormError) in try reader.string() }
        for step in try reader.array({ (reader) throws(CompactFormError) in try ActiveStep(reading: &reader) }) {
            guard active.updateValue(step, forKey: step.id) == nil else { throw reader.failure("a step twice") }
            activeOrder.append(step.id)
        }
        escalationsFired = try Self.read(&reader) { (reader) throws(CompactFormError) in
            Set(try reader.array { (reader) throws(CompactFormError) in try reader.rung() })
        }
        activations = try Self.read(&reader) { (reader) throws(CompactFormError) in try Self.count(&reader) }
        completedAt = try Self.read(&reader) { (reader) throws(CompactFormError) in try reader.instant() }
        stepChangedAt = try Self.read(&reader) { (reader) throws(CompactFormError) in try Self.count(&reader) }
        facts = try Self.read(&reader) { (reader) throws(CompactFormError) in try FactValue(reading: &reader) }
        let timerCount = try reader.count()
        for _ in 0..<timerCount {
            let timer = Timer(id: try reader.string(), fireAt: try reader.instant(),
                              purpose: try TimerPurpose(reading: &reader))
            guard timers.updateValue(timer, forKey: timer.id) == nil else { throw reader.failure("a timer twice") }
        }
        milestones = try Self.read(&reader) { (reader) throws(CompactFormError) in
            MilestoneState(
                dueAt: try reader.optional { (reader) throws(CompactFormError) in try reader.instant() },
                reachedAt: try reader.optional { (reader) throws(CompactFormError) in try reader.instant() },
                margin: try reader.optional { (reader) throws(CompactFormError) in try reader.instant() },
                missed: try reader.bool())
        }
        endedTracks = try Self.read(&reader) { (reader) throws(CompactFormError) in
            try reader.array { (reader) throws(CompactFormError) in try reader.string() }
        }
        outcome = try reader.optional { (reader) throws(CompactFormError) in
            ReachedOutcome(id: try reader.string(), kind: try reader.string(), at: try reader.instant())
        }
        aborted = try reader.bool()
        closed = try reader.bool()
        signatures = try reader.array { (reader) throws(CompactFormError) in try reader.string() }
        notificationCount = try Self.count(&reader)
    }

    // MARK: Parts

    /// A dictionary: its count, then each key and value in key order.
    private static func write<Value>(
        _ dictionary: [String: Value], to writer: inout CompactWriter, _ write: (inout CompactWriter, Value) -> Void
    ) {
        writer.unsigned(UInt64(dictionary.count))
        for key in dictionary.keys.sorted() {
            writer.string(key)
            write(&writer, dictionary[key]!)
        }
    }

    private static func read<Value>(
        _ reader: inout CompactReader, _ read: (inout CompactReader) throws(CompactFormError) -> Value
    ) throws(CompactFormError) -> [String: Value] {
        let count = try reader.count()
        var dictionary: [String: Value] = [:]
        dictionary.reserveCapacity(min(count, 64))
        for _ in 0..<count {
            let key = try reader.string()
            guard dictionary.updateValue(try read(&reader), forKey: key) == nil else {
                throw reader.failure("the key '\(key)' twice")
            }
        }
        return dictionary
    }

    /// A count of things: never negative.
    private static func count(_ reader: inout CompactReader) throws(CompactFormError) -> Int {
        let value = try reader.int()
        guard (0...(1 << 50)).contains(value) else { throw reader.failure("a count out of range") }
        return value
    }
}

extension CompactReader {
    /// An instant (or a margin) within `EventCoding.instantRange`, as the journal's lines are, so that no
    /// arithmetic on it can overflow.
    mutating func instant() throws(CompactFormError) -> Int64 {
        let value = try signed()
        guard EventCoding.instantRange.contains(value) else { throw failure("an instant out of range") }
        return value
    }

    /// An escalation rung's index: as in the lines, below 1 000.
    mutating func rung() throws(CompactFormError) -> Int {
        let value = try int()
        guard (0..<1_000).contains(value) else { throw failure("a rung out of range") }
        return value
    }
}

extension RunState.ActiveStep {
    func write(to writer: inout CompactWriter) {
        writer.string(id)
        writer.optional(owner) { $0.string($1) }
        writer.signed(activatedAt)
        writer.optional(acknowledgedAt) { $0.signed($1) }
        writer.optional(lastProgressAt) { $0.signed($1) }
        due.write(to: &writer)
        writer.array(itemsDone.sorted()) { $0.string($1) }
        writer.bool(reassigned)
    }

    init(reading reader: inout CompactReader) throws(CompactFormError) {
        self.init(
            id: try reader.string(),
            owner: try reader.optional { (reader) throws(CompactFormError) in try reader.string() },
            activatedAt: try reader.instant(),
            acknowledgedAt: try reader.optional { (reader) throws(CompactFormError) in try reader.instant() },
            lastProgressAt: try reader.optional { (reader) throws(CompactFormError) in try reader.instant() },
            due: try StepDue(reading: &reader),
            itemsDone: Set(try reader.array { (reader) throws(CompactFormError) in try reader.string() }),
            reassigned: try reader.bool())
    }
}

extension RunStart {
    func write(to writer: inout CompactWriter) {
        writer.string(playbookID)
        writer.string(version)
        writer.string(playbookHash)
        writer.string(mode.rawValue)
        writer.bool(virtualClock)
        writer.optional(severity) { $0.string($1) }
        writer.unsigned(UInt64(assignments.count))
        for role in assignments.keys.sorted() {
            writer.string(role)
            writer.string(assignments[role]!)
        }
        writer.optional(scenario) { $0.string($1) }
        writer.int(speed)
    }

    init(reading reader: inout CompactReader) throws(CompactFormError) {
        let playbookID = try reader.string()
        let version = try reader.string()
        let playbookHash = try reader.string()
        guard let mode = RunMode(rawValue: try reader.string()) else { throw reader.failure("not a run mode") }
        let virtualClock = try reader.bool()
        let severity = try reader.optional { (reader) throws(CompactFormError) in try reader.string() }
        var assignments: [String: String] = [:]
        for _ in 0..<(try reader.count()) {
            let role = try reader.string()
            guard assignments.updateValue(try reader.string(), forKey: role) == nil else {
                throw reader.failure("the role '\(role)' twice")
            }
        }
        self.init(
            playbookID: playbookID, version: version, playbookHash: playbookHash, mode: mode,
            virtualClock: virtualClock, severity: severity, assignments: assignments,
            scenario: try reader.optional { (reader) throws(CompactFormError) in try reader.string() },
            speed: try Self.speed(&reader))
    }

    private static func speed(_ reader: inout CompactReader) throws(CompactFormError) -> Int {
        let value = try reader.int()
        guard speeds.contains(Int64(value)) else { throw reader.failure("a speed out of range") }
        return value
    }
}

extension StepDue {
    func write(to writer: inout CompactWriter) {
        for instant in [ack, progress, done, expiry] { writer.optional(instant) { $0.signed($1) } }
    }

    init(reading reader: inout CompactReader) throws(CompactFormError) {
        self.init(
            ack: try reader.optional { (reader) throws(CompactFormError) in try reader.instant() },
            progress: try reader.optional { (reader) throws(CompactFormError) in try reader.instant() },
            done: try reader.optional { (reader) throws(CompactFormError) in try reader.instant() },
            expiry: try reader.optional { (reader) throws(CompactFormError) in try reader.instant() })
    }
}

extension StepClock {
    /// Its name, so that reordering the cases cannot change what old bytes mean.
    func write(to writer: inout CompactWriter) {
        writer.string(rawValue)
    }

    init(reading reader: inout CompactReader) throws(CompactFormError) {
        guard let clock = Self(rawValue: try reader.string()) else { throw reader.failure("not a step clock") }
        self = clock
    }
}

extension TimerPurpose {
    func write(to writer: inout CompactWriter) {
        switch self {
        case .step(let step, let clock):
            writer.byte(0)
            writer.string(step)
            clock.write(to: &writer)
        case .escalation(let step, let rung):
            writer.byte(1)
            writer.string(step)
            writer.int(rung)
        case .milestone(let milestone):
            writer.byte(2)
            writer.string(milestone)
        }
    }

    init(reading reader: inout CompactReader) throws(CompactFormError) {
        switch try reader.byte() {
        case 0: self = .step(try reader.string(), try StepClock(reading: &reader))
        case 1: self = .escalation(try reader.string(), rung: try reader.rung())
        case 2: self = .milestone(try reader.string())
        default: throw reader.failure("not a timer purpose")
        }
    }
}

extension FactValue {
    func write(to writer: inout CompactWriter) {
        switch self {
        case .choice(let value):
            writer.byte(0)
            writer.string(value)
        case .number(let value):
            writer.byte(1)
            writer.double(value)
        case .text(let value):
            writer.byte(2)
            writer.string(value)
        case .flag(let value):
            writer.byte(3)
            writer.bool(value)
        }
    }

    init(reading reader: inout CompactReader) throws(CompactFormError) {
        switch try reader.byte() {
        case 0: self = .choice(try reader.string())
        case 1:
            // As a recorded fact is: finite (JSON, which the journal is, has no NaN or infinity).
            let number = try reader.double()
            guard number.isFinite else { throw reader.failure("a number that is not finite") }
            self = .number(number)
        case 2: self = .text(try reader.string())
        case 3: self = .flag(try reader.bool())
        default: throw reader.failure("not a fact value")
        }
    }
}
