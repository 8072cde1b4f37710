public import PlaybookLanguage

/// What `watch` says besides its boards and event lines, in the reader's language: a problem it keeps retrying,
/// its recovery, and the heading of `watch --all`'s screen. `run` names the run with `--all`.
public enum WatchLines {
    /// For standard error: `problem` keeps the board (of run `run`) from being updated; watch retries every second.
    public static func retrying(_ problem: String, run: String? = nil, language: Language) -> String {
        language == .zh ? "muster: watch：\(run.map { $0 + "：" } ?? "")\(problem)；每秒重试\n"
                        : "muster: watch: \(run.map { $0 + ": " } ?? "")\(problem); retrying every second\n"
    }

    /// For standard error: the board (of run `run`) is updated again.
    public static func recovered(run: String? = nil, language: Language) -> String {
        language == .zh ? "muster: watch：\(run.map { $0 + "：" } ?? "")已恢复\n"
                        : "muster: watch: \(run.map { $0 + ": " } ?? "")recovered\n"
    }

    /// Under a terminal board that could not be updated: why, and that watch retries every second.
    public static func stale(_ problem: String, language: Language) -> String {
        language == .zh ? "⚠ 看板无法更新：\(problem)；每秒重试\n"
                        : "⚠ the board cannot be updated: \(problem); retrying every second\n"
    }

    /// The heading of `watch --all` on a terminal: how many runs are live, and that nobody is told when no notifier
    /// delivers.
    public static func liveRuns(_ count: Int, delivering: Bool, language: Language) -> String {
        let zh = language == .zh
        return (zh ? "进行中的运行（\(count)）" : "live runs (\(count))")
            + (delivering ? "" : zh ? " · 未配置通知程序：不会送达任何通知" : " · no notifier: nobody is told") + "\n"
    }
}
