import JSONText
public import PlaybookLanguage

/// The starting scenario `muster new ID --drill PLAYBOOK` writes: every part of the scenario language, commented in
/// English and Chinese, filled in from the playbook so that it passes `muster check --strict` as it is.
public enum StarterScenario {
    /// A YAML double-quoted scalar (a JSON string is one).
    static func quoted(_ text: String) -> String { JSONValue.string(text).serialized() }

    static func text(_ text: LocalizedText) -> String {
        let english = text.english ?? text.text(.en)
        return "{ en: \(quoted(english)), zh: \(quoted(text.chinese ?? english)) }"
    }

    /// The starting scenario `id` of `playbook`.
    public static func template(id: String, playbook: Playbook) -> String {
        let start = playbook.allSteps.first { $0.id == playbook.start.value } ?? playbook.allSteps[0]
        let owner = start.owner?.value ?? start.possibleOwners.first ?? playbook.roles[0].id
        let commander = playbook.role("commander") != nil ? "commander" : owner
        let participants = playbook.roles.map { "\($0.id): player-\($0.id)" }
            .joined(separator: ", ")
        var out = """
            # A starting drill scenario written by 'muster new --drill'. Replace the texts with those of your
            # exercise, keep the comments that help, and check it with: muster check --strict FILE
            # 由 'muster new --drill' 生成的演练脚本模板。请换成你的演练内容，并用 muster check --strict FILE 检查。
            #
            # Play it with people: muster drill start FILE (a controller moves the clock with 'drill advance');
            # or unattended with its scripted players: muster drill run FILE (practice; it pages nobody).
            # 有人参演：muster drill start FILE（控制员用 drill advance 推进时钟）；无人值守：muster drill run FILE（练习）。

            # The version of the scenario language. / 演练脚本语言的版本。
            drill: 1
            id: \(quoted(id))
            title: { en: \(quoted("Drill of " + (playbook.title.english ?? playbook.id))), zh: \(quoted((playbook.title.chinese ?? playbook.id) + "演练")) }
            # tabletop (monthly), live (a full drill, yearly), unscripted (every six months), attack_defence
            # (quarterly), restore (weekly): the kind the drill programme ('muster drill due') counts it as.
            # 演练类型：tabletop 桌面推演（每月）、live 全面演练（每年）、unscripted 无脚本演练（每半年）、
            # attack_defence 攻防演练（每季度）、restore 备份恢复演练（每周）。
            kind: tabletop
            # The playbook drilled, by id. / 演练的预案。
            playbook: \(playbook.id)
            # The virtual clock's start (UTC). The real date the drill is held is recorded when it is held.
            # 虚拟时钟的起点（UTC）。实际举行日期在演练时另行记录。
            starts_at: "2026-01-05T09:00:00Z"
            # Who plays each role. / 各角色的参演人员。
            participants: { \(participants) }
            # The exercise staff: controllers move the clock, send, cancel and mark ('muster drill inject|cancel|mark');
            # evaluators observe and rate ('muster drill observe|rate'); simulated parties send injects ('from:').
            # 导调与评估人员：导调人员推进时钟、发送或取消注入、标记演练；评估人员记录观察并评定；模拟单位作为注入的发送方。
            staff:
              controllers: [controller-1]
              evaluators: [evaluator-1]
              simulated:
                monitoring: { en: Network monitoring centre, zh: 网络监控中心 }

            # Objectives: what the team is rated on (P/S/M/U): a milestone of the playbook met in time, or a step
            # done within a time of the start; critical tasks must be done for the objective to count.
            # 演练目标：按 P/S/M/U 评定。目标是预案的里程碑按时达成，或某步骤在开始后限定时间内完成。
            objectives:

            """
        for milestone in playbook.milestones {
            out += "  \(milestone.id):\n    title: \(text(milestone.title))\n    milestone: \(milestone.id)\n"
        }
        out += """
              \(start.id)_done:
                title: { en: \(quoted((start.title.english ?? start.id) + " within 30 minutes")), zh: \(quoted("30分钟内完成" + (start.title.chinese ?? start.id))) }
                step: \(start.id)
                within: 30m
                critical_tasks: [\(start.id)]
                owner: \(owner)

            # The master list of injects (MSEL): what the exercise tells the players, when ('at' a time from the
            # start, or 'when' STEP.activated, STEP.done or fact.NAME, 'after' a while), to whom, and the step it
            # expects 'within' a time; if that is not done in time, the contingency inject is sent.
            # 情景注入清单：何时（at 从开始起算，或 when 某步骤激活/完成/事实记录后 after 一段时间）、发给谁、
            # 期望在 within 内完成的步骤；未按时完成则发出应急注入（contingency）。
            injects:
              - id: first-alarm
                at: 0s
                # One role, or several: [\(owner), \(commander)]. 'from' names a simulated party or a role; 'via' is
                # phone, radio, email, sms, in_person or system. / 可发给多个角色；from 为发送方，via 为传达方式。
                to: \(owner)
                from: monitoring
                via: system
                message: { en: "The monitoring system raises an alarm (replace with your scenario).", zh: "监控系统告警（请换成你的演练情景）。" }
                expect: \(start.id)
                within: 5m
                contingency:
                  id: first-alarm-again
                  to: \(commander)
                  message: { en: "The alarm is still on and nobody has acted.", zh: "告警仍在，尚无人处置。" }

            # Scripted players: what each role does in an unattended 'drill run' (people play a 'drill start').
            # 脚本人员：无人值守的 drill run 中各角色的操作（drill start 由真人参演）。
            players:
              - { role: \(owner), when: \(start.id).activated, after: 2m, done: \(start.id) }

            """
        return out
    }
}
