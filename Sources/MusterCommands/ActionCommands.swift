import JSONText
import RunEngine
import Views

/// The commands people act with on a run: each becomes an engine `Command`, journaled by `RunSession`.
enum ActionCommands {
    private static let expectSeq = Arguments.Option(
        name: "--expect-seq", value: "N", summary: "refuse if what this acts on changed after seq N")
    private static let why = Arguments.Option(name: "--why", value: "TEXT", summary: "the reason, journaled")
    static let notifyOptions: [Arguments.Option] = [
        .init(name: "--notify-command", value: "CMD",
              summary: "deliver notifications with this program (no shell; default MUSTER_NOTIFY, then RUNS/notify.yaml)"),
        .init(name: "--contacts", value: "FILE", summary: "the contact directory (default MUSTER_CONTACTS, then RUNS/notify.yaml)"),
        .init(name: "--notify-timeout", value: "DURATION", summary: "how long a delivery may take (default RUNS/notify.yaml, then 10s)"),
    ]

    static let all: [CommandSpec] = [
        spec("received", "confirm that a notification reached you", "muster received RUN NOTIFICATION", []) { _, words in
            guard words.count == 1 else {
                throw UsageError("received takes a run id and a notification id (n1, n2, …; see 'muster inbox')",
                                 chinese: "received 需要运行 id 和通知 id（n1、n2……；见 'muster inbox'）")
            }
            return .received(notification: words[0])
        },
        spec("join", "take an unassigned role on a run", "muster join RUN --role ROLE --as PERSON",
             [.init(name: "--role", value: "ROLE", summary: "the role to take")]) { invocation, words in
            guard words.isEmpty, let role = invocation.arguments.value("--role") else {
                throw UsageError("join takes a run id and --role ROLE", chinese: "join 需要运行 id 和 --role ROLE")
            }
            return .join(role: role)
        },
        spec("ack", "acknowledge a step: someone has taken it", "muster ack RUN STEP", []) { _, words in
            guard words.count == 1 else { throw UsageError("ack takes a run id and a step", chinese: "ack 需要运行 id 和一个步骤") }
            return .acknowledge(step: words[0])
        },
        spec("progress", "report progress on an open step", "muster progress RUN STEP [NOTE...]", []) { _, words in
            guard let step = words.first else { throw UsageError("progress takes a run id and a step", chinese: "progress 需要运行 id 和一个步骤") }
            return .progress(step: step, note: words.count > 1 ? words.dropFirst().joined(separator: " ") : nil)
        },
        spec("tick", "tick checklist items of an open step", "muster tick RUN STEP ITEM...", []) { _, words in
            guard words.count >= 2 else {
                throw UsageError("tick takes a run id, a step and its items", chinese: "tick 需要运行 id、一个步骤和检查项")
            }
            return .checkItems(step: words[0], items: Array(words.dropFirst()))
        },
        spec("done", "finish a step (ticking the given checklist items first)",
             "muster done RUN STEP [--item ID]...",
             [.init(name: "--item", value: "ID", summary: "a checklist item to tick first (repeatable)",
                    repeatable: true)]) { invocation, words in
            guard words.count == 1 else { throw UsageError("done takes a run id and a step", chinese: "done 需要运行 id 和一个步骤") }
            return .done(step: words[0], items: invocation.arguments.all("--item"))
        },
        spec("record", "record a fact", "muster record RUN FACT=VALUE", []) { _, words in
            guard words.count == 1 else { throw UsageError("record takes a run id and one FACT=VALUE", chinese: "record 需要运行 id 和一个 FACT=VALUE") }
            let parts = words[0].split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { throw UsageError("record takes FACT=VALUE, not '\(words[0])'", chinese: "record 需要 FACT=VALUE 的形式，而不是 '\(words[0])'") }
            return .record(fact: parts[0], value: parts[1])
        },
        spec("decide", "take a decision", "muster decide RUN STEP OPTION [--why TEXT]", [why]) { invocation, words in
            guard words.count == 2 else { throw UsageError("decide takes a run id, a step and an option", chinese: "decide 需要运行 id、一个步骤和一个选项") }
            return .decide(step: words[0], option: words[1], why: invocation.arguments.value("--why"))
        },
        spec("approve", "grant an approval", "muster approve RUN STEP [--why TEXT]", [why]) { invocation, words in
            guard words.count == 1 else { throw UsageError("approve takes a run id and a step", chinese: "approve 需要运行 id 和一个步骤") }
            return .approve(step: words[0], why: invocation.arguments.value("--why"))
        },
        spec("deny", "deny an approval", "muster deny RUN STEP --why TEXT", [why]) { invocation, words in
            guard words.count == 1, let reason = invocation.arguments.value("--why") else {
                throw UsageError("deny takes a run id, a step and --why", chinese: "deny 需要运行 id、一个步骤和 --why")
            }
            return .deny(step: words[0], why: reason)
        },
        spec("note", "add a note to the run's record", "muster note RUN TEXT... [--section SECTION]",
             [.init(name: "--section", value: "SECTION",
                    summary: "file it in the fault report: phenomenon, impact, cause, handling, prevention, lesson",
                    allowed: ["phenomenon", "impact", "cause", "handling", "prevention", "lesson"])]) { invocation, words in
            guard !words.isEmpty else { throw UsageError("note takes a run id and the text", chinese: "note 需要运行 id 和备注内容") }
            return .note(words.joined(separator: " "), section: invocation.arguments.value("--section"))
        },
        spec("handover", "hand a role to another person", "muster handover RUN ROLE --to PERSON",
             [.init(name: "--to", value: "PERSON", summary: "who takes the role")]) { invocation, words in
            guard words.count == 1, let person = invocation.arguments.value("--to") else {
                throw UsageError("handover takes a run id, a role and --to PERSON", chinese: "handover 需要运行 id、一个角色和 --to PERSON")
            }
            return .handover(role: words[0], to: person)
        },
        spec("grade", "set the run's severity level", "muster grade RUN LEVEL [--why TEXT]", [why]) { invocation, words in
            guard words.count == 1 else { throw UsageError("grade takes a run id and a level", chinese: "grade 需要运行 id 和一个级别") }
            return .grade(level: words[0], why: invocation.arguments.value("--why"))
        },
        spec("regrade", "change the run's severity level", "muster regrade RUN LEVEL --why TEXT", [why]) { invocation, words in
            guard words.count == 1, let reason = invocation.arguments.value("--why") else {
                throw UsageError("regrade takes a run id, a level and --why", chinese: "regrade 需要运行 id、一个级别和 --why")
            }
            return .regrade(level: words[0], why: reason)
        },
        spec("signal", "say that something awaited has happened", "muster signal RUN NAME", []) { _, words in
            guard words.count == 1 else { throw UsageError("signal takes a run id and a signal name", chinese: "signal 需要运行 id 和信号名") }
            return .signal(words[0])
        },
        spec("abort", "end the run early", "muster abort RUN --why TEXT", [why]) { invocation, words in
            guard words.isEmpty, let reason = invocation.arguments.value("--why") else {
                throw UsageError("abort takes a run id and --why", chinese: "abort 需要运行 id 和 --why")
            }
            return .abort(why: reason)
        },
    ]

