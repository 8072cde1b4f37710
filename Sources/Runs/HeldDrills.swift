public import Drills
import Journaling
import Platform
public import PlaybookLanguage
import RunEngine
import YAMLLoading

extension RunsDirectory {
    /// The drill programme (`drill due`) of this directory's held drills for the playbooks of `playbooksDirectory`
    /// at `now`, with those playbooks' titles.
    public func drillProgramme(playbooksDirectory: String, now: Int64)
        -> (programme: DrillProgramme, titles: [String: LocalizedText])
    {
        let titles = PlaybookFiles.titles(in: playbooksDirectory)
        return (DrillProgramme(drills: heldDrills(), playbooks: titles.keys.sorted(), now: now), titles)
    }

    /// Every drill-mode run of the directory with a readable journal and scenario, as the drill programme sees
    /// it; the kind as the pinned scenario's YAML reads it (a comment on its line, quotes or flow style change
    /// nothing). When each was held: the wall clock beside its start, or an unattended practice's real date kept
    /// beside its journal.
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
            // Unattended practice, a drill no person played in (every role scripted), an aborted drill and one not
            // completed do not count.
            let counts = start.kind.isHeldWithPeople && Self.aPersonPlayed(contents.events) && !state.aborted
                && state.outcome != nil
            found.append(DrillProgramme.HeldDrill(runID: runID, kind: kind, playbook: start.playbookID,
                                                  held: first.realAt ?? PracticeDate.read(in: directory) ?? first.at,
                                                  counts: counts))
        }
        return found
    }

    /// Whether a person played a role in the drill: some event of a person acting in a role that no scripted
    /// player made. The exercise staff's own records (observations, ratings, injects, marks) are not playing; a
    /// drill started with every role scripted (`drill start --scripted all`) and only moved by its controller is
    /// practice, like an unattended `drill run`.
    static func aPersonPlayed(_ events: [Event]) -> Bool {
        events.contains { event in
            guard case .person(_, role: .some) = event.actor, event.scriptedPlayer == nil else { return false }
            if case .exercise = event.kind { return false }
            return true
        }
    }
}
