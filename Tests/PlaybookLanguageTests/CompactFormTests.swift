import CompactCoding
import Foundation
import PlaybookLanguage
import Testing

/// The compact form a run keeps of its pinned playbook: read back, it is the very playbook that was written, for
/// every shipped playbook and every construct of the language; and no bytes (torn, flipped, forged) crash the reader.
struct CompactFormTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The shipped playbooks and this suite's fixture that uses every construct the shipped ones do not.
    static let playbookFiles: [String] = {
        let shipped = (try? FileManager.default.contentsOfDirectory(atPath: root.path + "/Playbooks")) ?? []
        return shipped.filter { $0.hasSuffix(".yaml") }.sorted().map { "Playbooks/" + $0 }
            + ["Tests/PlaybookLanguageTests/Fixtures/compact/every-construct.yaml"]
    }()

    static func playbook(_ file: String) throws -> Playbook {
        let bytes = Array(try Data(contentsOf: root.appendingPathComponent(file)))
        let result = PlaybookChecker.check(bytes, file: file)
        return try #require(result.playbook, "\(file) does not check: \(result.diagnostics.prefix(3))")
    }

    @Test(arguments: playbookFiles)
    func readsBackTheSamePlaybook(file: String) throws {
        let playbook = try Self.playbook(file)
        let bytes = playbook.compactForm()
        #expect(try Playbook(compactForm: bytes) == playbook)
        #expect(playbook.compactForm() == bytes, "the compact form is not deterministic")
    }

    @Test func theFilesTogetherUseEveryConstruct() throws {
        var seen = Set<String>()
        for file in Self.playbookFiles { Constructs.collect(try Self.playbook(file), into: &seen) }
        #expect(Constructs.all.subtracting(seen).sorted() == [])
    }

    @Test func everyTruncationIsRefused() throws {
        let bytes = try Self.playbook("Playbooks/fire.yaml").compactForm()
        for length in 0..<bytes.count {
            #expect(throws: CompactFormError.self) { try Playbook(compactForm: Array(bytes[..<length])) }
        }
    }

    @Test func bytesAfterThePlaybookAreRefused() throws {
        let bytes = try Self.playbook("Playbooks/water-leak.yaml").compactForm()
        #expect(throws: CompactFormError.self) { try Playbook(compactForm: bytes + [0]) }
    }

    @Test func anotherVersionIsRefused() throws {
        var bytes = try Self.playbook("Playbooks/water-leak.yaml").compactForm()
        let versionOffset = "muster-playbook".utf8.count
        #expect(bytes[versionOffset] == UInt8(Playbook.compactFormVersion))
        bytes[versionOffset] += 1
        let error = try #require(throws: CompactFormError.self) { try Playbook(compactForm: bytes) }
        #expect(error.description.contains("another version"))
        #expect(throws: CompactFormError.self) { try Playbook(compactForm: Array("muster-playbook".utf8)) }
        #expect(throws: CompactFormError.self) { try Playbook(compactForm: Array("a yaml: file\n".utf8)) }
    }

    /// A byte changed anywhere (every fifth one, each in two ways) is refused or reads as some playbook; none
    /// crashes (a run under the address sanitizer also sees no read out of bounds).
    @Test func changedBytesNeverCrash() throws {
        let bytes = try Self.playbook("Playbooks/power-loss.yaml").compactForm()
        var refused = 0
        for index in stride(from: 0, to: bytes.count, by: 5) {
            for change: UInt8 in [0x01, 0xFF] {
                var damaged = bytes
                damaged[index] ^= change
                if (try? Playbook(compactForm: damaged)) == nil { refused += 1 }
            }
        }
        #expect(refused > 0)
    }

    /// A count as large as the bytes left passes the first check, but must not reserve that many elements (a step
    /// takes hundreds of bytes of memory): 60 MB claiming 60 million steps is refused, not a 30 GB allocation.
    @Test func aForgedCountAsLargeAsTheInputDoesNotReserveThatMuchMemory() throws {
        let header = Array("muster-playbook".utf8) + [1, 1, 0x61, 1, 0x31, 0, 0, 0]
        // No roles, severities, milestones or facts; a start; then the steps' count and zero bytes.
        let start: [UInt8] = [0, 0, 0, 0, 1, 0x61, 2, 2]
        let rest = 60_000_000
        var count: [UInt8] = []
        var value = UInt64(rest)
        while value >= 0x80 {
            count.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        count.append(UInt8(value))
        let forged = header + start + count + [UInt8](repeating: 0, count: rest)
        #expect(throws: CompactFormError.self) { try Playbook(compactForm: forged) }
    }

    @Test func aForgedHugeCountIsRefusedWithoutAllocatingIt() {
        // The magic, version 1, an id, a version, an empty title, no summary, then 2^62 roles.
        let forged = Array("muster-playbook".utf8) + [1, 1, 0x61, 1, 0x31, 0, 0, 0]
            + [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x40]
        let error = try? #require(throws: CompactFormError.self) { try Playbook(compactForm: forged) }
        #expect(error?.description.contains("count beyond the end") == true)
    }

    @Test func aForgedDeepConditionIsRefused() throws {
        // Replace the first branch's condition of water-leak with a chain of 300 `not`s: the reader stops at
        // its depth limit instead of overflowing the stack.
        var playbook = try Self.playbook("Playbooks/water-leak.yaml")
        var deep = Condition.isTrue(.severity)
        for _ in 0..<300 { deep = .not(deep) }
        let index = try #require(playbook.steps.firstIndex { if case .branches = $0.next { true } else { false } })
        guard case .branches(var branches, let otherwise) = playbook.steps[index].next else { return }
        branches[0].condition = deep
        playbook.steps[index].next = .branches(branches, otherwise: otherwise)
        let error = try #require(throws: CompactFormError.self) { try Playbook(compactForm: playbook.compactForm()) }
        #expect(error.description.contains("nested too deeply"))
    }
}

