import Diagnostics
public import PlaybookLanguage
import Reporting
public import RunEngine

extension DrillPlan {
    /// Each inject among `events`, one line each with its addressee and instant, in `language`, as the controller
    /// reads them out: "inject ID → ROLE @ INSTANT: TEXT", the instant a local time in `time`'s zone with its
    /// offset, the role by its title in Chinese. A scenario's or a controller's text is shown so that no control
    /// character reaches the terminal.
    public func announcements(of events: [Event], language: Language, time: LocalTime) -> String {
        var text = ""
        for event in events {
            guard case .injectDelivered(let id, let role, let message) = event.kind else { continue }
            let said = self.message(ofInject: id)?.text(language) ?? message
            text += (language == .zh ? "注入" : "inject") + " \(TerminalText.line(id))"
                + "\(role.map { " → " + TerminalText.line(roleName($0, language)) } ?? "")"
                + " @ \(time.instant(event.at)): \(TerminalText.line(said))\n"
        }
        return text
    }

    /// A role as the controller reads it out: its title in Chinese, its id in English.
    private func roleName(_ id: String, _ language: Language) -> String {
        language == .zh ? playbook.role(id)?.title.text(language) ?? id : id
    }
}
