import CommandSyntax
import JSONText
import Reporting
import RunEngine
import Runs
import Views

/// The commands people act with on a run: each becomes an engine `Command`, journaled by `RunSession`.
enum ActionCommands {
    private static let expectSeq = Arguments.Option(
        name: "--expect-seq", value: "N", summary: "refuse if what this acts on changed after seq N")
    private static let why = Arguments.Option(name: "--why", value: "TEXT", summary: "the reason, journaled")
    private static let forPerson = Arguments.Option(
        name: "--for", value: "PERSON", summary: "record an action PERSON reported (by phone): judged as theirs, journaled with you as its recorder")
    static let notifyOptions: [Arguments.Option] = [
        .init(name: "--notify-command", value: "CMD",
              summary: "deliver notifications with this program (no shell; default MUSTER_NOTIFY, then RUNS/notify.yaml)"),
        .init(name: "--contacts", value: "FILE", summary: "the contact directory (default MUSTER_CONTACTS, then RUNS/notify.yaml)"),
        .init(name: "--notify-timeout", value: "DURATION", summary: "how long a delivery may take (default RUNS/notify.yaml, then 10s)"),
    ]

    private static func word(_ name: String, _ about: String, _ chinese: String, _ arity: Positional.Arity = .one)
        -> Positional
    {
        Positional(name: name, arity: arity, about: about, chinese: chinese)
    }

    static let all: [CommandSpec] = [
        spec("received", "confirm that a notification reached you",
             [word("NOTIFICATION", "a notification id (n1, n2, …; see 'muster inbox')",
                   "通知 id（n1、n2……；见 'muster inbox'）")], []) { _, words in
            .received(notification: words[0])
        },
        spec("join", "take an unassigned role on a run", [],
             [.init(name: "--role", value: "ROLE", summary: "the role to take", required: true)],
             person: .required) { invocation, words in
            guard let role = invocation.arguments.value("--role") else {
                throw UsageError("join takes a run id and --role ROLE", chinese: "join 需要运行 id 和 --role ROLE")
            }
            return .join(role: role)
        },
        spec("ack", "acknowledge a step: someone has taken it", [.step], []) { _, words in
            .acknowledge(step: words[0])
        },
        spec("progress", "report progress on an open step",
             [.step, word("NOTE", "a note", "进展说明", .zeroOrMore)], []) { _, words in
            .progress(step: words[0], note: words.count > 1 ? words.dropFirst().joined(separator: " ") : nil)
        },
        spec("tick", "tick checklist items of an open step",
             [.step, word("ITEM", "its items", "检查项", .oneOrMore)], []) { _, words in
            .checkItems(step: words[0], items: Array(words.dropFirst()))
        },
        spec("done", "finish a step (ticking the given checklist items first)", [.step],
             [.init(name: "--item", value: "ID", summary: "a checklist item to tick first (repeatable)",
                    repeatable: true)]) { invocation, words in
            .done(step: words[0], items: invocation.arguments.all("--item"))
        },
        spec("record", "record a fact", [word("FACT=VALUE", "one FACT=VALUE", "一个 FACT=VALUE")], []) { _, words in
            let parts = words[0].split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else {
                throw UsageError("record takes FACT=VALUE, not '\(words[0])'",
                                 chinese: "record 需要 FACT=VALUE 的形式，而不是 '\(words[0])'")
            }
            return .record(fact: parts[0], value: parts[1])
        },
        spec("correct", "correct a fact recorded earlier, with the reason (after the outcome too)",
             [word("FACT=VALUE", "one FACT=VALUE", "一个 FACT=VALUE")], [why]) { invocation, words in
            let parts = words[0].split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else {
                throw UsageError("correct takes FACT=VALUE, not '\(words[0])'",
                                 chinese: "correct 需要 FACT=VALUE 的形式，而不是 '\(words[0])'")
            }
            guard let reason = invocation.arguments.value("--why") else {
                throw UsageError("a correction needs its reason: --why TEXT", chinese: "更正需要说明理由：--why TEXT")
            }
            return .correct(fact: parts[0], value: parts[1], why: reason)
        },
        spec("decide", "take a decision", [.step, word("OPTION", "an option", "一个选项")],
             [why]) { invocation, words in
            .decide(step: words[0], option: words[1], why: invocation.arguments.value("--why"))
        },
        spec("approve", "grant an approval", [.step], [why]) { invocation, words in
            .approve(step: words[0], why: invocation.arguments.value("--why"))
        },
        spec("deny", "deny an approval", [.step], [requiredWhy]) { invocation, words in
            guard let reason = invocation.arguments.value("--why") else {
                throw UsageError("deny takes a run id, a step and --why", chinese: "deny 需要运行 id、一个步骤和 --why")
            }
            return .deny(step: words[0], why: reason)
        },
        spec("note", "add a note to the run's record", [word("TEXT", "the text", "备注内容", .oneOrMore)],
             [.init(name: "--section", value: "SECTION",
                    summary: "file it in the fault report: phenomenon, impact, cause, handling, prevention, lesson",
                    allowed: ["phenomenon", "impact", "cause", "handling", "prevention", "lesson"])]) { invocation, words in
            .note(words.joined(separator: " "), section: invocation.arguments.value("--section"))
        },
        spec("title", "give or correct the incident's title (what happened, where), shown on its reports",
             [word("TITLE", "the title", "标题", .oneOrMore)], []) { _, words in
            .retitle(words.joined(separator: " "))
        },
        spec("handover", "hand a role to another person", [word("ROLE", "a role", "一个角色")],
             [.init(name: "--to", value: "PERSON", summary: "who takes the role",
                    required: true)]) { invocation, words in
            guard let person = invocation.arguments.value("--to") else {
                throw UsageError("handover takes a run id, a role and --to PERSON",
                                 chinese: "handover 需要运行 id、一个角色和 --to PERSON")
            }
            return .handover(role: words[0], to: person)
        },
        spec("grade", "set the run's severity level", [level], [why]) { invocation, words in
            .grade(level: words[0], why: invocation.arguments.value("--why"))
        },
        spec("regrade", "change the run's severity level", [level], [requiredWhy]) { invocation, words in
            guard let reason = invocation.arguments.value("--why") else {
                throw UsageError("regrade takes a run id, a level and --why", chinese: "regrade 需要运行 id、一个级别和 --why")
            }
            return .regrade(level: words[0], why: reason)
        },
        spec("signal", "say that something awaited has happened",
             [word("NAME", "a signal name", "信号名")], []) { _, words in
            .signal(words[0])
        },
        spec("raise", "start a chain of steps the playbook allows at any time (an emergency shutdown)",
             [word("CHAIN", "an at-any-time chain ('muster status' lists them)", "可随时发起的流程（见 'muster status'）")],
             [why]) { invocation, words in
            .raise(chain: words[0], why: invocation.arguments.value("--why"))
        },
        spec("release", "release a standing instruction (protect the scene) when it no longer stands",
             [word("INSTRUCTION", "a standing instruction ('muster status' lists them)", "持续指令（见 'muster status'）")],
             [why]) { invocation, words in
            .release(instruction: words[0], why: invocation.arguments.value("--why"))
        },
        spec("abort", "end the run early", [], [requiredWhy]) { invocation, words in
            guard let reason = invocation.arguments.value("--why") else {
                throw UsageError("abort takes a run id and --why", chinese: "abort 需要运行 id 和 --why")
            }
            return .abort(why: reason)
        },
    ]

