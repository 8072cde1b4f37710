import PlaybookLanguage

extension Transaction {
    /// The parts of the fault report a note can be filed under.
    static let noteSections = ["phenomenon", "impact", "cause", "handling", "prevention", "lesson"]

    /// Checks and carries out one command; throws a `Rejection` and emits nothing when it is refused.
    mutating func perform(_ command: Command) throws {
        guard state.start != nil else { throw Rejection("invalid", "the run has not started", "本次运行尚未开始") }
        // A closed run is a record: it takes a note, the user's signature and the acknowledgement of a page.
        if state.closed {
            switch command.kind {
            case .note, .signoff, .received, .correct, .retitle: break
            default:
                throw Rejection("closed", "the run is closed: only notes, corrections of facts, titles, the sign-off "
                    + "and acknowledgements of pages are taken now", "本次运行已结束：现在只接受备注、事实更正、标题更正、签收和对通知的确认")
            }
        }
        try checkStale(command)
        try checkEnteredText(command)
        try checkRecorder(command)
        recordedBy = command.recordedBy == command.person ? nil : command.recordedBy
        let person = command.person
        switch command.kind {
        case .note(let text, let section):
            try requireOnRun(person)
            if let section, !Self.noteSections.contains(section) {
                throw Rejection("invalid", "'\(section)' is not a report section; sections: "
                    + Self.noteSections.joined(separator: ", "),
                    "'\(section)' 不是报告的章节；可用章节：" + Self.noteSections.joined(separator: "、"))
            }
            emit(.note(text: text, section: section), by: actor(person))
        case .retitle(let title):
            try requireOnRun(person)
            guard !title.allSatisfy(\.isWhitespace) else {
                throw Rejection("invalid", "the title is empty: say what happened and where", "标题为空：请写明发生了什么、在哪里")
            }
            guard title != state.start?.title else {
                throw Rejection("invalid", "the run already has this title", "本次运行已是这个标题")
            }
            emit(.runTitled(title: title), by: actor(person))
        case .received(let id):
            // Allowed after the outcome too: a page is acknowledged whenever it is read.
            let mine = state.outbox.deliveries.filter { $0.notification == id && $0.recipient == person }
            guard !mine.isEmpty else {
                throw Rejection("invalid", "no notification '\(id)' was sent to \(person) on this run",
                                "本次运行没有发给 \(person) 的通知 '\(id)'")
            }
            guard !mine.contains(where: { if case .acknowledged = $0.status { true } else { false } }) else {
                throw Rejection("invalid", "\(person) has already acknowledged '\(id)'", "\(person) 已确认过 '\(id)'")
            }
            emit(.notificationAcknowledged(id: id, by: person), by: .person(person, role: nil))
        case .signoff:
            guard state.outcome != nil else {
                throw Rejection("invalid", "the run has not reached its outcome; sign the report once it has",
                                "本次运行尚未到达结果；到达结果后再签署报告")
            }
            emit(.reportSigned(person: person), by: .person(person, role: nil))
        case .join(let role):
            guard playbook.role(role) != nil else {
                let hint = suggestion(role, in: playbook.roles.map(\.id))
                throw Rejection("invalid", "role '\(role)' is not defined in this playbook" + hint.english,
                                "本预案未定义角色 '\(role)'" + hint.chinese)
            }
            if let holder = state.holders[role] {
                throw holder == person
                    ? Rejection("invalid", "\(person) already holds '\(role)'", "\(person) 已担任 '\(role)'")
                    : Rejection("invalid", "'\(role)' is held by \(holder); ask for a handover instead",
                                "'\(role)' 已由 \(holder) 担任；如需接手，请办理交接")
            }
            emit(.personJoined(person: person, role: role), by: .person(person, role: role))
        case .handover(let role, let to):
            guard playbook.role(role) != nil else {
                throw Rejection("invalid", "role '\(role)' is not defined", "未定义角色 '\(role)'")
            }
            let holder = state.holders[role]
            guard holder == person || mayCommand(person) else {
                throw Rejection("wrong-role", "only the holder of '\(role)' or the commander may hand it over",
                                "只有 '\(role)' 的担任者或应急总指挥可以交接该角色")
            }
            guard holder != to else {
                throw Rejection("invalid", "\(to) already holds '\(role)'", "\(to) 已担任 '\(role)'")
            }
            emit(.handover(role: role, from: holder, to: to), by: actor(person))
        case .grade(let named, let why):
            let level = playbook.severityID(named: named) ?? named
            try requireSeverityLevel(level)
            if let graded = state.severity {
                throw Rejection("invalid", "the run is already graded '\(graded)'; use regrade to change it",
                                "本次运行已定级为 '\(graded)'；如需调整，请用 regrade 重新定级")
            }
            guard mayGrade(person) else {
                throw Rejection("wrong-role", "\(person) may not grade this run: the owner of the grading step does",
                                "\(person) 无权为本次运行定级：应由定级步骤的负责人定级")
            }
            emit(.severityGraded(level: level, why: why), by: actor(person))
            severityChanged()
        case .regrade(let named, let why):
            let level = playbook.severityID(named: named) ?? named
            try requireSeverityLevel(level)
            guard let current = state.severity else {
                throw Rejection("invalid", "the run is not graded yet", "本次运行尚未定级")
            }
            guard current != level else {
                throw Rejection("invalid", "the run is already graded '\(level)'", "本次运行已定级为 '\(level)'")
            }
            guard mayCommand(person) else {
                throw Rejection("wrong-role", "only the commander (or a stand-in) may regrade the run",
                                "只有应急总指挥（或其代理）可以重新定级")
            }
            emit(.severityRegraded(from: current, to: level, why: why), by: actor(person))
            severityChanged(from: current)
        case .abort(let why):
            guard state.outcome == nil else {
                throw Rejection("finished", "the run has already ended", "本次运行已经结束")
            }
            guard mayCommand(person) else {
                throw Rejection("wrong-role", "only the commander (or a stand-in) may abort the run",
                                "只有应急总指挥（或其代理）可以中止本次运行")
            }
            emit(.runAborted(why: why), by: actor(person))
            let abortOutcome = playbook.outcomes.first { $0.kind == .aborted }?.id ?? "aborted"
            reachOutcome(abortOutcome, by: actor(person))
        case .signal(let name):
            try requireOnRun(person)
            emit(.signalReceived(name: name), by: actor(person))
            for stepID in state.activeOrder {
                // Completing one wait can cancel another (a join): only waits still open are ended.
                guard state.active[stepID] != nil, let step = index.steps[stepID], case .wait(let wait) = step.kind,
                    wait.signal == name
                else {
                    continue
                }
                complete(stepID, by: actor(person), goingTo: nil)
            }
        case .record(let fact, let value):
            try record(fact, value, person: person, step: nil)
        case .correct(let fact, let value, let why):
            try correct(fact, value, why: why, person: person)
        case .raise(let chainID, let why):
            try raise(chainID, why: why, person: person)
        case .release(let id, let why):
            try release(id, why: why, person: person)
        default:
            try performStepCommand(command)
        }
    }

