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
import Views
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
        let time = LocalTime(try invocation.timeZone())
        let person = try invocation.requiredPerson(
            word: DrillSubcommands.all.first { $0.name == "drill " + sub }?.personWord ?? "PERSON")
        let arguments = invocation.arguments
        let action = try RunSession.StaffAction(sub, words: Array(words.dropFirst()), value: arguments.value,
                                                flag: arguments.flag)
        let session = try RunSession(runID, invocation: invocation)
        let outcome = try session.staff(action, by: person)
        if let refusal = outcome.refusal {
            invocation.console.error(RunCommandLines.refused(english: refusal.message, chinese: refusal.chinese,
                                                               language: invocation.language))
            return ExitStatus.failure
        }
        printInjects(outcome.appended, plan: outcome.plan, time: time, invocation)
        let state = try session.read().state
        invocation.console.out(RunCommandLines.recorded(seq: state.eventCount, language: invocation.language))
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

    static func start(_ words: [String], _ invocation: Invocation) throws -> Int32 {
        let time = LocalTime(try invocation.timeZone())
        let loaded = try load(words[0], invocation)
        let virtual = (invocation.arguments.value("--clock") ?? "virtual") == "virtual"
        let speed = try DrillClockSpeed.parse(invocation.arguments.value("--speed"), virtualClock: virtual)
        let runID = RunsDirectory.newRunID(given: invocation.arguments.value("--run-id"), of: loaded.scenario.id,
                                           at: try Clock.now(invocation.environment))
        let staffing = try DrillStaffing.parse(assigned: invocation.arguments.all("--assign"),
                                              scripted: invocation.arguments.all("--scripted"), plan: loaded.plan)
        let events = try RunsDirectory(invocation).startDrill(
            runID, loaded, virtualClock: virtual, speed: speed, now: try Clock.now(invocation.environment),
            staffing: (staffing.assignments, staffing.scripted), files: InjectedFaults.files(invocation))
        invocation.console.out(runID + "\n")
        invocation.console.error(RunCommandLines.started(scenario: loaded.scenario, playbook: loaded.playbook,
                                                           runID: runID, virtualClock: virtual,
                                                           language: invocation.language))
        // The STARTEX injects, for the controller to read out (stdout carries only the run id).
        printInjects(events, plan: loaded.plan, time: time, invocation, toStandardError: true)
        // A drill tests the call-out chain: its injects and escalations go through the notifier, marked as a drill.
        let session = try RunSession(runID, invocation: invocation)
        session.deliverPending(RunState.fold(events), with: Notifier.forCommand(invocation), invocation: invocation)
        return ExitStatus.success
    }

    /// The most events one `drill advance` may make fall due.
    static let advanceEventLimit = 10_000

    static func advance(_ words: [String], _ invocation: Invocation) throws -> Int32 {
        let runID = words[0]
        let time = LocalTime(try invocation.timeZone())
        let toNext = invocation.arguments.flag("--to-next")
        guard toNext ? words.count == 1 : words.count == 2 else {
            throw UsageError("drill advance takes a run id and a duration (e.g. 5m), or --to-next")
        }
        var step: Int64?
        if !toNext {
            guard let milliseconds = PlaybookLanguage.Duration.parseFixed(words[1]) else {
                throw UsageError("'\(words[1])' is not a duration like 90s, 5m or 1h")
            }
            step = milliseconds
        }
        let session = try RunSession(runID, invocation: invocation)
        let advance = try session.advanceDrillClock(by: step, limit: Self.advanceEventLimit)
        invocation.console.out(RunCommandLines.advanced(moved: advance.moved, to: advance.state.lastEventAt,
                                                          active: advance.state.activeOrder,
                                                          playbook: advance.plan.playbook, time: time,
                                                          language: invocation.language))
        printInjects(advance.appended, plan: advance.plan, time: time, invocation)
        // A scripted player that did a step continuing in another playbook: the linked run is started now, as
        // the ordinary commands start it.
        let linked = LinkedRunCompletion.complete(runID, state: advance.state, invocation: invocation)
        // The notifications the move made due (injects, escalations, overdue steps) are delivered now, marked as
        // a drill: a drill tests the call-out chain.
        session.deliverOrSayWhoWill(advance.state, invocation: invocation)
        return linked ? ExitStatus.success : ExitStatus.failure
    }

    /// Says each inject among `events`, with its addressee and local instant, in the reader's language, as the
    /// controller reads them out.
    static func printInjects(_ events: [Event], plan: DrillPlan, time: LocalTime, _ invocation: Invocation,
                             toStandardError: Bool = false) {
        let text = plan.announcements(of: events, language: invocation.language, time: time)
        guard !text.isEmpty else { return }
        if toStandardError { invocation.console.error(text) } else { invocation.console.out(text) }
    }

    static func runUnattended(_ words: [String], _ invocation: Invocation) throws -> Int32 {
        let format = try invocation.format(allowed: ["text", "md", "json"])
        let time = LocalTime(try invocation.timeZone())
        let loaded = try load(words[0], invocation)
        let runID = RunsDirectory.newRunID(given: invocation.arguments.value("--run-id"), of: loaded.scenario.id,
                                           at: try Clock.now(invocation.environment))
        let runs = RunsDirectory(invocation)
        try runs.playUnattended(runID, loaded, heldAt: try Clock.now(invocation.environment),
                                files: InjectedFaults.files(invocation))
        let session = try RunSession(runID, invocation: invocation)
        // The scenario played a step continuing in another playbook: the linked run is started as a live `done`
        // starts it, both journals pointing at each other.
        let linked = LinkedRunCompletion.complete(runID, state: try session.read().state, invocation: invocation)
        let record = try session.drillRecord(language: invocation.language, time: time)
        let evaluation = record.evaluation
        if format == "json" {
            invocation.console.out(record.json(runID: runID).serialized(pretty: true) + "\n")
        } else {
            invocation.console.out(format == "md" ? record.report.markdown()
                                                  : evaluation.summary(runID: runID, language: invocation.language))
        }
        invocation.console.error(record.unattendedNotes(runID: runID, drill: loaded, language: invocation.language))
        // The lowest rating of all objectives (`DrillEvaluation.overall`) below the one given fails the run.
        if let threshold = invocation.arguments.value("--fail-below").flatMap(DrillEvaluation.Rating.init(rawValue:)),
            evaluation.overall < threshold { return ExitStatus.failure }
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
        let time = LocalTime(try invocation.timeZone())
        let (programme, titles) = RunsDirectory(invocation).drillProgramme(
            playbooksDirectory: invocation.playbooksDirectory, now: try Clock.now(invocation.environment))
        if format == "json" {
            invocation.console.out(programme.json().serialized(pretty: true) + "\n")
        } else {
            invocation.console.out(programme.text(language: invocation.language, time: time, titles: titles))
        }
        // For cron: something overdue is a failure to report.
        return programme.anyOverdue ? ExitStatus.failure : ExitStatus.success
    }
}
