public import CompactCoding
import Diagnostics

/// A playbook as compact bytes, read back without YAML, so that a run's pinned playbook, checked once when the
/// run starts, is not parsed again on every command.
///
/// The bytes start with a magic and `compactFormVersion`, then every field of the model in declaration order
/// (locations included, so the playbook read back is equal to the one written). They are a cache of the YAML:
/// reading fails, rather than guesses, on anything but exactly what this version writes.
extension Playbook {
    /// The version of the compact form: change it whenever a field of the model is added, removed or reordered,
    /// and whenever the same YAML comes to decode differently, so that no run keeps using a form made before.
    public static let compactFormVersion: UInt64 = 1

    private static let compactMagic: [UInt8] = Array("muster-playbook".utf8)

    /// The playbook as compact bytes.
    public func compactForm() -> [UInt8] {
        var writer = CompactWriter(capacity: 16 << 10)
        for byte in Self.compactMagic { writer.byte(byte) }
        writer.unsigned(Self.compactFormVersion)
        write(to: &writer)
        return writer.bytes
    }

    /// Reads a playbook from the bytes of `compactForm()`, exactly all of them.
    public init(compactForm bytes: [UInt8]) throws(CompactFormError) {
        self = try bytes.withUnsafeBufferPointer { (buffer) throws(CompactFormError) -> Playbook in
            var reader = CompactReader(buffer)
            for byte in Self.compactMagic {
                guard try reader.byte() == byte else { throw reader.failure("not a compact playbook") }
            }
            guard try reader.unsigned() == Self.compactFormVersion else { throw reader.failure("another version") }
            let playbook = try Playbook(reading: &reader)
            guard reader.isAtEnd else { throw reader.failure("bytes after the playbook") }
            return playbook
        }
    }

    func write(to writer: inout CompactWriter) {
        writer.string(id)
        writer.string(version)
        title.write(to: &writer)
        writer.optional(summary) { $1.write(to: &$0) }
        writer.array(roles) { $1.write(to: &$0) }
        writer.array(severities) { $1.write(to: &$0) }
        writer.array(milestones) { $1.write(to: &$0) }
        writer.array(facts) { $1.write(to: &$0) }
        start.write(to: &writer)
        writer.array(steps) { $1.write(to: &$0) }
        writer.array(outcomes) { $1.write(to: &$0) }
    }

    init(reading reader: inout CompactReader) throws(CompactFormError) {
        self.init(
            id: try reader.string(), version: try reader.string(), title: try LocalizedText(reading: &reader),
            summary: try reader.optional { (reader) throws(CompactFormError) in try LocalizedText(reading: &reader) },
            roles: try reader.array { (reader) throws(CompactFormError) in try Role(reading: &reader) },
            severities: try reader.array { (reader) throws(CompactFormError) in try SeverityLevel(reading: &reader) },
            milestones: try reader.array { (reader) throws(CompactFormError) in try Milestone(reading: &reader) },
            facts: try reader.array { (reader) throws(CompactFormError) in try Fact(reading: &reader) },
            start: try Located(reading: &reader),
            steps: try reader.array { (reader) throws(CompactFormError) in try Step(reading: &reader) },
            outcomes: try reader.array { (reader) throws(CompactFormError) in try Outcome(reading: &reader) })
    }
}

// MARK: Shared parts

extension SourceLocation {
    func write(to writer: inout CompactWriter) {
        writer.int(line)
        writer.int(column)
    }

    init(reading reader: inout CompactReader) throws(CompactFormError) {
        self.init(line: try reader.int(), column: try reader.int())
    }
}

extension LocalizedText {
    func write(to writer: inout CompactWriter) {
        writer.optional(english) { $0.string($1) }
        writer.optional(chinese) { $0.string($1) }
    }

    init(reading reader: inout CompactReader) throws(CompactFormError) {
        self.init(english: try reader.optional { (reader) throws(CompactFormError) in try reader.string() },
                  chinese: try reader.optional { (reader) throws(CompactFormError) in try reader.string() })
    }
}

extension Located<String> {
    func write(to writer: inout CompactWriter) {
        writer.string(value)
        location.write(to: &writer)
    }

    init(reading reader: inout CompactReader) throws(CompactFormError) {
        self.init(try reader.string(), at: try SourceLocation(reading: &reader))
    }

    static func read(_ reader: inout CompactReader) throws(CompactFormError) -> Self {
        try Self(reading: &reader)
    }
}