/// Names for each case of the model's enumerations and each optional field when present, so that a test can say
/// which of them a set of playbooks exercises.
enum Constructs {
    static let all: Set<String> = [
        "summary", "stand-in", "measure", "trigger.activated", "trigger.acknowledged",
        "trigger.done", "trigger.outcome", "from.start", "from.outcome", "fact.choice", "fact.number",
        "fact.number.unit", "fact.text", "fact.flag", "outcome.success", "outcome.partial", "outcome.failure",
        "outcome.aborted", "step.action", "step.decide", "step.approve", "step.parallel", "step.wait",
        "phase.after_end", "instructions", "source", "checklist", "records", "grades", "ack_within", "report_every",
        "done_within", "duration.fixed", "duration.clock", "escalation.notify", "escalation.reassign",
        "escalation.goto", "next.always", "next.branches", "target.outcome", "condition.and", "condition.or",
        "condition.not", "condition.compare", "condition.isTrue", "subject.severity", "subject.fact",
        "literal.name", "literal.number", "literal.text", "literal.flag", "comparison.in", "decision.within",
        "decision.on_expiry", "decision.notify_on_expiry", "approval.within", "approval.approve_on_expiry",
        "join.all", "join.any", "join.count", "wait.until", "wait.signal", "wait.on_expiry",
    ]

    static func collect(_ playbook: Playbook, into seen: inout Set<String>) {
        if playbook.summary != nil { seen.insert("summary") }
        for role in playbook.roles where role.standIn != nil { seen.insert("stand-in") }
        for milestone in playbook.milestones {
            if milestone.measures != nil { seen.insert("measure") }
            seen.insert("from.\(milestone.from.rawValue)")
            switch milestone.reachedWhen {
            case .activated: seen.insert("trigger.activated")
            case .acknowledged: seen.insert("trigger.acknowledged")
            case .done: seen.insert("trigger.done")
            case .outcome: seen.insert("trigger.outcome")
            }
            duration(milestone.within.value, &seen)
        }
        for fact in playbook.facts {
            switch fact.kind {
            case .choice: seen.insert("fact.choice")
            case .number(let unit):
                seen.insert("fact.number")
                if unit != nil { seen.insert("fact.number.unit") }
            case .text: seen.insert("fact.text")
            case .flag: seen.insert("fact.flag")
            }
        }
        for outcome in playbook.outcomes { seen.insert("outcome.\(outcome.kind.rawValue)") }
        for step in playbook.allSteps { collect(step, into: &seen) }
    }

