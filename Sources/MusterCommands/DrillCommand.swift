import CommandSyntax
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

/// `muster drill SUBCOMMAND`: drills on the very playbooks the team uses. The subcommands are declared in
/// `DrillSubcommands`; what they do with a run is the `Runs` layer's.
enum DrillCommand {
    static let spec = CommandSpec(
        name: "drill",
        summary: "drills: start one, move its virtual clock, play a scenario unattended, see what is due",
        subcommands: DrillSubcommands.all,
        discussion: """
            SCENARIO is a scenario file or a scenario id in <playbooks>/drills. 'drill start' makes a run in drill
            mode that people act on with the ordinary commands; injects are journaled as they fall due. On the
            virtual clock (the default) time moves only with 'drill advance'. 'drill run' plays the whole scenario
            unattended with its scripted players and prints the evaluation (P/S/M/U per objective); it exits 0
            whatever the ratings, or 1 with --fail-below when a rating is below the given grade. 'drill due' says
            which drills the programme requires next: a full (live) drill yearly, a tabletop monthly, an
            unscripted drill every six months, an attack-and-defence exercise quarterly, restore practice weekly.
            In a drill people play, the roles nobody plays are played by the scenario's scripted players at their
            instants: 'drill start --assign ROLE=PERSON' names who plays (default: the scenario's participants),
            '--scripted ROLE' (or 'all') leaves a role to its scripted player, and a controller hands one over later
            with 'script' and back to a person with 'unscript'; what they do is journaled as scripted. A drill counts by the real date it was held, and only when it was held with people and completed: an
            unattended 'drill run' and a drill in which every role was scripted (no person played) are practice, an
            aborted drill does not count. 'drill due' exits 1 when something is overdue or a required drill was never
            held (for cron). The exercise staff the scenario declares (staff: controllers,
            evaluators) act with the other subcommands: an evaluator records observations per objective
            ('observe', a strength or an area for improvement) and sets or overrides a rating with a written
            justification ('rate'); a controller sends a scenario inject now or an ad hoc one ('inject'), cancels
            one ('cancel'), marks start and end of exercise and pauses or resumes play ('mark'); either sets an
            objective's improvement action with its owner and due date ('improve'). All of it is journaled and goes
            into the after-action report ('drill report').
            """,
        run: { _ in ExitStatus.usage })