    /// Starts an at-any-time chain for `person`, who must hold (or stand in for) one of the roles that may raise it.
    private mutating func raise(_ chainID: String, why: String?, person: String) throws {
        guard let chain = playbook.anyTimeChain(chainID) else {
            let chains = playbook.anyTime.map(\.id)
            let hint = suggestion(chainID, in: chains)
            let english = !hint.english.isEmpty ? hint.english
                : chains.isEmpty ? "; it has none" : "; chains: " + chains.joined(separator: ", ")
            let chinese = !hint.chinese.isEmpty ? hint.chinese
                : chains.isEmpty ? "；本预案没有此类流程" : "；可发起：" + chains.joined(separator: "、")
            throw Rejection("invalid", "'\(chainID)' is not an at-any-time chain of this playbook" + english,
                            "本预案没有可随时发起的流程 '\(chainID)'" + chinese)
        }
        guard state.outcome == nil else {
            throw Rejection("finished", "the run has reached its outcome: '\(chainID)' can no longer be raised",
                            "本次运行已到达结果：不能再发起 '\(chainID)'")
        }
        guard !state.raisedChains.contains(chainID) else {
            throw Rejection("invalid", "'\(chainID)' is running already; active: " + state.activeOrder.filter {
                index.chains[$0] == chainID }.joined(separator: ", "),
                "'\(chainID)' 已在进行中；进行中的步骤：" + state.activeOrder.filter { index.chains[$0] == chainID }
                    .joined(separator: "、"))
        }
        let roles = chain.by.map(\.value)
        let acting = roles.compactMap { role in try? actingRole(person, for: role, reassigned: false) }
        guard let role = acting.first else {
            throw Rejection("wrong-role", "\(person) may not raise '\(chainID)': it is raised by "
                + roles.joined(separator: ", ") + " (or their stand-ins)",
                "\(person) 无权发起 '\(chainID)'：须由 " + roles.joined(separator: "、") + "（或其代理人）发起")
        }
        emit(.chainRaised(chain: chainID, why: why), by: .person(person, role: role))
        activate(chain.start.value)
    }

