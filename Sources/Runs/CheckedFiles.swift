public import Diagnostics
import Exploration
import Platform
import PlaybookLanguage
import YAMLLoading

/// What `muster check` found in the files it was given: each file read and checked for what it is (a contact
/// directory, a notifier configuration, a drill scenario or a playbook), a sound playbook's continuations and
/// every state its runs can reach explored, the diagnostics sorted as they are shown.
public struct CheckedFiles: Sendable {
    /// The files checked, in the order they were found.
    public var files: [String]
    /// Every problem found, sorted for output.
    public var diagnostics: [Diagnostic]
    /// The text of each file with a problem (`keepingSources`), to show the lines the problems are on.
    public var sources: [String: SourceText]

    /// The rules every diagnostic of `check` is one of, for a SARIF report.
    public static var rules: [DiagnosticRule] {
        PlaybookChecker.rules + ScenarioChecker.rules + ExplorationDiagnostics.rules
    }

    /// Checks the files `paths` name (a directory for the YAML files under it), the playbooks a scenario or a
    /// continuation names looked up in `playbooksDirectory` (else beside the file). With `strict`, warnings are
    /// errors; with `keepingSources`, the text of each file with a problem is kept. Nothing is written.
    public init(_ paths: [String], playbooksDirectory: String, strict: Bool, keepingSources: Bool) {
        var files: [String] = []
        var diagnostics: [Diagnostic] = []
        for path in paths {
            if FileStatus.isDirectory(path) {
                let (walked, found) = PlaybookFiles.walk(path)
                files += walked
                diagnostics += found
            } else {
                files.append(path)
            }
        }
        let limits = LoadLimits()
        var sources: [String: SourceText] = [:]
        for file in files {
            switch FileReading.read(file, limit: limits.maxFileBytes) {
            case .failure(let reason):
                diagnostics.append(.error(YAMLRules.unreadable.id, "cannot read the file: \(reason)", file: file,
                                          at: nil))
            case .bytes(let bytes):
                var found = Self.check(bytes, file: file, playbooksDirectory: playbooksDirectory, limits: limits)
                if strict {
                    for index in found.indices where found[index].severity == .warning {
                        found[index].severity = .error
                    }
                }
                if !found.isEmpty, keepingSources {
                    sources[file] = SourceText(bytes: bytes.prefix(limits.maxFileBytes))
                }
                diagnostics += found
            }
        }
        self.files = files
        self.diagnostics = diagnostics.sortedForOutput()
        self.sources = sources
    }

    /// The problems of one file's bytes, checked for what the file is.
    static func check(_ bytes: [UInt8], file: String, playbooksDirectory: String, limits: LoadLimits) -> [Diagnostic] {
        if ContactDirectory.isContactDirectory(bytes) {
            return ContactDirectory.check(bytes, file: file).diagnostics
        }
        if NotifierConfiguration.isConfiguration(bytes) {
            return NotifierConfiguration.check(bytes, file: file).diagnostics
        }
        if ScenarioChecker.isScenario(bytes) {
            return ScenarioChecker.check(bytes, file: file) { id in
                PlaybookFiles.playbook(id, near: file, playbooksDirectory: playbooksDirectory)
            }.diagnostics
        }
        let checked = PlaybookChecker.check(bytes, file: file, limits: limits)
        var found = checked.diagnostics
        // What the graph cannot show, the engine's own runs can: explored when the playbook is sound.
        if let playbook = checked.playbook, !found.containsErrors {
            found += ContinuationChecks.check(
                playbook, file: file,
                lookup: { id in PlaybookFiles.playbook(id, near: file, playbooksDirectory: playbooksDirectory) },
                known: PlaybookFiles.names(near: file, playbooksDirectory: playbooksDirectory))
            found += ExplorationDiagnostics.explore(playbook, file: file)
        }
        return found
    }
}
