public import Drills
import PlaybookLanguage

/// Who plays which role in a drill people play (`drill start --assign ROLE=PERSON --scripted ROLE`): the people
/// named (without `--assign`, the scenario's participants), and the roles left to the scenario's scripted players.
public struct DrillStaffing: Sendable, Equatable {
    /// Who holds each role at the start: the people, and for each scripted role the name its scripted player acts
    /// under (the scenario's participant, else the role's id), as in an unattended `drill run`.
    public var assignments: [String: String]
    /// The roles the scripted players act for, sorted.
    public var scripted: [String]

    /// The staffing `drill start` was asked for: `assigned` as `ROLE=PERSON` (`--assign`), `asked` the roles
    /// (or `all`) to leave to the scripted players (`--scripted`).
    ///
    /// - Throws: `RunFailure` (a usage failure for a malformed `ROLE=PERSON`) for a role the playbook lacks or that
    ///   no scripted player of the scenario acts for.
    public static func parse(assigned: [String], scripted asked: [String], plan: DrillPlan) throws(RunFailure)
        -> DrillStaffing
    {
        let scenario = plan.scenario
        let playbook = plan.playbook
        var people = scenario.participants
        if !assigned.isEmpty {
            // The people named at the start play; every other role the scenario scripts is scripted.
            people = [:]
            for assignment in assigned {
                let parts = assignment.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2, !parts[1].isEmpty else {
                    throw RunFailure("--assign takes ROLE=PERSON, not '\(assignment)'",
                                     chinese: "--assign 的格式是 ROLE=PERSON，而不是 '\(assignment)'", isUsage: true)
                }
                try requireRole(parts[0], playbook)
                if let problem = EnteredText.nameProblem(parts[1]) {
                    throw RunFailure("--assign \(parts[0])=…: " + problem.english,
                                     chinese: "--assign \(parts[0])=…：" + problem.chinese, isUsage: true)
                }
                people[parts[0]] = parts[1]
            }
        }
        let scriptedByScenario = Set(scenario.players.map(\.role))
        for role in asked where role != "all" {
            try requireRole(role, playbook)
            guard scriptedByScenario.contains(role) else {
                throw RunFailure(
                    "no scripted player of scenario '\(scenario.id)' acts for role '\(role)'; scripted roles: "
                        + scriptedByScenario.sorted().joined(separator: ", "),
                    chinese: "演练脚本 '\(scenario.id)' 中没有为角色 '\(role)' 编写脚本人员；有脚本的角色："
                        + scriptedByScenario.sorted().joined(separator: "、"))
            }
        }
        let scripted = plan.scriptedRoles(asked: asked, people: people)
        var assignments = people
        for role in scripted { assignments[role] = scenario.participants[role] ?? role }
        return DrillStaffing(assignments: assignments, scripted: scripted)
    }

    private static func requireRole(_ role: String, _ playbook: Playbook) throws(RunFailure) {
        guard playbook.role(role) == nil else { return }
        let roles = playbook.roles.map(\.id)
        throw RunFailure(
            "role '\(role)' is not defined in '\(playbook.id)'; roles: " + roles.joined(separator: ", "),
            chinese: "预案 '\(playbook.id)' 中没有角色 '\(role)'；角色有：" + roles.joined(separator: "、"))
    }
}
