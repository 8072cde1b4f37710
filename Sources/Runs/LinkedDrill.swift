import RunEngine

extension RunSession {
    /// The drill this run continues, when it is the linked run a drill's step continuing in another playbook
    /// (`continue_in`) started: such a run has no scenario of its own, and its objectives are rated in the drill it
    /// continues from (followed back through further links, within `runs`). `nil` for a run with a scenario, a
    /// live run, or a run no drill started.
    ///
    /// - Throws: `RunFailure` when a run on the way cannot be read.
    public func drillContinued(in runs: RunsDirectory) throws(RunFailure) -> RunSession? {
        var session = self
        var seen: Set<String> = [runID]
        while RunSession.pinnedScenario(in: session.journal.directory) == nil {
            let (contents, _, _, _) = try session.read()
            guard case .runStarted(let start)? = contents.events.first?.kind, start.mode == .drill,
                let from = start.continuedFrom, !seen.contains(from.run)
            else { return nil }
            seen.insert(from.run)
            session = try RunSession(from.run, in: runs, now: now)
        }
        return session.runID == runID ? nil : session
    }

    /// What the drill report of a linked run says first: whose report it gives instead, in English and Chinese.
    public func linkedDrillNote(_ drill: RunSession) -> (english: String, chinese: String) {
        ("run '\(runID)' is a linked run that drill '\(drill.runID)' continued in, with no scenario of its own: "
            + "this is the report of drill '\(drill.runID)'\n",
         "运行 '\(runID)' 是演练 '\(drill.runID)' 转入的关联运行，没有自己的演练脚本：以下是演练 '\(drill.runID)' 的报告\n")
    }
}
