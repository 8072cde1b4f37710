import JSONText
import PlaybookLanguage
import RunEngine
import Testing

/// The texts the engine writes into the journal for people (why a step was cancelled or reassigned, what a
/// notification says, why a command was refused) come in English and in Chinese.
struct EngineChineseTextTests {
    /// A playbook whose escalation goes to another step, and whose first step must be acknowledged in 1m.
    static let gotoPlaybook: Playbook = {
        let text = """
            muster: 1
            id: goto-kit
            version: 1.0.0
            title: { en: Goto kit, zh: 转向测试 }
            roles:
              commander: { title: { en: Commander, zh: 总指挥 } }
            severity:
              general: { title: { en: General, zh: 一般 } }
            start: watch
            steps:
              watch:
                title: { en: Watch the room, zh: 观察机房 }
                owner: commander
                ack_within: 1m
                escalate:
                  - { after: 3m, notify: [commander], goto: evacuate }
                next: outcome.done
              evacuate:
                title: { en: Evacuate, zh: 疏散 }
                owner: commander
                next: outcome.done
            outcomes:
              done: { kind: success, title: { en: Done, zh: 完成 } }
            """
        let result = PlaybookChecker.check(Array(text.utf8), file: "goto-kit.yaml")
        guard let playbook = result.playbook else { fatalError("goto-kit.yaml: \(result.diagnostics)") }
        return playbook
    }()

    static func hasChinese(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
    }

    static func cancellations(_ events: [Event]) -> [(step: String, why: String, whyChinese: String?)] {
        events.compactMap { if case .stepCancelled(let step, let why, let chinese, _) = $0.kind { (step, why, chinese) } else { nil } }
    }

    static func notifications(_ events: [Event]) -> [(message: String, messageChinese: String?)] {
        events.compactMap {
            if case .notificationRequested(_, _, let message, _, let chinese, _) = $0.kind { (message, chinese) } else { nil }
        }
    }

    @Test func aCancellationByAJoinIsWrittenInChinese() throws {
        var driver = Driver(severity: "fatal")
        driver.act("bob", .done(step: "report", items: []), atMinute: 1)
        driver.act("alice", .record(fact: "kind", value: "small"), atMinute: 1)
        driver.act("alice", .done(step: "assess", items: ["look"]), atMinute: 2)
        driver.act("alice", .decide(step: "choose", option: "fix", why: nil), atMinute: 3)
        #expect(driver.act("carol", .done(step: "watch", items: []), atMinute: 10) == nil)
        let cancelled = try #require(Self.cancellations(driver.events).first)
        #expect(cancelled.step == "fans")
        #expect(cancelled.why == "the join of 'work' is satisfied")
        #expect(cancelled.whyChinese == "步骤 'work' 的汇合条件已满足")
    }

    @Test func aCancellationByAnOutcomeIsWrittenInChinese() throws {
        var driver = Driver(severity: "general")
        #expect(driver.act("alice", .abort(why: "误报"), atMinute: 1) == nil)
        let cancelled = try #require(Self.cancellations(driver.events).first)
        #expect(cancelled.step == "report")
        #expect(cancelled.why == "the run reached outcome 'aborted'")
        #expect(cancelled.whyChinese == "本次运行已到达结果 'aborted'")
    }

