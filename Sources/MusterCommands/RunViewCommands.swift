import JSONText
import Journaling
import Platform
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
        discussion: """
            Timers that fell due are fired and journaled first, so the board is right even if nobody watched.
            --format html prints the board as one self-contained page (no scripts, no external assets; due times
            as local times with their offset, from TZ or the host's zone); 'muster watch RUN --html DIR' keeps
            such pages up to date for a web server.
            """,
        options: ActionCommands.notifyOptions + [
            .init(name: "--out", value: "FILE", summary: "with --format html: write the page to FILE, not stdout"),
        ],
        formats: ["text", "json", "html"],
        run: { invocation in
            let runID = invocation.arguments.positionals[0]
            let format = try invocation.format(allowed: ["text", "json", "html"])
            if invocation.arguments.value("--out") != nil, format != "html" {
                throw UsageError("--out is for --format html", chinese: "--out 只用于 --format html")
            }
            let session = try RunSession(runID, invocation: invocation)
            let outcome = try session.perform(nil)
            let notifier = Notifier.forCommand(invocation)
            let delivered = session.deliverPending(outcome.state, with: notifier, invocation: invocation)
            if format == "json" {
                invocation.console.out(statusJSON(runID, outcome).serialized(pretty: true) + "\n")
            } else if format == "html" {
                let read = try session.read()
                let page = RunBoardHTML(
                    runID: runID, playbook: read.playbook, state: read.state,
                    recent: read.contents.lines.suffix(RunBoardHTML.recentShown).map {
                        RunBoardHTML.RecentEvent(seq: $0.seq, event: $0.event)
                    },
                    now: session.now, language: invocation.language, times: HTMLBoard.times
                ).render()
                if let path = invocation.arguments.value("--out") {
                    try FileOutput.write(page, to: path)
                } else {
                    invocation.console.out(page)
                }
            } else {
                // The results of this command's deliveries are in the journal, not yet in the outcome's state.
                let state = delivered > 0 ? try session.read().state : outcome.state
                invocation.console.out(RunBoard(runID: runID, playbook: outcome.playbook, state: state,
                                                now: session.runNow(state), language: invocation.language).render()
                    + NotificationPanel(outbox: state.outbox, now: session.runNow(state), language: invocation.language,
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
        positionals: [.optionalRun],
        discussion: """
            --format jsonl prints the journal's lines exactly as written, one JSON object a line, each verified
            (checksum and hash chain) first. --follow keeps printing each line as it is committed, never taking the
            write lock, until interrupted (SIGINT or SIGTERM end it cleanly after a whole line, as does a closed
            pipe); --since-seq N prints only the lines after line N, so that a shipper that kept the last seq it
            got resumes without gaps or repeats. --follow --all follows every run of the runs directory, new runs
            from their first line, each line as {"run":ID,"line":LINE} (text: after the run id).
            """,
        options: [
            .init(name: "--follow", value: nil, summary: "keep printing each line as it is committed"),
            .init(name: "--since-seq", value: "N", summary: "print only the lines after line N"),
            .init(name: "--all", value: nil, summary: "every run of the runs directory (with --follow)"),
            SharedOptions.timeZone,
        ],
        formats: ["text", "json", "jsonl"],
        run: { invocation in
            let format = try invocation.format(allowed: ["text", "json", "jsonl"])
            let time = LocalTime(try invocation.timeZone())
            let follow = invocation.arguments.flag("--follow")
            let all = invocation.arguments.flag("--all")
            guard invocation.arguments.positionals.count == (all ? 0 : 1) else {
                throw UsageError(all ? "log --all takes no run id" : "log takes a run id (or --follow --all)",
                                 chinese: all ? "log --all 不需要运行 id" : "log 需要一个运行 id（或 --follow --all）")
            }
            var since = 0
            if let text = invocation.arguments.value("--since-seq") {
                guard let value = Int(text), value >= 0 else {
                    throw UsageError("--since-seq takes a line number (0 or more), not '\(text)'",
                                     chinese: "--since-seq 需要一个行号（0 或更大），而不是 '\(text)'")
                }
                since = value
            }
            if follow || all || format == "jsonl" || since > 0 {
                guard format != "json" else {
                    throw UsageError("--follow, --all and --since-seq print --format jsonl or text, not json",
                                     chinese: "--follow、--all 和 --since-seq 输出 --format jsonl 或 text，不是 json")
                }
                if all {
                    guard since == 0 else {
                        throw UsageError("--since-seq is for one run, not --all", chinese: "--since-seq 只用于单个运行，不能与 --all 同用")
                    }
                    return try LogFollow.runAll(invocation, format: format, follow: follow)
                }
                return try LogFollow.run(invocation, runID: invocation.arguments.positionals[0], format: format,
                                         since: since, follow: follow)
            }
            let runID = invocation.arguments.positionals[0]
            let (contents, _, _, torn) = try RunSession(runID, invocation: invocation).read()
            if format == "json" {
                let lines: [JSONValue] = contents.lines.map { line in
                    let (type, data) = EventCoding.encode(line.event.kind)
                    var object: JSONObject = [
                        "seq": .integer(Int64(line.seq)), "at": .integer(line.event.at), "t": .integer(line.relative),
                        "actor": EventCoding.encode(line.event.actor), "type": .string(type), "data": .object(data),
                    ]
                    // A drill's wall-clock instant beside its own.
                    if let realAt = line.event.realAt { object["real"] = .integer(realAt) }
                    if let recorder = line.event.recordedBy { object["recorded_by"] = .string(recorder) }
                    return .object(object)
                }
                invocation.console.out(JSONValue.array(lines).serialized(pretty: true) + "\n")
            } else {
                invocation.console.out(contents.lines.map { LogFollow.textLine($0, time: time) }.joined())
            }
            if torn > 0 {
                invocation.console.error("muster: note: the last line is incomplete (\(torn) bytes); the next write cuts it\n")
            }
            return ExitStatus.success
        })

    static let runs = CommandSpec(
        name: "runs", summary: "list the runs in the runs directory, live and finished",
        discussion: "", options: [SharedOptions.timeZone], formats: ["text", "json"],
        run: { invocation in
            let format = try invocation.format(allowed: ["text", "json"])
            let time = LocalTime(try invocation.timeZone())
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
                let kind = state.start?.kind.rawValue
                let mode = state.start.map { label($0.kind.rawValue) } ?? "?"
                let shownStatus = chinese ? ["closed": "已结束", "obligations open": "善后未完", "live": "进行中"][status]!
                    : status
                out += "\(runID.padding(to: 36)) \((state.start?.playbookID ?? "?").padding(to: 16)) "
                    + "\(mode.padding(to: 8)) \(time.instant(state.startedAt))  "
                    + "\(shownStatus)\(state.outcome.map { " · " + $0.id } ?? "")\n"
                rows.append(.object([
                    "run": .string(runID), "playbook": .string(state.start?.playbookID ?? ""),
                    "mode": .string(state.start?.mode.rawValue ?? ""), "kind": kind.map(JSONValue.string) ?? .null,
                    "started_at": .integer(state.startedAt),
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
            let scenario: () -> [UInt8]?
            if let bundle {
                let opened = try BundleFile.open(bundle)
                runID = opened.runID
                snapshot = { opened.snapshot }
                scenario = { opened.scenario }
            } else {
                runID = invocation.arguments.positionals[0]
                let journal = Journal(directory: try RunsDirectory(invocation).runPath(runID))
                snapshot = { () throws(JournalError) in try journal.snapshot() }
                scenario = {
                    if case .bytes(let bytes) = FileReading.read(journal.directory + "/scenario.yaml", limit: 1 << 20) {
                        return bytes
                    }
                    return nil
                }
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
                // A drill's pinned scenario is part of the record, as the playbook is: its hash is in line 1.
                if case .runStarted(let start)? = contents.lines.first?.event.kind, start.scenarioHash != nil {
                    let problem = scenario().map { RunSession.scenarioProblem($0, events: contents.events) }
                        ?? ("the pinned scenario.yaml is missing", "固定的 scenario.yaml 不见了")
                    if let problem {
                        if format == "json" {
                            invocation.console.out(JSONValue.object([
                                "run": .string(runID), "ok": false, "line": 1, "reason": .string(problem.english),
                            ]).serialized(pretty: true) + "\n")
                        }
                        invocation.console.error(failed + (chinese ? "第 1 行：" + problem.chinese : "line 1: " + problem.english) + "\n")
                        return ExitStatus.failure
                    }
                }
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
