import PlaybookLanguage
import Reporting
import RunEngine

extension Outbox.Delivery {
    /// The notification's message in `language`: from its code with the playbook's titles (`names`) when it has
    /// one and the titles are known, else in the words journaled with it.
    func said(_ language: Language, names: PlaybookNames) -> String {
        if let code, !names.isEmpty { return EngineMessageWords.text(code, language, names: names) }
        return language == .zh ? messageChinese ?? message : message
    }
}