    /// Releases a standing instruction for `person`, who must hold (or stand in for) the role that releases it.
    private mutating func release(_ id: String, why: String?, person: String) throws {
        guard let instruction = playbook.standingInstruction(id) else {
            let all = playbook.allSteps.flatMap(\.standing).map(\.id)
            let hint = suggestion(id, in: all)
            throw Rejection("invalid", "'\(id)' is not a standing instruction of this playbook" + hint.english,
                            "本预案没有持续指令 '\(id)'" + hint.chinese)
        }
        guard state.standing.contains(id) else {
            throw Rejection("not-active", "standing instruction '\(id)' does not stand now"
                + (state.standing.isEmpty ? "" : "; standing: " + state.standing.joined(separator: ", ")),
                "持续指令 '\(id)' 当前未生效" + (state.standing.isEmpty ? "" : "；生效中：" + state.standing.joined(separator: "、")))
        }
        let role = try actingRole(person, for: instruction.releasedBy.value, reassigned: false)
        emit(.instructionReleased(instruction: id, why: why), by: .person(person, role: role))
        closeIfDone()
    }

    private mutating func performStepCommand(_ command: Command) throws {
        guard let stepID = command.kind.step else { return }
        let person = command.person
        guard let step = index.steps[stepID] else {
            let hint = suggestion(stepID, in: index.steps.keys.sorted())
            throw Rejection("invalid", "step '\(stepID)' is not defined in this playbook" + hint.english,
                            "本预案未定义步骤 '\(stepID)'" + hint.chinese)
        }
        guard let open = state.active[stepID] else {
            let doneEarlier = state.completedAt[stepID] != nil
            let active = state.activeOrder
            throw Rejection("not-active", "step '\(stepID)' is not active\(doneEarlier ? " (it was done earlier)" : "")"
                + (active.isEmpty ? "" : "; active: " + active.joined(separator: ", ")),
                "步骤 '\(stepID)' 不在进行中\(doneEarlier ? "（此前已完成）" : "")"
                + (active.isEmpty ? "" : "；进行中的步骤：" + active.joined(separator: "、")))
        }
        let role: String
        switch command.kind {
        case .approve, .deny:
            guard case .approve(let approval) = step.kind else {
                throw Rejection("invalid", "step '\(stepID)' is not an approval", "步骤 '\(stepID)' 不是审批步骤")
            }
            role = try actingRole(person, for: approval.approver.value, reassigned: false)
            // Four eyes are two people: whoever holds the step's own role (who asks) does not decide on it, whatever
            // other roles they hold or took on.
            if let owner = open.owner, state.holders[owner] == person {
                throw Rejection(
                    "separation-of-duties",
                    "\(person) holds '\(owner)', which asks for this approval, and may not also decide on it; "
                        + "another holder of '\(approval.approver.value)' (or its stand-in) must",
                    "\(person) 担任提出此审批的 '\(owner)'，不能再对它作出决定；须由 '\(approval.approver.value)' 的"
                        + "另一位担任者（或其代理人）审批")
            }
        case .done where step.togetherWith != nil:
            role = try signingRole(person, step: step, open: open)
        default:
            role = try actingRole(person, for: open.owner, reassigned: open.reassigned)
        }
        let by = Actor.person(person, role: role)
        switch command.kind {
        case .acknowledge:
            guard open.acknowledgedAt == nil else {
                throw Rejection("invalid", "step '\(stepID)' is acknowledged already", "步骤 '\(stepID)' 已确认，无需重复确认")
            }
            emit(.stepAcknowledged(step: stepID), by: by)
            cancelTimer(stepID, .ack)
            checkMilestones(step: stepID, event: "acknowledged")
        case .progress(_, let note):
            emit(.stepProgress(step: stepID, note: note), by: by)
        case .checkItems(_, let items):
            for item in items { try tick(item, of: step, open: state.active[stepID] ?? open, by: by) }
        case .done(_, let items):
            switch step.kind {
            case .decide:
                throw Rejection("invalid", "step '\(stepID)' is a decision: use 'decide' with an option",
                                "步骤 '\(stepID)' 是决策步骤：请用 'decide' 选定一个选项")
            case .approve:
                throw Rejection("invalid", "step '\(stepID)' is an approval: use 'approve' or 'deny'",
                                "步骤 '\(stepID)' 是审批步骤：请用 'approve' 批准或 'deny' 驳回")
            case .parallel:
                throw Rejection("invalid", "step '\(stepID)' is done when its tracks join",
                                "步骤 '\(stepID)' 在其并行线汇合时自动完成")
            case .action, .wait: break
            }
            for item in items where !(state.active[stepID]?.itemsDone.contains(item) ?? false) {
                try tick(item, of: step, open: open, by: by)
            }
            let missingItems = step.checklist.map(\.id).filter { !(state.active[stepID]?.itemsDone.contains($0) ?? false) }
            guard missingItems.isEmpty else {
                throw Rejection("invalid", "step '\(stepID)' has unticked checklist items: "
                    + missingItems.joined(separator: ", "),
                    "步骤 '\(stepID)' 还有未勾选的检查项：" + missingItems.joined(separator: "、"))
            }
            let missingFacts = state.needsRecording(step.records.map(\.value), step: stepID)
            guard missingFacts.isEmpty else {
                throw Rejection("invalid", "step '\(stepID)' needs these facts recorded first: "
                    + missingFacts.joined(separator: ", "),
                    "步骤 '\(stepID)' 需要先记录以下信息：" + missingFacts.joined(separator: "、"))
            }
            if step.grades, state.severity == nil {
                throw Rejection("invalid", "step '\(stepID)' grades the run: use 'grade LEVEL' first",
                                "步骤 '\(stepID)' 负责定级：请先用 'grade 级别' 定级")
            }
            if open.acknowledgedAt == nil {
                emit(.stepAcknowledged(step: stepID), by: by)
                checkMilestones(step: stepID, event: "acknowledged")
            }
            if step.togetherWith != nil {
                // Signed together: each role's signature is journaled; the second one completes the step.
                emit(.stepSigned(step: stepID, role: role), by: by)
                guard (state.active[stepID]?.signatures.count ?? 0) >= 2 else { return }
            }
            complete(stepID, by: by, goingTo: nil)
        case .decide(_, let optionID, let why):
            guard case .decide(let decision) = step.kind else {
                throw Rejection("invalid", "step '\(stepID)' is not a decision", "步骤 '\(stepID)' 不是决策步骤")
            }
            guard let option = decision.options.first(where: { $0.id == optionID }) else {
                let options = decision.options.map(\.id)
                throw Rejection("invalid", "'\(optionID)' is not an option of '\(stepID)'; options: "
                    + options.joined(separator: ", "),
                    "'\(optionID)' 不是步骤 '\(stepID)' 的选项；可选项：" + options.joined(separator: "、"))
            }
            emit(.decisionMade(step: stepID, option: optionID, why: why), by: by)
            complete(stepID, by: by, goingTo: option.target.value)
        case .approve(_, let why), .deny(_, let why):
            guard case .approve(let approval) = step.kind else { return }
            let granted: Bool
            if case .approve = command.kind { granted = true } else { granted = false }
            emit(granted ? .approvalGranted(step: stepID, why: why) : .approvalDenied(step: stepID, why: why), by: by)
            complete(stepID, by: by, goingTo: granted ? approval.approved.value : approval.denied.value)
        default:
            break
        }
    }

