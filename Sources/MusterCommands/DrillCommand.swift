import Diagnostics
import Drills
import Hashing
import JSONText
import Journaling
import Platform
import PlaybookLanguage
import Reporting
import RunEngine
import Runs
import YAMLLoading

/// `muster drill start|advance|run|due|report`: drills on the very playbooks the team uses.
enum DrillCommand {
    static let spec = CommandSpec(
        name: "drill",
        summary: "drills: start one, move its virtual clock, play a scenario unattended, see what is due",
        positionals: [
            Positional(name: "start|advance|run|report|due", arity: .one, about: "start, advance, run, report or due",
                       chinese: "start、advance、run、report 或 due",
                       completion: .words(["start", "advance", "run", "report", "due"])),
            Positional(name: "ARGUMENT", arity: .zeroOrMore, about: "its arguments", chinese: "其参数"),
        ],
        // The subcommands take different arguments and options: their synopses are written by hand.
        handWrittenUsage: """
            muster drill start SCENARIO [--clock virtual|real] [--speed N] [--run-id ID]
                   muster drill advance RUN DURATION|--to-next
                   muster drill run SCENARIO [--run-id ID] [--fail-below P|S|M]
                   muster drill report RUN [--format md|json|html] [--lang en|zh]
                   muster drill due
            """,
        discussion: """
            SCENARIO is a scenario file or a scenario id in <playbooks>/drills. 'drill start' makes a run in drill
            mode that people act on with the ordinary commands; injects are journaled as they fall due. On the
            virtual clock (the default) time moves only with 'drill advance'. 'drill run' plays the whole scenario
            unattended with its scripted players and prints the evaluation (P/S/M/U per objective); it exits 0
            whatever the ratings, or 1 with --fail-below when a rating is below the given grade. 'drill due' says
            which drills the programme requires next: a full (live) drill yearly, a tabletop monthly, an
            unscripted drill every six months, restore practice weekly.
            """,
        options: [
            .init(name: "--clock", value: "CLOCK", summary: "virtual (default) or real", allowed: ["virtual", "real"]),
            .init(name: "--run-id", value: "ID", summary: "the run id (default: scenario id and the real time)"),
            .init(name: "--speed", value: "N", summary: "with --clock real: run N times faster than real time"),
            .init(name: "--fail-below", value: "GRADE", summary: "exit 1 if a rating is below P, S or M",
                  allowed: ["P", "S", "M"]),
            .init(name: "--to-next", value: nil, summary: "advance to the next timer or inject"),
        ],
        run: run)

    static func run(_ invocation: Invocation) throws -> Int32 {
        let words = invocation.arguments.positionals
        guard let sub = words.first else { throw UsageError("drill takes start, advance, run, report or due") }
        let rest = Array(words.dropFirst())
        switch sub {
        case "start": return try start(rest, invocation)
        case "advance": return try advance(rest, invocation)
        case "run": return try runUnattended(rest, invocation)
        case "report": return try report(rest, invocation)
        case "due": return try due(invocation)
        default:
            throw UsageError("unknown drill command '\(sub)'"
                + NameSuggestion.didYouMean(sub, in: ["start", "advance", "run", "report", "due"]))
        }
    }

    /// A scenario found by path or id, with its playbook, both checked.
    struct LoadedScenario {
        var scenario: Scenario
        var scenarioBytes: [UInt8]
        var playbook: PlaybookFiles.Loaded
    }

