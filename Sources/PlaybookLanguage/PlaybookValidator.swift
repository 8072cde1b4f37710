import Diagnostics

/// Checks a decoded playbook as a whole: references, the step graph, people and time.
///
/// Every rule runs and every problem is reported; nothing stops at the first. Timing feasibility is its own
/// pass (`TimingAnalysis`), run only when the references hold.
struct PlaybookValidator {
    let playbook: Playbook
    var reader: NodeReader

    /// Where each step lives: `nil` for the top level, else the parallel step and track that hold it.
    private var scopes: [String: Scope] = [:]
    private var stepsByID: [String: Step] = [:]

    /// A track of a parallel step, or (with no parallel step) an at-any-time chain.
    struct Scope: Hashable {
        var parallelStep: String
        var track: String

        /// The scope of the steps of at-any-time chain `id`.
        static func chain(_ id: String) -> Scope { Scope(parallelStep: "", track: id) }

        var description: String {
            parallelStep.isEmpty ? "at-any-time chain '\(track)'" : "track '\(track)' of '\(parallelStep)'"
        }
    }

    init(playbook: Playbook, reader: NodeReader) {
        self.playbook = playbook
        self.reader = reader
    }

    static func validate(_ playbook: Playbook, reader: inout NodeReader) {
        var validator = PlaybookValidator(playbook: playbook, reader: reader)
        // Timing is judged only on a playbook without errors: decoding fallbacks would give wrong numbers.
        let before = validator.reader.diagnostics.contains { $0.severity == .error } ? -1
            : validator.reader.diagnostics.filter { $0.severity == .error }.count
        validator.indexSteps()
        validator.checkRoles()
        validator.checkSeverityClocks()
        validator.checkSeverityAliases()
        validator.checkSteps()
        validator.checkMilestones()
        validator.checkGraph()
        validator.checkChinese()
        ContinuationChecks.checkWithin(playbook, reader: &validator.reader)
        let after = validator.reader.diagnostics.filter { $0.severity == .error }.count
        if before == after {
            var timing = TimingAnalysis(playbook: playbook, steps: validator.stepsByID)
            for diagnostic in timing.run(file: validator.reader.file) { validator.reader.report(diagnostic) }
        }
        reader = validator.reader
    }

    // MARK: Index

    private mutating func indexSteps() {
        func visit(_ steps: [Step], scope: Scope?) {
            for step in steps {
                if let existing = stepsByID[step.id] {
                    // Two keys of the same mapping are already a duplicate key for the loader.
                    if scopes[existing.id] == scope { continue }
                    reader.error(LanguageRules.duplicateStep, "step '\(step.id)' is defined twice", at: step.location,
                                 hint: "step ids are unique across the playbook, tracks included",
                                 notes: [.init("'\(step.id)' is first defined here", at: existing.location)])
                    continue
                }
                stepsByID[step.id] = step
                if let scope { scopes[step.id] = scope }
                if case .parallel(let parallel) = step.kind {
                    for track in parallel.tracks {
                        visit(track.steps, scope: Scope(parallelStep: step.id, track: track.id))
                    }
                }
            }
        }
        visit(playbook.steps, scope: nil)
        for chain in playbook.anyTime { visit(chain.steps, scope: .chain(chain.id)) }
    }

    // MARK: Roles and clocks

    private mutating func checkRoles() {
        for role in playbook.roles {
            if let standIn = role.standIn { requireRole(standIn, "stand-in of '\(role.id)'") }
        }
        var reported: Set<String> = []
        for role in playbook.roles {
            var seen: [String] = [role.id]
            var current = role
            while let next = current.standIn?.value, let nextRole = playbook.role(next) {
                if next == role.id {
                    let cycle = (seen + [next]).joined(separator: " → ")
                    if reported.insert(Set(seen).sorted().joined(separator: ",")).inserted {
                        reader.error(LanguageRules.standInCycle, "roles stand in for each other in a cycle: \(cycle)",
                                     at: role.standIn?.location ?? role.location,
                                     hint: "a stand-in chain must end at a role without 'stand_in'")
                    }
                    break
                }
                if seen.contains(next) { break }
                seen.append(next)
                current = nextRole
            }
        }
    }

