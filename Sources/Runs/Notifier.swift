import JSONText
import Platform
import PlaybookLanguage
import Reporting
import RunEngine

/// Delivers a run's notifications by running the `--notify-command` as argv (never through a shell), one
/// process per person reached, with the notification and the person's contacts as JSON on stdin: `id`, `key`
/// (the same for every attempt at one delivery), `run`, `to` (the person's id and, from the contact directory,
/// `name`, `name_zh` and contacts), `roles`, `message`, `message_zh` (the message in Chinese, when the journal
/// has it), `step`, `requested_at` (when it fell due, milliseconds since the epoch), `attempt` and `drill` (a
/// drill's messages also start with `[DRILL]` / `【演练】`). The messages are for the person paged: they name
/// steps, roles, options and outcomes by the playbook's titles; `roles` and `step` keep the ids for machines.
///
/// A command that fails, or runs past its time limit (it is then killed), counts as a failed attempt; either
/// way the result is journaled and the run goes on, and a failed delivery is tried again (see `Outbox`).
public struct Notifier {
    /// The program and its arguments, if deliveries run a command.
    public let argv: [String]?
    /// The contact directory, if any.
    public let contacts: ContactDirectory?
    /// How long a delivery may take, in seconds.
    public let timeout: Double
    /// The local syslog socket each delivery is also sent to, if any.
    public var syslogSocket: String? = nil
    /// Pages nobody acknowledged are sent again after this many milliseconds, at most this many times.
    public var resend: (after: Int64, times: Int)? = nil
    /// The language of the one message a syslog delivery carries (`--lang` of the command delivering).
    public var language: Language = .en

    /// A notifier: `argv` runs for each delivery (when given), `contacts` says how people are reached, a delivery
    /// may take `timeout` seconds, each is also sent to `syslogSocket` (when given), and unacknowledged pages are
    /// sent again `resend.after` milliseconds later, at most `resend.times` times (when given).
    public init(
        argv: [String]?, contacts: ContactDirectory?, timeout: Double, syslogSocket: String? = nil,
        resend: (after: Int64, times: Int)? = nil
    ) {
        self.argv = argv
        self.contacts = contacts
        self.timeout = timeout
        self.syslogSocket = syslogSocket
        self.resend = resend
    }

    /// One attempt at `delivery` of run `runID` (a drill's messages are marked as such), its message naming what
    /// it is about by the titles in `names` (the run's playbook): the journal event of its result, stamped by
    /// `now` after the attempt.
    public func attempt(_ delivery: Outbox.Delivery, runID: String, drill: Bool, names: PlaybookNames = PlaybookNames(),
                        now: () -> Int64) -> Event {
        let final = delivery.attempts + 1 >= Outbox.maxAttempts
        guard let person = delivery.recipient else {
            let roles = delivery.roles
            return Event(at: now(), actor: .engine, kind: .notificationFailed(
                id: delivery.notification, to: roles.joined(separator: ","),
                why: "nobody holds \(roles.joined(separator: ", "))", whyChinese: "无人担任 \(roles.joined(separator: "、"))",
                final: true))
        }
        let said = Self.message(of: delivery, names: names, drill: drill)
        let payload = payloadJSON(delivery, message: said, person: person, runID: runID, drill: drill)
        var failures: [DeliveryFailure] = []
        if argv != nil, case .failure(let failure) = run(input: payload) { failures.append(failure) }
        if let socket = syslogSocket, case .failure(let failure) = Syslog.send(
            message: language == .zh ? said.chinese ?? said.english : said.english, socket: socket,
            data: ["run": runID, "id": delivery.notification, "key": delivery.idempotencyKey(runID: runID),
                   "to": person, "roles": delivery.roles.joined(separator: ","), "drill": drill ? "true" : "false"])
        {
            failures.append(DeliveryFailure(why: failure.why, whyChinese: failure.whyChinese))
        }
        let kind: EventKind
        if failures.isEmpty {
            kind = .notificationSent(id: delivery.notification, to: person)
        } else {
            kind = .notificationFailed(id: delivery.notification, to: person,
                                       why: failures.map(\.why).joined(separator: "; "),
                                       whyChinese: failures.map(\.whyChinese).joined(separator: "；"), final: final)
        }
        return Event(at: now(), actor: .engine, kind: kind)
    }