    @Test func anEscalationsNotificationAndReassignmentAreWrittenInChinese() throws {
        var driver = Driver()
        driver.advance(toMinute: 4)
        let messages = Self.notifications(driver.events)
        #expect(messages.map(\.message) == [
            "step 'report' (Report) is not done after 2m", "step 'report' (Report) is now yours",
        ])
        // The step's Chinese title where the English has the English one.
        #expect(messages.map(\.messageChinese) == ["步骤 'report'（报告）已过 2m 仍未完成", "步骤 'report'（报告）现改由你负责"])
        let reassigned = driver.events.compactMap {
            if case .stepReassigned(let step, let to, let why, let chinese, _) = $0.kind { [step, to, why, chinese] } else { nil }
        }
        #expect(reassigned == [["report", "tech_lead", "escalation 2", "第 2 级升级"]])
        // Beside the words, the reason as a code with the escalation's rung, for the views to say in either language.
        let codes = driver.events.compactMap { if case .stepReassigned(_, _, _, _, let code) = $0.kind { code } else { nil } }
        #expect(codes == [EngineMessage(.reassignedByEscalation, ["rung": .number(2)])])
    }

    @Test func anOverdueNotificationIsWrittenInChinese() throws {
        var driver = Driver()
        driver.act("bob", .done(step: "report", items: []), atMinute: 1)
        driver.advance(toMinute: 6.5)
        let overdue = try #require(Self.notifications(driver.events).last)
        #expect(overdue.message == "step 'assess' is overdue")
        #expect(overdue.messageChinese == "步骤 'assess' 已逾期")
    }

    @Test func aDefaultedDecisionsNotificationIsWrittenInChinese() throws {
        var driver = Driver(severity: "general")
        driver.act("bob", .done(step: "report", items: []), atMinute: 1)
        driver.act("alice", .record(fact: "kind", value: "small"), atMinute: 1)
        driver.act("alice", .done(step: "assess", items: ["look"]), atMinute: 2)
        driver.advance(toMinute: 12)
        let defaulted = try #require(Self.notifications(driver.events).last)
        #expect(defaulted.message == "no decision on 'choose' in time: the default 'fix' was taken")
        #expect(defaulted.messageChinese == "步骤 'choose' 超时未决定，已按默认选择 'fix'")
    }

    @Test func anUnacknowledgedStepAndAnEscalationsGotoAreWrittenInChinese() throws {
        let engine = Engine(playbook: Self.gotoPlaybook)
        let start = RunStart(playbookID: "goto-kit", version: "1.0.0", playbookHash: "x", mode: .live,
                             virtualClock: false, severity: nil, assignments: ["commander": "alice"])
        var events = engine.start(start, at: Driver.t0)
        events += engine.advance(RunState.fold(events), to: Driver.t0 + 3 * 60_000)
        #expect(Self.notifications(events).map(\.messageChinese) == [
            "步骤 'watch' 逾期未确认", "步骤 'watch'（观察机房）已过 3m 仍未完成",
        ])
        let cancelled = Self.cancellations(events)
        #expect(cancelled.map(\.why) == ["escalation 1 went to evacuate"])
        #expect(cancelled.map(\.whyChinese) == ["第 1 级升级转到 evacuate"])
    }

    @Test func aRefusalIsJournaledWithItsCode() throws {
        var driver = Driver()
        let command = Command(person: "carol", kind: .done(step: "report", items: []))
        let refused = driver.act(command.person, command.kind, atMinute: 1)
        let rejection = try #require(refused)
        let event = driver.engine.rejected(command, rejection, at: Driver.t0 + 60_000)
        #expect(event.kind == .commandRejected(command: "done", refusal: .coded(rejection)))
    }

    /// Every text the engine writes for people, over runs that cancel, reassign, notify and refuse, has its
    /// Chinese, and the Chinese is Chinese.
    @Test func everyEngineTextHasChinese() {
        var runs: [[Event]] = []
        var escalated = Driver()
        escalated.advance(toMinute: 4)
        escalated.act("carol", .done(step: "report", items: []), atMinute: 4.5)
        escalated.advance(toMinute: 11)
        runs.append(escalated.events)
        var joined = Driver(severity: "fatal")
        joined.act("bob", .done(step: "report", items: []), atMinute: 1)
        joined.act("alice", .record(fact: "kind", value: "small"), atMinute: 1)
        joined.act("alice", .done(step: "assess", items: ["look"]), atMinute: 2)
        joined.advance(toMinute: 13)
        joined.act("carol", .done(step: "watch", items: []), atMinute: 14)
        runs.append(joined.events)
        var aborted = Driver()
        aborted.act("alice", .abort(why: "误报"), atMinute: 1)
        runs.append(aborted.events)
        var texts = 0
        for event in runs.joined() {
            let chinese: String??
            switch event.kind {
            case .stepCancelled(_, _, let whyChinese, _), .stepReassigned(_, _, _, let whyChinese, _): chinese = whyChinese
            case .notificationRequested(_, _, _, _, let messageChinese, _): chinese = messageChinese
            default: chinese = .none
            }
            guard let chinese else { continue }
            texts += 1
            #expect(chinese.map(Self.hasChinese) == true, "\(event.kind)")
        }
        #expect(texts == 7)
    }

    // MARK: The journal's coding

    static let bilingual: [EventKind] = [
        .stepCancelled(step: "fans", why: "the join of 'work' is satisfied", whyChinese: "步骤 'work' 的汇合条件已满足"),
        .stepReassigned(step: "report", to: "tech_lead", why: "escalation 2", whyChinese: "第 2 级升级"),
        .stepReassigned(step: "report", to: "tech_lead", why: "escalation 2", whyChinese: "第 2 级升级",
                        code: EngineMessage(.reassignedByEscalation, ["rung": .number(2)])),
        .stepReassigned(step: "repair", to: "commander", why: "the severity is now Fatal", whyChinese: "级别改为特别重大",
                        code: EngineMessage(.reassignedBySeverity, ["level": .text("fatal")])),
        .notificationRequested(id: "n1", roles: ["tech_lead"], message: "step 'assess' is overdue", step: "assess",
                               messageChinese: "步骤 'assess' 已逾期"),
        .commandRejected(command: "done", refusal: .prose(reason: "not-active: step 'assess' is not active",
                                                          chinese: "步骤 'assess' 未在进行中")),
    ]

    @Test(arguments: bilingual)
    func theChineseIsJournaledUnderAZhKeyAndReadBack(_ kind: EventKind) throws {
        let (type, data) = EventCoding.encode(kind)
        let chineseKeys = data.keys.filter { $0.hasSuffix("_zh") }
        #expect(chineseKeys.count == 1)
        #expect(chineseKeys.allSatisfy { data[$0]?.stringValue.map(Self.hasChinese) == true })
        let bytes = JSONValue.object(data).utf8Bytes
        let parsed = try JSONValue.parse(String(decoding: bytes, as: UTF8.self))
        #expect(try EventCoding.decode(type: type, data: parsed) == kind)
    }

    /// An event's type and data as journals held them before the engine wrote Chinese.
    struct EnglishOnlyData: Sendable, CustomStringConvertible {
        var type: String
        var data: String
        var description: String { type }
    }

    static let englishOnly: [EnglishOnlyData] = [
        EnglishOnlyData(type: "step.cancelled", data: #"{"step":"fans","why":"the join of 'work' is satisfied"}"#),
        EnglishOnlyData(type: "step.reassigned", data: #"{"step":"report","to":"tech_lead","why":"escalation 2"}"#),
        EnglishOnlyData(
            type: "notification.requested",
            data: #"{"id":"n1","roles":["tech_lead"],"message":"step 'report' (Report) is not done after 2m","step":"report"}"#),
        EnglishOnlyData(
            type: "command.rejected",
            data: #"{"command":"ack","reason":"wrong-role: zz may not act as 'on_site' (held by b)"}"#),
    ]

    @Test(arguments: englishOnly)
    func dataWithoutChineseReadsAsBeforeAndWritesTheSameBytes(_ line: EnglishOnlyData) throws {
        let kind = try EventCoding.decode(type: line.type, data: try JSONValue.parse(line.data))
        switch kind {
        case .stepCancelled(_, _, let chinese, _), .stepReassigned(_, _, _, let chinese, _),
            .notificationRequested(_, _, _, _, let chinese, _), .commandRejected(_, .prose(_, let chinese)):
            #expect(chinese == nil)
        default:
            Issue.record("decoded as \(kind)")
        }
        let (type, data) = EventCoding.encode(kind)
        #expect(type == line.type)
        #expect(JSONValue.object(data).serialized() == line.data)
    }

    /// A `_zh` key of the wrong type is ignored, like any key a reader does not know.
    @Test func aChineseKeyThatIsNotTextIsIgnored() throws {
        let data = try JSONValue.parse(#"{"step":"fans","why":"the join of 'work' is satisfied","why_zh":3}"#)
        #expect(try EventCoding.decode(type: "step.cancelled", data: data)
            == .stepCancelled(step: "fans", why: "the join of 'work' is satisfied"))
    }
}
