public import Drills
import Journaling
import Platform
import PlaybookLanguage
import RunEngine
import YAMLLoading

extension RunsDirectory {
    /// Every drill-mode run of the directory with a readable journal and scenario, as the drill programme sees
    /// it; the kind as the pinned scenario's YAML reads it (a comment on its line, quotes or flow style change
    /// nothing).
    public func heldDrills() -> [DrillProgramme.HeldDrill] {
        var found: [DrillProgramme.HeldDrill] = []
        for runID in runIDs() {
            let directory = path + "/" + runID
            guard let bytes = RunSession.pinnedScenario(in: directory),
                let (contents, _) = try? Journal(directory: directory).read(),
                let first = contents.lines.first?.event,
                case .runStarted(let start) = first.kind, !start.kind.isLive
            else { continue }
            let kindText = YAMLLoader.load(bytes, file: "scenario.yaml").root?.mapping?
                .first { $0.key.scalar?.text == "kind" }?.value.scalar?.text
            guard let kindText, let kind = Scenario.Kind(rawValue: kindText) else { continue }
            let state = RunState.fold(contents.events)
            // Unattended practice, an aborted drill and one not completed do not count.
            let counts = start.kind.isHeldWithPeople && !state.aborted && state.outcome != nil
            found.append(DrillProgramme.HeldDrill(runID: runID, kind: kind, playbook: start.playbookID,
                                                  held: first.realAt ?? first.at, counts: counts))
        }
        return found
    }
}
