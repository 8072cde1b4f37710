import PlaybookLanguage
import Reporting

/// A condition and a duration in words, for people reading paper: `the leak source is air_conditioning and the
/// severity is at least Severe` / `漏水来源为 air_conditioning，且严重级别不低于「严重」`; `1 day 2 hours` / `1天2小时`.
///
/// Facts and severity levels are named by their titles; choice values by theirs when the playbook gives them
/// (`values: { ok: { en: OK, zh: 正常 } }`), else as the playbook spells them.
struct ConditionWords {
    let playbook: Playbook
    let language: Language

    private var zh: Bool { language == .zh }

    /// A severity level's clock by what it measures, for the clock names the shipped playbooks use (`respond` /
    /// 响应); any other name as the playbook spells it.
    static func clockName(_ name: String, language: Language) -> String {
        guard language == .zh else { return name.replacingOccurrences(of: "_", with: " ") }
        let chinese = ["respond": "响应", "on_site": "到场", "resolve": "解决", "repair": "修复", "rescue": "抢救",
                       "report": "报告"]
        return chinese[name] ?? name
    }

    /// The condition in words.
    func text(_ condition: Condition) -> String {
        switch condition {
        case .and(let left, let right): return text(left) + (zh ? "，且" : " and ") + text(right)
        case .or(let left, let right): return text(left) + (zh ? "，或" : " or ") + text(right)
        case .not(let inner): return zh ? "并非（\(text(inner))）" : "not (\(text(inner)))"
        case .isTrue(let subject): return zh ? "\(name(subject))为是" : "\(name(subject)) is yes"
        case .compare(let subject, let comparison, let literals):
            let values = literals.map { value($0, of: subject) }
            var list = values.joined(separator: zh ? "、" : ", ")
            // A Latin value after Chinese words reads better with a space before it.
            if zh, list.first?.isASCII == true { list = " " + list }
            switch comparison {
            case .equal: return zh ? "\(name(subject))为\(list)" : "\(name(subject)) is \(list)"
            case .notEqual: return zh ? "\(name(subject))不为\(list)" : "\(name(subject)) is not \(list)"
            case .less: return zh ? "\(name(subject))低于\(list)" : "\(name(subject)) is below \(list)"
            case .lessOrEqual: return zh ? "\(name(subject))不高于\(list)" : "\(name(subject)) is at most \(list)"
            case .greater: return zh ? "\(name(subject))高于\(list)" : "\(name(subject)) is above \(list)"
            case .greaterOrEqual: return zh ? "\(name(subject))不低于\(list)" : "\(name(subject)) is at least \(list)"
            case .oneOf: return zh ? "\(name(subject))为\(list)之一" : "\(name(subject)) is one of \(list)"
            }
        }
    }

    private func name(_ subject: Condition.Subject) -> String {
        switch subject {
        case .severity: return zh ? "严重级别" : "the severity"
        case .fact(let id):
            guard let title = playbook.fact(id)?.title.text(language), let first = title.first else { return id }
            // Mid-sentence in English: `if where the water comes from is …`.
            return zh ? title : first.lowercased() + title.dropFirst()
        }
    }

    private func value(_ literal: Condition.Literal, of subject: Condition.Subject) -> String {
        switch literal {
        case .name(let name):
            if subject == .severity, let level = playbook.severity(name) {
                let title = level.title.text(language)
                return zh ? "「\(title)」" : title
            }
            if case .fact(let id) = subject, let fact = playbook.fact(id), let title = fact.valueTitles[name] {
                let text = title.text(language)
                return zh ? "「\(text)」" : text
            }
            return name
        case .flag(let flag): return zh ? (flag ? "是" : "否") : (flag ? "yes" : "no")
        case .number, .text:
            var text = literal.description
            if case .fact(let id) = subject, case .number(let unit?)? = playbook.fact(id)?.kind { text += " " + unit }
            return text
        }
    }

    /// A length of time in words: `1 day 2 hours`, `5 minutes` / `1天2小时`, `5分钟` (at most two units).
    static func duration(_ milliseconds: Int64, language: Language) -> String {
        if language == .zh { return TimeText.chineseSpan(milliseconds) }
        let seconds = abs(milliseconds) / 1000
        let units: [(size: Int64, one: String, many: String)] = [
            (86_400, "day", "days"), (3_600, "hour", "hours"), (60, "minute", "minutes"), (1, "second", "seconds"),
        ]
        guard let first = units.firstIndex(where: { seconds >= $0.size }) else { return "0 seconds" }
        func part(_ count: Int64, _ unit: (size: Int64, one: String, many: String)) -> String {
            "\(count) \(count == 1 ? unit.one : unit.many)"
        }
        var text = part(seconds / units[first].size, units[first])
        if first + 1 < units.count {
            let rest = seconds % units[first].size / units[first + 1].size
            if rest > 0 { text += " " + part(rest, units[first + 1]) }
        }
        return text
    }
}