    static func collect(_ step: Step, into seen: inout Set<String>) {
        seen.insert("step.\(step.kind.name)")
        if step.phase == .afterEnd { seen.insert("phase.after_end") }
        if step.instructions != nil { seen.insert("instructions") }
        if step.source != nil { seen.insert("source") }
        if !step.checklist.isEmpty { seen.insert("checklist") }
        if !step.records.isEmpty { seen.insert("records") }
        if step.grades { seen.insert("grades") }
        for (name, value) in [("ack_within", step.ackWithin), ("report_every", step.reportEvery),
                              ("done_within", step.doneWithin)] {
            if let value {
                seen.insert(name)
                duration(value.value, &seen)
            }
        }
        for rung in step.escalations {
            if !rung.notify.isEmpty { seen.insert("escalation.notify") }
            if rung.reassign != nil { seen.insert("escalation.reassign") }
            if rung.goto != nil { seen.insert("escalation.goto") }
        }
        switch step.next {
        case .always(let target):
            seen.insert("next.always")
            if case .outcome = target.value { seen.insert("target.outcome") }
        case .branches(let branches, _):
            seen.insert("next.branches")
            for branch in branches { collect(branch.condition, into: &seen) }
        case nil: break
        }
        switch step.kind {
        case .action: break
        case .decide(let decision):
            if decision.within != nil { seen.insert("decision.within") }
            if decision.onExpiry != nil { seen.insert("decision.on_expiry") }
            if !decision.notifyOnExpiry.isEmpty { seen.insert("decision.notify_on_expiry") }
        case .approve(let approval):
            if approval.within != nil { seen.insert("approval.within") }
            if approval.approveOnExpiry { seen.insert("approval.approve_on_expiry") }
        case .parallel(let parallel):
            switch parallel.join {
            case .all: seen.insert("join.all")
            case .any: seen.insert("join.any")
            case .count: seen.insert("join.count")
            }
        case .wait(let wait):
            if wait.until != nil { seen.insert("wait.until") }
            if wait.signal != nil { seen.insert("wait.signal") }
            if wait.onExpiry != nil { seen.insert("wait.on_expiry") }
        }
    }

    static func collect(_ condition: Condition, into seen: inout Set<String>) {
        switch condition {
        case .and(let left, let right):
            seen.insert("condition.and")
            collect(left, into: &seen)
            collect(right, into: &seen)
        case .or(let left, let right):
            seen.insert("condition.or")
            collect(left, into: &seen)
            collect(right, into: &seen)
        case .not(let inner):
            seen.insert("condition.not")
            collect(inner, into: &seen)
        case .compare(let subject, let comparison, let literals):
            seen.insert("condition.compare")
            collect(subject, into: &seen)
            if comparison == .oneOf { seen.insert("comparison.in") }
            for literal in literals {
                switch literal {
                case .name: seen.insert("literal.name")
                case .number: seen.insert("literal.number")
                case .text: seen.insert("literal.text")
                case .flag: seen.insert("literal.flag")
                }
            }
        case .isTrue(let subject):
            seen.insert("condition.isTrue")
            collect(subject, into: &seen)
        }
    }

    static func collect(_ subject: Condition.Subject, into seen: inout Set<String>) {
        switch subject {
        case .fact: seen.insert("subject.fact")
        case .severity: seen.insert("subject.severity")
        }
    }

    static func duration(_ duration: Duration, _ seen: inout Set<String>) {
        switch duration {
        case .fixed: seen.insert("duration.fixed")
        case .clock: seen.insert("duration.clock")
        }
    }
}