    private mutating func checkSeverityAliases() {
        var names: [String: (level: String, location: SourceLocation)] = [:]
        for level in playbook.severities { names[level.id] = (level.id, level.location) }
        for level in playbook.severities {
            for alias in level.aliases {
                if let first = names[alias.value], first.level != level.id || alias.value == level.id {
                    reader.error(LanguageRules.duplicateAlias,
                                 "alias '\(alias.value)' of level '\(level.id)' already names level '\(first.level)'",
                                 at: alias.location, hint: "each name stands for one level",
                                 notes: [.init("'\(alias.value)' names '\(first.level)' here", at: first.location)])
                } else {
                    names[alias.value] = (level.id, alias.location)
                }
            }
        }
    }

    private mutating func checkSeverityClocks() {
        if playbook.severities.isEmpty {
            reader.error(LanguageRules.missingField, "the playbook has no severity levels", at: .start,
                         hint: "define at least one level under 'severity:'")
        }
        let allClocks = Set(playbook.severities.flatMap(\.clockOrder))
        for level in playbook.severities {
            for clock in allClocks.sorted() where level.clocks[clock] == nil {
                let definedAt = playbook.severities.first { $0.clocks[clock] != nil }!
                reader.error(LanguageRules.missingClock, "severity level '\(level.id)' has no clock '\(clock)'",
                             at: level.location, hint: "every level defines the same clocks",
                             notes: [.init("'\(clock)' is defined for '\(definedAt.id)' here", at: definedAt.location)])
            }
        }
    }

