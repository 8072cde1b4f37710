public import PlaybookLanguage
public import RunEngine

/// The sentences that show a link between runs (`continue_in`) both ways, in English and Chinese: on the board,
/// its HTML page and the report.
public enum RunLinkLines {
    /// What the run's links are, one sentence each: the run it continues, the run it continued in (or that it
    /// waits for that run to be started).
    public static func lines(_ state: RunState, language: Language) -> [String] {
        lines(from: state.start?.continuedFrom, to: state.continuedIn, asked: state.continuation, language: language)
    }

    /// The same sentences from the links themselves: `from` the run continued, `to` the run continued in, `asked`
    /// the continuation asked for.
    public static func lines(from: RunLink?, to: RunLink?, asked: ContinuationRequest?, language: Language) -> [String] {
        let zh = language == .zh
        var lines: [String] = []
        if let from {
            lines.append(zh ? "← 接续运行 \(from.run)" : "← continues run \(from.run) (playbook \(from.playbook))")
        }
        if let link = to {
            lines.append(zh ? "→ 已转入运行 \(link.run)；其余时限已移交"
                            : "→ continued in run \(link.run) (playbook \(link.playbook)); the remaining limits are handed over")
        } else if let request = asked {
            lines.append(zh ? "→ 转入另一预案：关联运行尚未启动；对本运行执行任一命令（如 muster status）即启动"
                            : "→ continuing in \(request.playbook): the linked run is not started yet; any command on this run (such as muster status) starts it")
        }
        return lines
    }

    /// The word for a milestone handed over to (or kept by) the linked run.
    public static func handedOver(_ language: Language) -> String {
        language == .zh ? "已移交关联运行" : "handed over to the linked run"
    }
}
