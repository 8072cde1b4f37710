import JSONText
import PlaybookLanguage
import Reporting
import RunEngine
import Testing

/// Every refusal is written in Chinese as well as English: the Chinese names the same steps, roles, facts and
/// people by their ids and says the rest in Chinese.
struct RejectionLanguageTests {
    /// One way to get a command refused, starting from a fresh run of the test playbook.
    struct Refusal: Sendable, CustomTestStringConvertible {
        let name: String
        let reason: String
        let provoke: @Sendable () -> Rejection?

        init(_ name: String, _ reason: String, _ provoke: @escaping @Sendable () -> Rejection?) {
            self.name = name
            self.reason = reason
            self.provoke = provoke
        }

        var testDescription: String { name }
    }

    /// A run whose `report` is done: `assess` is open, owned by the commander (alice).
    static func atAssess(severity: String? = nil) -> Driver {
        var driver = Driver(severity: severity)
        driver.act("bob", .done(step: "report", items: []), atMinute: 1)
        return driver
    }

    /// A graded run waiting for the commander's decision on `choose`.
    static func atChoose() -> Driver {
        var driver = atAssess(severity: "fatal")
        driver.act("alice", .record(fact: "kind", value: "small"), atMinute: 2)
        driver.act("alice", .done(step: "assess", items: ["look"]), atMinute: 3)
        return driver
    }

