import CommandSyntax
import Journaling
import Platform
import PlaybookLanguage
import Runs

/// A command that was understood but cannot be done: exit status 1, with a message.
struct CommandFailure: Error {
    /// The message in English.
    var message: String
    /// The message in Chinese, for `--lang zh`; `nil` where the English is shown to both (authors' and
    /// operators' messages).
    var chinese: String?

    init(_ message: String, chinese: String? = nil) {
        self.message = message
        self.chinese = chinese
    }

    /// A failure of the run `runID`'s journal, said to a responder.
    init(_ error: JournalError, runID: String) {
        self.init(RunFailure(error, runID: runID))
    }

    /// The message in `language`.
    func text(_ language: Language) -> String {
        language == .zh ? chinese ?? message : message
    }

    /// What a failed command or wake says of `error` in `language`: a failure's or usage error's own words.
    static func text(of error: any Error, language: Language) -> String {
        switch error {
        case let failure as CommandFailure: failure.text(language)
        case let usage as UsageError: usage.text(language)
        case let failure as RunFailure: failure.text(language)
        default: "\(error)"
        }
    }
}

extension CommandFailure {
    /// The HTML board could not be written into `directory`.
    init(_ error: FileError, directory: String) {
        self.init("cannot write the HTML board in '\(directory)': \(error.description)",
                  chinese: "无法在 '\(directory)' 写入 HTML 看板：\(error.description)")
    }
}
