import PlaybookLanguage

/// A playbook as a paper checklist, in one language: what `muster print` lays out as Markdown or HTML for when
/// power or network is gone.
///
/// Every step comes in the order a team meets it (the main phase from `start`, then file order, parallel tracks
/// nested in their step, then the after-end steps), with its owner, its deadlines resolved per severity level,
/// what to do, boxes to tick and lines to write on. The renderings only lay out the pieces built here.
public struct PaperChecklist: Sendable {
    /// A piece of a line.
    enum Inline: Equatable {
        /// Playbook or label text.
        case text(String)
        /// An id, a duration or a condition, as the playbook writes it.
        case code(String)
        /// Emphasised text.
        case strong(String)
        /// A box to tick.
        case box
        /// A line to write on; `wide` for a longer value.
        case blank(wide: Bool)
    }

    typealias Line = [Inline]

    /// A labelled part of a step: its lines, one per value.
    struct Field {
        var label: String
        var lines: [Line]
        /// Whether the lines are items to tick or fill in (a list), rather than running text.
        var isList = false
    }

    /// One step.
    struct StepBlock {
        var id: String
        /// `1.` for top-level steps, `nil` inside a track.
        var number: Int?
        var title: String
        var kind: String
        var fields: [Field]
        var tracks: [TrackBlock]
        /// Started / done / initials.
        var record: Line
    }

    /// A track of a parallel step, with its steps.
    struct TrackBlock {
        var id: String
        var title: String
        var steps: [StepBlock]
        var ended: Line
    }

    /// A row of the severity levels' table.
    struct LevelRow {
        var id: String
        var title: String
        var clocks: String
    }

    let outline: PlaybookOutline
    let words: PaperChecklistLabels
    var language: Language { outline.language }
    /// Whether ids stand beside titles: in English, for the authors who match the paper with the playbook; a Chinese
    /// reader sees titles only.
    var showsIDs: Bool { language != .zh }
    var playbook: Playbook { outline.playbook }
    private var labels: PlaybookOutlineLabels { outline.labels }

    /// The checklist of `playbook` in `language`.
    public init(_ playbook: Playbook, language: Language) {
        outline = PlaybookOutline(playbook, language: language)
        words = PaperChecklistLabels.forLanguage(language)
    }

    // MARK: Header

    var title: String { outline.text(playbook.title) }
    var summary: String? { playbook.summary.map { outline.text($0) } }

    /// The blanks about the run itself.
    var runBlock: [Line] {
        var levels: Line = []
        for level in playbook.severities {
            levels += [.box, .text(levelName(level) + " ")]
        }
        return [
            [.text(words.runID + labels.colon), .blank(wide: true)],
            [.text(words.date + labels.colon), .blank(wide: false), .text(" " + words.startedAt + labels.colon),
             .blank(wide: false), .text(" " + words.endedAt + labels.colon), .blank(wide: false)],
            [.text(words.commander + labels.colon), .blank(wide: true)],
            [.text(words.severityLevel + labels.colon)] + levels,
        ]
    }

    /// Each role with a line for who holds it.
    var roles: [Line] {
        playbook.roles.map { role in
            var line: Line = [.strong(outline.text(role.title))] + tag(role.id)
            if let standIn = role.standIn?.value {
                line += [.text(labels.clauseSeparator + labels.standIn + labels.colon)] + self.role(standIn)
            }
            line += [.text(labels.clauseSeparator + words.heldBy + labels.colon), .blank(wide: false),
                     .text(" " + words.phone + labels.colon), .blank(wide: false)]
            return line
        }
    }

    var levels: [LevelRow] {
        playbook.severities.map { level in
            let clocks = level.clockOrder.compactMap { name in
                level.clocks[name].map { ConditionWords.clockName(name, language: language) + " "
                    + ConditionWords.duration($0, language: language) }
            }
            return LevelRow(id: level.id, title: outline.text(level.title),
                            clocks: clocks.joined(separator: labels.listSeparator))
        }
    }

