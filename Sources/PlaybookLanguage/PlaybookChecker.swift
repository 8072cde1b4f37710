public import Diagnostics
public import YAMLLoading

/// What checking one playbook file gave.
public struct PlaybookCheckResult: Sendable {
    /// The playbook, when the file decoded without errors.
    public var playbook: Playbook?
    /// Every problem found, loader and language alike.
    public var diagnostics: [Diagnostic]
}

/// Loads, decodes and validates a playbook file in one pass.
public enum PlaybookChecker {
    /// Every rule the checker (and the loader under it) can report.
    public static var rules: [DiagnosticRule] { YAMLRules.all + LanguageRules.all + ContinuationChecks.rules }

    /// Checks the playbook in `bytes`, naming `file` in diagnostics.
    public static func check(_ bytes: [UInt8], file: String, limits: LoadLimits = LoadLimits()) -> PlaybookCheckResult {
        let loaded = YAMLLoader.load(bytes, file: file, limits: limits)
        guard let root = loaded.root else {
            var diagnostics = loaded.diagnostics
            if diagnostics.isEmpty {
                diagnostics.append(.error(
                    LanguageRules.missingField.id, "the file is empty", file: file, at: .start,
                    hint: "a playbook starts with 'muster: 1', an 'id:' and a 'title:'; 'muster new ID' writes one"))
            }
            return PlaybookCheckResult(playbook: nil, diagnostics: diagnostics)
        }
        var reader = NodeReader(file: file)
        let playbook = PlaybookDecoder.decode(root, reader: &reader)
        if let playbook { PlaybookValidator.validate(playbook, reader: &reader) }
        let diagnostics = loaded.diagnostics + reader.diagnostics
        return PlaybookCheckResult(playbook: diagnostics.containsErrors ? nil : playbook, diagnostics: diagnostics)
    }

    /// Decodes a playbook that was checked before and has not changed since (a run's pinned playbook, whose
    /// hash the journal vouches for), without validating it again: `nil` when it does not decode cleanly, and
    /// then `check` says why.
    public static func decodeChecked(_ bytes: [UInt8], file: String) -> Playbook? {
        let loaded = YAMLLoader.load(bytes, file: file)
        guard let root = loaded.root, !loaded.diagnostics.containsErrors else { return nil }
        var reader = NodeReader(file: file)
        let playbook = PlaybookDecoder.decode(root, reader: &reader)
        return reader.diagnostics.containsErrors ? nil : playbook
    }
}