extension Located<Duration> {
    func write(to writer: inout CompactWriter) {
        switch value {
        case .fixed(let milliseconds):
            writer.byte(0)
            writer.signed(milliseconds)
        case .clock(let name):
            writer.byte(1)
            writer.string(name)
        }
        location.write(to: &writer)
    }

    init(reading reader: inout CompactReader) throws(CompactFormError) {
        let duration: Duration =
            switch try reader.byte() {
            case 0: .fixed(milliseconds: try reader.signed())
            case 1: .clock(try reader.string())
            default: throw reader.failure("not a duration")
            }
        self.init(duration, at: try SourceLocation(reading: &reader))
    }

    static func read(_ reader: inout CompactReader) throws(CompactFormError) -> Self {
        try Self(reading: &reader)
    }
}

extension Located<Target> {
    func write(to writer: inout CompactWriter) {
        switch value {
        case .step(let id):
            writer.byte(0)
            writer.string(id)
        case .outcome(let id):
            writer.byte(1)
            writer.string(id)
        }
        location.write(to: &writer)
    }

    init(reading reader: inout CompactReader) throws(CompactFormError) {
        let target: Target =
            switch try reader.byte() {
            case 0: .step(try reader.string())
            case 1: .outcome(try reader.string())
            default: throw reader.failure("not a target")
            }
        self.init(target, at: try SourceLocation(reading: &reader))
    }

    static func read(_ reader: inout CompactReader) throws(CompactFormError) -> Self {
        try Self(reading: &reader)
    }
}

// MARK: The playbook's parts

extension Role {
    func write(to writer: inout CompactWriter) {
        writer.string(id)
        title.write(to: &writer)
        writer.optional(standIn) { $1.write(to: &$0) }
        location.write(to: &writer)
    }

    init(reading reader: inout CompactReader) throws(CompactFormError) {
        self.init(id: try reader.string(), title: try LocalizedText(reading: &reader),
                  standIn: try reader.optional(Located<String>.read), location: try SourceLocation(reading: &reader))
    }
}

extension SeverityLevel {
    func write(to writer: inout CompactWriter) {
        writer.string(id)
        title.write(to: &writer)
        // The clocks in written order; the dictionary is rebuilt from them.
        writer.array(clockOrder) { writer, name in
            writer.string(name)
            writer.optional(clocks[name]) { $0.signed($1) }
        }
        // Clocks not in the written order, if a playbook ever had such (sorted, so the bytes are deterministic).
        let unordered = clocks.keys.filter { !clockOrder.contains($0) }.sorted()
        writer.array(unordered) { writer, name in
            writer.string(name)
            writer.signed(clocks[name] ?? 0)
        }
        location.write(to: &writer)
    }

    init(reading reader: inout CompactReader) throws(CompactFormError) {
        let id = try reader.string()
        let title = try LocalizedText(reading: &reader)
        var clocks: [String: Int64] = [:]
        let order = try reader.array { (reader) throws(CompactFormError) -> String in
            let name = try reader.string()
            if let length = try reader.optional({ (reader) throws(CompactFormError) in try reader.signed() }) {
                clocks[name] = length
            }
            return name
        }
        let unordered = try reader.array { (reader) throws(CompactFormError) in (try reader.string(), try reader.signed()) }
        for (name, length) in unordered { clocks[name] = length }
        self.init(id: id, title: title, clocks: clocks, clockOrder: order,
                  location: try SourceLocation(reading: &reader))
    }
}

extension Milestone {
    func write(to writer: inout CompactWriter) {
        writer.string(id)
        title.write(to: &writer)
        within.write(to: &writer)
        writer.string(from.rawValue)
        switch reachedWhen {
        case .activated(let step):
            writer.byte(0)
            step.write(to: &writer)
        case .acknowledged(let step):
            writer.byte(1)
            step.write(to: &writer)
        case .done(let step):
            writer.byte(2)
            step.write(to: &writer)
        case .outcome:
            writer.byte(3)
        }
        writer.optional(measures) { $0.string($1.rawValue) }
        location.write(to: &writer)
    }

    init(reading reader: inout CompactReader) throws(CompactFormError) {
        let id = try reader.string()
        let title = try LocalizedText(reading: &reader)
        let within = try Located<Duration>(reading: &reader)
        guard let from = Anchor(rawValue: try reader.string()) else { throw reader.failure("not an anchor") }
        let trigger: Trigger =
            switch try reader.byte() {
            case 0: .activated(try Located(reading: &reader))
            case 1: .acknowledged(try Located(reading: &reader))
            case 2: .done(try Located(reading: &reader))
            case 3: .outcome
            default: throw reader.failure("not a trigger")
            }
        let measure = try reader.optional { (reader) throws(CompactFormError) -> String in try reader.string() }
        let measures = measure.flatMap(Measure.init(rawValue:))
        guard (measure == nil) == (measures == nil) else { throw reader.failure("not a measure") }
        self.init(id: id, title: title, within: within, from: from, reachedWhen: trigger, measures: measures,
                  location: try SourceLocation(reading: &reader))
    }
}

