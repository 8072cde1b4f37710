import JSONText

extension Diagnostic {
    /// The diagnostic as a JSON object: `file`, `line`, `column`, `severity`, `id`, `message`, `hint`, `notes`.
    ///
    /// `line` and `column` are 1-based (columns in Unicode scalars) and absent for file-level problems; `hint` is
    /// absent when there is none.
    public var json: JSONValue {
        var object: JSONObject = ["file": .string(file)]
        if let location {
            object["line"] = .integer(Int64(location.line))
            object["column"] = .integer(Int64(location.column))
        }
        object["severity"] = .string(severity.rawValue)
        object["id"] = .string(id)
        object["message"] = .string(message)
        if let hint { object["hint"] = .string(hint) }
        object["notes"] = .array(
            notes.map { note in
                var noteObject: JSONObject = ["message": .string(note.message)]
                if let location = note.location {
                    noteObject["line"] = .integer(Int64(location.line))
                    noteObject["column"] = .integer(Int64(location.column))
                }
                return .object(noteObject)
            })
        return .object(object)
    }
}

/// Renders a check's diagnostics as one JSON document for machines.
///
/// The shape is `{"files": [...], "diagnostics": [...], "summary": {"errors": n, "warnings": n}}`; `files` lists
/// every file that was checked, with or without problems.
public enum JSONReport {
    /// The JSON document for `diagnostics` found in `files`.
    public static func render(_ diagnostics: [Diagnostic], files: [String]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        let document: JSONObject = [
            "files": .array(files.map { .string($0) }),
            "diagnostics": .array(diagnostics.map(\.json)),
            "summary": .object(["errors": .integer(Int64(errors)), "warnings": .integer(Int64(warnings))]),
        ]
        return JSONValue.object(document).serialized(pretty: true) + "\n"
    }
}