    /// Each milestone: a box, its title and rule, and a line for when it was reached.
    var milestones: [Line] {
        playbook.milestones.map { milestone in
            let from = outline.fromPhrase(milestone.from)
            var line: Line = [.box, .strong(outline.text(milestone.title))] + tag(milestone.id)
                + [.text(labels.colon + labels.within + " ")]
            line += duration(milestone.within.value)
            line += [.text(" " + from + labels.clauseSeparator + labels.reachedWhen + " ")]
            switch milestone.reachedWhen {
            case .outcome:
                line.append(.text(labels.anyOutcome))
            default:
                line += trigger(milestone.reachedWhen)
            }
            line += [.text(labels.clauseSeparator + words.reachedAt + labels.colon), .blank(wide: false)]
            return line
        }
    }

    /// Each outcome with a box and a line for the time.
    var outcomes: [Line] {
        playbook.outcomes.map { outcome in
            [.box, .strong(outline.text(outcome.title))] + tag("outcome." + outcome.id)
            + [.text(labels.openGloss + labels.outcomeKind(outcome.kind) + labels.closeGloss + labels.clauseSeparator
                + words.outcomeReached + labels.colon), .blank(wide: false)]
        }
    }

    /// The steps of the main phase, parallel tracks nested.
    /// The first step, by its title (its id when it has none), for the heading of the steps.
    var startTitle: String {
        outline.title(of: .step(playbook.start.value)) ?? playbook.start.value
    }

    var mainSteps: [StepBlock] {
        outline.mainSteps.enumerated().map { block($1, number: $0 + 1) }
    }

    /// The after-end steps.
    var afterEndSteps: [StepBlock] {
        outline.afterEndSteps.enumerated().map { block($1, number: outline.mainSteps.count + $0 + 1) }
    }

    // MARK: Steps

    private func block(_ step: Step, number: Int?) -> StepBlock {
        var kind = labels.kindName(step.kind)
        if step.grades { kind += labels.clauseSeparator + labels.setsSeverity }
        var tracks: [TrackBlock] = []
        if case .parallel(let parallel) = step.kind {
            tracks = parallel.tracks.map { track in
                let first = track.steps.filter { $0.id == track.start.value }
                let ordered = first + track.steps.filter { $0.id != track.start.value }
                return TrackBlock(
                    id: track.id, title: outline.text(track.title), steps: ordered.map { block($0, number: nil) },
                    ended: [.box, .text(words.trackEnded + labels.colon), .blank(wide: false)])
            }
        }
        return StepBlock(
            id: step.id, number: number, title: outline.text(step.title), kind: kind, fields: fields(of: step),
            tracks: tracks,
            record: [.text(words.started + labels.colon), .blank(wide: false), .text(" " + words.done + labels.colon),
                     .blank(wide: false), .text(" " + words.initials + labels.colon), .blank(wide: false)])
    }

