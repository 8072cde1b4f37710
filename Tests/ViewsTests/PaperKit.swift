import PlaybookLanguage

/// A playbook with what the paper checklist and the graph must show with care: Chinese texts folded over lines, a
/// very long unbroken word (a network path) in an instruction, a decision that expires, an approval, an after-end
/// step and outcomes of every kind.
enum PaperKit {
    /// A network path of 302 characters without a space.
    static let longPath = "\\\\fileserver\\" + String(repeating: "leak-records-", count: 22) + "end"

    static let text = """
        muster: 1
        id: paper-kit
        version: 1.0.0
        title: { en: Paper kit, zh: 纸质演示 }
        roles:
          commander: { title: { en: Commander, zh: 总指挥 }, stand_in: tech_lead }
          tech_lead: { title: { en: Tech lead, zh: 技术经理 } }
          on_site: { title: { en: On site, zh: 现场负责人 } }
          leadership: { title: { en: Leadership, zh: 领导小组 } }
        severity:
          fatal: { title: { en: Fatal, zh: 致命 }, clocks: { respond: 10m, resolve: 4h } }
          general: { title: { en: General, zh: 一般 }, clocks: { respond: 30m, resolve: 8h } }
        milestones:
          responded: { title: { en: Responded, zh: 已响应 }, within: respond, reached_when: report.done }
          written: { title: { en: Report written, zh: 已提交报告 }, within: 1d, from: outcome, reached_when: written_report.done }
        start: report
        steps:
          report:
            title: { en: Report the leak, zh: 报告漏水 }
            instructions:
              en: 'Copy the log to \(longPath) before anything else.'
              zh: >-
                查明漏水来源。
                空调漏水时处理空调。
            owner: on_site
            done_within: 5m
            checklist:
              - { id: power_off, en: Power is off, zh: 已断电 }
            escalate:
              - { after: 2m, notify: [tech_lead] }
            next: assess
          assess:
            title: { en: Assess, zh: 研判 }
            owner: commander
            decide:
              prompt: { en: Repair or give up?, zh: 修复还是放弃？ }
              options:
                repair: { title: { en: Repair it, zh: 组织修复 }, goto: approve_end }
                give_up: { title: { en: Give up, zh: 放弃 }, goto: outcome.aborted }
              within: 30m
              on_expiry: repair
          approve_end:
            title: { en: Approve the end, zh: 批准结束 }
            owner: tech_lead
            done_within: resolve
            approve:
              by: leadership
              within: 1h
              on_expiry: deny
              then: { approved: outcome.resolved, denied: outcome.partly }
          written_report:
            title: { en: Written report, zh: 书面报告 }
            owner: commander
            done_within: resolve
            phase: after_end
        outcomes:
          resolved: { kind: success, title: { en: Resolved, zh: 已解决 } }
          partly: { kind: partial, title: { en: Partly resolved, zh: 部分解决 } }
          aborted: { kind: aborted, title: { en: Abandoned, zh: 已放弃 } }
        """

    static let playbook: Playbook = {
        let result = PlaybookChecker.check(Array(text.utf8), file: "paper-kit.yaml")
        guard let playbook = result.playbook else { fatalError("test playbook: \(result.diagnostics)") }
        return playbook
    }()
}
