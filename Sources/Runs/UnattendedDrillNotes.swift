public import JSONText
public import PlaybookLanguage

extension RunSession.DrillRecord {
    /// The after-action report as JSON with the run's id, as `drill run --format json` prints it.
    public func json(runID: String) -> JSONValue {
        var object = report.json().objectValue ?? [:]
        object["run"] = .string(runID)
        return .object(object)
    }

    /// What `drill run` says on standard error after playing `drill` unattended as run `runID`: how many events
    /// and where the report is, then warnings: scripted actions the engine refused, scripted actions whose trigger
    /// never came, a run that reached no outcome.
    public func unattendedNotes(runID: String, drill: CheckedScenario, language: Language) -> String {
        let chinese = language == .zh
        var text = chinese
            ? "运行 \(runID)：\(contents.lines.count) 个事件；报告：'muster drill report \(runID)'\n"
            : "run \(runID): \(contents.lines.count) events; 'muster drill report \(runID)' for the report\n"
        if refused > 0 {
            text += chinese
                ? "muster: 警告：脚本中有 \(refused) 个操作被拒绝；'muster log \(runID)' 可查看（command.rejected）\n"
                : "muster: warning: \(refused) scripted actions were refused; "
                    + "'muster log \(runID)' shows them (command.rejected)\n"
        }
        // A scripted action whose trigger never happened: the scenario scripts something the run never comes to.
        for index in drill.plan.unreachedPlayers(contents.events) {
            let line = drill.scenario.players[index].location.line
            text += chinese
                ? "muster: 警告：场景第 \(line) 行的脚本操作（players 第 \(index + 1) 项）从未触发：运行没有到达其时机\n"
                : "muster: warning: the scripted action on line \(line) of the scenario (player \(index + 1)) never came "
                    + "due: the run never reached its trigger\n"
        }
        if !reachedOutcome {
            text += chinese
                ? "muster: 警告：本次运行未到达结果；脚本中的人员在结束前停止了操作\n"
                : "muster: warning: the run reached no outcome; the scenario's players stop short\n"
        }
        return text
    }
}
