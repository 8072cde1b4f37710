import JSONText
import Journaling
import Reporting
import RunEngine
import Runs
import Diagnostics
import Views

/// Commands that look at runs: status, log, runs, verify.
enum RunViewCommands {
    static let status = CommandSpec(
        name: "status", summary: "the board of a run: active steps, owners, time left, milestones",
        positionals: [.run],
        discussion: "Timers that fell due are fired and journaled first, so the board is right even if nobody watched.",
        options: ActionCommands.notifyOptions, formats: ["text", "json"],
        run: { invocation in
            let runID = invocation.arguments.positionals[0]
            let format = try invocation.format(allowed: ["text", "json"])
            let session = try RunSession(runID, invocation: invocation)
            let outcome = try session.perform(nil)
            let notifier = Notifier.forCommand(invocation)
            let delivered = session.deliverPending(outcome.state, with: notifier, invocation: invocation)
            if format == "json" {
                invocation.console.out(statusJSON(runID, outcome).serialized(pretty: true) + "\n")
            } else {
                // The results of this command's deliveries are in the journal, not yet in the outcome's state.
                let state = delivered > 0 ? try session.read().state : outcome.state
                invocation.console.out(RunBoard(runID: runID, playbook: outcome.playbook, state: state,
                                                now: session.now, language: invocation.language).render()
                    + NotificationPanel(outbox: state.outbox, now: session.now, language: invocation.language,
                                        delivering: notifier != nil).render())
            }
            return ExitStatus.success
        })

    static func statusJSON(_ runID: String, _ outcome: RunSession.Outcome) -> JSONValue {
        let state = outcome.state
        var milestones = JSONObject()
        for milestone in outcome.playbook.milestones {
            let progress = state.milestones[milestone.id]
            var object = JSONObject()
            object["due_at"] = progress?.dueAt.map(JSONValue.integer) ?? .null
            object["reached_at"] = progress?.reachedAt.map(JSONValue.integer) ?? .null
            object["margin_ms"] = progress?.margin.map(JSONValue.integer) ?? .null
            object["missed"] = .bool(progress?.missed ?? false)
            milestones[milestone.id] = .object(object)
        }
        let active: [JSONValue] = state.activeOrder.compactMap { id in
            guard let open = state.active[id] else { return nil }
            var object: JSONObject = ["step": .string(id), "owner": open.owner.map(JSONValue.string) ?? .null]
            object["holder"] = open.owner.flatMap { state.holders[$0] }.map(JSONValue.string) ?? .null
            object["activated_at"] = .integer(open.activatedAt)
            object["due_done"] = open.due.done.map(JSONValue.integer) ?? .null
            object["due_expiry"] = open.due.expiry.map(JSONValue.integer) ?? .null
            object["acknowledged"] = .bool(open.acknowledgedAt != nil)
            return .object(object)
        }
        var facts = JSONObject()
        for key in state.facts.keys.sorted() { facts[key] = .string(state.facts[key]!.description) }
        var holders = JSONObject()
        for key in state.holders.keys.sorted() { holders[key] = .string(state.holders[key]!) }
        return .object([
            "run": .string(runID), "playbook": .string(outcome.playbook.id), "seq": .integer(Int64(state.eventCount)),
            "head": .string(outcome.head), "severity": state.severity.map(JSONValue.string) ?? .null,
            "people": .object(holders), "active": .array(active), "milestones": .object(milestones),
            "facts": .object(facts), "outcome": state.outcome.map { .string($0.id) } ?? .null,
            "closed": .bool(state.closed),
            "notifications": .array(state.outbox.deliveries.map { delivery in
                var object: JSONObject = [
                    "id": .string(delivery.notification), "key": .string(delivery.idempotencyKey(runID: runID)),
                    "to": delivery.recipient.map(JSONValue.string) ?? .null,
                    "roles": .array(delivery.roles.map(JSONValue.string)), "requested_at": .integer(delivery.requestedAt),
                    "attempts": .integer(Int64(delivery.attempts)),
                ]
                switch delivery.status {
                case .pending: object["status"] = "pending"
                case .sent(let at): object["status"] = "sent"; object["sent_at"] = .integer(at)
                case .failed: object["status"] = "failed"
                case .acknowledged(let at): object["status"] = "acknowledged"; object["acknowledged_at"] = .integer(at)
                }
                object["why"] = delivery.lastFailure.map(JSONValue.string) ?? .null
                return .object(object)
            }),
            "clock_jumps": .array(state.clockJumps.map { jump in
                .object(["at": .integer(jump.at), "from": .integer(jump.from), "to": .integer(jump.to)])
            }),
        ])
    }