    /// A staff subcommand: parsed here, checked and journaled by `RunSession.staff`.
    static func staff(_ sub: String, _ words: [String], _ invocation: Invocation) throws -> Int32 {
        let runID = words[0]
        guard let person = invocation.arguments.value("--as") ?? invocation.environment["MUSTER_AS"], !person.isEmpty else {
            let who = DrillSubcommands.all.first { $0.name == "drill " + sub }?.personWord ?? "PERSON"
            throw UsageError("who is acting? give --as \(who) or set MUSTER_AS",
                             chinese: "操作人是谁？请给出 --as \(who) 或设置 MUSTER_AS")
        }
        let arguments = invocation.arguments
        let rest = Array(words.dropFirst())
        let action: RunSession.StaffAction
        switch sub {
        case "observe":
            let kind: ExerciseRecord.ObservationKind = arguments.flag("--strength") ? .strength
                : arguments.flag("--improvement") ? .improvement : .note
            action = .observe(objective: rest.count == 2 ? rest[0] : nil, kind: kind, text: rest.last!)
        case "rate":
            action = .rate(objective: rest[0], rating: rest[1], why: arguments.value("--why") ?? "")
        case "inject":
            action = .inject(id: rest.first, role: arguments.value("--to"), text: arguments.value("--text"))
        case "cancel":
            action = .cancel(id: rest[0], why: arguments.value("--why"))
        case "mark":
            guard let mark = ExerciseRecord.Mark(rawValue: rest[0]) else {
                throw UsageError("drill mark takes a run id and startex, endex, pause or resume")
            }
            action = .mark(mark)
        case "script":
            guard rest.count == 1 else { throw UsageError("drill script takes a run id and a role") }
            action = .script(role: rest[0])
        case "unscript":
            guard rest.count == 2 else { throw UsageError("drill unscript takes a run id, a role and a person") }
            action = .unscript(role: rest[0], person: rest[1])
        default:
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
            // A refusal may quote what the person typed: shown so that no control character reaches the terminal.
            invocation.console.error((invocation.language == .zh ? "muster: 已拒绝：" : "muster: refused (")
                + TerminalText.line(invocation.language == .zh ? refusal.chinese ?? refusal.message
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

    /// The scenario `argument` names and the playbook it drills, their problems printed on failure.
    static func load(_ argument: String, _ invocation: Invocation) throws -> CheckedScenario {
        do {
            return try CheckedScenario.load(argument, playbooksDirectory: invocation.playbooksDirectory)
        } catch {
            throw error.shown(on: invocation.console)
        }
    }

    private static func defaultRunID(_ scenario: Scenario, _ invocation: Invocation) throws -> String {
        if let given = invocation.arguments.value("--run-id") { return given }
        return "\(scenario.id)-\(TimeText.compact(try Clock.now(invocation.environment)))"
    }

    static func start(_ words: [String], _ invocation: Invocation) throws -> Int32 {
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
        let runID = try defaultRunID(loaded.scenario, invocation)
        let staffing = try DrillStaffing.parse(assigned: invocation.arguments.all("--assign"),
                                              scripted: invocation.arguments.all("--scripted"), plan: loaded.plan)
        let events = try RunsDirectory(invocation).startDrill(
            runID, loaded, virtualClock: virtual, speed: speed, now: try Clock.now(invocation.environment),
            staffing: (staffing.assignments, staffing.scripted), files: InjectedFaults.files(invocation))
        invocation.console.out(runID + "\n")
        if invocation.language == .zh {
            invocation.console.error("演练 \(loaded.scenario.id)（预案 \(loaded.playbook.id)）已开始，"
                + (virtual ? "使用虚拟时钟；推进时间：'muster drill advance \(runID) 5m'" : "使用真实时钟") + "\n")
        } else {
            invocation.console.error("drill \(loaded.scenario.id) of \(loaded.playbook.id) started on the "
                + (virtual ? "virtual clock; move it with 'muster drill advance \(runID) 5m'" : "real clock") + "\n")
        }
        // The STARTEX injects, for the controller to read out (stdout carries only the run id).
        printInjects(events, plan: loaded.plan, invocation, toStandardError: true)
        // A drill tests the call-out chain: its injects and escalations go through the notifier, marked as a drill.
        let session = try RunSession(runID, invocation: invocation)
        session.deliverPending(RunState.fold(events), with: Notifier.forCommand(invocation), invocation: invocation)
        return ExitStatus.success
    }

    /// The most events one `drill advance` may make fall due.
    static let advanceEventLimit = 10_000

    static func advance(_ words: [String], _ invocation: Invocation) throws -> Int32 {
        let runID = words[0]
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
        // A scripted player that did a step continuing in another playbook: the linked run is started now, as
        // the ordinary commands start it.
        let linked = LinkedRunCompletion.complete(runID, state: advance.state, invocation: invocation)
        // The notifications the move made due (injects, escalations, overdue steps) are delivered now, marked as
        // a drill: a drill tests the call-out chain.
        let notifier = Notifier.forCommand(invocation)
        session.deliverPending(advance.state, with: notifier, invocation: invocation)
        session.warnIfUndelivered(advance.state, notifier: notifier, invocation: invocation)
        return linked ? ExitStatus.success : ExitStatus.failure
    }

    /// Says each inject among `events`, with its addressee and instant, in the reader's language, as the
    /// controller reads them out.
    static func printInjects(_ events: [Event], plan: DrillPlan, _ invocation: Invocation, toStandardError: Bool = false) {
        let text = plan.announcements(of: events, language: invocation.language)
        guard !text.isEmpty else { return }
        if toStandardError { invocation.console.error(text) } else { invocation.console.out(text) }
    }

    static func runUnattended(_ words: [String], _ invocation: Invocation) throws -> Int32 {
        let format = try invocation.format(allowed: ["text", "md", "json"])
        let loaded = try load(words[0], invocation)
        let runID = try defaultRunID(loaded.scenario, invocation)
        let runs = RunsDirectory(invocation)
        try runs.playUnattended(runID, loaded, heldAt: try Clock.now(invocation.environment),
                                files: InjectedFaults.files(invocation))
        let session = try RunSession(runID, invocation: invocation)
        // The scenario played a step continuing in another playbook: the linked run is started as a live `done`
        // starts it, both journals pointing at each other.
        let linked = LinkedRunCompletion.complete(runID, state: try session.read().state, invocation: invocation)
        let record = try session.drillRecord(language: invocation.language)
        let evaluation = record.evaluation
        if format == "json" {
            invocation.console.out(record.json(runID: runID).serialized(pretty: true) + "\n")
        } else {
            invocation.console.out(format == "md" ? record.report.markdown()
                                                  : evaluation.summary(runID: runID, language: invocation.language))
        }
        invocation.console.error(record.unattendedNotes(runID: runID, drill: loaded, language: invocation.language))
        if let threshold = invocation.arguments.value("--fail-below").flatMap(DrillEvaluation.Rating.init(rawValue:)),
            evaluation.results.contains(where: { $0.rating < threshold })
        {
            return ExitStatus.failure
        }
        return linked ? ExitStatus.success : ExitStatus.failure
    }

    static func report(_ words: [String], _ invocation: Invocation) throws -> Int32 {
        let format = try invocation.format(allowed: ["text", "md", "json", "html"])
        var session = try RunSession(words[0], invocation: invocation)
        // A linked run a drill continued in: the drill's report, said so first.
        if let drill = try session.drillContinued(in: RunsDirectory(invocation)) {
            let note = session.linkedDrillNote(drill)
            invocation.console.error(invocation.language == .zh ? note.chinese : note.english)
            session = drill
        }
        let report = try session.drillRecord(language: invocation.language, time: LocalTime(try invocation.timeZone())).report
        switch format {
        case "json": invocation.console.out(report.json().serialized(pretty: true) + "\n")
        case "html": invocation.console.out(report.html())
        default: invocation.console.out(report.markdown())
        }
        return ExitStatus.success
    }

    static func due(_ invocation: Invocation) throws -> Int32 {
        let format = try invocation.format(allowed: ["text", "json"])
        let programme = DrillProgramme(drills: RunsDirectory(invocation).heldDrills(),
                                       playbooks: PlaybookFiles.ids(in: invocation.playbooksDirectory),
                                       now: try Clock.now(invocation.environment))
        if format == "json" {
            invocation.console.out(programme.json().serialized(pretty: true) + "\n")
        } else {
            invocation.console.out(programme.text(language: invocation.language))
        }
        // For cron: something overdue is a failure to report.
        return programme.anyOverdue ? ExitStatus.failure : ExitStatus.success
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