    static func load(_ argument: String, _ invocation: Invocation) throws -> LoadedScenario {
        let directory = invocation.playbooksDirectory
        // As for playbooks: a path holds a `/` or ends in `.yaml`; anything else is a scenario id of the
        // playbooks directory's `drills/`, whatever the working directory holds.
        let path = PlaybookFiles.isPath(argument) ? argument : directory + "/drills/" + argument + ".yaml"
        guard case .bytes(let bytes) = FileReading.read(path, limit: LoadLimits().maxFileBytes) else {
            throw PlaybookFiles.notFound(argument, playbooksDirectory: directory + "/drills", what: "scenario",
                                         chineseWhat: "演练场景")
        }
        var loadedPlaybook: PlaybookFiles.Loaded?
        var loadError: Error?
        let checked = ScenarioChecker.check(bytes, file: path) { id in
            do {
                let loaded = try PlaybookFiles.load(id, invocation: invocation)
                // A scenario drills the playbook it names, never another that a file happened to hold.
                guard loaded.playbook.id == id else {
                    throw CommandFailure(
                        "the scenario drills playbook '\(id)', but '\(loaded.path)' holds playbook "
                            + "'\(loaded.playbook.id)'",
                        chinese: "该场景演练的预案是 '\(id)'，但 '\(loaded.path)' 中是预案 '\(loaded.playbook.id)'")
                }
                loadedPlaybook = loaded
                return loaded.playbook
            } catch {
                loadError = error
                return nil
            }
        }
        guard let scenario = checked.scenario, let loadedPlaybook else {
            invocation.console.error(TextRenderer(useColour: invocation.console.colourError)
                .render(checked.diagnostics.sortedForOutput(), sources: [path: SourceText(bytes: bytes)]))
            if let failure = loadError as? CommandFailure { throw failure }
            throw CommandFailure("the scenario '\(path)' has errors; 'muster check \(path)' lists them")
        }
        return LoadedScenario(scenario: scenario, scenarioBytes: bytes, playbook: loadedPlaybook)
    }

    private static func create(_ loaded: LoadedScenario, events: [Event], runID: String, _ invocation: Invocation) throws {
        let runs = RunsDirectory(invocation)
        let path = try runs.runPath(runID)
        let files = try InjectedFaults.files(invocation)
        try runs.ensureExists()
        do throws(JournalError) {
            try Journal.create(directory: path, playbook: loaded.playbook.bytes, events: events,
                               companions: [("scenario.yaml", loaded.scenarioBytes)], files: files)
        } catch {
            throw CommandFailure(error, runID: runID)
        }
    }

    private static func defaultRunID(_ scenario: Scenario, _ invocation: Invocation) throws -> String {
        if let given = invocation.arguments.value("--run-id") { return given }
        return "\(scenario.id)-\(TimeText.compact(try Clock.now(invocation.environment)))"
    }

    static func start(_ words: [String], _ invocation: Invocation) throws -> Int32 {
        guard words.count == 1 else { throw UsageError("drill start takes one scenario") }
        let loaded = try load(words[0], invocation)
        let virtual = (invocation.arguments.value("--clock") ?? "virtual") == "virtual"
        var speed = 1
        if let text = invocation.arguments.value("--speed") {
            guard let number = Int(text), RunStart.speeds.contains(Int64(number)) else {
                throw UsageError("--speed takes a whole number from 1 to 3600, not '\(text)'")
            }
            guard !virtual else { throw UsageError("--speed goes with --clock real; a virtual clock moves with 'drill advance'") }
            speed = number
        }
        let runner = DrillRunner(scenario: loaded.scenario, playbook: loaded.playbook.playbook)
        let startsAt = virtual ? loaded.scenario.startsAt : try Clock.now(invocation.environment)
        var events = runner.engine.start(runner.start(playbookHash: SHA256.hash(loaded.playbook.bytes).hex,
                                                      virtualClock: virtual, speed: speed), at: startsAt)
        for delivery in runner.plan.dueDeliveries(events, upTo: startsAt) { events.append(runner.plan.event(delivery)) }
        let runID = try defaultRunID(loaded.scenario, invocation)
        try create(loaded, events: events, runID: runID, invocation)
        invocation.console.out(runID + "\n")
        if invocation.language == .zh {
            invocation.console.error("演练 \(loaded.scenario.id)（预案 \(loaded.playbook.playbook.id)）已开始，"
                + (virtual ? "使用虚拟时钟；推进时间：'muster drill advance \(runID) 5m'" : "使用真实时钟") + "\n")
        } else {
            invocation.console.error("drill \(loaded.scenario.id) of \(loaded.playbook.playbook.id) started on the "
                + (virtual ? "virtual clock; move it with 'muster drill advance \(runID) 5m'" : "real clock") + "\n")
        }
        return ExitStatus.success
    }

