public import PlaybookLanguage

/// A drill inject's text as the journal keeps it (`drill.inject`), said in one language.
public enum InjectText {
    /// An inject's text as the journal keeps it, in `language`: a scenario's text is kept as "English / 中文", of
    /// which one language is shown; a text in one language (a controller's own) as it is.
    public static func said(_ journaled: String, _ language: Language) -> String {
        // The separator is the last " / " with no Chinese before it and some after it.
        func chinese(_ text: String) -> Bool {
            text.unicodeScalars.contains { (0x3000...0x9FFF).contains($0.value) || (0xFF00...0xFFEF).contains($0.value) }
        }
        let parts = journaled.split(separator: " / ", omittingEmptySubsequences: false)
        var said: (english: String, chinese: String)?
        for index in parts.indices.dropFirst() {
            let before = parts[..<index].joined(separator: " / ")
            let after = parts[index...].joined(separator: " / ")
            if chinese(before) { break }
            if chinese(after) { said = (before, after) }
        }
        if let said { return language == .zh ? said.chinese : said.english }
        return journaled
    }
}