    /// The role `person` signs a step signed together in: the owner's or the other role, whichever they may act in
    /// and is not signed yet. One person never signs twice, whatever roles they hold.
    private func signingRole(_ person: String, step: Step, open: RunState.ActiveStep) throws -> String {
        if let signed = open.signatures.first(where: { $0.value == person }) {
            let other = [open.owner, step.togetherWith?.value].compactMap { $0 }.first { $0 != signed.key } ?? "-"
            throw Rejection(
                "separation-of-duties",
                "\(person) has signed '\(step.id)' already as '\(signed.key)'; it is signed together by two people: "
                    + "another holder of '\(other)' (or its stand-in) signs it",
                "\(person) 已以 '\(signed.key)' 的身份签署步骤 '\(step.id)'；此步骤须由两人一同签署：应由 '\(other)' 的"
                    + "另一位担任者（或其代理人）签署")
        }
        let unsigned = [(open.owner, open.reassigned), (step.togetherWith?.value, false)]
            .compactMap { role, reassigned in role.map { ($0, reassigned) } }
            .filter { open.signatures[$0.0] == nil }
        var refusal: Rejection?
        for (role, reassigned) in unsigned {
            do {
                _ = try actingRole(person, for: role, reassigned: reassigned)
                return role
            } catch let rejection as Rejection {
                refusal = refusal ?? rejection
            }
        }
        throw refusal ?? Rejection("invalid", "step '\(step.id)' is signed already", "步骤 '\(step.id)' 已签署")
    }