    /// The most events one `drill advance` may make fall due.
    static let advanceEventLimit = 10_000

    static func advance(_ words: [String], _ invocation: Invocation) throws -> Int32 {
        guard let runID = words.first else { throw UsageError("drill advance takes a run id") }
        let toNext = invocation.arguments.flag("--to-next")
        guard toNext ? words.count == 1 : words.count == 2 else {
            throw UsageError("drill advance takes a run id and a duration (e.g. 5m), or --to-next")
        }
        var step: Int64?
        if !toNext {
            guard let milliseconds = DurationText.milliseconds(words[1]) else {
                throw UsageError("'\(words[1])' is not a duration like 90s, 5m or 1h")
            }
            step = milliseconds
        }
        let session = try RunSession(runID, invocation: invocation)
        var moved: Int64 = 0
        do {
            try session.journal.transact { contents in
                let playbook = try session.pinnedPlaybook(contents.playbook)
                let plan = try session.drillPlan(playbook: playbook)
                let state = RunState.fold(contents.events)
                guard state.start?.virtualClock == true else {
                    throw CommandFailure("run '\(runID)' is not on a virtual clock; only virtual clocks are advanced",
                                         chinese: "运行 '\(runID)' 不在虚拟时钟上；只有虚拟时钟可以拨快")
                }
                let now = state.lastEventAt
                var target = now + (step ?? 0)
                if step == nil {
                    var next: [Int64] = []
                    if let timer = Engine(playbook: playbook).nextDue(state) { next.append(timer) }
                    if let plan { next += plan.pendingDeliveries(DrillPlan.Moments(contents.events)).map(\.at) }
                    guard let soonest = next.filter({ $0 > now }).min() else {
                        throw CommandFailure("nothing is due on run '\(runID)'", chinese: "运行 '\(runID)' 没有待到期的事项")
                    }
                    target = soonest
                }
                moved = target - now
                let advanced = Event(at: target, actor: .engine, kind: .clockAdvanced(to: target))
                // What the move would make fall due is bounded: a slip of the finger (10y for 10m) is refused
                // rather than written.
                var probe = state
                probe.apply(advanced)
                let due = Engine(playbook: playbook).advance(probe, to: target).count
                guard due <= Self.advanceEventLimit else {
                    throw CommandFailure(
                        "advancing run '\(runID)' by \(TimeText.span(moved)) would write \(due) events, more than "
                            + "\(Self.advanceEventLimit); advance in smaller steps, or with --to-next",
                        chinese: "将运行 '\(runID)' 拨快 \(TimeText.span(moved)) 会写入 \(due) 个事件，超过 "
                            + "\(Self.advanceEventLimit) 个；请分步拨快，或用 --to-next")
                }
                return [advanced]
            }
        } catch let error as JournalError {
            throw CommandFailure(error, runID: runID)
        }
        // Fire what fell due and deliver injects, at the new instant, through the ordinary path.
        let outcome = try session.perform(nil)
        let chinese = invocation.language == .zh
        let (span, instant) = (TimeText.span(moved), TimeText.instant(outcome.state.lastEventAt))
        let active = outcome.state.activeOrder.joined(separator: ", ")
        invocation.console.out(chinese ? "已拨快 \(span) 至 \(instant)；进行中的步骤：\(active)\n"
                                       : "advanced \(span) to \(instant); active: \(active)\n")
        for event in outcome.appended {
            if case .injectDelivered(let id, let role, let message) = event.kind {
                invocation.console.out((chinese ? "注入" : "inject") + " \(id)\(role.map { " → \($0)" } ?? ""): \(message)\n")
            }
        }
        return ExitStatus.success
    }