extension Fact {
    func write(to writer: inout CompactWriter) {
        writer.string(id)
        title.write(to: &writer)
        switch kind {
        case .choice(let values):
            writer.byte(0)
            writer.array(values) { $0.string($1) }
        case .number(let unit):
            writer.byte(1)
            writer.optional(unit) { $0.string($1) }
        case .text:
            writer.byte(2)
        case .flag:
            writer.byte(3)
        }
        location.write(to: &writer)
    }

    init(reading reader: inout CompactReader) throws(CompactFormError) {
        let id = try reader.string()
        let title = try LocalizedText(reading: &reader)
        let kind: Kind =
            switch try reader.byte() {
            case 0: .choice(try reader.array { (reader) throws(CompactFormError) in try reader.string() })
            case 1: .number(unit: try reader.optional { (reader) throws(CompactFormError) in try reader.string() })
            case 2: .text
            case 3: .flag
            default: throw reader.failure("not a fact kind")
            }
        self.init(id: id, title: title, kind: kind, location: try SourceLocation(reading: &reader))
    }
}

extension Outcome {
    func write(to writer: inout CompactWriter) {
        writer.string(id)
        title.write(to: &writer)
        writer.string(kind.rawValue)
        location.write(to: &writer)
    }

    init(reading reader: inout CompactReader) throws(CompactFormError) {
        let id = try reader.string()
        let title = try LocalizedText(reading: &reader)
        guard let kind = Kind(rawValue: try reader.string()) else { throw reader.failure("not an outcome kind") }
        self.init(id: id, title: title, kind: kind, location: try SourceLocation(reading: &reader))
    }
}

// MARK: Steps

extension Step {
    func write(to writer: inout CompactWriter) {
        writer.string(id)
        location.write(to: &writer)
        title.write(to: &writer)
        writer.optional(instructions) { $1.write(to: &$0) }
        writer.optional(owner) { $1.write(to: &$0) }
        writer.optional(source) { $0.string($1) }
        writer.string(phase.rawValue)
        switch kind {
        case .action:
            writer.byte(0)
        case .decide(let decision):
            writer.byte(1)
            decision.write(to: &writer)
        case .approve(let approval):
            writer.byte(2)
            approval.write(to: &writer)
        case .parallel(let parallel):
            writer.byte(3)
            parallel.write(to: &writer)
        case .wait(let wait):
            writer.byte(4)
            wait.write(to: &writer)
        }
        writer.array(checklist) { $1.write(to: &$0) }
        writer.array(records) { $1.write(to: &$0) }
        writer.bool(grades)
        writer.optional(ackWithin) { $1.write(to: &$0) }
        writer.optional(reportEvery) { $1.write(to: &$0) }
        writer.optional(doneWithin) { $1.write(to: &$0) }
        writer.array(escalations) { $1.write(to: &$0) }
        writer.optional(next) { $1.write(to: &$0) }
        writer.optional(nextLocation) { $1.write(to: &$0) }
    }

    init(reading reader: inout CompactReader) throws(CompactFormError) {
        let id = try reader.string()
        let location = try SourceLocation(reading: &reader)
        let title = try LocalizedText(reading: &reader)
        let instructions = try reader.optional { (reader) throws(CompactFormError) in try LocalizedText(reading: &reader) }
        let owner = try reader.optional(Located<String>.read)
        let source = try reader.optional { (reader) throws(CompactFormError) in try reader.string() }
        guard let phase = Phase(rawValue: try reader.string()) else { throw reader.failure("not a phase") }
        let kind: Kind =
            switch try reader.byte() {
            case 0: .action
            case 1: .decide(try Decision(reading: &reader))
            case 2: .approve(try Approval(reading: &reader))
            case 3: .parallel(try reader.nested { (reader) throws(CompactFormError) in try ParallelBlock(reading: &reader) })
            case 4: .wait(try Wait(reading: &reader))
            default: throw reader.failure("not a step kind")
            }
        self.init(
            id: id, location: location, title: title, instructions: instructions, owner: owner, source: source,
            phase: phase, kind: kind,
            checklist: try reader.array { (reader) throws(CompactFormError) in try ChecklistItem(reading: &reader) },
            records: try reader.array(Located<String>.read), grades: try reader.bool(),
            ackWithin: try reader.optional(Located<Duration>.read),
            reportEvery: try reader.optional(Located<Duration>.read),
            doneWithin: try reader.optional(Located<Duration>.read),
            escalations: try reader.array { (reader) throws(CompactFormError) in try Escalation(reading: &reader) },
            next: try reader.optional { (reader) throws(CompactFormError) in try Transition(reading: &reader) },
            nextLocation: try reader.optional { (reader) throws(CompactFormError) in try SourceLocation(reading: &reader) })
    }
}

