/// Writes large, valid playbooks for measuring: a chain of steps with bilingual texts, checklists and
/// escalations, ending in an outcome.
enum GeneratedPlaybook {
    /// A playbook of `steps` steps.
    static func text(steps: Int) -> String {
        var text = """
            muster: 1
            id: generated
            version: 1.0.0
            title: { en: Generated playbook, zh: 生成的预案 }
            roles:
              commander: { title: { en: Commander, zh: 应急总指挥 }, stand_in: tech_lead }
              tech_lead: { title: { en: Tech lead, zh: 应急技术经理 } }
              on_site: { title: { en: On-site responder, zh: 现场负责人 } }
            severity:
              fatal: { title: { en: Fatal, zh: 致命 }, clocks: { respond: 10m } }
              severe: { title: { en: Severe, zh: 严重 }, clocks: { respond: 15m } }
              general: { title: { en: General, zh: 一般 }, clocks: { respond: 30m } }
            milestones:
              reported: { title: { en: Reported, zh: 已上报 }, within: 5m, reached_when: s1.done }
              finished: { title: { en: Finished, zh: 已完成 }, within: \(steps + 10)m, reached_when: outcome }
            facts:
              kind: { title: { en: Kind, zh: 类型 }, type: choice, values: [a, b] }
            start: s1
            steps:

            """
        text.reserveCapacity(steps * 700)
        for index in 1...steps {
            let next = index == steps ? "outcome.done" : "s\(index + 1)"
            text += """
                  s\(index):
                    title: { en: Step number \(index) of the generated playbook, zh: 生成预案的第\(index)步 }
                    instructions:
                      en: Do the work of step \(index), check the room, and report to the commander when done.
                      zh: 完成第\(index)步的工作，检查机房，完成后向应急总指挥报告。
                    owner: \(["commander", "tech_lead", "on_site"][index % 3])
                    source: generated clause \(index)
                    checklist:
                      - { id: first, en: First item of step \(index), zh: 第\(index)步第一项 }
                      - { id: second, en: Second item of step \(index), zh: 第\(index)步第二项 }
                    done_within: 1m
                    escalate:
                      - { after: 30s, notify: [tech_lead] }
                    next: \(next)

                """
        }
        text += "outcomes:\n  done: { kind: success, title: { en: Done, zh: 完成 } }\n"
        return text
    }

    /// About `megabytes` MB of playbook.
    static func text(megabytes: Int) -> String {
        let sample = text(steps: 100).utf8.count
        return text(steps: max(1, megabytes * 1_000_000 * 100 / sample))
    }

    /// The nine-level alias bomb ("billion laughs"), as a playbook's summary.
    static let aliasBomb: String = {
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
        var lines = ["muster: 1", "id: bomb", "summary:", "  a: &a [x, x, x, x, x, x, x, x, x]"]
        for level in 1..<9 {
            lines.append("  \(names[level]): &\(names[level]) ["
                + Array(repeating: "*\(names[level - 1])", count: 9).joined(separator: ", ") + "]")
        }
        return lines.joined(separator: "\n") + "\n"
    }()
}