    private func fields(of step: Step) -> [Field] {
        var fields: [Field] = []
        if let owner = step.owner?.value {
            fields.append(Field(label: words.owner, lines: [role(owner)]))
        }
        let byLevel = outline.ownersByLevel(of: step)
        if !byLevel.isEmpty {
            fields.append(Field(label: words.owner, lines: byLevel.map { level, owner in
                [.text(outline.text(level.title) + labels.colon)] + role(owner)
            }))
        }
        let deadlines = outline.deadlines(of: step)
        if !deadlines.isEmpty {
            fields.append(Field(label: words.deadline, lines: deadlines.map { deadline in
                [.text(outline.phrase(deadline.kind) + " ")] + duration(deadline.duration)
                    + (deadline.from == nil ? [] : [.text(outline.fromSuffix(deadline))])
            }))
        }
        if let instructions = step.instructions {
            fields.append(Field(label: words.instructions, lines: [[.text(outline.text(instructions))]]))
        }
        switch step.kind {
        case .decide(let decision):
            var lines: [Line] = [[.text(outline.text(decision.prompt))]]
            for option in decision.options {
                lines.append([.box, .strong(outline.text(option.title))] + tag(option.id) + [.text(" → ")]
                    + target(option.target.value))
            }
            if let within = decision.within?.value, let expiry = decision.onExpiry?.value {
                var line: Line = [.text(words.ifNoDecision + " ")] + duration(within)
                line += [.text(labels.colon + labels.takeOption + " ")]
                if showsIDs {
                    line.append(.code(expiry))
                } else {
                    let option = decision.options.first { $0.id == expiry }
                    line.append(.text(option.map { outline.text($0.title) } ?? expiry))
                }
                if !decision.notifyOnExpiry.isEmpty {
                    line.append(.text(labels.clauseSeparator + labels.notify + " "))
                    line += roleList(decision.notifyOnExpiry.map(\.value))
                }
                lines.append(line)
            }
            fields.append(Field(label: words.decision, lines: lines, isList: true))
        case .approve(let approval):
            var lines: [Line] = [role(approval.approver.value)
                + [.text(labels.clauseSeparator + words.approverName + labels.colon), .blank(wide: false)]]
            lines.append([.box, .text(labels.approved + " → ")] + target(approval.approved.value))
            lines.append([.box, .text(labels.denied + " → ")] + target(approval.denied.value))
            if let within = approval.within?.value {
                lines.append([.text(words.ifNoAnswer + " ")] + duration(within)
                    + [.text(labels.colon + (approval.approveOnExpiry ? labels.approved : labels.denied))])
            }
            fields.append(Field(label: words.approval, lines: lines, isList: true))
        case .wait(let wait):
            var lines: [Line] = []
            if let until = wait.until { lines.append([.text(outline.text(until))]) }
            // The signal is what `muster signal` names; a Chinese reader goes by the wait's own words when it has them.
            if let signal = wait.signal, showsIDs || wait.until == nil {
                lines.append([.text(words.signal + " "), .code(signal)])
            }
            if let expiry = wait.onExpiry?.value {
                lines.append([.text(labels.onExpiry + " → ")] + target(expiry))
            }
            lines.append([.box, .text(words.waitEnded + labels.colon), .blank(wide: false)])
            fields.append(Field(label: words.waitFor, lines: lines, isList: true))
        case .parallel(let parallel):
            fields.append(Field(label: words.join, lines: [[.text(labels.joinRule(parallel.join))]]))
        case .action:
            break
        }
        if !step.checklist.isEmpty {
            fields.append(Field(label: words.checklist, lines: step.checklist.map { item in
                [.box, .text(outline.text(item.text))] + tag(item.id)
            }, isList: true))
        }
        if step.grades {
            var line: Line = []
            for level in playbook.severities { line += [.box, .text(levelName(level) + " ")] }
            fields.append(Field(label: words.grade, lines: [line], isList: true))
        }
        if !step.records.isEmpty {
            fields.append(Field(label: words.record, lines: step.records.map { record($0.value) }, isList: true))
        }
        if let next = next(of: step) { fields.append(next) }
        if !step.escalations.isEmpty {
            fields.append(Field(label: words.escalation, lines: step.escalations.map(rung), isList: true))
        }
        return fields
    }

    /// A fact to record: its title, id and a line (choices and flags get boxes).
    private func record(_ id: String) -> Line {
        guard let fact = playbook.fact(id) else { return [.code(id), .text(labels.colon), .blank(wide: true)] }
        var line: Line = [.text(outline.text(fact.title))] + tag(id) + [.text(labels.colon)]
        switch fact.kind {
        case .choice(let values):
            for value in values {
                // A value with a title is written as people read it; the others as the playbook spells them.
                line += [.box, fact.valueTitles[value].map { Inline.text(outline.text($0)) } ?? .code(value), .text(" ")]
            }
        case .flag:
            line += [.box, .text(words.yes + " "), .box, .text(words.no)]
        case .number(let unit):
            line.append(.blank(wide: false))
            if let unit { line.append(.text(" " + unit)) }
        case .text:
            line.append(.blank(wide: true))
        }
        return line
    }