extension ChecklistItem {
    func write(to writer: inout CompactWriter) {
        writer.string(id)
        text.write(to: &writer)
        location.write(to: &writer)
    }

    init(reading reader: inout CompactReader) throws(CompactFormError) {
        self.init(id: try reader.string(), text: try LocalizedText(reading: &reader),
                  location: try SourceLocation(reading: &reader))
    }
}

extension Transition {
    func write(to writer: inout CompactWriter) {
        switch self {
        case .always(let target):
            writer.byte(0)
            target.write(to: &writer)
        case .branches(let branches, let otherwise):
            writer.byte(1)
            writer.array(branches) { writer, branch in
                branch.condition.write(to: &writer)
                branch.conditionLocation.write(to: &writer)
                branch.target.write(to: &writer)
            }
            otherwise.write(to: &writer)
        }
    }

    init(reading reader: inout CompactReader) throws(CompactFormError) {
        switch try reader.byte() {
        case 0:
            self = .always(try Located(reading: &reader))
        case 1:
            let branches = try reader.array { (reader) throws(CompactFormError) in
                Branch(condition: try Condition(reading: &reader), conditionLocation: try SourceLocation(reading: &reader),
                       target: try Located(reading: &reader))
            }
            self = .branches(branches, otherwise: try Located(reading: &reader))
        default:
            throw reader.failure("not a transition")
        }
    }
}

extension Condition {
    func write(to writer: inout CompactWriter) {
        switch self {
        case .and(let left, let right):
            writer.byte(0)
            left.write(to: &writer)
            right.write(to: &writer)
        case .or(let left, let right):
            writer.byte(1)
            left.write(to: &writer)
            right.write(to: &writer)
        case .not(let inner):
            writer.byte(2)
            inner.write(to: &writer)
        case .compare(let subject, let comparison, let literals):
            writer.byte(3)
            subject.write(to: &writer)
            writer.string(comparison.rawValue)
            writer.array(literals) { $1.write(to: &$0) }
        case .isTrue(let subject):
            writer.byte(4)
            subject.write(to: &writer)
        }
    }

    init(reading reader: inout CompactReader) throws(CompactFormError) {
        self = try reader.nested { (reader) throws(CompactFormError) -> Condition in
            switch try reader.byte() {
            case 0: .and(try Condition(reading: &reader), try Condition(reading: &reader))
            case 1: .or(try Condition(reading: &reader), try Condition(reading: &reader))
            case 2: .not(try Condition(reading: &reader))
            case 3:
                .compare(
                    try Subject(reading: &reader),
                    try Comparison(rawValue: try reader.string()).unwrap(or: reader.failure("not a comparison")),
                    try reader.array { (reader) throws(CompactFormError) in try Literal(reading: &reader) })
            case 4: .isTrue(try Subject(reading: &reader))
            default: throw reader.failure("not a condition")
            }
        }
    }
}

extension Optional {
    fileprivate func unwrap(or error: CompactFormError) throws(CompactFormError) -> Wrapped {
        guard let self else { throw error }
        return self
    }
}

extension Condition.Subject {
    func write(to writer: inout CompactWriter) {
        switch self {
        case .fact(let id):
            writer.byte(0)
            writer.string(id)
        case .severity:
            writer.byte(1)
        }
    }

    init(reading reader: inout CompactReader) throws(CompactFormError) {
        switch try reader.byte() {
        case 0: self = .fact(try reader.string())
        case 1: self = .severity
        default: throw reader.failure("not a subject")
        }
    }
}

extension Condition.Literal {
    func write(to writer: inout CompactWriter) {
        switch self {
        case .name(let name):
            writer.byte(0)
            writer.string(name)
        case .number(let number):
            writer.byte(1)
            writer.double(number)
        case .text(let text):
            writer.byte(2)
            writer.string(text)
        case .flag(let flag):
            writer.byte(3)
            writer.bool(flag)
        }
    }

