import Journaling

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
                      chinese: "运行 '\(runID)' 的 journal.head 不是头记录（已被改动）；若日志无误，删除 journal.head；在操作员处理之前，拒绝一切写入")
        case .io(let failure):
            self.init(error.description,
                      chinese: "运行 '\(runID)' 的文件操作失败，本次操作未生效：\(failure.description)")
        }
    }

    /// The message in `language`.
    func text(_ language: String) -> String {
        language == "zh" ? chinese ?? message : message
    }
}
