import Diagnostics
import Platform
import PlaybookLanguage
import YAMLLoading

extension PlaybookFiles {
    /// Loads the playbook `argument` names (a path, or an id in `playbooksDirectory`) and checks it.
    ///
    /// - Throws: `LoadFailure` when it cannot be found or read, or has errors (with them).
    public static func load(_ argument: String, playbooksDirectory: String) throws(LoadFailure) -> Loaded {
        guard let path = resolve(argument, playbooksDirectory: playbooksDirectory) else {
            throw LoadFailure(notFound(argument, playbooksDirectory: playbooksDirectory))
        }
        let limits = LoadLimits()
        switch FileReading.read(path, limit: limits.maxFileBytes) {
        case .failure(let reason):
            throw LoadFailure(RunFailure("cannot read '\(path)': \(reason)", chinese: "无法读取 '\(path)'：\(reason)"))
        case .bytes(let bytes):
            let result = PlaybookChecker.check(bytes, file: path, limits: limits)
            guard let playbook = result.playbook else {
                throw LoadFailure(
                    RunFailure("'\(path)' has errors; 'muster check \(path)' lists them",
                               chinese: "'\(path)' 有错误；'muster check \(path)' 会逐一列出"),
                    problems: [.init(file: path, diagnostics: result.diagnostics.sortedForOutput(),
                                     source: SourceText(bytes: bytes))])
            }
            return Loaded(path: path, bytes: bytes, playbook: playbook, warnings: result.diagnostics)
        }
    }
}

extension CheckedScenario {
    /// Loads the scenario `argument` names and the playbook it drills, both checked. As for playbooks, a path
    /// holds a `/` or ends in `.yaml`; anything else is a scenario id of `playbooksDirectory`'s `drills/`,
    /// whatever the working directory holds. The playbook is the one of `playbooksDirectory` with the id the
    /// scenario names.
    ///
    /// - Throws: `LoadFailure` when either cannot be found or read, has errors (with them: the playbook's, then
    ///   the scenario's), or the playbook found holds another id.
    public static func load(_ argument: String, playbooksDirectory directory: String) throws(LoadFailure) -> Self {
        let path = PlaybookFiles.isPath(argument) ? argument : directory + "/drills/" + argument + ".yaml"
        guard case .bytes(let bytes) = FileReading.read(path, limit: LoadLimits().maxFileBytes) else {
            throw LoadFailure(PlaybookFiles.notFound(argument, playbooksDirectory: directory + "/drills",
                                                     what: "scenario", chineseWhat: "演练场景"))
        }
        var loadedPlaybook: PlaybookFiles.Loaded?
        var loadError: LoadFailure?
        let checked = ScenarioChecker.check(bytes, file: path) { id in
            do throws(LoadFailure) {
                let loaded = try PlaybookFiles.load(id, playbooksDirectory: directory)
                // A scenario drills the playbook it names, never another that a file happened to hold.
                guard loaded.playbook.id == id else {
                    throw LoadFailure(RunFailure(
                        "the scenario drills playbook '\(id)', but '\(loaded.path)' holds playbook "
                            + "'\(loaded.playbook.id)'",
                        chinese: "该场景演练的预案是 '\(id)'，但 '\(loaded.path)' 中是预案 '\(loaded.playbook.id)'"))
                }
                loadedPlaybook = loaded
                return loaded.playbook
            } catch {
                loadError = error
                return nil
            }
        }
        guard let scenario = checked.scenario, let loadedPlaybook else {
            let own = LoadFailure.Problems(file: path, diagnostics: checked.diagnostics.sortedForOutput(),
                                           source: SourceText(bytes: bytes))
            throw LoadFailure(
                loadError?.failure ?? RunFailure("the scenario '\(path)' has errors; 'muster check \(path)' lists them"),
                problems: (loadError?.problems ?? []) + [own])
        }
        return CheckedScenario(scenario: scenario, scenarioBytes: bytes, playbook: loadedPlaybook.playbook,
                               playbookBytes: loadedPlaybook.bytes)
    }
}