    static let log = CommandSpec(
        name: "log", summary: "the timeline of a run: every event with its time, person and role",
        positionals: [.run], discussion: "", formats: ["text", "json"],
        run: { invocation in
            let format = try invocation.format(allowed: ["text", "json"])
            let runID = invocation.arguments.positionals[0]
            let (contents, _, _, torn) = try RunSession(runID, invocation: invocation).read()
            if format == "json" {
                let lines: [JSONValue] = contents.lines.map { line in
                    let (type, data) = EventCoding.encode(line.event.kind)
                    var object: JSONObject = [
                        "seq": .integer(Int64(line.seq)), "at": .integer(line.event.at), "t": .integer(line.relative),
                        "actor": EventCoding.encode(line.event.actor), "type": .string(type), "data": .object(data),
                    ]
                    if let recorder = line.event.recordedBy { object["recorded_by"] = .string(recorder) }
                    return .object(object)
                }
                invocation.console.out(JSONValue.array(lines).serialized(pretty: true) + "\n")
            } else {
                var out = ""
                for line in contents.lines {
                    let (type, data) = EventCoding.encode(line.event.kind)
                    var who: String
                    switch line.event.actor {
                    case .engine: who = "engine"
                    case .person(let person, let role): who = person + (role.map { " (\($0))" } ?? "")
                    case .inject(let id): who = "inject \(id)"
                    }
                    if let recorder = line.event.recordedBy { who += ", recorded by \(recorder)" }
                    let details = data.map { "\($0.key)=\($0.value.stringValue ?? $0.value.serialized())" }
                        .joined(separator: " ")
                    // One event, one line, whatever a note or a name holds.
                    out += "\(String(line.seq).padding(to: 5)) \(TimeText.relative(line.relative)) "
                        + "\(TimeText.instant(line.event.at))  \(TerminalText.line(who).padding(to: 20)) "
                        + "\(type.padding(to: 22)) \(TerminalText.line(details))\n"
                }
                invocation.console.out(out)
            }
            if torn > 0 {
                invocation.console.error("muster: note: the last line is incomplete (\(torn) bytes); the next write cuts it\n")
            }
            return ExitStatus.success
        })

    static let runs = CommandSpec(
        name: "runs", summary: "list the runs in the runs directory, live and finished",
        discussion: "", formats: ["text", "json"],
        run: { invocation in
            let format = try invocation.format(allowed: ["text", "json"])
            let directory = RunsDirectory(invocation)
            let label = Labels(language: invocation.language)
            let chinese = invocation.language == .zh
            var rows: [JSONValue] = []
            var out = ""
            for runID in try directory.listedRunIDs() {
                let journal = Journal(directory: directory.path + "/" + runID)
                guard let (contents, _) = try? journal.read() else {
                    out += "\(runID.padding(to: 36)) " + (chinese ? "无法读取（见 'muster verify \(runID)'）"
                                                               : "unreadable (see 'muster verify \(runID)')") + "\n"
                    rows.append(.object(["run": .string(runID), "readable": .bool(false)]))
                    continue
                }
                let state = RunState.fold(contents.events)
                let status = state.closed ? "closed" : state.outcome != nil ? "obligations open" : "live"
                let mode = state.start.map { label($0.mode == .drill ? "drill" : "live") } ?? "?"
                let shownStatus = chinese ? ["closed": "已结束", "obligations open": "善后未完", "live": "进行中"][status]!
                    : status
                out += "\(runID.padding(to: 36)) \((state.start?.playbookID ?? "?").padding(to: 16)) "
                    + "\(mode.padding(to: 6)) \(TimeText.instant(state.startedAt))  "
                    + "\(shownStatus)\(state.outcome.map { " · " + $0.id } ?? "")\n"
                rows.append(.object([
                    "run": .string(runID), "playbook": .string(state.start?.playbookID ?? ""),
                    "mode": .string(state.start?.mode.rawValue ?? ""), "started_at": .integer(state.startedAt),
                    "status": .string(status), "outcome": state.outcome.map { .string($0.id) } ?? .null,
                ]))
            }
            invocation.console.out(format == "json" ? JSONValue.array(rows).serialized(pretty: true) + "\n" : out)
            return ExitStatus.success
        })