    private mutating func requireRole(_ name: Located<String>, _ what: String) {
        guard playbook.role(name.value) == nil else { return }
        let suggestion = NameSuggestion.closest(to: name.value, in: playbook.roles.map(\.id))
        reader.error(LanguageRules.undefinedRole,
                     "\(what): role '\(name.value)' is not defined" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""),
                     at: name.location,
                     hint: suggestion == nil ? "define it under 'roles:'" : "fix the spelling, or define the role under 'roles:'")
    }

    /// An owner by severity names levels the playbook has (or `default`), roles it defines, and an owner for
    /// every level: each named, or `default` for the rest.
    private mutating func checkOwnersBySeverity(_ step: Step, _ what: String) {
        guard !step.ownersBySeverity.isEmpty else { return }
        let levels = playbook.severities.map(\.id)
        for entry in step.ownersBySeverity {
            requireRole(entry.role, "the owner of \(what) at '\(entry.level.value)'")
            let level = entry.level.value
            guard level != SeverityOwner.defaultLevel, playbook.severity(level) == nil else { continue }
            let suggestion = NameSuggestion.closest(to: level, in: levels + [SeverityOwner.defaultLevel])
            reader.error(LanguageRules.undefinedValue,
                         "the owner of \(what) names severity level '\(level)', which is not defined"
                            + (suggestion.map { "; did you mean '\($0)'?" } ?? ""),
                         at: entry.level.location,
                         hint: "a key of an owner by severity is a level id (" + levels.joined(separator: ", ")
                            + ") or 'default'")
        }
        let named = Set(step.ownersBySeverity.map(\.level.value))
        let missing = levels.filter { !named.contains($0) }
        if !named.contains(SeverityOwner.defaultLevel), !missing.isEmpty {
            reader.error(LanguageRules.missingOwner,
                         "the owner of \(what) names no role for severity level"
                            + (missing.count == 1 ? " '\(missing[0])'" : "s " + missing.map { "'\($0)'" }.joined(separator: ", ")),
                         at: step.ownersBySeverity[0].level.location,
                         hint: "name a role for every level, or add 'default: ROLE' for the levels not named")
        }
    }

    private mutating func requireDuration(_ duration: Located<Duration>?) {
        guard let duration, case .clock(let name) = duration.value else { return }
        let clocks = Set(playbook.severities.flatMap(\.clockOrder))
        guard !clocks.contains(name) else { return }
        reader.error(LanguageRules.undefinedClock,
                     "'\(name)' is neither a duration nor a severity clock"
                        + NameSuggestion.didYouMean(name, in: clocks),
                     at: duration.location,
                     hint: clocks.isEmpty ? "write a length like 10m" : "clocks: " + clocks.sorted().joined(separator: ", "))
    }

    /// Checks a target and that it stays within the scope (`nil`: top level) of the step it leaves from.
    private mutating func requireTarget(
        _ target: Located<Target>, from scope: Scope?, phase: Step.Phase = .main, _ what: String
    ) {
        switch target.value {
        case .outcome(let id):
            if playbook.outcome(id) == nil {
                reader.error(LanguageRules.undefinedOutcome,
                             "\(what): outcome '\(id)' is not defined"
                                + NameSuggestion.didYouMean(id, in: playbook.outcomes.map(\.id)),
                             at: target.location, hint: "define it under 'outcomes:'")
            }
        case .step(let id):
            guard let targetStep = stepsByID[id] else {
                reader.error(LanguageRules.undefinedStep,
                             "\(what): step '\(id)' is not defined"
                                + NameSuggestion.didYouMean(id, in: stepsByID.keys.sorted()),
                             at: target.location, hint: "define it under 'steps:' or correct the name")
                return
            }
            if phase != targetStep.phase {
                reader.error(LanguageRules.wrongPhase,
                             phase == .main
                                ? "\(what) leads to after-end step '\(id)', which starts only when the run has ended"
                                : "\(what) leads from the after-end phase back to main-phase step '\(id)'",
                             at: target.location,
                             hint: phase == .main ? "lead to an outcome; after-end steps start on their own"
                                : "after-end steps lead only to other after-end steps")
            }
            let targetScope = scopes[id]
            if targetScope != scope {
                let describe = { (scope: Scope?) in scope?.description ?? "the top level" }
                reader.error(LanguageRules.gotoAcrossTracks,
                             "\(what) goes from \(describe(scope)) to step '\(id)' in \(describe(targetScope))",
                             at: target.location,
                             hint: "a track's steps lead only to steps of the same track; tracks meet at the join")
            }
        }
    }

    // MARK: Steps

    private mutating func checkSteps() {
        if stepsByID[playbook.start.value] == nil, !playbook.start.value.isEmpty {
            reader.error(LanguageRules.undefinedStep,
                         "start step '\(playbook.start.value)' is not defined"
                            + NameSuggestion.didYouMean(playbook.start.value, in: stepsByID.keys.sorted()),
                         at: playbook.start.location)
        } else if scopes[playbook.start.value] != nil
            || stepsByID[playbook.start.value]?.phase == .afterEnd
        {
            reader.error(LanguageRules.wrongType, "the start step must be a main-phase step at the top level",
                         at: playbook.start.location)
        }
        for step in playbook.allSteps {
            checkStep(step)
        }
        var instructions: [String: StandingInstruction] = [:]
        for step in playbook.allSteps {
            for instruction in step.standing {
                requireRole(instruction.releasedBy, "the releaser of standing instruction '\(instruction.id)'")
                if let first = instructions[instruction.id] {
                    reader.error(LanguageRules.duplicateInstruction,
                                 "standing instruction '\(instruction.id)' is defined twice", at: instruction.location,
                                 hint: "give each instruction its own id; one step raising it is enough",
                                 notes: [.init("'\(instruction.id)' is first defined here", at: first.location)])
                } else {
                    instructions[instruction.id] = instruction
                }
            }
        }
        for chain in playbook.anyTime {
            if chain.by.isEmpty {
                reader.error(LanguageRules.missingField, "at-any-time chain '\(chain.id)' names no role that may raise it",
                             at: chain.location, hint: "say who may raise it, e.g. 'by: [commander, on_site]'")
            }
            for role in chain.by { requireRole(role, "a role that may raise '\(chain.id)'") }
            requireTarget(Located(.step(chain.start.value), at: chain.start.location), from: .chain(chain.id),
                          "the start of at-any-time chain '\(chain.id)'")
        }
    }

    private mutating func checkStep(_ step: Step) {
        let scope = scopes[step.id]
        let what = "step '\(step.id)'"
        if case .parallel = step.kind {} else if step.owner == nil, step.ownersBySeverity.isEmpty {
            reader.error(LanguageRules.missingOwner, "\(what) has no owner", at: step.location,
                         hint: "say which role does it: 'owner: on_site'")
        }
        if let owner = step.owner { requireRole(owner, "the owner of \(what)") }
        checkOwnersBySeverity(step, what)
        if let together = step.togetherWith {
            requireRole(together, "the role that signs \(what) with its owner")
            if together.value == step.owner?.value {
                reader.error(LanguageRules.signedAlone, "\(what) is signed together with its own owner '\(together.value)'",
                             at: together.location,
                             hint: "two people sign it together: name the other role, e.g. 'together_with: user_leadership'")
            }
        }
        for fact in step.records where playbook.fact(fact.value) == nil {
            reader.error(LanguageRules.undefinedFact,
                         "\(what) records fact '\(fact.value)', which is not defined"
                            + NameSuggestion.didYouMean(fact.value, in: playbook.facts.map(\.id)),
                         at: fact.location, hint: "define it under 'facts:'")
        }
        requireDuration(step.ackWithin)
        requireDuration(step.reportEvery)
        requireDuration(step.doneWithin)
        checkClocksAgainstDeadline(step)
        switch step.kind {
        case .decide(let decision) where decision.within == nil && step.doneWithin == nil:
            reader.warning(LanguageRules.unboundedDecision,
                           "decision \(what) has no time limit: a run can wait on it for ever", at: step.location,
                           hint: "give it 'within:' and 'on_expiry:' (the option that is safe by default)")
        case .approve(let approval) where approval.within == nil && step.doneWithin == nil:
            reader.warning(LanguageRules.unboundedDecision,
                           "approval \(what) has no time limit: a run can wait on it for ever", at: step.location,
                           hint: "give it 'within:' and 'on_expiry: approve' or 'deny'")
        default:
            break
        }
        for rung in step.escalations {
            requireDuration(rung.after)
            for role in rung.notify { requireRole(role, "an escalation of \(what)") }
            if let role = rung.reassign { requireRole(role, "an escalation of \(what)") }
            if let goto = rung.goto { requireTarget(goto, from: scope, phase: step.phase, "an escalation of \(what)") }
        }
        checkLadder(step)
        if let next = step.next {
            for target in next.targets { requireTarget(target, from: scope, phase: step.phase, "'next' of \(what)") }
            if case .branches(let branches, _) = next {
                for branch in branches { checkCondition(branch.condition, at: branch.conditionLocation) }
            }
        }
        switch step.kind {
        case .action:
            break
        case .decide(let decision):
            requireDuration(decision.within)
            for option in decision.options { requireTarget(option.target, from: scope, phase: step.phase, "option '\(option.id)'") }
            for role in decision.notifyOnExpiry { requireRole(role, "the expiry notice of \(what)") }
            if let expiry = decision.onExpiry, !decision.options.contains(where: { $0.id == expiry.value }) {
                reader.error(LanguageRules.undefinedOption,
                             "'on_expiry' names option '\(expiry.value)', which \(what) does not have"
                                + NameSuggestion.didYouMean(expiry.value, in: decision.options.map(\.id)),
                             at: expiry.location)
            }
        case .approve(let approval):
            requireRole(approval.approver, "the approver of \(what)")
            if let owner = step.owner, owner.value == approval.approver.value {
                reader.error(LanguageRules.selfApproval,
                             "\(what) is approved by its own owner '\(owner.value)'",
                             at: approval.approver.location,
                             hint: "an approval is one role asking another: give 'by' another role")
            }
            for entry in step.ownersBySeverity where entry.role.value == approval.approver.value {
                reader.error(LanguageRules.selfApproval,
                             "\(what) is approved by its own owner '\(entry.role.value)' at '\(entry.level.value)'",
                             at: entry.role.location,
                             hint: "an approval is one role asking another: give 'by' another role")
            }
            requireDuration(approval.within)
            requireTarget(approval.approved, from: scope, phase: step.phase, "'approved' of \(what)")
            requireTarget(approval.denied, from: scope, phase: step.phase, "'denied' of \(what)")
        case .wait(let wait):
            requireDuration(wait.within)
            if let expiry = wait.onExpiry { requireTarget(expiry, from: scope, phase: step.phase, "'on_expiry' of \(what)") }
        case .parallel(let parallel):
            for track in parallel.tracks {
                let trackScope = Scope(parallelStep: step.id, track: track.id)
                requireTarget(Located(.step(track.start.value), at: track.start.location), from: trackScope,
                              "the start of track '\(track.id)'")
            }
            let count: Int
            switch parallel.join {
            case .all, .any: count = parallel.tracks.isEmpty ? 0 : 1
            case .count(let wanted): count = wanted
            }
            // A track the join waits for must be able to end from every step it can reach: a loop with no way
            // out (each round back to the same steps) would hold the run at the join for ever.
            let traps = parallel.tracks.map { trap(in: $0) }
            let endable = traps.filter { $0 == nil }.count
            let needed: Int
            switch parallel.join {
            case .all: needed = parallel.tracks.count
            case .any: needed = 1
            case .count(let wanted): needed = wanted
            }
            if endable < needed {
                for (track, trap) in zip(parallel.tracks, traps) {
                    guard let trap else { continue }
                    reader.error(
                        LanguageRules.unsatisfiableJoin,
                        "track '\(track.id)' of \(what) can never end once it reaches '\(trap.loop[0])': every way from there "
                            + "leads back into " + trap.loop.map { "'\($0)'" }.joined(separator: ", ")
                            + ", so the join waits for ever",
                        at: track.location,
                        hint: "give one step of the loop a way to end the track (a step without 'next', or a branch to one)",
                        notes: trap.path.enumerated().map { place, id in
                            let words = place == 0 ? "the track starts at '\(id)'"
                                : place == trap.path.count - 1 ? "and back to '\(id)', for ever" : "then '\(id)'"
                            return Diagnostic.Note(words, at: stepsByID[id]?.location)
                        })
                }
            }
            if parallel.tracks.isEmpty || count < 1 || count > parallel.tracks.count {
                reader.error(LanguageRules.unsatisfiableJoin,
                             parallel.tracks.isEmpty ? "\(what) has no tracks, so its join can never be satisfied"
                                : "\(what) joins on \(count) tracks but has \(parallel.tracks.count)",
                             at: parallel.joinLocation, hint: "join on 'all', 'any' or a count from 1 to the tracks")
            }
        }
    }

    /// Where a track can be caught for ever, if anywhere: the steps of a loop inside it from which no way leads to
    /// the track's end (a step without `next`) or out of it (an outcome), and the shortest path from the track's
    /// start into that loop and once round it, as the counterexample a diagnostic shows.
    private func trap(in track: Track) -> (loop: [String], path: [String])? {
        let own = Dictionary(track.steps.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var inside: [String: [String]] = [:]
        var finishing: [String] = []
        var canFinish: Set<String> = []
        var predecessors: [String: [String]] = [:]
        for step in track.steps {
            var ends = !step.isBranching && step.next == nil
            if step.next == nil, step.nextLocation != nil { ends = true }  // unreadable: reported elsewhere
            if case .parallel = step.kind { ends = ends || step.next == nil }
            for target in successors(of: step) {
                switch target {
                case .outcome:
                    ends = true
                case .step(let id):
                    // A step outside the track is reported elsewhere; do not let it cascade.
                    if own[id] == nil, !(index(of: id, in: track)) {
                        ends = true
                    } else if own[id] != nil {
                        inside[step.id, default: []].append(id)
                        predecessors[id, default: []].append(step.id)
                    }
                }
            }
            if ends, canFinish.insert(step.id).inserted { finishing.append(step.id) }
        }
        while let id = finishing.popLast() {
            for predecessor in predecessors[id] ?? [] where canFinish.insert(predecessor).inserted {
                finishing.append(predecessor)
            }
        }
        // The shortest way from the start to a step that cannot finish.
        let start = track.start.value
        guard own[start] != nil else { return nil }
        var cameFrom: [String: String] = [:]
        var queue = [start]
        var seen: Set<String> = [start]
        var head = 0
        var trapped: String?
        while head < queue.count {
            let id = queue[head]
            head += 1
            if !canFinish.contains(id) {
                trapped = id
                break
            }
            for next in inside[id] ?? [] where seen.insert(next).inserted {
                cameFrom[next] = id
                queue.append(next)
            }
        }
        guard let trapped else { return nil }
        var path = [trapped]
        while let previous = cameFrom[path[0]] { path.insert(previous, at: 0) }
        // Once round: follow the first successor that stays trapped until a step repeats.
        var loop: [String] = []
        var current = trapped
        while !loop.contains(current) {
            loop.append(current)
            guard let next = (inside[current] ?? []).first(where: { !canFinish.contains($0) }) else { break }
            current = next
        }
        if let first = loop.firstIndex(of: current) { loop = Array(loop[first...]) }
        return (loop, path + loop.dropFirst(loop.first == trapped ? 1 : 0) + [loop[0]])
    }

    /// Whether `id` is a step of a parallel step nested in `track`.
    private func index(of id: String, in track: Track) -> Bool {
        track.steps.contains { step in
            guard case .parallel(let parallel) = step.kind else { return false }
            return parallel.tracks.contains { $0.steps.contains { $0.id == id } }
        }
    }

    /// `ack_within` and `report_every` mean something only if they come before `done_within`: at every level, an
    /// acknowledgement due after the step is overdue, or a first progress report due after it, is a warning.
    private mutating func checkClocksAgainstDeadline(_ step: Step) {
        guard let done = step.doneWithin else { return }
        for (clock, name, why) in [
            (step.ackWithin, "ack_within", "the step is overdue before it must be acknowledged"),
            (step.reportEvery, "report_every", "no progress report is due before the step is overdue"),
        ] {
            guard let clock else { continue }
            for level in playbook.severities {
                guard let before = resolve(clock.value, level), let deadline = resolve(done.value, level),
                    before >= deadline
                else { continue }
                let levelText = playbook.severities.count > 1 ? " at level '\(level.id)'" : ""
                reader.warning(
                    LanguageRules.clockAfterDeadline,
                    "\(name) of step '\(step.id)' (\(Duration.format(milliseconds: before))) is not shorter than its "
                        + "done_within (\(Duration.format(milliseconds: deadline)))\(levelText): \(why)",
                    at: clock.location, hint: "shorten \(name), or drop it",
                    notes: [.init("done_within is here", at: done.location)])
                break
            }
        }
    }

    /// Escalation rungs must come in increasing time, and before the step's deadline, at every severity level.
    private mutating func checkLadder(_ step: Step) {
        for level in playbook.severities {
            var previous: (Int64, Escalation)?
            var reported = false
            for rung in step.escalations {
                guard !reported, let after = resolve(rung.after.value, level) else { continue }
                if let (earlier, earlierRung) = previous, after <= earlier {
                    reader.error(LanguageRules.escalationOrder,
                                 "escalation after \(Duration.format(milliseconds: after)) comes no later than the "
                                    + "rung before it (\(Duration.format(milliseconds: earlier)))"
                                    + (playbook.severities.count > 1 ? " at level '\(level.id)'" : ""),
                                 at: rung.after.location, hint: "order the rungs by increasing 'after'",
                                 notes: [.init("the earlier rung is here", at: earlierRung.after.location)])
                    reported = true
                }
                if let deadline = deadline(of: step), let limit = resolve(deadline.value, level), after >= limit,
                    !reported
                {
                    reader.error(LanguageRules.escalationAfterDeadline,
                                 "escalation after \(Duration.format(milliseconds: after)) comes at or after the "
                                    + "step's deadline of \(Duration.format(milliseconds: limit))"
                                    + (playbook.severities.count > 1 ? " at level '\(level.id)'" : ""),
                                 at: rung.after.location,
                                 hint: "escalate before the deadline, while it can still be met",
                                 notes: [.init("the deadline is set here", at: deadline.location)])
                    reported = true
                }
                previous = (after, rung)
            }
            if reported { break }
        }
    }

    /// The deadline that ends a step: `done_within`, else a decision's, approval's or wait's own bound.
    private func deadline(of step: Step) -> Located<Duration>? {
        if let done = step.doneWithin { return done }
        switch step.kind {
        case .decide(let decision): return decision.within
        case .approve(let approval): return approval.within
        case .wait(let wait): return wait.within
        case .action, .parallel: return nil
        }
    }

    private func resolve(_ duration: Duration, _ level: SeverityLevel) -> Int64? {
        switch duration {
        case .fixed(let milliseconds): milliseconds
        case .clock(let name): level.clocks[name]
        }
    }

    // MARK: Conditions

    private mutating func checkCondition(_ condition: Condition, at location: SourceLocation) {
        switch condition {
        case .and(let left, let right), .or(let left, let right):
            checkCondition(left, at: location)
            checkCondition(right, at: location)
        case .not(let inner):
            checkCondition(inner, at: location)
        case .isTrue(let subject):
            guard let kind = kind(of: subject, at: location) else { return }
            if kind != .flag {
                reader.error(LanguageRules.conditionType,
                             "'\(subject)' is not a flag, so it cannot stand alone as a condition",
                             at: location, hint: "compare it: '\(subject) == VALUE'")
            }
        case .compare(let subject, let comparison, let literals):
            guard let kind = kind(of: subject, at: location) else { return }
            for literal in literals { checkLiteral(literal, against: subject, kind: kind, comparison, at: location) }
        }
    }

    private enum SubjectKind: Equatable {
        case choice([String])
        case number
        case text
        case flag
        case severity([String])
    }

    private mutating func kind(of subject: Condition.Subject, at location: SourceLocation) -> SubjectKind? {
        switch subject {
        case .severity:
            return .severity(playbook.severities.map(\.id))
        case .fact(let id):
            guard let fact = playbook.fact(id) else {
                reader.error(LanguageRules.undefinedFact,
                             "condition uses fact '\(id)', which is not defined"
                                + NameSuggestion.didYouMean(id, in: playbook.facts.map(\.id) + ["severity"]),
                             at: location, hint: "define it under 'facts:'")
                return nil
            }
            switch fact.kind {
            case .choice(let values): return .choice(values)
            case .number: return .number
            case .text: return .text
            case .flag: return .flag
            }
        }
    }

    private mutating func checkLiteral(
        _ literal: Condition.Literal, against subject: Condition.Subject, kind: SubjectKind,
        _ comparison: Condition.Comparison, at location: SourceLocation
    ) {
        let ordered: Bool = [.less, .lessOrEqual, .greater, .greaterOrEqual].contains(comparison)
        switch (kind, literal) {
        case (.choice(let values), .name(let name)), (.severity(let values), .name(let name)):
            if !values.contains(name) {
                reader.error(LanguageRules.undefinedValue,
                             "'\(subject)' has no value '\(name)'" + NameSuggestion.didYouMean(name, in: values),
                             at: location, hint: "its values: " + values.joined(separator: ", "))
            }
            if ordered, case .choice = kind {
                reader.error(LanguageRules.conditionType,
                             "choice fact '\(subject)' has no order; compare it with == or != or 'in'", at: location)
            }
        case (.number, .number), (.text, .text), (.flag, .flag):
            if ordered, kind != .number {
                reader.error(LanguageRules.conditionType, "'\(subject)' has no order; compare it with == or !=",
                             at: location)
            }
        default:
            let expected: String
            switch kind {
            case .choice: expected = "one of its values"
            case .number: expected = "a number"
            case .text: expected = "double-quoted text"
            case .flag: expected = "true or false"
            case .severity: expected = "a severity level"
            }
            reader.error(LanguageRules.conditionType, "'\(subject)' is compared with \(literal), but takes \(expected)",
                         at: location)
        }
    }

    // MARK: Milestones

    private mutating func checkMilestones() {
        for milestone in playbook.milestones {
            requireDuration(milestone.within)
            if let step = milestone.reachedWhen.step, stepsByID[step.value] == nil {
                reader.error(LanguageRules.undefinedStep,
                             "milestone '\(milestone.id)' is reached by step '\(step.value)', which is not defined"
                                + NameSuggestion.didYouMean(step.value, in: stepsByID.keys.sorted()),
                             at: step.location)
            }
        }
    }

    // MARK: Graph

    /// The steps each step can lead to (in its own scope), by any edge: next, branch, option, approval, denial,
    /// expiry, escalation; a parallel step also leads into its tracks' starts.
    private func successors(of step: Step) -> [Target] {
        step.targetsWhenDone + step.targetsOtherwise
    }

    private mutating func checkGraph() {
        guard stepsByID[playbook.start.value] != nil else { return }
        // Reachability from the start, and from every after-end step (they start when the run ends).
        var reached: Set<String> = []
        var work = [playbook.start.value] + playbook.steps.filter { $0.phase == .afterEnd }.map(\.id)
            + playbook.anyTime.map(\.start.value)
        while let id = work.popLast() {
            guard reached.insert(id).inserted, let step = stepsByID[id] else { continue }
            for case .step(let next) in successors(of: step) where stepsByID[next] != nil { work.append(next) }
        }
        // A transition that could not be read, or leads to a step that is not defined (a typo, reported once), hides
        // the steps it was meant to lead to: say nothing of them rather than cascade.
        let brokenTransitions = playbook.allSteps.contains { step in
            step.next == nil && step.nextLocation != nil || successors(of: step).contains { target in
                if case .step(let id) = target { return stepsByID[id] == nil }
                return false
            }
        }
        for step in playbook.allSteps where !reached.contains(step.id) && !brokenTransitions {
            reader.error(LanguageRules.unreachableStep, "step '\(step.id)' can never be reached", at: step.location,
                         hint: "lead to it from another step, or remove it")
        }
        // Dead ends: top-level main-phase steps that lead nowhere when done.
        for step in playbook.steps where step.phase == .main && reached.contains(step.id) {
            switch step.kind {
            case .action, .wait, .parallel:
                if step.next == nil, step.nextLocation == nil {
                    reader.error(LanguageRules.deadEnd, "step '\(step.id)' leads nowhere when it is done",
                                 at: step.location,
                                 hint: "give it 'next:' (a step or 'outcome.NAME'); only tracks and after-end steps may "
                                    + "simply end")
                }
            case .decide, .approve:
                break
            }
        }
        // Every reachable main-phase step must have a way to an outcome (dead ends are reported above). Work
        // backwards from the outcomes over the predecessor lists: linear in the size of the graph.
        let mainSteps = playbook.steps.filter { $0.phase == .main && reached.contains($0.id) }
        var predecessors: [String: [String]] = [:]
        var canFinish: Set<String> = []
        var finishing: [String] = []
        for step in mainSteps {
            var finishes = step.next == nil && step.nextLocation != nil  // unreadable 'next': reported already
            for target in successors(of: step) {
                switch target {
                case .outcome:
                    finishes = true
                case .step(let id):
                    // An undefined target is reported already; do not let it cascade.
                    if stepsByID[id] == nil { finishes = true } else { predecessors[id, default: []].append(step.id) }
                }
            }
            if finishes, canFinish.insert(step.id).inserted { finishing.append(step.id) }
        }
        while let id = finishing.popLast() {
            for predecessor in predecessors[id] ?? [] where canFinish.insert(predecessor).inserted {
                finishing.append(predecessor)
            }
        }
        // Report each loop that cannot be left once, at its first step in file order.
        let trapped = mainSteps.filter { !canFinish.contains($0.id) }
        let trappedIDs = Set(trapped.map(\.id))
        let trappedByID = Dictionary(trapped.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let loops = StronglyConnected.components(trapped.map(\.id)) { id in
            trappedByID[id].map { step in
                successors(of: step).compactMap { target -> String? in
                    if case .step(let next) = target, trappedIDs.contains(next) { return next }
                    return nil
                }
            } ?? []
        }
        let fileOrder = Dictionary(mainSteps.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        for loop in loops {
            let members = loop.sorted { fileOrder[$0, default: 0] < fileOrder[$1, default: 0] }
            guard let first = members.first, let step = trappedByID[first] else { continue }
            let selfLoop = successors(of: step).contains(.step(first))
            guard members.count > 1 || selfLoop else { continue }
            let names = members.map { "'\($0)'" }.joined(separator: ", ")
            reader.error(LanguageRules.noWayToOutcome,
                         members.count > 1 ? "steps \(names) form a loop with no way to an outcome"
                            : "step '\(first)' loops to itself with no way to an outcome",
                         at: step.location, hint: "every loop needs a way out to an outcome")
        }
    }

    // MARK: Chinese

    private mutating func checkChinese() {
        func require(_ text: LocalizedText?, _ what: String, at location: SourceLocation) {
            guard let text, text.chinese == nil else { return }
            reader.warning(LanguageRules.missingChinese, "\(what) has no Chinese text", at: location,
                           hint: "write it as '{ en: …, zh: … }'")
        }
        require(playbook.title, "the title", at: .start)
        for role in playbook.roles { require(role.title, "the title of role '\(role.id)'", at: role.location) }
        for level in playbook.severities {
            require(level.title, "the title of level '\(level.id)'", at: level.location)
        }
        for milestone in playbook.milestones {
            require(milestone.title, "the title of milestone '\(milestone.id)'", at: milestone.location)
        }
        for fact in playbook.facts { require(fact.title, "the title of fact '\(fact.id)'", at: fact.location) }
        for outcome in playbook.outcomes {
            require(outcome.title, "the title of outcome '\(outcome.id)'", at: outcome.location)
        }
        for chain in playbook.anyTime {
            require(chain.title, "the title of at-any-time chain '\(chain.id)'", at: chain.location)
        }
        for step in playbook.allSteps {
            require(step.title, "the title of step '\(step.id)'", at: step.location)
            require(step.instructions, "the instructions of step '\(step.id)'", at: step.location)
            for item in step.checklist { require(item.text, "checklist item '\(item.id)'", at: item.location) }
            for instruction in step.standing {
                require(instruction.text, "standing instruction '\(instruction.id)'", at: instruction.location)
            }
            if case .decide(let decision) = step.kind {
                require(decision.prompt, "the prompt of step '\(step.id)'", at: step.location)
                for option in decision.options {
                    require(option.title, "option '\(option.id)' of step '\(step.id)'", at: option.target.location)
                }
            }
            if case .wait(let wait) = step.kind { require(wait.until, "what step '\(step.id)' waits for",
                                                         at: step.location) }
        }
    }
}