    /// Where a step leads: one target, or branches each with a box for the one taken.
    private func next(of step: Step) -> Field? {
        switch step.next {
        case .always(let target)?:
            return Field(label: words.next, lines: [[.text("→ ")] + self.target(target.value)])
        case .branches(let branches, let otherwise)?:
            var lines: [Line] = branches.map { branch in
                [.box, .text(labels.ifCondition + " " + ConditionWords(playbook: playbook, language: language)
                    .text(branch.condition) + " → ")]
                    + target(branch.target.value)
            }
            lines.append([.box, .text(labels.otherwise + " → ")] + target(otherwise.value))
            return Field(label: words.next, lines: lines, isList: true)
        case nil:
            return nil
        }
    }

    /// One rung of the escalation ladder, with a box for when it was done.
    private func rung(_ rung: Escalation) -> Line {
        let after: String
        if case .fixed(let milliseconds) = rung.after.value {
            after = ConditionWords.duration(milliseconds, language: language)
        } else {
            after = outline.describe(rung.after.value)
        }
        var line: Line = [.box, .text(labels.after(after) + labels.colon)]
        var first = true
        func separate() {
            if !first { line.append(.text(labels.clauseSeparator)) }
            first = false
        }
        if !rung.notify.isEmpty {
            separate()
            line.append(.text(labels.notify + " "))
            line += roleList(rung.notify.map(\.value))
        }
        if let reassign = rung.reassign?.value {
            separate()
            line.append(.text(labels.reassignTo + " "))
            line += role(reassign)
        }
        if let goto = rung.goto?.value {
            separate()
            line.append(.text(labels.goTo + " "))
            line += target(goto)
        }
        return line
    }

    // MARK: Pieces

    /// ` commander` after a title in English; nothing in Chinese.
    private func tag(_ id: String) -> Line {
        showsIDs ? [.text(" "), .code(id)] : []
    }

    /// A role as its title and id: `Commander commander` (`应急总指挥` in Chinese).
    private func role(_ id: String) -> Line {
        guard let title = outline.roleTitle(id) else { return [.code(id)] }
        return [.text(title)] + tag(id)
    }

    /// What reaches a milestone: `assess.done (Assess and grade)`, or in Chinese `「研判并定级」完成`.
    private func trigger(_ trigger: Milestone.Trigger) -> Line {
        let title = trigger.step.flatMap { outline.step($0.value) }.map { outline.text($0.title) }
        guard !showsIDs, let title else {
            var line: Line = [.code(trigger.description)]
            if let title { line.append(.text(labels.openGloss + title + labels.closeGloss)) }
            return line
        }
        switch trigger {
        case .activated: return [.text("「" + title + "」" + words.triggerStarted)]
        case .acknowledged: return [.text("「" + title + "」" + words.triggerAcknowledged)]
        case .done, .outcome: return [.text("「" + title + "」" + words.triggerDone)]
        }
    }

    private func roleList(_ ids: [String]) -> Line {
        var line: Line = []
        for (index, id) in ids.enumerated() {
            if index > 0 { line.append(.text(labels.listSeparator)) }
            line += role(id)
        }
        return line
    }

    /// A target as its id and title (its title alone in Chinese).
    private func target(_ target: Target) -> Line {
        if !showsIDs { return [.text(outline.title(of: target) ?? target.description)] }
        var line: Line = [.code(target.description)]
        if let title = outline.title(of: target) { line.append(.text(" " + title)) }
        return line
    }

    /// `5 minutes` (`5分钟`), or for a clock `respond: fatal 10 minutes / severe 15 minutes / general 30 minutes`.
    private func duration(_ duration: PlaybookLanguage.Duration) -> Line {
        guard case .clock(let name) = duration else {
            guard case .fixed(let milliseconds) = duration else { return [] }
            return [.text(ConditionWords.duration(milliseconds, language: language))]
        }
        let lengths = playbook.severities.map { level in
            levelName(level) + " "
                + (OutlineTiming.resolve(duration, level).map { ConditionWords.duration($0, language: language) } ?? "?")
        }
        let clock: Line = showsIDs ? [.code(name)] : [.text(ConditionWords.clockName(name, language: language))]
        return clock + [.text(labels.colon + lengths.joined(separator: " / "))]
    }

    /// A severity level as a reader names it: its id in English, its title in Chinese.
    private func levelName(_ level: SeverityLevel) -> String {
        language == .zh ? outline.text(level.title) : level.id
    }
}
