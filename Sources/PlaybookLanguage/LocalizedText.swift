/// Text in English and Chinese: a plain string in a file is English, `{ en: …, zh: … }` gives both.
///
/// A responder-facing text without Chinese is a warning (`missing-chinese`), not an error, so that a team can
/// write a playbook first and translate it after.
public struct LocalizedText: Sendable, Hashable {
    /// The English text.
    public var english: String?
    /// The Chinese text.
    public var chinese: String?

    /// Creates a text.
    public init(english: String?, chinese: String? = nil) {
        self.english = english
        self.chinese = chinese
    }

    /// The text in `language`, falling back to the other language.
    public func text(_ language: Language) -> String {
        (language == .zh ? chinese ?? english : english ?? chinese) ?? ""
    }
}