    static let refusals: [Refusal] = [
        Refusal("wrong role", "wrong-role") {
            var driver = Driver()
            return driver.act("carol", .done(step: "report", items: []), atMinute: 1)
        },
        Refusal("not on the run", "wrong-role") {
            var driver = Driver()
            return driver.act("dave", .note("here", section: nil), atMinute: 1)
        },
        Refusal("grading without the grading step", "wrong-role") {
            var driver = Driver()
            return driver.act("bob", .grade(level: "fatal", why: nil), atMinute: 1)
        },
        Refusal("regrading by someone not in command", "wrong-role") {
            var driver = Driver(severity: "general")
            return driver.act("bob", .regrade(level: "fatal", why: "worse"), atMinute: 1)
        },
        Refusal("handing over someone else's role", "wrong-role") {
            var driver = Driver()
            return driver.act("bob", .handover(role: "commander", to: "dave"), atMinute: 1)
        },
        Refusal("aborting without command", "wrong-role") {
            var driver = Driver()
            return driver.act("bob", .abort(why: "bored"), atMinute: 1)
        },
        Refusal("step not active", "not-active") {
            var driver = Driver()
            return driver.act("alice", .done(step: "assess", items: []), atMinute: 1)
        },
        Refusal("step done earlier", "not-active") {
            var driver = atAssess()
            return driver.act("bob", .done(step: "report", items: []), atMinute: 2)
        },
        Refusal("no open step records the fact", "not-active") {
            var driver = Driver()
            return driver.act("alice", .record(fact: "kind", value: "small"), atMinute: 1)
        },
        Refusal("unknown step", "invalid") {
            var driver = Driver()
            return driver.act("bob", .done(step: "reprot", items: []), atMinute: 1)
        },
        Refusal("unknown option", "invalid") {
            var driver = atChoose()
            return driver.act("alice", .decide(step: "choose", option: "repair", why: nil), atMinute: 4)
        },
        Refusal("unknown fact value", "invalid") {
            var driver = atAssess()
            return driver.act("alice", .record(fact: "kind", value: "medium"), atMinute: 2)
        },
        Refusal("unknown fact", "invalid") {
            var driver = atAssess()
            return driver.act("alice", .record(fact: "knd", value: "small"), atMinute: 2)
        },
        Refusal("unknown checklist item", "invalid") {
            var driver = atAssess()
            return driver.act("alice", .checkItems(step: "assess", items: ["peek"]), atMinute: 2)
        },
        Refusal("item ticked twice", "invalid") {
            var driver = atAssess()
            driver.act("alice", .checkItems(step: "assess", items: ["look"]), atMinute: 2)
            return driver.act("alice", .checkItems(step: "assess", items: ["look"]), atMinute: 2)
        },
        Refusal("unticked checklist", "invalid") {
            var driver = atAssess()
            return driver.act("alice", .done(step: "assess", items: []), atMinute: 2)
        },
        Refusal("facts missing", "invalid") {
            var driver = atAssess()
            return driver.act("alice", .done(step: "assess", items: ["look"]), atMinute: 2)
        },
        Refusal("grading missing", "invalid") {
            var driver = atAssess()
            driver.act("alice", .record(fact: "kind", value: "small"), atMinute: 2)
            return driver.act("alice", .done(step: "assess", items: ["look"]), atMinute: 2)
        },
        Refusal("acknowledged twice", "invalid") {
            var driver = Driver()
            driver.act("bob", .acknowledge(step: "report"), atMinute: 1)
            return driver.act("bob", .acknowledge(step: "report"), atMinute: 1)
        },
        Refusal("a decision finished with done", "invalid") {
            var driver = atChoose()
            return driver.act("alice", .done(step: "choose", items: []), atMinute: 4)
        },
        Refusal("approving what is not an approval", "invalid") {
            var driver = atChoose()
            return driver.act("alice", .approve(step: "choose", why: nil), atMinute: 4)
        },
        Refusal("deciding what is not a decision", "invalid") {
            var driver = atAssess()
            return driver.act("alice", .decide(step: "assess", option: "fix", why: nil), atMinute: 2)
        },
        Refusal("a step without an owner", "invalid") {
            var driver = atChoose()
            driver.act("alice", .decide(step: "choose", option: "fix", why: nil), atMinute: 4)
            return driver.act("alice", .done(step: "work", items: []), atMinute: 5)
        },
        Refusal("unknown severity level", "invalid") {
            var driver = atAssess()
            return driver.act("alice", .grade(level: "fatel", why: nil), atMinute: 2)
        },
        Refusal("graded twice", "invalid") {
            var driver = atAssess(severity: "general")
            return driver.act("alice", .grade(level: "fatal", why: nil), atMinute: 2)
        },
        Refusal("regrading an ungraded run", "invalid") {
            var driver = Driver()
            return driver.act("alice", .regrade(level: "fatal", why: "worse"), atMinute: 1)
        },
        Refusal("regrading to the same level", "invalid") {
            var driver = Driver(severity: "general")
            return driver.act("alice", .regrade(level: "general", why: "same"), atMinute: 1)
        },
        Refusal("joining a held role", "invalid") {
            var driver = Driver()
            return driver.act("dave", .join(role: "commander"), atMinute: 1)
        },
        Refusal("joining an unknown role", "invalid") {
            var driver = Driver()
            return driver.act("dave", .join(role: "comander"), atMinute: 1)
        },
        Refusal("handing a role to its holder", "invalid") {
            var driver = Driver()
            return driver.act("alice", .handover(role: "on_site", to: "bob"), atMinute: 1)
        },
        Refusal("a note in an unknown section", "invalid") {
            var driver = Driver()
            return driver.act("alice", .note("x", section: "causes"), atMinute: 1)
        },
        Refusal("signing before the outcome", "invalid") {
            var driver = Driver()
            return driver.act("alice", .signoff, atMinute: 1)
        },
        Refusal("aborting an ended run", "finished") {
            var driver = atChoose()
            driver.act("alice", .decide(step: "choose", option: "watch", why: nil), atMinute: 4)
            return driver.act("alice", .abort(why: "late"), atMinute: 5)
        },
        Refusal("stale step", "stale") {
            var driver = Driver()
            let seen = driver.state.eventCount
            driver.act("bob", .acknowledge(step: "report"), atMinute: 1)
            return driver.attempt(Command(person: "bob", kind: .done(step: "report", items: []), expectSeq: seen),
                                  atMinute: 2)
        },
        Refusal("stale run", "stale") {
            var driver = Driver()
            let seen = driver.state.eventCount
            driver.act("alice", .note("first", section: nil), atMinute: 1)
            return driver.attempt(Command(person: "alice", kind: .note("second", section: nil), expectSeq: seen),
                                  atMinute: 2)
        },
    ]

    /// The ASCII words a Chinese message may hold: the playbook's identifiers, the people of the test runs, what the
    /// person typed (quoted in the English message), and the commands and option names a message tells them to use.
    static func allowedWords(_ rejection: Rejection) -> Set<String> {
        let playbook = TestPlaybook.playbook
        var words = Set(playbook.roles.map(\.id) + playbook.severities.map(\.id) + playbook.outcomes.map(\.id)
            + playbook.milestones.map(\.id))
        for fact in playbook.facts {
            words.insert(fact.id)
            if case .choice(let values) = fact.kind { words.formUnion(values) }
        }
        for step in playbook.allSteps {
            words.insert(step.id)
            words.formUnion(step.checklist.map(\.id))
            if case .decide(let decision) = step.kind { words.formUnion(decision.options.map(\.id)) }
        }
        words.formUnion(["alice", "bob", "carol", "dave"])
        words.formUnion(["phenomenon", "impact", "cause", "handling", "prevention", "lesson"])
        words.formUnion(["muster", "status", "join", "--role", "grade", "regrade", "decide", "approve", "deny",
                         "true", "false"])
        words.formUnion(quoted(Self.english(rejection)))
        return words
    }