    static func runUnattended(_ words: [String], _ invocation: Invocation) throws -> Int32 {
        guard words.count == 1 else { throw UsageError("drill run takes one scenario") }
        let format = try invocation.format(allowed: ["text", "md", "json"])
        let loaded = try load(words[0], invocation)
        let runner = DrillRunner(scenario: loaded.scenario, playbook: loaded.playbook.playbook)
        let events = runner.run(playbookHash: SHA256.hash(loaded.playbook.bytes).hex)
        let runID = try defaultRunID(loaded.scenario, invocation)
        try create(loaded, events: events, runID: runID, invocation)
        let session = try RunSession(runID, invocation: invocation)
        let (contents, playbook, _, _) = try session.read()
        let evaluation = DrillEvaluation(scenario: loaded.scenario, playbook: playbook, events: contents.events)
        let drillReport = DrillReport(evaluation: evaluation, report: runReport(contents, playbook),
                                      language: invocation.language.rawValue)
        if format == "json" {
            var object = drillReport.json().objectValue ?? [:]
            object["run"] = .string(runID)
            invocation.console.out(JSONValue.object(object).serialized(pretty: true) + "\n")
        } else {
            invocation.console.out(format == "md" ? drillReport.markdown() : summary(evaluation, runID: runID, invocation))
        }
        let chinese = invocation.language == .zh
        invocation.console.error(chinese
            ? "运行 \(runID)：\(contents.lines.count) 个事件；报告：'muster drill report \(runID)'\n"
            : "run \(runID): \(contents.lines.count) events; 'muster drill report \(runID)' for the report\n")
        let refused = contents.events.filter { if case .commandRejected = $0.kind { return true } else { return false } }
        if !refused.isEmpty {
            invocation.console.error(chinese
                ? "muster: 警告：脚本中有 \(refused.count) 个操作被拒绝；'muster log \(runID)' 可查看（command.rejected）\n"
                : "muster: warning: \(refused.count) scripted actions were refused; "
                    + "'muster log \(runID)' shows them (command.rejected)\n")
        }
        if RunState.fold(contents.events).outcome == nil {
            invocation.console.error(chinese
                ? "muster: 警告：本次运行未到达结果；脚本中的人员在结束前停止了操作\n"
                : "muster: warning: the run reached no outcome; the scenario's players stop short\n")
        }
        if let threshold = invocation.arguments.value("--fail-below").flatMap(DrillEvaluation.Rating.init(rawValue:)),
            evaluation.results.contains(where: { $0.rating < threshold })
        {
            return ExitStatus.failure
        }
        return ExitStatus.success
    }

    static func runReport(_ contents: Journal.Contents, _ playbook: Playbook) -> RunReport {
        RunReport(playbook: playbook,
                  entries: contents.lines.map { JournalEntry(seq: $0.seq, event: $0.event, relative: $0.relative) },
                  integrity: Integrity(head: contents.head, lines: contents.lines.count, verified: true))
    }

    static func summary(_ evaluation: DrillEvaluation, runID: String, _ invocation: Invocation) -> String {
        let zh = invocation.language == .zh
        var out = (zh ? "演练评定 " : "drill evaluation ") + "\(evaluation.scenario.id) (\(runID))\n"
        let width = evaluation.results.map(\.objective.id.count).max() ?? 0
        for result in evaluation.results {
            out += "  \(result.rating.rawValue)  \(result.objective.id.padding(to: width))  "
                + "\(result.objective.title.text(invocation.language)) — \(result.reason)\n"
        }
        out += (zh ? "总体: " : "overall: ") + evaluation.overall.rawValue + "\n"
        return out
    }