    static let verify = CommandSpec(
        name: "verify", summary: "check every checksum and the hash chain of a run's journal",
        positionals: [.optionalRun],
        discussion: """
            Exit 0 when the journal is intact, 1 naming the first bad line otherwise. A journal cut at a line
            boundary still chains, but the run's head record (journal.head, written after the lines it counts were
            on disk) shows that lines were lost. Against someone who cut both, give --head with a head recorded
            earlier (status --format json and the report's footer print it): verify fails unless that line is still
            in the chain. verify may run while others write: it reads a consistent snapshot. --bundle FILE checks
            an archive written by 'muster export' instead, on any machine, without the runs directory.
            """,
        options: [
            .init(name: "--head", value: "SHA256", summary: "a chain head recorded earlier that must still be there"),
            .init(name: "--bundle", value: "FILE", summary: "verify an archive written by 'muster export' instead of a run"),
        ],
        formats: ["text", "json"],
        run: { invocation in
            let bundle = invocation.arguments.value("--bundle")
            guard invocation.arguments.positionals.count == (bundle == nil ? 1 : 0) else {
                throw UsageError(bundle == nil ? "verify takes a run id" : "verify --bundle takes no run id",
                                 chinese: bundle == nil ? "verify 需要一个运行 id" : "verify --bundle 不需要运行 id")
            }
            let format = try invocation.format(allowed: ["text", "json"])
            let chinese = invocation.language == .zh
            let failed = chinese ? "muster: 校验失败：" : "muster: verify failed: "
            let runID: String
            let snapshot: () throws(JournalError) -> Journal.Snapshot
            if let bundle {
                let opened = try BundleFile.open(bundle)
                runID = opened.runID
                snapshot = { opened.snapshot }
            } else {
                runID = invocation.arguments.positionals[0]
                let journal = Journal(directory: try RunsDirectory(invocation).runPath(runID))
                snapshot = { () throws(JournalError) in try journal.snapshot() }
            }
            let read: (contents: Journal.Contents, unfinished: Journal.UnfinishedWrite?)
            do throws(JournalError) {
                read = try Journal.verify(try snapshot())
            } catch .notFound {
                throw CommandFailure(.notFound(runID), runID: runID)
            } catch .damaged(let line, let reason) {
                if format == "json" {
                    invocation.console.out(JSONValue.object([
                        "run": .string(runID), "ok": false, "line": .integer(Int64(line)), "reason": .string(reason),
                    ]).serialized(pretty: true) + "\n")
                }
                invocation.console.error(failed + (chinese ? "第 \(line) 行：" : "line \(line): ") + reason + "\n")
                return ExitStatus.failure
            } catch .badHeadRecord {
                let reason = JournalError.badHeadRecord.description
                if format == "json" {
                    invocation.console.out(JSONValue.object([
                        "run": .string(runID), "ok": false, "reason": .string(reason),
                    ]).serialized(pretty: true) + "\n")
                }
                invocation.console.error(failed + (chinese ? CommandFailure(.badHeadRecord, runID: runID).text("zh") : reason) + "\n")
                return ExitStatus.failure
            } catch {
                throw CommandFailure(error, runID: runID)
            }
            do {
                let (contents, unfinished) = read
                let torn = unfinished?.bytes ?? 0
                if let expected = invocation.arguments.value("--head")?.lowercased() {
                    let hashes = Set(contents.lines.dropFirst().map(\.previous) + [contents.head])
                    guard hashes.contains(expected) else {
                        let reason = "the head recorded earlier (\(expected.prefix(12))…) is not in the chain: "
                            + "the journal was cut or rewritten after it"
                        let shown = chinese ? "之前记录的链头（\(expected.prefix(12))…）不在链中：日志在那之后被截断或改写过"
                            : reason
                        if format == "json" {
                            invocation.console.out(JSONValue.object([
                                "run": .string(runID), "ok": false, "reason": .string(reason),
                            ]).serialized(pretty: true) + "\n")
                        }
                        invocation.console.error(failed + shown + "\n")
                        return ExitStatus.failure
                    }
                }
                if format == "json" {
                    invocation.console.out(JSONValue.object([
                        "run": .string(runID), "ok": true, "lines": .integer(Int64(contents.lines.count)),
                        "head": .string(contents.head), "torn_bytes": .integer(Int64(torn)),
                    ]).serialized(pretty: true) + "\n")
                } else {
                    invocation.console.out(chinese
                        ? "正常：共 \(contents.lines.count) 行，校验和与哈希链完好；链头 \(contents.head)\n"
                        : "ok: \(contents.lines.count) lines, checksums and chain intact; head \(contents.head)\n")
                }
                if let unfinished {
                    // Lines after the last commit were never acknowledged (the head record counts only what was).
                    let lines = unfinished.completeLines
                    invocation.console.error(chinese
                        ? "muster: 提示：最后一次写入未完成（\(unfinished.bytes) 字节"
                            + (lines > 0 ? "，含 \(lines) 个未提交的完整行" : "，最后一行不完整")
                            + "，从未被确认），下次写入时会截去并记入日志\n"
                        : "muster: note: an unfinished write after the last committed line (\(unfinished.bytes) bytes"
                            + (lines > 0 ? ": \(lines) complete line\(lines == 1 ? "" : "s") never committed" : ": an incomplete line")
                            + ", never acknowledged) will be cut on the next write\n")
                }
                return ExitStatus.success
            }
        })
}
