public import PlaybookLanguage

extension RunReport {
    /// What a fault report still lacks before it goes to a client, as a warning in `language` (the incident's
    /// title, the impact, the cause, as a note or a fact the playbook files there), each with the command that
    /// files it; nil when nothing is missing.
    public func faultReportGaps(_ language: Language) -> String? {
        let zh = language == .zh
        var missing: [String] = []
        if incidentTitle == nil {
            missing.append(zh ? "事件标题（muster title 运行编号 标题）" : "the incident's title ('muster title RUN TITLE')")
        }
        for (section, english, chinese) in [("impact", "the impact", "影响"), ("cause", "the cause", "原因")]
        where !notes.contains(where: { $0.section == section }) && facts(inSection: section).isEmpty {
            missing.append(zh ? "\(chinese)（muster note 运行编号 --section \(section) 内容）"
                : "\(english) ('muster note RUN --section \(section) TEXT')")
        }
        guard !missing.isEmpty else { return nil }
        return zh ? "muster: 警告：故障报告尚缺：\(missing.joined(separator: "；"))\n"
            : "muster: warning: the fault report lacks \(missing.joined(separator: "; "))\n"
    }
}
