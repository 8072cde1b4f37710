import Diagnostics
public import PlaybookLanguage
import Reporting

/// What the commands on runs say besides their result, in the reader's language: a run or a drill started, a
/// drill's virtual clock moved, a staff action recorded or refused, a run continued in a linked run (or waiting
/// for it), a runs directory on a network filesystem.
public enum RunCommandLines {
    /// `start`'s line on standard error: the playbook started, its active steps, and where to look.
    public static func started(playbook: String, version: String, runID: String, active: [String], language: Language)
        -> String
    {
        let active = active.joined(separator: ", ")
        return language == .zh
            ? "已启动 \(playbook) \(version)；进行中的步骤：\(active)\n查看：'muster status \(runID)'\n"
            : "started \(playbook) \(version); active: \(active)\nsee 'muster status \(runID)'\n"
    }

    /// `drill start`'s line on standard error: which drill of which playbook started on which clock, and how to
    /// move a virtual one. In Chinese the scenario and the playbook are said by their titles, in English by the ids
    /// people type.
    public static func started(
        scenario: Scenario, playbook: Playbook, runID: String, virtualClock: Bool, language: Language
    ) -> String {
        if language == .zh {
            let titled = { (title: LocalizedText, id: String) in title.text(.zh).isEmpty ? id : title.text(.zh) }
            return "演练「\(titled(scenario.title, scenario.id))」（预案「\(titled(playbook.title, playbook.id))」）已开始，"
                + (virtualClock ? "使用虚拟时钟；推进时间：'muster drill advance \(runID) 5m'" : "使用真实时钟") + "\n"
        }
        let (scenario, playbook) = (scenario.id, playbook.id)
        return "drill \(scenario) of \(playbook) started on the "
            + (virtualClock ? "virtual clock; move it with 'muster drill advance \(runID) 5m'" : "real clock") + "\n"
    }

    /// `drill advance`'s line: how far the clock moved (milliseconds), the instant it reached, the active steps
    /// (by their titles in `playbook` in Chinese, by their ids in English). A move of less than a second only
    /// fires what fell due at the instant the clock stood at (`--to-next` there), and says so; a longer one is said
    /// to the nearest second, as a person reads the clock.
    public static func advanced(moved: Int64, to instant: Int64, active: [String], playbook: Playbook,
                                time: LocalTime, language: Language) -> String {
        let (span, instant) = (TimeText.span((moved + 500) / 1_000 * 1_000, language: language), time.instant(instant))
        if language == .zh {
            let names = PlaybookNames(playbook)
            let steps = active.map { names.name(.step, $0, .zh) }.joined(separator: "、")
            return (moved < 1_000 ? "已触发 \(instant) 到期的事项" : "已拨快 \(span) 至 \(instant)") + "；进行中的步骤：\(steps)\n"
        }
        return (moved < 1_000 ? "fired what fell due at \(instant)" : "advanced \(span) to \(instant)")
            + "; active: \(active.joined(separator: ", "))\n"
    }

    /// `waiting` notifications wait for delivery and the command that made them has no notifier: who delivers them.
    public static func undelivered(_ waiting: Int, language: Language) -> String {
        language == .zh
            ? "muster: \(waiting) 条通知等待送达；此处未配置通知程序（由带 --notify-command 的 'muster watch' 送达）\n"
            : "muster: \(waiting) notification\(waiting == 1 ? "" : "s") waiting for delivery; no notifier is configured "
                + "here (a 'muster watch' with --notify-command delivers them)\n"
    }

    /// A staff action recorded as line `seq` of the journal.
    public static func recorded(seq: Int, language: Language) -> String {
        (language == .zh ? "已记录：序号 " : "ok: seq ") + "\(seq)\n"
    }

    /// A staff action refused, for standard error: "muster: refused (REASON): …". A refusal may quote what the
    /// person typed, so no control character of it reaches the terminal.
    public static func refused(english: String, chinese: String?, language: Language) -> String {
        if language == .zh { return "muster: 已拒绝：" + TerminalText.line(chinese ?? english) + "\n" }
        return "muster: refused (" + TerminalText.line(replacingFirst(": ", with: "): ", in: english)) + "\n"
    }

    /// `text` with its first `target` replaced.
    static func replacingFirst(_ target: String, with replacement: String, in text: String) -> String {
        let parts = text.split(separator: Substring(target), maxSplits: 1, omittingEmptySubsequences: false)
        return parts.count == 2 ? parts[0] + replacement + parts[1] : text
    }

    /// A run continued in `playbook`: the linked run `linkedRun` was started.
    public static func continued(in playbook: String, linkedRun: String, language: Language) -> String {
        language == .zh
            ? "已转入预案 \(playbook)：关联运行 \(linkedRun)\n查看：'muster status \(linkedRun)'\n"
            : "continued in \(playbook): linked run \(linkedRun)\nsee 'muster status \(linkedRun)'\n"
    }

    /// The linked run in `playbook` of run `runID` could not be started, for `reason`: the run waits for it.
    public static func linkedRunNotStarted(in playbook: String, runID: String, reason: String, language: Language)
        -> String
    {
        language == .zh
            ? "muster: 未能启动转入预案 \(playbook) 的关联运行：\(reason)\n本运行等待该关联运行；对 \(runID) 执行任一命令（如 'muster status \(runID)'）即重试\n"
            : "muster: the linked run in \(playbook) could not be started: \(reason)\nthis run waits for it; any command on \(runID) (such as 'muster status \(runID)') tries again\n"
    }

    /// The warning that the runs directory `path` is on the network filesystem `type`: Muster's guarantees rest on
    /// the journal's lock and on fsync, which such filesystems may not honour across machines.
    public static func networkFilesystem(_ path: String, type: String, language: Language) -> String {
        language == .zh
            ? "muster: 警告：运行目录 '\(path)' 位于网络文件系统（\(type)）上。除非其文件锁符合 POSIX 语义，否则不受支持："
                + "从两台主机同时操作同一运行可能交错写入日志。请把运行目录放在值班主机的本地磁盘上，大家通过 SSH 登录该主机操作。\n"
            : "muster: warning: the runs directory '\(path)' is on a network filesystem (\(type)). That is not "
                + "supported unless its locking is POSIX-correct: two hosts acting on one run could interleave "
                + "journal writes. Keep the runs directory on a local disk of the ops host and let people act "
                + "there over SSH.\n"
    }
}