    private static let level = word("LEVEL", "a level", "一个级别")
    private static let requiredWhy = Arguments.Option(
        name: "--why", value: "TEXT", summary: "the reason, journaled", required: true)

    /// A command spec whose positionals are RUN and then `positionals`, turned into a command by `make` (which gets
    /// the words after RUN, already counted against `positionals`).
    private static func spec(
        _ name: String, _ summary: String, _ positionals: [Positional], _ options: [Arguments.Option],
        person: CommandSpec.PersonUse = .optional,
        make: @escaping @Sendable (Invocation, [String]) throws -> Command.Kind
    ) -> CommandSpec {
        CommandSpec(
            name: name, summary: summary, positionals: [.run] + positionals, person: person,
            discussion: "PERSON is --as or MUSTER_AS. A refused action exits 1 and is journaled as command.rejected.",
            options: options + [expectSeq, forPerson] + notifyOptions, formats: ["text", "json"],
            run: { invocation in
                let positionals = invocation.arguments.positionals
                let runID = positionals[0]
                let kind = try make(invocation, Array(positionals.dropFirst()))
                let person = try invocation.requiredPerson()
                var expect: Int?
                if let text = invocation.arguments.value("--expect-seq") {
                    guard let number = Int(text), number >= 0 else {
                        throw UsageError("--expect-seq takes a sequence number, not '\(text)'", chinese: "--expect-seq 需要一个序号，而不是 '\(text)'")
                    }
                    expect = number
                }
                // An action reported by phone is the doer's, recorded by the person typing it.
                let doer = invocation.arguments.value("--for") ?? person
                let session = try RunSession(runID, invocation: invocation)
                let outcome = try session.perform(Command(person: doer, kind: kind, expectSeq: expect,
                                                          recordedBy: doer == person ? nil : person))
                var status = report(outcome, runID: runID, invocation: invocation)
                if !LinkedRunCompletion.complete(runID, state: outcome.state, invocation: invocation) {
                    status = ExitStatus.failure
                }
                session.deliverOrSayWhoWill(outcome.state, invocation: invocation)
                return status
            })
    }

    static func report(_ outcome: RunSession.Outcome, runID: String, invocation: Invocation) -> Int32 {
        let result = ActionResult(state: outcome.state, appended: outcome.appended, rejection: outcome.rejection)
        if invocation.arguments.value("--format") == "json" {
            invocation.console.out(result.json(runID: runID).serialized(pretty: true) + "\n")
        } else if outcome.rejection == nil {
            invocation.console.out(result.text(invocation.language))
        }
        if let refusal = result.refusal(invocation.language) {
            invocation.console.error(refusal)
            return ExitStatus.failure
        }
        return ExitStatus.success
    }
}
