import PlaybookLanguage
import Reporting

/// How the boards (`status`, `watch`, their HTML pages, `inbox`) name what a playbook defines and say lengths of
/// time. In Chinese a reader meets no id and no English unit: roles, severity levels, facts, their values and a
/// decision's options by their titles, spans in Chinese words (`4分30秒`, as the reports say them). In English the
/// boards keep the ids people type in commands, beside the titles where they always were, and spans as playbooks
/// write durations (`4m30s`).
struct BoardNames: Sendable {
    let language: Language
    private let names: PlaybookNames

    init(_ playbook: Playbook, language: Language) {
        self.language = language
        self.names = PlaybookNames(playbook)
    }

    private var zh: Bool { language == .zh }

    /// A role: its title in Chinese, its id in English.
    func role(_ id: String) -> String { zh ? names.name(.role, id, .zh) : id }

    /// Several roles, in the language's list style.
    func roles(_ ids: [String]) -> String { ids.map(role).joined(separator: zh ? "、" : ", ") }

    /// A severity level: `致命` in Chinese, `fatal (Fatal)` in English.
    func severity(_ level: SeverityLevel) -> String {
        zh ? level.title.text(language) : "\(level.id) (\(level.title.text(language)))"
    }

    /// A recorded fact and its value: `漏水来源：空调` in Chinese, `leak_source=air_conditioning` (the value's
    /// title when it has one) in English.
    func fact(_ id: String, _ value: String) -> String {
        let valueText = names.name(.value(fact: id), value, language)
        return zh ? names.name(.fact, id, .zh) + "：" + valueText : id + "=" + valueText
    }

    /// The separator between facts on one line.
    var factSeparator: String { zh ? "；" : ", " }

    /// A decision's option: its title in Chinese, its id (what `decide` takes) in English.
    func option(_ option: String, of step: String) -> String {
        zh ? names.name(.option(step: step), option, .zh) : option
    }

    /// A length of time: `4分30秒` in Chinese, `4m30s` in English (`TimeText.span(_:language:)`).
    func span(_ milliseconds: Int64) -> String { TimeText.span(milliseconds, language: language) }
}
