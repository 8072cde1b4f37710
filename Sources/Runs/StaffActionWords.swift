import Drills
import PlaybookLanguage
import RunEngine

extension RunSession.StaffAction {
    /// The staff action of the drill subcommand `subcommand` (`observe`, `rate`, `inject`, `cancel`, `mark`,
    /// `script`, `unscript`, `improve`) from the words after its run id and its options: `value` gives an option's
    /// value (`--why`, `--to`, `--text`, `--due`, `--action`, `--owner`, `--status`), `flag` whether a flag was given
    /// (`--strength`, `--improvement`). The words' count is the declaration's, checked before.
    ///
    /// - Throws: a usage `RunFailure` when a word or a value is not one the action takes.
    public init(
        _ subcommand: String, words: [String], value: (String) -> String?, flag: (String) -> Bool
    ) throws(RunFailure) {
        switch subcommand {
        case "observe":
            let kind: ExerciseRecord.ObservationKind = flag("--strength") ? .strength
                : flag("--improvement") ? .improvement : .note
            self = .observe(objective: words.count == 2 ? words[0] : nil, kind: kind, text: words.last!)
        case "rate":
            self = .rate(objective: words[0], rating: words[1], why: value("--why") ?? "")
        case "inject":
            self = .inject(id: words.first, role: value("--to"), text: value("--text"))
        case "cancel":
            self = .cancel(id: words[0], why: value("--why"))
        case "mark":
            guard let mark = ExerciseRecord.Mark(rawValue: words[0]) else {
                throw RunFailure("drill mark takes a run id and startex, endex, pause or resume", isUsage: true)
            }
            self = .mark(mark)
        case "script":
            guard words.count == 1 else { throw RunFailure("drill script takes a run id and a role", isUsage: true) }
            self = .script(role: words[0])
        case "unscript":
            guard words.count == 2 else {
                throw RunFailure("drill unscript takes a run id, a role and a person", isUsage: true)
            }
            self = .unscript(role: words[0], person: words[1])
        default:
            guard let dueText = value("--due"), let dueAt = ScenarioChecker.instant(dueText + "T00:00:00Z") else {
                throw RunFailure("drill improve needs --due YYYY-MM-DD", isUsage: true)
            }
            self = .improve(objective: words[0], action: value("--action") ?? "", owner: value("--owner") ?? "",
                            dueAt: dueAt, status: value("--status") ?? "open")
        }
    }
}