    private mutating func tick(_ item: String, of step: Step, open: RunState.ActiveStep, by actor: Actor) throws {
        guard step.checklist.contains(where: { $0.id == item }) else {
            let items = step.checklist.map(\.id)
            throw Rejection("invalid", "'\(item)' is not an item of '\(step.id)'"
                + (items.isEmpty ? "; it has no checklist" : "; items: " + items.joined(separator: ", ")),
                "'\(item)' 不是步骤 '\(step.id)' 的检查项"
                + (items.isEmpty ? "；该步骤没有检查项" : "；检查项：" + items.joined(separator: "、")))
        }
        guard !(state.active[step.id]?.itemsDone.contains(item) ?? false) else {
            throw Rejection("invalid", "item '\(item)' of '\(step.id)' is ticked already",
                            "步骤 '\(step.id)' 的检查项 '\(item)' 已勾选")
        }
        emit(.checklistItemDone(step: step.id, item: item), by: actor)
    }

    mutating func record(_ factID: String, _ text: String, person: String, step: String?) throws {
        guard let fact = playbook.fact(factID) else {
            let hint = suggestion(factID, in: playbook.facts.map(\.id))
            throw Rejection("invalid", "fact '\(factID)' is not defined" + hint.english,
                            "未定义记录信息 '\(factID)'" + hint.chinese)
        }
        let value: FactValue
        switch FactValue.parse(text, for: fact) {
        case .success(let parsed): value = parsed
        case .failure(let error): throw Rejection("invalid", error.message, Self.misfitInChinese(text, for: fact))
        }
        // The fact is recorded in an open step that lists it, by someone who may act on that step.
        let candidates = state.activeOrder.filter { id in
            index.steps[id]?.records.contains { $0.value == factID } ?? false
        }
        guard !candidates.isEmpty else {
            throw Rejection("not-active", "no active step records '\(factID)'", "没有进行中的步骤记录 '\(factID)'")
        }
        var lastError: Rejection?
        for candidate in candidates {
            guard let open = state.active[candidate] else { continue }
            do {
                let role = try actingRole(person, for: open.owner, reassigned: open.reassigned)
                emit(.factRecorded(fact: factID, value: value, step: candidate), by: .person(person, role: role))
                return
            } catch let rejection as Rejection {
                lastError = rejection
            }
        }
        throw lastError ?? Rejection("wrong-role", "\(person) may not record '\(factID)'", "\(person) 无权记录 '\(factID)'")
    }

    /// Why `text` does not fit `fact`, in Chinese: what `FactValue.parse` says in English.
    static func misfitInChinese(_ text: String, for fact: Fact) -> String {
        switch fact.kind {
        case .choice(let values): "'\(text)' 不是 '\(fact.id)' 的可选值；可选值：" + values.joined(separator: "、")
        case .number: "'\(fact.id)' 须为数值，'\(text)' 不是数值"
        case .flag: "'\(fact.id)' 只能取 true 或 false，不能是 '\(text)'"
        case .text: "'\(text)' 不能记为 '\(fact.id)'"
        }
    }

    /// Refuses a severity level the playbook does not define.
    func requireSeverityLevel(_ level: String) throws {
        guard playbook.severity(level) == nil else { return }
        let hint = suggestion(level, in: playbook.severities.map(\.id))
        throw Rejection("invalid", "severity level '\(level)' is not defined" + hint.english,
                        "未定义严重级别 '\(level)'" + hint.chinese)
    }