    /// A command spec whose positionals are RUN and then `words`, turned into a command by `make`.
    private static func spec(
        _ name: String, _ summary: String, _ usage: String, _ options: [Arguments.Option],
        make: @escaping @Sendable (Invocation, [String]) throws -> Command.Kind
    ) -> CommandSpec {
        CommandSpec(
            name: name, summary: summary, usage: usage + " [--as PERSON] [--expect-seq N]",
            discussion: "PERSON is --as or MUSTER_AS. A refused action exits 1 and is journaled as command.rejected.",
            options: options + [expectSeq] + notifyOptions,
            run: { invocation in
                let positionals = invocation.arguments.positionals
                guard let runID = positionals.first else { throw UsageError("\(name) needs a run id first", chinese: "\(name) 需要先给出运行 id") }
                let kind = try make(invocation, Array(positionals.dropFirst()))
                guard let person = invocation.arguments.value("--as") ?? invocation.environment["MUSTER_AS"],
                    !person.isEmpty
                else {
                    throw UsageError("who is acting? give --as PERSON or set MUSTER_AS", chinese: "操作人是谁？请给出 --as PERSON 或设置 MUSTER_AS")
                }
                var expect: Int?
                if let text = invocation.arguments.value("--expect-seq") {
                    guard let number = Int(text), number >= 0 else {
                        throw UsageError("--expect-seq takes a sequence number, not '\(text)'", chinese: "--expect-seq 需要一个序号，而不是 '\(text)'")
                    }
                    expect = number
                }
                let session = try RunSession(runID, invocation: invocation)
                let outcome = try session.perform(Command(person: person, kind: kind, expectSeq: expect))
                let status = report(outcome, runID: runID, invocation: invocation)
                let notifier = Notifier.forCommand(invocation)
                session.deliverPending(outcome.state, with: notifier, invocation: invocation)
                session.warnIfUndelivered(outcome.state, notifier: notifier, invocation: invocation)
                return status
            })
    }

    static func report(_ outcome: RunSession.Outcome, runID: String, invocation: Invocation) -> Int32 {
        let console = invocation.console
        let label = Labels(language: invocation.language)
        if invocation.arguments.value("--format") == "json" {
            var object: JSONObject = [
                "run": .string(runID), "ok": .bool(outcome.rejection == nil), "seq": .integer(Int64(outcome.state.eventCount)),
            ]
            if let rejection = outcome.rejection {
                object["reason"] = .string(rejection.reason)
                object["message"] = .string(rejection.message)
                object["message_zh"] = .string(rejection.chinese)
            }
            object["events"] = .array(outcome.appended.map { event in
                .object(["type": .string(EventCoding.type(of: event.kind)), "at": .integer(event.at)])
            })
            object["active"] = .array(outcome.state.activeOrder.map { .string($0) })
            console.out(JSONValue.object(object).serialized(pretty: true) + "\n")
        } else if outcome.rejection == nil {
            let active = outcome.state.activeOrder.isEmpty ? label("none") : outcome.state.activeOrder.joined(separator: ", ")
            var line = "\(label("ok")): \(label("seq")) \(outcome.state.eventCount); \(label("active steps")): \(active)"
            if let reached = outcome.state.outcome { line += "; \(label("outcome")): \(reached.id)" }
            console.out(line + "\n")
        }
        if let rejection = outcome.rejection {
            console.error("muster: \(label("refused")) (\(rejection.reason)): "
                + rejection.message(language: invocation.language.rawValue) + "\n")
            return ExitStatus.failure
        }
        return ExitStatus.success
    }
}
