import Journaling
public import PlaybookLanguage

/// Why something asked of a run cannot be done, in English and in Chinese, for whoever shows it to a person.
public struct RunFailure: Error, Sendable, Equatable {
    /// The message in English.
    public var message: String
    /// The message in Chinese, for `--lang zh`; `nil` where the English is shown to both.
    public var chinese: String?
    /// `true` when what was given is not a run id at all (a mistake in how the command was written), `false` when
    /// the run exists or might, but cannot be worked on.
    public var isUsage: Bool

    /// A failure with its message in English and, when it has one, Chinese.
    public init(_ message: String, chinese: String? = nil, isUsage: Bool = false) {
        self.message = message
        self.chinese = chinese
        self.isUsage = isUsage
    }

    /// A failure of the run `runID`'s journal, said to a responder.
    public init(_ error: JournalError, runID: String) {
        switch error {
        case .notFound:
            self.init("no run '\(runID)' (see 'muster runs')", chinese: "没有运行 '\(runID)'（见 'muster runs'）")
        case .exists:
            self.init("run '\(runID)' exists already; give another --run-id",
                      chinese: "运行 '\(runID)' 已存在；请用 --run-id 另起一个")
        case .damaged(let line, let reason):
            self.init(error.description,
                      chinese: "运行 '\(runID)' 的日志第 \(line) 行已损坏（\(reason)）；在操作员处理之前，拒绝一切写入")
        case .badHeadRecord:
            self.init(error.description,
                      chinese: "运行 '\(runID)' 的 journal.head 不是头记录（已被改动）；若日志无误，删除 journal.head；"
                          + "在操作员处理之前，拒绝一切写入")
        case .io(let failure):
            self.init(error.description,
                      chinese: "运行 '\(runID)' 的文件操作失败，本次操作未生效：\(failure.description)")
        }
    }

    /// The message in `language` (`.zh` or `.en`).
    public func text(_ language: Language) -> String {
        language == .zh ? chinese ?? message : message
    }
}