    static func report(_ words: [String], _ invocation: Invocation) throws -> Int32 {
        guard words.count == 1 else { throw UsageError("drill report takes a run id") }
        let format = try invocation.format(allowed: ["text", "md", "json", "html"])
        let session = try RunSession(words[0], invocation: invocation)
        let (contents, playbook, _, _) = try session.read()
        guard let plan = try session.drillPlan(playbook: playbook) else {
            throw CommandFailure("run '\(words[0])' is not a drill", chinese: "运行 '\(words[0])' 不是演练")
        }
        let evaluation = DrillEvaluation(scenario: plan.scenario, playbook: playbook, events: contents.events)
        let report = DrillReport(evaluation: evaluation, report: runReport(contents, playbook),
                                 language: invocation.language.rawValue)
        switch format {
        case "json": invocation.console.out(report.json().serialized(pretty: true) + "\n")
        case "html": invocation.console.out(report.html())
        default: invocation.console.out(report.markdown())
        }
        return ExitStatus.success
    }

    /// The drill programme: how often each kind is required, in days.
    static let programme: [(Scenario.Kind, Int64, String, String)] = [
        (.live, 365, "a full drill at least yearly", "每年至少一次全面演练"),
        (.tabletop, 30, "a tabletop exercise monthly", "每月一次桌面推演"),
        (.unscripted, 182, "an unscripted live drill every six months", "每半年一次无脚本实战演练"),
        (.restore, 7, "restore practice weekly", "每周一次备份恢复演练"),
    ]

    static func due(_ invocation: Invocation) throws -> Int32 {
        let format = try invocation.format(allowed: ["text", "json"])
        let now = try Clock.now(invocation.environment)
        let runs = RunsDirectory(invocation)
        var last: [Scenario.Kind: (Int64, String)] = [:]
        for runID in runs.runIDs() {
            let directory = runs.path + "/" + runID
            guard case .bytes(let bytes) = FileReading.read(directory + "/scenario.yaml", limit: 1 << 20),
                let (contents, _) = try? Journal(directory: directory).read(),
                case .runStarted(let start)? = contents.lines.first?.event.kind, start.mode == .drill
            else { continue }
            // The kind as YAML reads it (a comment on its line, quotes or flow style change nothing).
            let kindText = YAMLLoader.load(bytes, file: "scenario.yaml").root?.mapping?
                .first { $0.key.scalar?.text == "kind" }?.value.scalar?.text
            guard let kindText, let kind = Scenario.Kind(rawValue: kindText) else { continue }
            // Drills count by when they were held: the real instant the run was created for a virtual clock is not
            // kept, so the virtual start counts.
            let held = contents.lines.first?.event.at ?? 0
            if last[kind].map({ held > $0.0 }) ?? true { last[kind] = (held, runID) }
        }
        var rows: [JSONValue] = []
        var out = ""
        let zh = invocation.language == .zh
        for (kind, days, english, chinese) in programme {
            let previous = last[kind]
            let dueAt = previous.map { $0.0 + days * 86_400_000 } ?? now
            let overdue = dueAt <= now
            out += "\(kind.rawValue.padding(to: 10)) \(zh ? chinese : english): "
                + (previous.map { (zh ? "上次 " : "last ") + TimeText.instant($0.0) + " (\($0.1)); " } ?? (zh ? "从未举行; " : "never held; "))
                + (overdue ? (zh ? "现已到期" : "due now") : (zh ? "下次 " : "next by ") + TimeText.instant(dueAt)) + "\n"
            rows.append(.object([
                "kind": .string(kind.rawValue), "every_days": .integer(days),
                "last": previous.map { .integer($0.0) } ?? .null, "last_run": previous.map { .string($0.1) } ?? .null,
                "due_at": .integer(dueAt), "overdue": .bool(overdue),
            ]))
        }
        invocation.console.out(format == "json" ? JSONValue.array(rows).serialized(pretty: true) + "\n" : out)
        return ExitStatus.success
    }
}

extension Substring {
    func trimmingCharacters(in set: String) -> String {
        String(drop { set.contains($0) }.reversed().drop { set.contains($0) }.reversed())
    }
}
