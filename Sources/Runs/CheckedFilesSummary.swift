extension CheckedFiles {
    /// `check`'s last line: how many files were checked, with how many errors and warnings.
    public var summary: String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        let checked = files.count == 1 ? "1 file" : "\(files.count) files"
        if errors == 0 && warnings == 0 { return "checked \(checked): no problems\n" }
        return "checked \(checked): \(Self.plural(errors, "error")), \(Self.plural(warnings, "warning"))\n"
    }

    private static func plural(_ count: Int, _ noun: String) -> String {
        count == 1 ? "1 \(noun)" : "\(count) \(noun)s"
    }
}