    init(reading reader: inout CompactReader) throws(CompactFormError) {
        switch try reader.byte() {
        case 0: self = .name(try reader.string())
        case 1: self = .number(try reader.double())
        case 2: self = .text(try reader.string())
        case 3: self = .flag(try reader.bool())
        default: throw reader.failure("not a literal")
        }
    }
}

extension Escalation {
    func write(to writer: inout CompactWriter) {
        after.write(to: &writer)
        writer.array(notify) { $1.write(to: &$0) }
        writer.optional(reassign) { $1.write(to: &$0) }
        writer.optional(goto) { $1.write(to: &$0) }
        location.write(to: &writer)
    }

    init(reading reader: inout CompactReader) throws(CompactFormError) {
        self.init(after: try Located(reading: &reader), notify: try reader.array(Located<String>.read),
                  reassign: try reader.optional(Located<String>.read), goto: try reader.optional(Located<Target>.read),
                  location: try SourceLocation(reading: &reader))
    }
}

// MARK: Step kinds

extension Decision {
    func write(to writer: inout CompactWriter) {
        prompt.write(to: &writer)
        writer.array(options) { writer, option in
            writer.string(option.id)
            option.title.write(to: &writer)
            option.target.write(to: &writer)
        }
        writer.optional(within) { $1.write(to: &$0) }
        writer.optional(onExpiry) { $1.write(to: &$0) }
        writer.array(notifyOnExpiry) { $1.write(to: &$0) }
    }

    init(reading reader: inout CompactReader) throws(CompactFormError) {
        self.init(
            prompt: try LocalizedText(reading: &reader),
            options: try reader.array { (reader) throws(CompactFormError) in
                Option(id: try reader.string(), title: try LocalizedText(reading: &reader),
                       target: try Located(reading: &reader))
            },
            within: try reader.optional(Located<Duration>.read), onExpiry: try reader.optional(Located<String>.read),
            notifyOnExpiry: try reader.array(Located<String>.read))
    }
}

extension Approval {
    func write(to writer: inout CompactWriter) {
        approver.write(to: &writer)
        writer.optional(within) { $1.write(to: &$0) }
        writer.bool(approveOnExpiry)
        approved.write(to: &writer)
        denied.write(to: &writer)
    }

    init(reading reader: inout CompactReader) throws(CompactFormError) {
        self.init(approver: try Located(reading: &reader), within: try reader.optional(Located<Duration>.read),
                  approveOnExpiry: try reader.bool(), approved: try Located(reading: &reader),
                  denied: try Located(reading: &reader))
    }
}

extension ParallelBlock {
    func write(to writer: inout CompactWriter) {
        writer.array(tracks) { writer, track in
            writer.string(track.id)
            track.title.write(to: &writer)
            track.start.write(to: &writer)
            writer.array(track.steps) { $1.write(to: &$0) }
            track.location.write(to: &writer)
        }
        switch join {
        case .all: writer.byte(0)
        case .any: writer.byte(1)
        case .count(let count):
            writer.byte(2)
            writer.int(count)
        }
        joinLocation.write(to: &writer)
    }

    init(reading reader: inout CompactReader) throws(CompactFormError) {
        let tracks = try reader.array { (reader) throws(CompactFormError) in
            Track(id: try reader.string(), title: try LocalizedText(reading: &reader), start: try Located(reading: &reader),
                  steps: try reader.array { (reader) throws(CompactFormError) in try Step(reading: &reader) },
                  location: try SourceLocation(reading: &reader))
        }
        let join: Join =
            switch try reader.byte() {
            case 0: .all
            case 1: .any
            case 2: .count(try reader.int())
            default: throw reader.failure("not a join")
            }
        self.init(tracks: tracks, join: join, joinLocation: try SourceLocation(reading: &reader))
    }
}

extension Wait {
    func write(to writer: inout CompactWriter) {
        writer.optional(until) { $1.write(to: &$0) }
        writer.optional(signal) { $0.string($1) }
        within.write(to: &writer)
        writer.optional(onExpiry) { $1.write(to: &$0) }
    }

    init(reading reader: inout CompactReader) throws(CompactFormError) {
        self.init(until: try reader.optional { (reader) throws(CompactFormError) in try LocalizedText(reading: &reader) },
                  signal: try reader.optional { (reader) throws(CompactFormError) in try reader.string() },
                  within: try Located(reading: &reader), onExpiry: try reader.optional(Located<Target>.read))
    }
}