    /// What the notify command reads on stdin: the notification, the person with their contacts, and the key a
    /// gateway drops repeats by (a delivery is made at least once: a notifier killed before its result was
    /// journaled is run again, with the same key).
    private func payloadJSON(_ delivery: Outbox.Delivery, message: (english: String, chinese: String?), person: String,
                             runID: String, drill: Bool) -> [UInt8] {
        var contact: JSONObject = ["id": .string(person)]
        if let known = contacts?.person(person) {
            contact["name"] = .string(known.name.text(.en))
            contact["name_zh"] = .string(known.name.text(.zh))
            contact["phone_24h"] = known.phone24h.map(JSONValue.string) ?? .null
            contact["fixed_line"] = known.fixedLine.map(JSONValue.string) ?? .null
            contact["email"] = known.email.map(JSONValue.string) ?? .null
        }
        var object: JSONObject = [
            "id": .string(delivery.notification), "key": .string(delivery.idempotencyKey(runID: runID)),
            "run": .string(runID), "to": .object(contact), "roles": .array(delivery.roles.map { .string($0) }),
            "message": .string(message.english),
        ]
        if let chinese = message.chinese { object["message_zh"] = .string(chinese) }
        object["step"] = delivery.step.map(JSONValue.string) ?? .null
        object["requested_at"] = .integer(delivery.requestedAt)
        object["attempt"] = .integer(Int64(delivery.attempts + 1))
        object["drill"] = .bool(drill)
        return JSONValue.object(object).utf8Bytes + [0x0A]
    }

    /// What the person paged reads, in English and (when there is one) in Chinese: a message the engine wrote
    /// as a code said with the playbook's titles (`EngineMessageWords`), else (no titles known, an inject's text)
    /// the words journaled with it; a drill's marked `[DRILL]` / `【演练】`.
    static func message(of delivery: Outbox.Delivery, names: PlaybookNames, drill: Bool)
        -> (english: String, chinese: String?)
    {
        var english = delivery.message
        var chinese = delivery.messageChinese
        if let code = delivery.code, !names.isEmpty {
            english = EngineMessageWords.text(code, .en, names: names)
            chinese = EngineMessageWords.text(code, .zh, names: names)
        }
        return ((drill ? "[DRILL] " : "") + english, chinese.map { (drill ? "【演练】" : "") + $0 })
    }

    /// Runs the command (see `ChildProcess`: looked up on PATH, never through a shell, in a process group of its
    /// own, its stdin written without blocking, killed with its group when `timeout` has passed).
    private func run(input: [UInt8]) -> Result<Void, DeliveryFailure> {
        guard let argv, !argv.isEmpty else { return .success(()) }
        switch ChildProcess.run(argv, input: input, timeout: timeout) {
        case .exited(0):
            return .success(())
        case .exited(let code):
            return .failure(DeliveryFailure(why: "'\(argv[0])' exited with status \(code)",
                                            whyChinese: "'\(argv[0])' 以状态 \(code) 退出"))
        case .signalled(let signal):
            return .failure(DeliveryFailure(why: "'\(argv[0])' was killed by signal \(signal)",
                                            whyChinese: "'\(argv[0])' 被信号 \(signal) 终止"))
        case .timedOut:
            let limit = Duration.format(milliseconds: Int64(timeout * 1000))
            return .failure(DeliveryFailure(why: "timed out after \(limit)", whyChinese: "超时（\(limit)）"))
        case .cannotStart(let code):
            let reason = ErrorCode.text(code)
            return .failure(DeliveryFailure(why: "cannot run '\(argv[0])': \(reason)",
                                            whyChinese: "无法运行 '\(argv[0])'：\(Self.chinese(code) ?? reason)"))
        case .noPipe:
            return .failure(DeliveryFailure(why: "cannot create a pipe", whyChinese: "无法创建管道"))
        case .lostTrack:
            return .failure(DeliveryFailure(why: "lost track of the notifier", whyChinese: "无法获知通知程序的状态"))
        }
    }

    /// Why a notify command could not be started, in Chinese, for the reasons people meet (else the system's
    /// English text is used).
    private static func chinese(_ error: Int32) -> String? {
        switch error {
        case ErrorCode.notFound: "没有这个文件"
        case ErrorCode.accessDenied: "没有执行权限"
        case ErrorCode.notExecutable: "不是可执行文件"
        case ErrorCode.notPermitted: "操作不被允许"
        case ErrorCode.outOfMemory, ErrorCode.tryAgain: "系统资源不足"
        default: nil
        }
    }

    /// Why a notification did not reach someone, in English and Chinese.
    struct DeliveryFailure: Error {
        var why: String
        var whyChinese: String
    }
}