    // MARK: Who may act

    /// The role `person` acts in for a step owned by `owner`, or a `wrong-role` rejection.
    ///
    /// A person acts in a role they hold; or as a stand-in for a role whose holder is unassigned (following the
    /// stand-in chain); a step reassigned by an escalation belongs to its new role outright.
    func actingRole(_ person: String, for owner: String?, reassigned: Bool) throws -> String {
        guard let owner else {
            throw Rejection("invalid", "this step has no owner to act on it", "此步骤没有负责人，无人可以操作")
        }
        if state.holders[owner] == person { return owner }
        var role = owner
        var seen: Set<String> = [owner]
        while state.holders[role] == nil, let standIn = playbook.role(role)?.standIn?.value, seen.insert(standIn).inserted {
            if state.holders[standIn] == person { return standIn }
            role = standIn
        }
        let holder = state.holders[owner]
        let held = state.holders.filter { $0.value == person }.map(\.key).sorted()
        throw Rejection("wrong-role", "\(person) may not act as '\(owner)'"
            + (holder.map { " (held by \($0))" } ?? " (unassigned)")
            + (held.isEmpty ? "; \(person) holds no role on this run" : "; \(person) holds " + held.joined(separator: ", ")),
            "\(person) 不能以 '\(owner)' 的身份操作"
            + (holder.map { "（该角色由 \($0) 担任）" } ?? "（该角色未指派）")
            + (held.isEmpty ? "；\(person) 在本次运行中未担任任何角色" : "；\(person) 担任 " + held.joined(separator: "、")))
    }

    func mayCommand(_ person: String) -> Bool {
        guard let commanding = index.commandingRole else { return state.holders.values.contains(person) }
        return (try? actingRole(person, for: commanding, reassigned: false)) != nil
    }

    func mayGrade(_ person: String) -> Bool {
        if let grading = state.activeOrder.compactMap({ index.steps[$0] }).first(where: \.grades),
            let open = state.active[grading.id],
            (try? actingRole(person, for: open.owner, reassigned: open.reassigned)) != nil
        {
            return true
        }
        return mayCommand(person)
    }

    func requireOnRun(_ person: String) throws {
        guard state.holders.values.contains(person) else {
            throw Rejection("wrong-role", "\(person) is not on this run; join it first ('muster join RUN --role ROLE')",
                            "\(person) 未加入本次运行；请先加入（'muster join 运行编号 --role 角色'）")
        }
    }

    func actor(_ person: String) -> Actor {
        let roles = state.holders.filter { $0.value == person }.map(\.key).sorted()
        return .person(person, role: roles.first)
    }

    func checkStale(_ command: Command) throws {
        guard let expected = command.expectSeq else { return }
        let changed = command.kind.step.flatMap { state.stepChangedAt[$0] } ?? state.eventCount
        if changed > expected {
            let step = command.kind.step
            throw Rejection("stale", "the run moved on since seq \(expected): "
                + (step.map { "step '\($0)' changed at seq \(changed)" } ?? "it is at seq \(changed)")
                + "; look at 'muster status' and try again",
                "本次运行在序号 \(expected) 之后已有变化："
                + (step.map { "步骤 '\($0)' 在序号 \(changed) 有更新" } ?? "当前已到序号 \(changed)")
                + "；请先查看 'muster status' 再重试")
        }
    }

    /// "did you mean …?" after an unknown `name`, in English and Chinese, when one of `candidates` is close to it;
    /// empty otherwise.
    func suggestion(_ name: String, in candidates: [String]) -> (english: String, chinese: String) {
        var best: (String, Int)?
        for candidate in candidates {
            let distance = editDistance(Array(name), Array(candidate))
            if best == nil || distance < best!.1 { best = (candidate, distance) }
        }
        guard let best, best.1 <= max(1, name.count / 3) else { return ("", "") }
        return ("; did you mean '\(best.0)'?", "；是否指 '\(best.0)'？")
    }

    private func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }

    mutating func cancelTimer(_ stepID: String, _ clock: StepClock) {
        for timer in state.dueTimers where timer.purpose == .step(stepID, clock) {
            emit(.timerCancelled(timer: timer.id), by: .engine)
        }
    }
}
