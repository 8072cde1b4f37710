/// The starting playbook `muster new ID` writes: every concept of the language, commented in English and Chinese,
/// passing `muster check --strict` as it is.
public enum StarterPlaybook {
    /// Plain words that YAML tools read as booleans or null; such an id is quoted.
    private static let yamlSpecialWords: Set<String> = ["y", "n", "yes", "no", "on", "off", "true", "false", "null"]

    /// The starting playbook for `id`.
    public static func template(id: String) -> String {
        let idText = yamlSpecialWords.contains(id.lowercased()) ? "\"\(id)\"" : id
        return """
            # A starting playbook written by 'muster new'. Replace the texts with those of your plan, keep the
            # comments that help, and check it with: muster check --strict FILE
            # 由 'muster new' 生成的预案模板。请换成你的预案内容，保留有用的注释，并用 muster check --strict FILE 检查。
            #
            # Text people read is a plain string (English) or { en: …, zh: … }; write both languages.
            # 给人看的文字可以是普通字符串（英文），也可以写成 { en: …, zh: … }；请中英文都写。
            # Durations are lengths like 90s, 10m, 1h30m, 1d, or the name of a severity clock such as 'respond'.
            # 时长写作 90s、10m、1h30m、1d，或写严重级别时钟的名字，如 'respond'。

            # The version of the playbook language. / 预案语言的版本。
            muster: 1
            # How people and scripts name this playbook, e.g. 'muster start \(id)'. / 预案标识，启动演练或响应时使用。
            id: \(idText)
            # Yours to bump whenever you change the playbook. / 预案版本，每次修改时递增。
            version: 0.1.0
            title: { en: New emergency plan, zh: 新应急预案 }
            summary:
              en: What happened, where, and which plan clauses this playbook implements.
              zh: 说明适用的突发事件、范围，以及本预案对应的预案条款。

            # Roles: who takes part. A role owns steps, approves and is notified. A stand-in acts when the role's
            # holder is absent: here the tech lead stands in for the commander.
            # 角色：参与处置的人员。角色负责步骤、审批和接收通知。代理人在角色缺位时代为履职：技术经理代理总指挥。
            roles:
              commander: { title: { en: Commander, zh: 应急总指挥 }, stand_in: tech_lead }
              tech_lead: { title: { en: Tech lead, zh: 应急技术经理 } }
              on_site: { title: { en: On-site responder, zh: 现场负责人 } }
              leadership: { title: { en: Leadership group, zh: 应急领导小组 } }

            # Severity levels, most severe first. Each level's clocks are lengths that differ by level: any
            # duration may name a clock ('respond') and takes the length of the run's current level.
            # 严重级别，从最严重到最轻。各级别的时钟长度不同：时长可以写时钟名（respond），取当前级别的长度。
            severity:
              fatal: { title: { en: Fatal, zh: 致命 }, clocks: { respond: 10m } }
              severe: { title: { en: Severe, zh: 严重 }, clocks: { respond: 15m } }
              general: { title: { en: General, zh: 一般 }, clocks: { respond: 30m } }

            # Milestones: the deadlines a run is judged by. 'within' counts from the start (or, with
            # 'from: outcome', from the end); 'reached_when' is STEP.activated, STEP.acknowledged, STEP.done or outcome.
            # 里程碑：评判处置的时限。within 从启动时起算（from: outcome 时从结束时起算）；reached_when 写到达条件。
            milestones:
              reported:
                title: { en: Reported within 5 minutes, zh: 5分钟内上报 }
                within: 5m
                reached_when: report.done
              responded:
                title: { en: Response started, zh: 已启动响应 }
                within: respond
                reached_when: assess.done
              written:
                title: { en: Written report within one day, zh: 一天内提交书面报告 }
                within: 1d
                from: outcome
                reached_when: written_report.done

            # Facts: typed values people record during a run (choice, number, text or flag); conditions test them.
            # 事实：处置中记录的类型化数据（choice 选项、number 数值、text 文字、flag 是否）；条件据此判断。
            facts:
              cause:
                title: { en: Cause of the incident, zh: 事件原因 }
                type: choice
                values: [power, cooling, other]

            # The first step. / 第一个步骤。
            start: report
            # Steps: a step without a kind key is an action; decide, approve, parallel or wait make it another kind.
            # 步骤：没有类型键的步骤是操作步骤；decide、approve、parallel、wait 表示其他类型。
            steps:
              # Report: the on-site responder reports within 5 minutes; if it is not done after 3 minutes, the
              # tech lead is told (an escalation ladder).
              # 报告：现场负责人5分钟内上报；3分钟仍未完成时通知技术经理（升级规则）。
              report:
                title: { en: Report the incident, zh: 报告事件 }
                instructions:
                  en: Tell the commander what happened, where and since when.
                  zh: 向应急总指挥报告发生了什么、地点和开始时间。
                owner: on_site
                source: the plan clause this step comes from / 本步骤对应的预案条款
                checklist:
                  - { id: what, en: Say what happened, zh: 说明发生了什么 }
                  - { id: where, en: Say where it happened, zh: 说明发生地点 }
                ack_within: 1m
                done_within: 5m
                escalate:
                  - { after: 3m, notify: [tech_lead] }
                next: assess
              # Assess: grade the incident ('grade: true' sets the severity level), record the cause, then branch.
              # The first branch whose condition holds is taken; the last branch is 'else'.
              # 研判：定级（grade: true 设定严重级别），记录原因，然后分支。取第一个条件成立的分支，最后一个必须是 else。
              assess:
                title: { en: Assess and grade, zh: 研判并定级 }
                owner: commander
                grade: true
                record: [cause]
                done_within: 5m
                next:
                  - { when: cause == power and severity >= severe, goto: approve_shutdown }
                  - { else: contain }
              # Approve: the owner asks, another role approves or denies; without an answer in 10 minutes it is
              # denied.
              # 审批：由负责人提出，另一角色批准或驳回；10分钟无答复则视为驳回。
              approve_shutdown:
                title: { en: Shut down affected devices, zh: 关闭受影响设备 }
                owner: tech_lead
                approve:
                  by: commander
                  within: 10m
                  on_expiry: deny
                  then: { approved: shut_down, denied: contain }
              shut_down:
                title: { en: Shut the devices down, zh: 关闭设备 }
                owner: on_site
                done_within: 30m
                next: contain
              # Parallel: tracks that run at once. 'join: all' waits for every track ('any': the first one;
              # '{ count: N }': N of them). A track ends at a step without 'next'. The step itself has no owner.
              # 并行：同时进行的多条处置线。join: all 等所有线结束（any：第一条；{ count: N }：N 条）。
              # 处置线在没有 next 的步骤处结束。并行步骤本身没有负责人。
              contain:
                title: { en: Contain the incident, zh: 控制事态 }
                parallel:
                  tracks:
                    site:
                      title: { en: On site, zh: 现场 }
                      start: secure_site
                      steps:
                        secure_site:
                          title: { en: Secure the site, zh: 保护现场 }
                          owner: on_site
                          report_every: 15m
                          done_within: 1h
                    vendor:
                      title: { en: Vendor, zh: 厂商 }
                      start: wait_for_vendor
                      steps:
                        # Wait: bounded; the owner or the signal ends it, and when 'within' runs out the run goes
                        # to 'on_expiry'.
                        # 等待：必须有时限；由负责人或信号结束，超过 within 时转到 on_expiry。
                        wait_for_vendor:
                          title: { en: Wait for the vendor, zh: 等待厂商到场 }
                          owner: tech_lead
                          wait:
                            until: { en: The vendor is on site, zh: 厂商已到场 }
                            signal: vendor_arrived
                            within: 2h
                            on_expiry: chase_vendor
                        chase_vendor:
                          title: { en: Chase the vendor, zh: 催促厂商 }
                          owner: tech_lead
                          done_within: 15m
                  join: all
                next: restored_check
              # Decide: a role picks one of the options. When nobody answers within 30 minutes, 'on_expiry' takes
              # the option that is safe by default, and leadership is told.
              # 决策：由角色选择一个选项。30分钟无人决定时，按 on_expiry 取默认安全选项，并通知领导小组。
              restored_check:
                title: { en: Is service restored?, zh: 服务是否恢复？ }
                owner: commander
                decide:
                  prompt: { en: Is service restored and stable?, zh: 服务是否已恢复并稳定？ }
                  options:
                    restored: { title: { en: Restored, zh: 已恢复 }, goto: outcome.resolved }
                    not_yet: { title: { en: Not yet, zh: 尚未恢复 }, goto: outcome.workaround }
                  within: 30m
                  on_expiry: not_yet
                  notify: [leadership]
              # After the end: the written report to leadership within one day of the outcome.
              # 结束后的义务：事件结束后一天内向领导提交书面报告。
              written_report:
                title: { en: Written report to leadership, zh: 向领导提交书面报告 }
                owner: commander
                phase: after_end
                done_within: 1d

            # Outcomes: the ways a run can end, each of kind success, partial, failure or aborted; steps reach them
            # as outcome.NAME.
            # 结果：处置的结束方式，类型为 success、partial、failure 或 aborted；步骤用 outcome.名称 到达。
            outcomes:
              resolved: { kind: success, title: { en: Service restored, zh: 服务已恢复 } }
              workaround: { kind: partial, title: { en: Running on a workaround, zh: 临时措施运行中 } }

            """
    }
}