    /// The identifiers between single quotes in `text` (a quoted command line, such as 'grade LEVEL', is left out:
    /// its placeholders are translated).
    static func quoted(_ text: String) -> [String] {
        text.split(separator: "'", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 1 && !$0.element.contains(" ") }.map { String($0.element) }
    }

    /// Runs of ASCII letters, digits, `_` and `-` that hold a letter.
    static func asciiWords(_ text: String) -> [String] {
        var words: [String] = []
        var word = ""
        for character in text + " " {
            if character.isASCII && (character.isLetter || character.isNumber || character == "_" || character == "-") {
                word.append(character)
            } else {
                if word.contains(where: \.isLetter) { words.append(word) }
                word = ""
            }
        }
        return words
    }

    static func english(_ rejection: Rejection) -> String { RefusalWords.text(rejection, .en) }
    static func chinese(_ rejection: Rejection) -> String { RefusalWords.text(rejection, .zh) }

    static func hasChinese(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
    }

    @Test(arguments: refusals)
    func theRefusalIsWrittenInChinese(_ refusal: Refusal) throws {
        let refused = refusal.provoke()
        let rejection = try #require(refused, "\(refusal.name): the command was not refused")
        #expect(rejection.reason == refusal.reason, "\(Self.english(rejection))")
        #expect(!Self.english(rejection).isEmpty)
        #expect(Self.hasChinese(Self.chinese(rejection)), "\(Self.chinese(rejection))")
        #expect(!Self.hasChinese(Self.english(rejection)), "\(Self.english(rejection))")

        // Nothing in English but identifiers, people, and the commands to type.
        let allowed = Self.allowedWords(rejection)
        let stray = Self.asciiWords(Self.chinese(rejection)).filter { !allowed.contains($0) }
        #expect(stray.isEmpty, "English words \(stray) in: \(Self.chinese(rejection))")

        // The same things are named, quoted the same way.
        for id in Self.quoted(Self.english(rejection)) {
            #expect(Self.chinese(rejection).contains("'\(id)'"), "'\(id)' is missing from: \(Self.chinese(rejection))")
        }
    }

    @Test func theEngineRefusesWithACodeTheWordsSayAndTheJournalKeepsTheCode() throws {
        var driver = Driver()
        let refused = driver.act("carol", .done(step: "report", items: []), atMinute: 1)
        let rejection = try #require(refused)
        #expect(rejection.code == .notYourRole)
        #expect(rejection.parameters == ["person": .text("carol"), "role": .text("on_site"), "holder": .text("bob"),
                                         "held": .list(["tech_lead"])])
        #expect(RefusalWords.text(rejection, .en) == "carol may not act as 'on_site' (held by bob); carol holds tech_lead")
        #expect(RefusalWords.text(rejection, .zh) == "carol 不能以 'on_site' 的身份操作（该角色由 bob 担任）；carol 担任 tech_lead")

        let event = driver.engine.rejected(Command(person: "carol", kind: .done(step: "report", items: [])),
                                           rejection, at: Driver.t0)
        #expect(event.kind == .commandRejected(command: "done", refusal: .coded(rejection)))
        let (type, data) = EventCoding.encode(event.kind)
        #expect(type == "command.rejected")
        #expect(JSONValue.object(data).serialized()
            == #"{"command":"done","code":"not-your-role","parameters":{"held":["tech_lead"],"holder":"bob","person":"carol","role":"on_site"}}"#)
        #expect(try EventCoding.decode(type: type, data: .object(data)) == event.kind)
        #expect(RefusalWords.recorded(.coded(rejection), .en)
            == "wrong-role: carol may not act as 'on_site' (held by bob); carol holds tech_lead")
    }

    @Test func aCloseMisspellingIsSuggestedInBothLanguages() throws {
        var driver = Driver()
        let refused = driver.act("bob", .done(step: "reprot", items: []), atMinute: 1)
        let rejection = try #require(refused)
        #expect(Self.english(rejection).hasSuffix("did you mean 'report'?"))
        #expect(Self.chinese(rejection) == "本预案未定义步骤 'reprot'；是否指 'report'？")
    }
}

extension Driver {
    /// Advances to `minutes` after the start and tries `command` (with its `expectSeq`), keeping the timers that
    /// fell due but not what the command produces; the rejection, if any.
    mutating func attempt(_ command: Command, atMinute minutes: Double) -> Rejection? {
        let now = Self.t0 + Int64(minutes * 60_000)
        append(engine.advance(state, to: now))
        if case .failure(let rejection) = engine.handle(command, state: state, at: now) { return rejection }
        return nil
    }
}
