import Diagnostics
import PlaybookLanguage
import Reporting
import RunEngine

/// The status board of a run, as text for people: what is active, who owns it, how long is left, milestones.
public struct RunBoard: Sendable {
    /// The run's id, as its directory is named.
    public let runID: String
    /// The run's pinned playbook.
    public let playbook: Playbook
    /// The run's state, folded from its journal.
    public let state: RunState
    /// The instant the board is drawn at, in milliseconds since the epoch: time left is counted from it.
    public let now: Int64
    /// The language of the board's words and of the playbook's texts.
    public let language: Language
    /// The zone instants are shown in: local times with their offset.
    public let time: LocalTime

    /// A board of `state` as of `now`, its instants in `time`'s zone.
    public init(runID: String, playbook: Playbook, state: RunState, now: Int64, language: Language,
                time: LocalTime = .utc) {
        self.runID = runID
        self.playbook = playbook
        self.state = state
        self.now = now
        self.language = language
        self.time = time
    }

    /// The board's lines, each ending in a newline.
    public func render() -> String {
        let label = Labels(language: language)
        let names = BoardNames(playbook, language: language)
        var out = ""
        let title = playbook.title.text(language)
        let mode = state.start?.mode == .drill ? label("drill") : label("live")
        let severity = state.severity.flatMap { playbook.severity($0) }.map(names.severity) ?? label("not graded")
        out += "\(label("run")) \(runID) · \(title) (\(playbook.id) \(playbook.version)) · \(mode)\n"
        out += "\(label("severity")): \(severity) · \(label("started")) \(time.instant(state.startedAt)) · "
            + (state.start?.faultAt.map { "\(label("fault at")) \(time.instant($0)) · " } ?? "")
            + "\(label("seq")) \(state.eventCount)\n"
        for line in RunLinkLines.lines(state, language: language) { out += line + "\n" }
        if let jump = state.clockJumps.last {
            // A wrong clock rewrites the run for everyone: say so where everyone looks.
            let size = names.span(jump.size)
            let count = state.clockJumps.count
            if language == .zh {
                out += "⚠ 时钟\(jump.size < 0 ? "倒退了" : "向前跳了") \(size)（\(time.instant(jump.from)) 之后的一条命令"
                    + "的时间为 \(time.instant(jump.to))）" + (count > 1 ? "；共 \(count) 次跳变" : "") + "，已记入日志\n"
            } else {
                out += "⚠ the clock \(jump.size < 0 ? "went back" : "jumped ahead") \(size) (a command after "
                    + "\(time.instant(jump.from)) came at \(time.instant(jump.to)))"
                    + (count > 1 ? "; \(count) jumps in all" : "") + "; journaled\n"
            }
        }
        // Names and values come from people: shown so that no control character reaches the terminal.
        let people = state.holders.keys.sorted().map { role in
            "\(names.role(role))=\(TerminalText.line(state.holders[role]!))"
                + (state.scriptedRoles.contains(role) ? " (\(label("scripted")))" : "")
        }
        out += "\(label("people")): " + (people.isEmpty ? label("none") : people.joined(separator: ", ")) + "\n\n"
        out += StandingInstructionLines(runID: runID, playbook: playbook, state: state, language: language).render()

        out += label("active steps") + ":\n"
        if state.activeOrder.isEmpty { out += "  " + label("none") + "\n" }
        for stepID in state.activeOrder {
            guard let open = state.active[stepID], let step = playbook.allSteps.first(where: { $0.id == stepID }) else {
                continue
            }
            var owner = open.owner.map { role in
                names.role(role) + " (" + (state.holders[role].map(TerminalText.line) ?? label("unassigned")) + ")"
            } ?? "-"
            if case .approve(let approval) = step.kind {
                owner += ", \(label("waiting for approval by")) \(names.role(approval.approver.value))"
            }
            var line = "  \(stepID)  \(step.title.text(language))  [\(label("owner")): \(owner)]"
            if let due = open.due.done ?? open.due.expiry {
                line += due >= now ? "  \(label("due in")) \(names.span(due - now))"
                    : "  \(label("overdue by")) \(names.span(now - due))"
                if case .wait(let wait) = step.kind, wait.from?.value == .fault, open.due.done == nil {
                    line += " (\(label("from the fault")))"
                }
            }
            if open.acknowledgedAt == nil, case .parallel = step.kind {} else if open.acknowledgedAt == nil {
                line += "  (\(label("not acknowledged")))"
            }
            if !step.checklist.isEmpty {
                line += "  \(label("items")) \(open.itemsDone.count)/\(step.checklist.count)"
            }
            if let together = step.togetherWith?.value {
                // Signed together: who has signed, and whose signature it waits for.
                let roles = [open.owner ?? "-", together]
                line += "  \(label("signed")): " + roles.map { role in
                    names.role(role) + "=" + (open.signatures[role] ?? "…")
                }.joined(separator: ", ")
            }
            if case .decide(let decision) = step.kind {
                line += "  \(label("decide")): " + decision.options.map { names.option($0.id, of: stepID) }
                    .joined(separator: " | ")
            }
            out += line + "\n"
        }
        // A drill's injects, where the players look: the latest, each with the roles it went to.
        out += DrillInjectLines(state: state, language: language, playbook: playbook)
            .text(runID: runID, time: time)
        if state.outcome == nil, !playbook.anyTime.isEmpty {
            // What anyone with the right role may start whenever it is needed, and how.
            out += "\n" + label("at any time") + ":\n"
            for chain in playbook.anyTime {
                let by = chain.by.map { role in
                    names.role(role.value) + " (" + (state.holders[role.value] ?? label("unassigned")) + ")"
                }
                out += "  \(chain.id)  \(chain.title.text(language))  [\(label("raised by")): "
                    + by.joined(separator: ", ") + "]  "
                    + (state.raisedChains.contains(chain.id) ? label("running")
                        : "muster raise \(runID) \(chain.id)") + "\n"
            }
        }
        if !playbook.milestones.isEmpty {
            out += "\n" + label("milestones") + ":\n"
            for milestone in playbook.milestones {
                let progress = state.milestones[milestone.id]
                var line = "  \(milestone.id)  \(milestone.title.text(language))  "
                if let margin = progress?.margin, progress?.reachedAt != nil {
                    let span = names.span(margin)
                    if margin == 0 {
                        line += language == .zh ? "按时达成" : "met on time"
                    } else if language == .zh {
                        line += "\(label("met"))，\(label(margin >= 0 ? "early" : "late")) \(span)"
                    } else {
                        line += margin >= 0 ? "met, \(span) early" : "met \(span) late"
                    }
                } else if progress?.missed == true {
                    line += label("missed")
                } else if progress?.handedOver == true {
                    line += RunLinkLines.handedOver(language)
                } else if let dueAt = progress?.dueAt {
                    line += dueAt >= now ? "\(label("due in")) \(names.span(dueAt - now))"
                        : "\(label("overdue by")) \(names.span(now - dueAt))"
                    // Until the run is graded, a severity clock counts as the strictest level's: say so.
                    if state.severity == nil, case .clock = milestone.within.value {
                        line += language == .zh ? "（尚未定级，按最严级别计）" : " (not graded: the strictest level's clock)"
                    }
                } else {
                    line += label("pending")
                }
                out += line + "\n"
            }
        }
        if !state.facts.isEmpty {
            out += "\n" + label("facts") + ": " + state.facts.keys.sorted().map {
                TerminalText.line(names.fact($0, state.facts[$0]!.description))
            }
                .joined(separator: names.factSeparator) + "\n"
        }
        if let outcome = state.outcome {
            let title = playbook.outcome(outcome.id)?.title.text(language) ?? outcome.id
            out += "\n\(label("outcome")): "
                + (language == .zh ? "\(title)（\(ReportWords(language: .zh).outcomeKind(outcome.kind))）"
                    : "\(outcome.id) (\(title), \(outcome.kind))")
                + (state.closed ? " · \(label("closed"))" : "") + "\n"
        }
        return out
    }
}
