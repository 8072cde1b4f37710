import PlaybookLanguage

extension Transaction {
    /// Fires every timer due at or before `limit`, earliest first, each at its own instant.
    mutating func fireTimers(until limit: Int64) {
        let commandInstant = now
        // The timers due by `limit` in firing order (later deadlines are not sorted at all), sorted again only when
        // a firing armed or disarmed one: a step with a thousand escalation rungs costs a thousand firings, not a
        // thousand sorts.
        func due() -> [RunState.Timer] {
            state.timers.values.filter { $0.fireAt <= limit }.sorted { ($0.fireAt, $0.id) < ($1.fireAt, $1.id) }
        }
        var queue = due()
        var next = 0
        while next < queue.count, queue[next].fireAt <= limit {
            let timer = queue[next]
            next += 1
            guard state.timers[timer.id] == timer else { continue }
            let firstEvent = events.count
            now = max(timer.fireAt, state.lastEventAt)
            emit(.timerFired(timer: timer.id), by: .engine)
            fire(timer, until: limit)
            let changedTimers = events[firstEvent...].contains { event in
                switch event.kind {
                case .timerScheduled, .timerCancelled: true
                default: false
                }
            }
            if changedTimers {
                queue = due()
                next = 0
            }
        }
        now = max(commandInstant, state.lastEventAt)
    }

    private mutating func fire(_ timer: RunState.Timer, until limit: Int64) {
        switch timer.purpose {
        case .milestone(let id):
            if state.milestones[id]?.reachedAt == nil { emit(.milestoneMissed(milestone: id), by: .engine) }
        case .escalation(let stepID, let rung):
            guard state.active[stepID] != nil, let step = index.steps[stepID], rung >= 0, rung < step.escalations.count else {
                return
            }
            let escalation = step.escalations[rung]
            emit(.escalationFired(step: stepID, rung: rung), by: .engine)
            let title = step.title.text(.en)
            let chineseTitle = step.title.text(.zh)
            if !escalation.notify.isEmpty {
                let activatedAt = state.active[stepID]?.activatedAt ?? timer.fireAt
                let elapsed = Duration.format(milliseconds: timer.fireAt - activatedAt)
                notify(escalation.notify.map(\.value), "step '\(stepID)' (\(title)) is not done after \(elapsed)",
                       "步骤 '\(stepID)'（\(chineseTitle)）已过 \(elapsed) 仍未完成", step: stepID,
                       code: EngineMessage(.stepNotDone, ["step": .text(stepID),
                                                          "after": .number(Int(timer.fireAt - activatedAt))]))
            }
            if let role = escalation.reassign?.value {
                emit(.stepReassigned(step: stepID, to: role, why: "escalation \(rung + 1)",
                                     whyChinese: "第 \(rung + 1) 级升级",
                                     code: EngineMessage(.reassignedByEscalation, ["rung": .number(rung + 1)])),
                     by: .engine)
                notify([role], "step '\(stepID)' (\(title)) is now yours",
                       "步骤 '\(stepID)'（\(chineseTitle)）现改由你负责", step: stepID,
                       code: EngineMessage(.stepNowYours, ["step": .text(stepID)]))
            }
            if let goto = escalation.goto?.value {
                cancel(stepID, EngineMessage(.escalationWentTo, ["rung": .number(rung + 1), "to": .text(goto.description)]),
                       why: "escalation \(rung + 1) went to \(goto)",
                       whyChinese: "第 \(rung + 1) 级升级转到 \(goto)")
                follow(goto, from: stepID)
            }
        case .step(let stepID, let clock):
            guard let open = state.active[stepID], let step = index.steps[stepID] else { return }
            switch clock {
            case .ack:
                guard open.acknowledgedAt == nil else { return }
                emit(.stepOverdue(step: stepID, clock: .ack), by: .engine)
                if let owner = open.owner {
                    notify([owner], "step '\(stepID)' is not acknowledged", "步骤 '\(stepID)' 逾期未确认", step: stepID,
                           code: EngineMessage(.stepNotAcknowledged, ["step": .text(stepID)]))
                }
            case .done:
                emit(.stepOverdue(step: stepID, clock: .done), by: .engine)
                if let owner = open.owner {
                    notify([owner], "step '\(stepID)' is overdue", "步骤 '\(stepID)' 已逾期", step: stepID,
                           code: EngineMessage(.stepOverdue, ["step": .text(stepID)]))
                }
            case .progress:
                let interval = index.milliseconds(step.reportEvery?.value, severity: state.severity) ?? 0
                let since = timer.fireAt - interval
                var missed = (open.lastProgressAt ?? open.activatedAt) <= since ? 1 : 0
                var next = timer.fireAt + interval
                if interval > 0 {
                    // Catching up after a long silence costs what the timers are, not what the time is: the reports
                    // this clock misses before anything else can happen (the next other timer, or the command's
                    // instant) are one event with their count, and the clock is armed after them.
                    let horizon = min(limit + 1, state.timers.values.map(\.fireAt).min() ?? limit + 1)
                    if next < horizon {
                        let more = (horizon - 1 - next) / interval + 1
                        missed += Int(more)
                        next += more * interval
                    }
                }
                if missed > 0 { emit(.stepOverdue(step: stepID, clock: .progress, missed: missed), by: .engine) }
                if interval > 0 {
                    let id = TimerID.step(stepID, activation: activation(stepID), clock: .progress, rearmedFor: next)
                    emit(.timerScheduled(timer: id, fireAt: next, purpose: .step(stepID, .progress)),
                         by: .engine)
                }
            case .expiry:
                expire(step)
            }
        }
    }

    private mutating func expire(_ step: Step) {
        switch step.kind {
        case .decide(let decision):
            guard let optionID = decision.onExpiry?.value,
                let option = decision.options.first(where: { $0.id == optionID })
            else {
                emit(.stepOverdue(step: step.id, clock: .expiry), by: .engine)
                return
            }
            emit(.decisionDefaulted(step: step.id, option: optionID), by: .engine)
            if !decision.notifyOnExpiry.isEmpty {
                notify(decision.notifyOnExpiry.map(\.value),
                       "no decision on '\(step.id)' in time: the default '\(optionID)' was taken",
                       "步骤 '\(step.id)' 超时未决定，已按默认选择 '\(optionID)'", step: step.id,
                       code: EngineMessage(.decisionDefaulted, ["step": .text(step.id), "option": .text(optionID)]))
            }
            complete(step.id, by: .engine, goingTo: option.target.value)
        case .approve(let approval):
            emit(.approvalExpired(step: step.id, granted: approval.approveOnExpiry), by: .engine)
            complete(step.id, by: .engine,
                     goingTo: approval.approveOnExpiry ? approval.approved.value : approval.denied.value)
        case .wait(let wait):
            complete(step.id, by: .engine, goingTo: wait.onExpiry?.value)
        case .action, .parallel:
            emit(.stepOverdue(step: step.id, clock: .expiry), by: .engine)
        }
    }

    /// Asks for `roles` to be told `code`, written in English (`message`) and in Chinese (`messageChinese`).
    mutating func notify(_ roles: [String], _ message: String, _ messageChinese: String, step: String?,
                         code: EngineMessage) {
        let id = "n\(state.notificationCount + 1)"
        emit(.notificationRequested(id: id, roles: roles, message: message, step: step,
                                    messageChinese: messageChinese, code: code), by: .engine)
    }
}
