import PlaybookLanguage

/// The outline as text for a reviewer holding the paper plan: header, roles, severity levels, milestones with
/// their worst cases, facts, every step with what it asks and where it leads, and the outcomes.
///
/// Columns line up by display width (a Chinese character takes two), long texts wrap at `width` columns, and
/// headings and step ids are bold only when `colour` is set.
public struct PlaybookOutlineText: Sendable {
    /// The outline laid out.
    public let outline: PlaybookOutline
    /// Whether headings and step ids are bold (ANSI escapes), for a terminal that shows colour.
    public let colour: Bool
    /// The width long texts wrap at, in columns (a Chinese character takes two).
    var width = 100

    /// The text of `outline`, bold where `colour` is set.
    public init(outline: PlaybookOutline, colour: Bool) {
        self.outline = outline
        self.colour = colour
    }

    private var labels: PlaybookOutlineLabels { outline.labels }
    private var playbook: Playbook { outline.playbook }

    /// The whole outline, ending with a newline.
    public func render() -> String {
        var lines: [String] = []
        header(&lines)
        roles(&lines)
        severities(&lines)
        milestones(&lines)
        facts(&lines)
        steps(&lines)
        outcomes(&lines)
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: Sections

    private func header(_ lines: inout [String]) {
        lines.append(bold(outline.text(playbook.title)))
        lines.append(labels.id + labels.colon + playbook.id + "  " + labels.version + labels.colon + playbook.version)
        if let summary = playbook.summary {
            lines.append("")
            lines += TextWidth.wrap(outline.text(summary), width: width - 2).map { "  " + $0 }
        }
    }

    private func roles(_ lines: inout [String]) {
        section(labels.roles, &lines)
        let idWidth = playbook.roles.map { TextWidth.of($0.id) }.max() ?? 0
        for role in playbook.roles {
            var line = "  " + TextWidth.pad(role.id, to: idWidth) + "  " + outline.text(role.title)
            if let standIn = role.standIn?.value {
                line += labels.clauseSeparator + labels.standIn + labels.colon
                    + labels.glossed(standIn, outline.roleTitle(standIn))
            }
            lines.append(line)
        }
    }

    private func severities(_ lines: inout [String]) {
        section(labels.severityLevels, &lines)
        let idWidth = playbook.severities.map { TextWidth.of($0.id) }.max() ?? 0
        let titleWidth = playbook.severities.map { TextWidth.of(outline.text($0.title)) }.max() ?? 0
        for level in playbook.severities {
            let clocks = level.clockOrder.compactMap { name in
                level.clocks[name].map { name + " " + Duration.format(milliseconds: $0) }
            }
            var line = "  " + TextWidth.pad(level.id, to: idWidth) + "  "
                + TextWidth.pad(outline.text(level.title), to: titleWidth) + "  "
                + clocks.joined(separator: labels.listSeparator)
            if !level.aliases.isEmpty {
                line += (clocks.isEmpty ? "" : labels.clauseSeparator) + labels.aliases + labels.colon
                    + level.aliases.map(\.value).joined(separator: labels.listSeparator)
            }
            lines.append(trimmed(line))
        }
    }

    private func milestones(_ lines: inout [String]) {
        guard !playbook.milestones.isEmpty else { return }
        section(labels.milestones, &lines)
        let timing = OutlineTiming(playbook: playbook)
        let levelWidth = playbook.severities.map { TextWidth.of($0.id) }.max() ?? 0
        for (index, milestone) in playbook.milestones.enumerated() {
            if index > 0 { lines.append("") }
            lines.append("  " + bold(milestone.id) + "  " + outline.text(milestone.title))
            let from = outline.fromPhrase(milestone.from)
            let rule = labels.within + " " + outline.describe(milestone.within.value) + " " + from
                + labels.clauseSeparator + labels.reachedWhen + " " + trigger(milestone.reachedWhen)
            lines += TextWidth.wrap(rule, width: width - 6).enumerated().map { ($0 == 0 ? "    " : "      ") + $1 }
            lines.append(trimmed("    " + labels.worstCase + labels.listSeparator + labels.slowestPath + labels.colon))
            for milestoneCase in outline.cases(of: milestone, timing: timing) {
                var line = "      " + TextWidth.pad(milestoneCase.level.id, to: levelWidth) + "  "
                guard let worst = milestoneCase.worst else {
                    lines.append(line + labels.notReached)
                    continue
                }
                let limit = milestoneCase.limit.map { Duration.format(milliseconds: $0) } ?? "?"
                var verdict = labels.within + " " + limit
                if let met = milestoneCase.met { verdict += labels.comma + (met ? labels.met : labels.missed) }
                line += Duration.format(milliseconds: worst.at) + labels.openGloss + verdict + labels.closeGloss
                line += "  " + worst.path.joined(separator: " → ")
                let undeadlined = outline.undeadlined(worst, of: milestone)
                if !undeadlined.isEmpty {
                    line += labels.clauseSeparator + labels.noDeadline + labels.colon
                        + undeadlined.joined(separator: labels.listSeparator)
                }
                lines.append(line)
            }
        }
    }

    /// A condition as written; in Chinese, one that compares a fact with a titled value in words, so that the
    /// value shows by its title (`制冷状态为「停机」`), not its id.
    private func conditionText(_ condition: Condition) -> String {
        guard outline.language == .zh, Self.mentionsTitledValue(condition, playbook) else {
            return ConditionText.text(condition)
        }
        return ConditionWords(playbook: playbook, language: .zh).text(condition)
    }

    private static func mentionsTitledValue(_ condition: Condition, _ playbook: Playbook) -> Bool {
        switch condition {
        case .and(let left, let right), .or(let left, let right):
            return mentionsTitledValue(left, playbook) || mentionsTitledValue(right, playbook)
        case .not(let inner): return mentionsTitledValue(inner, playbook)
        case .isTrue: return false
        case .compare(let subject, _, let literals):
            guard case .fact(let id) = subject, let fact = playbook.fact(id) else { return false }
            return literals.contains { if case .name(let name) = $0 { fact.valueTitles[name] != nil } else { false } }
        }
    }

    /// A choice value as a reader of the outline's language sees it: in Chinese its title alone, in English its
    /// id (what `record` takes) glossed with its title; the id when it has no title.
    private func value(value: String, of fact: Fact) -> String {
        guard let title = fact.valueTitles[value] else { return value }
        return outline.language == .zh ? outline.text(title) : labels.glossed(value, outline.text(title))
    }

    private func facts(_ lines: inout [String]) {
        guard !playbook.facts.isEmpty else { return }
        section(labels.facts, &lines)
        let idWidth = playbook.facts.map { TextWidth.of($0.id) }.max() ?? 0
        for fact in playbook.facts {
            let type: String
            switch fact.kind {
            case .choice(let values): type = labels.oneOf + " " + values.map { value(value: $0, of: fact) }
                .joined(separator: labels.listSeparator)
            case .number(let unit): type = labels.glossed(labels.number, unit)
            case .text: type = labels.text
            case .flag: type = labels.flag
            }
            lines.append("  " + TextWidth.pad(fact.id, to: idWidth) + "  " + outline.text(fact.title) + labels.colon
                + type)
        }
    }

    private func steps(_ lines: inout [String]) {
        section(labels.mainSteps + " " + playbook.start.value, &lines)
        for (index, step) in outline.mainSteps.enumerated() {
            lines.append("")
            self.step(step, number: index + 1, indent: 2, &lines)
        }
        let afterEnd = outline.afterEndSteps
        if !afterEnd.isEmpty {
            section(labels.afterEndSteps, &lines)
            for (index, step) in afterEnd.enumerated() {
                lines.append("")
                self.step(step, number: index + 1, indent: 2, &lines)
            }
        }
        guard !playbook.anyTime.isEmpty else { return }
        section(labels.atAnyTime, &lines)
        for chain in playbook.anyTime {
            lines.append("")
            lines.append("  " + bold(chain.id) + "  " + outline.text(chain.title) + labels.clauseSeparator
                + labels.raisedBy + " " + chain.by.map(\.value).joined(separator: labels.listSeparator)
                + labels.clauseSeparator + labels.startsAt + " " + chain.start.value)
            for step in outline.ordered(chain.steps, start: chain.start.value) {
                lines.append("")
                self.step(step, number: nil, indent: 4, &lines)
            }
        }
    }

    private func outcomes(_ lines: inout [String]) {
        section(labels.outcomes, &lines)
        let idWidth = playbook.outcomes.map { TextWidth.of($0.id) }.max() ?? 0
        for outcome in playbook.outcomes {
            lines.append("  " + TextWidth.pad(outcome.id, to: idWidth) + "  "
                + labels.glossed(outline.text(outcome.title), labels.outcomeKind(outcome.kind)))
        }
    }

    // MARK: One step

    /// The width of the field labels' column, the same for every step.
    private var labelWidth: Int {
        [
            labels.kind, labels.owner, labels.deadlines, labels.instructions, labels.question, labels.waitsFor,
            labels.approver, labels.join, labels.checklist, labels.records, labels.escalation, labels.options,
            labels.approved, labels.denied, labels.onExpiry, labels.next, labels.source, labels.standing,
            labels.togetherWith,
        ].map { TextWidth.of($0 + labels.colon) }.max() ?? 0
    }

    /// A step's heading and fields; a parallel step's tracks follow, each with its steps, indented.
    private func step(_ step: Step, number: Int?, indent: Int, _ lines: inout [String]) {
        let margin = String(repeating: " ", count: indent)
        let heading = (number.map { "\($0). " } ?? "") + bold(step.id) + "  " + outline.text(step.title)
        lines.append(margin + heading)
        let fieldIndent = indent + (number.map { "\($0). ".count } ?? 2)
        let valueIndent = fieldIndent + labelWidth + 1
        for field in fields(of: step) {
            var first = true
            for value in field.values {
                // Lines after a value's first are indented two more, so that each value of a list stands out.
                for line in TextWidth.wrap(value, width: max(width - valueIndent - 2, 30)).enumerated() {
                    let label = first ? field.label + labels.colon : ""
                    let prefix = line.offset == 0
                        ? String(repeating: " ", count: fieldIndent) + TextWidth.pad(label, to: labelWidth) + " "
                        : String(repeating: " ", count: valueIndent + 2)
                    lines.append(trimmed(prefix + line.element))
                    first = false
                }
            }
        }
        guard case .parallel(let parallel) = step.kind else { return }
        let trackMargin = String(repeating: " ", count: fieldIndent)
        for track in parallel.tracks {
            lines.append("")
            lines.append(trackMargin + labels.track + " " + bold(track.id) + "  " + outline.text(track.title)
                + labels.clauseSeparator + labels.startsAt + " " + track.start.value)
            let first = track.steps.filter { $0.id == track.start.value }
            for (index, trackStep) in (first + track.steps.filter { $0.id != track.start.value }).enumerated() {
                if index > 0 { lines.append("") }
                self.step(trackStep, number: nil, indent: fieldIndent + 2, &lines)
            }
        }
    }

    /// A labelled field of a step: one or more values, each on its own line.
    private struct Field {
        var label: String
        var values: [String]
    }

    private func fields(of step: Step) -> [Field] {
        var fields: [Field] = []
        func add(_ label: String, _ values: [String]) {
            let values = values.filter { !$0.isEmpty }
            if !values.isEmpty { fields.append(Field(label: label, values: values)) }
        }
        var kind = labels.kindName(step.kind)
        if step.grades { kind += labels.clauseSeparator + labels.setsSeverity }
        if step.phase == .afterEnd { kind += labels.clauseSeparator + labels.phaseAfterEnd }
        add(labels.kind, [kind])
        if let owner = step.owner?.value { add(labels.owner, [labels.glossed(owner, outline.roleTitle(owner))]) }
        let byLevel = outline.ownersByLevel(of: step)
        if !byLevel.isEmpty {
            add(labels.owner, byLevel.map { level, role in
                outline.text(level.title) + labels.colon + labels.glossed(role, outline.roleTitle(role))
            })
        }
        if let together = step.togetherWith?.value {
            add(labels.togetherWith, [labels.glossed(together, outline.roleTitle(together))])
        }
        let deadlines = outline.deadlines(of: step).map {
            outline.phrase($0.kind) + " " + outline.describe($0.duration) + outline.fromSuffix($0)
        }
        add(labels.deadlines, [deadlines.joined(separator: labels.clauseSeparator)])
        add(labels.instructions, [outline.text(step.instructions)])
        switch step.kind {
        case .decide(let decision):
            add(labels.question, [outline.text(decision.prompt)])
        case .wait(let wait):
            var awaited = outline.text(wait.until)
            if let signal = wait.signal {
                awaited += (awaited.isEmpty ? "" : labels.clauseSeparator) + labels.signal + " " + signal
            }
            add(labels.waitsFor, [awaited])
        case .approve(let approval):
            add(labels.approver, [labels.glossed(approval.approver.value, outline.roleTitle(approval.approver.value))])
        case .parallel(let parallel):
            add(labels.join, [labels.joinRule(parallel.join)])
        case .action:
            break
        }
        add(labels.standing, step.standing.map { instruction in
            "⚑ " + labels.glossed(outline.text(instruction.text), instruction.id) + labels.clauseSeparator
                + labels.releasedBy + " " + instruction.releasedBy.value
        })
        add(labels.checklist, step.checklist.map { "[ ] " + labels.glossed(outline.text($0.text), $0.id) })
        add(labels.records, step.records.map { labels.glossed($0.value, playbook.fact($0.value).map {
            outline.text($0.title)
        }) })
        add(labels.escalation, step.escalations.map(rung))
        leads(of: step, into: &fields)
        if let source = step.source { add(labels.source, [source]) }
        return fields
    }

    /// Where the step leads, under the label of each kind of exit.
    private func leads(of step: Step, into fields: inout [Field]) {
        var next: [String] = []
        var options: [String] = []
        var onExpiry: [String] = []
        var approved: [String] = []
        var denied: [String] = []
        for exit in outline.exits(of: step) {
            let target = "→ " + target(exit.target)
            switch exit.kind {
            case .next: next.append(target)
            case .branch:
                if exit.isElse {
                    next.append(labels.otherwise + " " + target)
                } else if let condition = exit.condition {
                    next.append(labels.ifCondition + " " + conditionText(condition) + " " + target)
                }
            case .option:
                guard let option = exit.option else { continue }
                options.append(labels.glossed(option.id, outline.text(option.title)) + " " + target)
                if exit.takenOnExpiry, let after = exit.after {
                    onExpiry.append(labels.after(outline.describe(after)) + labels.colon + labels.takeOption + " "
                        + option.id)
                }
            case .approved, .denied:
                let name = exit.kind == .approved ? labels.approved : labels.denied
                if exit.kind == .approved { approved.append(target) } else { denied.append(target) }
                if exit.takenOnExpiry, let after = exit.after {
                    onExpiry.append(labels.after(outline.describe(after)) + labels.colon + name)
                }
            case .expiry:
                let after = exit.after.map { labels.after(outline.describe($0)) + " " } ?? ""
                onExpiry.append(after + target)
            case .escalation:
                break  // Shown with its rung.
            }
        }
        if case .decide(let decision) = step.kind, !decision.notifyOnExpiry.isEmpty {
            onExpiry.append(labels.notify + " " + decision.notifyOnExpiry.map {
                labels.glossed($0.value, outline.roleTitle($0.value))
            }.joined(separator: labels.listSeparator))
        }
        for (label, values) in [(labels.options, options), (labels.approved, approved), (labels.denied, denied),
                                (labels.onExpiry, onExpiry), (labels.next, next)] where !values.isEmpty
        {
            fields.append(Field(label: label, values: values))
        }
    }

    /// One rung of an escalation ladder: "after 3m: notify tech_lead (Tech lead); go to call_vendor (…)".
    private func rung(_ rung: Escalation) -> String {
        var actions: [String] = []
        if !rung.notify.isEmpty {
            actions.append(labels.notify + " " + rung.notify.map {
                labels.glossed($0.value, outline.roleTitle($0.value))
            }.joined(separator: labels.listSeparator))
        }
        if let reassign = rung.reassign?.value {
            actions.append(labels.reassignTo + " " + labels.glossed(reassign, outline.roleTitle(reassign)))
        }
        if let goto = rung.goto?.value { actions.append(labels.goTo + " " + target(goto)) }
        return labels.after(outline.describe(rung.after.value)) + labels.colon
            + actions.joined(separator: labels.clauseSeparator)
    }

    // MARK: Pieces

    private func target(_ target: Target) -> String {
        labels.glossed(target.description, outline.title(of: target))
    }

    private func trigger(_ trigger: Milestone.Trigger) -> String {
        guard let step = trigger.step?.value else { return labels.anyOutcome }
        return labels.glossed(trigger.description, outline.step(step).map { outline.text($0.title) })
    }

    private func section(_ title: String, _ lines: inout [String]) {
        lines.append("")
        lines.append(bold(title))
    }

    private func bold(_ text: String) -> String {
        colour ? "\u{1B}[1m" + text + "\u{1B}[0m" : text
    }

    private func trimmed(_ line: String) -> String {
        var line = line
        while line.last == " " { line.removeLast() }
        return line
    }
}
