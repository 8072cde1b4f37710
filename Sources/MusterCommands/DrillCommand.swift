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
            Positional(name: "SUBCOMMAND", arity: .one, about: subcommands.joined(separator: ", "),
                       chinese: subcommands.joined(separator: "、"),
                       completion: .words(subcommands)),
            Positional(name: "ARGUMENT", arity: .zeroOrMore, about: "its arguments", chinese: "其参数"),
        ],
        // The subcommands take different arguments and options: their synopses are written by hand.
        handWrittenUsage: """
            muster drill start SCENARIO [--clock virtual|real] [--speed N] [--run-id ID]
                   muster drill advance RUN DURATION|--to-next [--notify-command CMD]
                   muster drill run SCENARIO [--run-id ID] [--fail-below P|S|M]
                   muster drill report RUN [--format md|json|html] [--lang en|zh]
                   muster drill due
                   muster drill observe RUN [OBJECTIVE] TEXT [--strength|--improvement] --as EVALUATOR
                   muster drill rate RUN OBJECTIVE P|S|M|U --why TEXT --as EVALUATOR
                   muster drill inject RUN ID | --to ROLE --text TEXT --as CONTROLLER
                   muster drill cancel RUN ID [--why TEXT] --as CONTROLLER
                   muster drill mark RUN startex|endex|pause|resume --as CONTROLLER
                   muster drill improve RUN OBJECTIVE --action TEXT --owner WHO --due DATE [--status S] --as STAFF
            """,
        discussion: """
            SCENARIO is a scenario file or a scenario id in <playbooks>/drills. 'drill start' makes a run in drill
            mode that people act on with the ordinary commands; injects are journaled as they fall due. On the
            virtual clock (the default) time moves only with 'drill advance'. 'drill run' plays the whole scenario
            unattended with its scripted players and prints the evaluation (P/S/M/U per objective); it exits 0
            whatever the ratings, or 1 with --fail-below when a rating is below the given grade. 'drill due' says
            which drills the programme requires next: a full (live) drill yearly, a tabletop monthly, an
            unscripted drill every six months, an attack-and-defence exercise quarterly, restore practice weekly.
            A drill counts by the real date it was held, and only when it was held with people and completed: an
            unattended 'drill run' is practice, an aborted drill does not count. 'drill due' exits 1 when
            something is overdue (for cron). The exercise staff the scenario declares (staff: controllers,
            evaluators) act with the other subcommands: an evaluator records observations per objective
            ('observe', a strength or an area for improvement) and sets or overrides a rating with a written
            justification ('rate'); a controller sends a scenario inject now or an ad hoc one ('inject'), cancels
            one ('cancel'), marks start and end of exercise and pauses or resumes play ('mark'); either sets an
            objective's improvement action with its owner and due date ('improve'). All of it is journaled and goes
            into the after-action report ('drill report').
            """,
        options: [
            .init(name: "--clock", value: "CLOCK", summary: "virtual (default) or real", allowed: ["virtual", "real"]),
            .init(name: "--run-id", value: "ID", summary: "the run id (default: scenario id and the real time)"),
            .init(name: "--speed", value: "N", summary: "with --clock real: run N times faster than real time"),
            .init(name: "--fail-below", value: "GRADE", summary: "exit 1 if a rating is below P, S or M",
                  allowed: ["P", "S", "M"]),
            .init(name: "--to-next", value: nil, summary: "advance to the next timer or inject"),
            .init(name: "--strength", value: nil, summary: "observe: a strength"),
            .init(name: "--improvement", value: nil, summary: "observe: an area for improvement"),
            .init(name: "--why", value: "TEXT", summary: "rate: the written justification; cancel: why"),
            .init(name: "--to", value: "ROLE", summary: "inject: the role an ad hoc inject goes to"),
            .init(name: "--text", value: "TEXT", summary: "inject: the text of an ad hoc inject"),
            .init(name: "--action", value: "TEXT", summary: "improve: the corrective action"),
            .init(name: "--owner", value: "WHO", summary: "improve: who owns it"),
            .init(name: "--due", value: "DATE", summary: "improve: due by, YYYY-MM-DD"),
            .init(name: "--status", value: "STATUS", summary: "improve: open (default), in_progress or done",
                  allowed: ["open", "in_progress", "done"]),
        ] + ActionCommands.notifyOptions,
        run: run)

    static let subcommands = ["start", "advance", "run", "report", "due", "observe", "rate", "inject", "cancel", "mark",
                              "improve"]

    static func run(_ invocation: Invocation) throws -> Int32 {
        let words = invocation.arguments.positionals
        guard let sub = words.first else { throw UsageError("drill takes " + subcommands.joined(separator: ", ")) }
        let rest = Array(words.dropFirst())
        switch sub {
        case "start": return try start(rest, invocation)
        case "advance": return try advance(rest, invocation)
        case "run": return try runUnattended(rest, invocation)
        case "report": return try report(rest, invocation)
        case "due": return try due(invocation)
        case "observe", "rate", "inject", "cancel", "mark", "improve": return try staff(sub, rest, invocation)
        default:
            throw UsageError("unknown drill command '\(sub)'" + NameSuggestion.didYouMean(sub, in: subcommands))
        }
    }

    /// A staff subcommand: parsed here, checked and journaled by `RunSession.staff`.
    static func staff(_ sub: String, _ words: [String], _ invocation: Invocation) throws -> Int32 {
        guard let runID = words.first else { throw UsageError("drill \(sub) takes a run id") }
        guard let person = invocation.arguments.value("--as") ?? invocation.environment["MUSTER_AS"], !person.isEmpty else {
            throw UsageError("who is acting? give --as PERSON or set MUSTER_AS",
                             chinese: "操作人是谁？请给出 --as PERSON 或设置 MUSTER_AS")
        }
        let arguments = invocation.arguments
        let rest = Array(words.dropFirst())
        let action: RunSession.StaffAction
        switch sub {
        case "observe":
            guard (1...2).contains(rest.count) else { throw UsageError("drill observe takes a run id, an objective and a text") }
            let kind: ExerciseRecord.ObservationKind = arguments.flag("--strength") ? .strength
                : arguments.flag("--improvement") ? .improvement : .note
            action = .observe(objective: rest.count == 2 ? rest[0] : nil, kind: kind, text: rest.last!)
        case "rate":
            guard rest.count == 2 else { throw UsageError("drill rate takes a run id, an objective and P, S, M or U") }
            action = .rate(objective: rest[0], rating: rest[1], why: arguments.value("--why") ?? "")
        case "inject":
            guard rest.count <= 1 else { throw UsageError("drill inject takes a run id and an inject id, or --to and --text") }
            action = .inject(id: rest.first, role: arguments.value("--to"), text: arguments.value("--text"))
        case "cancel":
            guard rest.count == 1 else { throw UsageError("drill cancel takes a run id and an inject id") }
            action = .cancel(id: rest[0], why: arguments.value("--why"))
        case "mark":
            guard rest.count == 1, let mark = ExerciseRecord.Mark(rawValue: rest[0]) else {
                throw UsageError("drill mark takes a run id and startex, endex, pause or resume")
            }
            action = .mark(mark)
        default:
            guard rest.count == 1 else { throw UsageError("drill improve takes a run id and an objective") }
            guard let dueText = arguments.value("--due"), let dueAt = ScenarioChecker.instant(dueText + "T00:00:00Z") else {
                throw UsageError("drill improve needs --due YYYY-MM-DD")
            }
            action = .improve(objective: rest[0], action: arguments.value("--action") ?? "",
                              owner: arguments.value("--owner") ?? "", dueAt: dueAt,
                              status: arguments.value("--status") ?? "open")
        }
        let session = try RunSession(runID, invocation: invocation)
        let outcome = try session.staff(action, by: person)
        if let refusal = outcome.refusal {
            invocation.console.error((invocation.language == .zh ? "muster: 已拒绝：" : "muster: refused (")
                + (invocation.language == .zh ? refusal.chinese ?? refusal.message
                    : refusal.message.replacingFirst(": ", with: "): ")) + "\n")
            return ExitStatus.failure
        }
        printInjects(outcome.appended, plan: outcome.plan, invocation)
        let state = try session.read().state
        invocation.console.out((invocation.language == .zh ? "已记录：序号 " : "ok: seq ") + "\(state.eventCount)\n")
        if case .inject = action {
            session.deliverPending(state, with: Notifier.forCommand(invocation), invocation: invocation)
        }
        return ExitStatus.success
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

    private static func create(_ loaded: LoadedScenario, events: [Event], runID: String, _ invocation: Invocation,
                               companions: [(name: String, bytes: [UInt8])] = []) throws {
        let runs = RunsDirectory(invocation)
        let path = try runs.runPath(runID)
        let files = try InjectedFaults.files(invocation)
        try runs.ensureExists()
        do throws(JournalError) {
            try Journal.create(directory: path, playbook: loaded.playbook.bytes, events: events,
                               companions: [("scenario.yaml", loaded.scenarioBytes)] + companions, files: files)
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
                                                      scenarioHash: SHA256.hash(loaded.scenarioBytes).hex,
                                                      virtualClock: virtual, speed: speed), at: startsAt)
        events += runner.plan.deliveries(events, upTo: startsAt)
        // When the drill is really held, beside its virtual instants.
        let realNow = try Clock.now(invocation.environment)
        if virtual || speed > 1 { events = events.map { var event = $0; event.realAt = realNow; return event } }
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
        // The STARTEX injects, for the controller to read out (stdout carries only the run id).
        printInjects(events, plan: runner.plan, invocation, toStandardError: true)
        // A drill tests the call-out chain: its injects and escalations go through the notifier, marked as a drill.
        let session = try RunSession(runID, invocation: invocation)
        session.deliverPending(RunState.fold(events), with: Notifier.forCommand(invocation), invocation: invocation)
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
        let advance = try session.advanceDrillClock(by: step, limit: Self.advanceEventLimit)
        let chinese = invocation.language == .zh
        let (span, instant) = (TimeText.span(advance.moved), TimeText.instant(advance.state.lastEventAt))
        let active = advance.state.activeOrder.joined(separator: ", ")
        invocation.console.out(chinese ? "已拨快 \(span) 至 \(instant)；进行中的步骤：\(active)\n"
                                       : "advanced \(span) to \(instant); active: \(active)\n")
        printInjects(advance.appended, plan: advance.plan, invocation)
        // The notifications the move made due (injects, escalations, overdue steps) are delivered now, marked as
        // a drill: a drill tests the call-out chain.
        let notifier = Notifier.forCommand(invocation)
        session.deliverPending(advance.state, with: notifier, invocation: invocation)
        session.warnIfUndelivered(advance.state, notifier: notifier, invocation: invocation)
        return ExitStatus.success
    }

    /// Says each inject among `events`, with its addressee and instant, in the reader's language, as the
    /// controller reads them out.
    static func printInjects(_ events: [Event], plan: DrillPlan, _ invocation: Invocation, toStandardError: Bool = false) {
        let chinese = invocation.language == .zh
        for event in events {
            if case .injectDelivered(let id, let role, let message) = event.kind {
                let text = plan.message(ofInject: id)?.text(invocation.language) ?? message
                let line = (chinese ? "注入" : "inject") + " \(id)\(role.map { " → \($0)" } ?? "")"
                    + " @ \(TimeText.instant(event.at)): \(text)\n"
                if toStandardError { invocation.console.error(line) } else { invocation.console.out(line) }
            }
        }
    }

    static func runUnattended(_ words: [String], _ invocation: Invocation) throws -> Int32 {
        guard words.count == 1 else { throw UsageError("drill run takes one scenario") }
        let format = try invocation.format(allowed: ["text", "md", "json"])
        let loaded = try load(words[0], invocation)
        let runner = DrillRunner(scenario: loaded.scenario, playbook: loaded.playbook.playbook)
        let events = runner.run(playbookHash: SHA256.hash(loaded.playbook.bytes).hex,
                                scenarioHash: SHA256.hash(loaded.scenarioBytes).hex)
        let runID = try defaultRunID(loaded.scenario, invocation)
        // The real date of the practice is kept beside the journal (the file 'held'), never in it: the same
        // scenario and run id give the same journal, byte for byte, whenever it is played.
        let held = try Clock.now(invocation.environment)
        try create(loaded, events: events, runID: runID, invocation,
                   companions: [("held", Array("\(TimeText.instant(held))\n".utf8))])
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
                + "\(result.objective.title.text(invocation.language)) — \(result.reason(invocation.language.rawValue))\n"
        }
        out += (zh ? "总体: " : "overall: ") + evaluation.overall.rawValue + "\n"
        return out
    }

    static func report(_ words: [String], _ invocation: Invocation) throws -> Int32 {
        guard words.count == 1 else { throw UsageError("drill report takes a run id") }
        let format = try invocation.format(allowed: ["text", "md", "json", "html"])
        let session = try RunSession(words[0], invocation: invocation)
        let (contents, playbook, _, _) = try session.read()
        guard let plan = try session.drillPlan(playbook: playbook, events: contents.events) else {
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
        (.attackDefence, 91, "an attack-and-defence exercise quarterly", "每季度一次攻防演练"),
        (.restore, 7, "restore practice weekly", "每周一次备份恢复演练"),
    ]

    /// A drill found in the runs directory, as the programme sees it.
    struct HeldDrill {
        var runID: String
        var kind: Scenario.Kind
        var playbook: String
        /// When it was really held: the wall clock's instant of its start (for journals written before it was
        /// recorded, the start's own instant).
        var held: Int64
        /// Whether it counts toward the programme: held with people (not an unattended `drill run`, which is
        /// practice) and completed (an outcome reached, not aborted).
        var counts: Bool
        /// Why it does not count, if it does not.
        var why: String?
    }

    /// Every drill-mode run of the runs directory with a readable journal and scenario.
    static func heldDrills(_ invocation: Invocation) -> [HeldDrill] {
        let runs = RunsDirectory(invocation)
        var found: [HeldDrill] = []
        for runID in runs.runIDs() {
            let directory = runs.path + "/" + runID
            guard case .bytes(let bytes) = FileReading.read(directory + "/scenario.yaml", limit: 1 << 20),
                let (contents, _) = try? Journal(directory: directory).read(),
                let first = contents.lines.first?.event,
                case .runStarted(let start) = first.kind, !start.kind.isLive
            else { continue }
            // The kind as YAML reads it (a comment on its line, quotes or flow style change nothing).
            let kindText = YAMLLoader.load(bytes, file: "scenario.yaml").root?.mapping?
                .first { $0.key.scalar?.text == "kind" }?.value.scalar?.text
            guard let kindText, let kind = Scenario.Kind(rawValue: kindText) else { continue }
            let state = RunState.fold(contents.events)
            var why: String?
            if !start.kind.isHeldWithPeople {
                why = "unattended practice"
            } else if state.aborted {
                why = "aborted"
            } else if state.outcome == nil {
                why = "not completed"
            }
            found.append(HeldDrill(runID: runID, kind: kind, playbook: start.playbookID,
                                   held: first.realAt ?? first.at, counts: why == nil, why: why))
        }
        return found
    }

    static func due(_ invocation: Invocation) throws -> Int32 {
        let format = try invocation.format(allowed: ["text", "json"])
        let now = try Clock.now(invocation.environment)
        let drills = heldDrills(invocation)
        func latest(_ list: [HeldDrill]) -> HeldDrill? {
            list.max { ($0.held, $0.runID) < ($1.held, $1.runID) }
        }
        var rows: [JSONValue] = []
        var out = ""
        var anyOverdue = false
        let zh = invocation.language == .zh
        for (kind, days, english, chinese) in programme {
            let previous = latest(drills.filter { $0.kind == kind && $0.counts })
            let dueAt = previous.map { $0.held + days * 86_400_000 } ?? now
            let overdue = dueAt <= now
            anyOverdue = anyOverdue || overdue
            let practice = drills.filter { $0.kind == kind && !$0.counts }.count
            var line = "\(kind.rawValue.padding(to: 14)) \(zh ? chinese : english): "
            if let previous {
                line += (zh ? "上次 " : "last ") + TimeText.instant(previous.held) + " (\(previous.runID)); "
            } else {
                line += zh ? "从未举行; " : "never held; "
            }
            if !overdue {
                line += (zh ? "下次 " : "next by ") + TimeText.instant(dueAt)
            } else if previous != nil, now > dueAt {
                line += zh ? "已逾期 \(TimeText.span(now - dueAt))（应于 \(TimeText.instant(dueAt)) 前）"
                    : "overdue by \(TimeText.span(now - dueAt)) (due by \(TimeText.instant(dueAt)))"
            } else {
                line += zh ? "现已到期" : "due now"
            }
            if practice > 0 {
                line += zh ? "；另有 \(practice) 次不计入（无人值守练习、中止或未完成）"
                    : "; \(practice) more not counted (unattended practice, aborted or not completed)"
            }
            out += line + "\n"
            rows.append(.object([
                "kind": .string(kind.rawValue), "every_days": .integer(days),
                "last": previous.map { .integer($0.held) } ?? .null, "last_run": previous.map { .string($0.runID) } ?? .null,
                "due_at": .integer(dueAt), "overdue": .bool(overdue),
                "overdue_ms": overdue ? .integer(now - dueAt) : .null, "not_counted": .integer(Int64(practice)),
            ]))
        }
        // Coverage: when each playbook was last drilled with people, whatever the kind.
        let playbooks = Set(PlaybookFiles.ids(in: invocation.playbooksDirectory) + drills.map(\.playbook)).sorted()
        var coverage = JSONObject()
        out += zh ? "\n各预案的演练情况：\n" : "\ncoverage by playbook:\n"
        let width = playbooks.map(\.count).max() ?? 0
        for playbook in playbooks {
            let last = latest(drills.filter { $0.playbook == playbook && $0.counts })
            out += "  \(playbook.padding(to: width))  " + (last.map {
                (zh ? "上次 " : "last drilled ") + TimeText.instant($0.held) + " (\($0.runID), \($0.kind.rawValue))"
            } ?? (zh ? "从未演练" : "never drilled")) + "\n"
            coverage[playbook] = last.map { .object(["last": .integer($0.held), "run": .string($0.runID),
                                                     "kind": .string($0.kind.rawValue)]) } ?? .null
        }
        if format == "json" {
            invocation.console.out(JSONValue.object(["programme": .array(rows), "coverage": .object(coverage)])
                .serialized(pretty: true) + "\n")
        } else {
            invocation.console.out(out)
        }
        // For cron: something overdue is a failure to report.
        return anyOverdue ? ExitStatus.failure : ExitStatus.success
    }
}

extension String {
    /// The text with its first `target` replaced.
    func replacingFirst(_ target: String, with replacement: String) -> String {
        let parts = split(separator: Substring(target), maxSplits: 1, omittingEmptySubsequences: false)
        return parts.count == 2 ? parts[0] + replacement + parts[1] : self
    }
}

extension Substring {
    func trimmingCharacters(in set: String) -> String {
        String(drop { set.contains($0) }.reversed().drop { set.contains($0) }.reversed())
    }
}
