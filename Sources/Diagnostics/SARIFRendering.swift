import JSONText

/// Renders diagnostics as a SARIF 2.1.0 log, the format code-scanning tools and editors read.
///
/// One run, whose tool driver lists every rule that produced a result (with its one-line summary when known).
/// Locations use 1-based lines and columns counted in Unicode code points (`columnKind: unicodeCodePoints`);
/// notes that point somewhere become `relatedLocations`, the hint becomes a `fix`-free second message line
/// (`message.markdown` is not used, so every viewer shows the same text).
public struct SARIFReport: Sendable {
    /// The tool's name, e.g. `muster`.
    public var toolName: String
    /// The tool's version, e.g. `0.1.0`.
    public var toolVersion: String
    /// Known rules, used to describe the rules that appear in results.
    public var rules: [DiagnosticRule]

    /// Creates a SARIF renderer for a tool.
    public init(toolName: String, toolVersion: String, rules: [DiagnosticRule]) {
        self.toolName = toolName
        self.toolVersion = toolVersion
        self.rules = rules
    }

    /// The SARIF log for `diagnostics`, pretty-printed, ending with a newline.
    public func render(_ diagnostics: [Diagnostic], files: [String]) -> String {
        var usedRuleIDs: [String] = []
        for diagnostic in diagnostics where !usedRuleIDs.contains(diagnostic.id) {
            usedRuleIDs.append(diagnostic.id)
        }
        let summaries = Dictionary(rules.map { ($0.id, $0.summary) }, uniquingKeysWith: { first, _ in first })
        let ruleObjects: [JSONValue] = usedRuleIDs.map { id in
            .object([
                "id": .string(id),
                "shortDescription": .object(["text": .string(summaries[id] ?? id)]),
            ])
        }
        let results: [JSONValue] = diagnostics.map { diagnostic in
            var text = diagnostic.message
            if let hint = diagnostic.hint { text += "\nhint: " + hint }
            var result: JSONObject = [
                "ruleId": .string(diagnostic.id),
                "ruleIndex": .integer(Int64(usedRuleIDs.firstIndex(of: diagnostic.id) ?? 0)),
                "level": .string(Self.level(diagnostic.severity)),
                "message": .object(["text": .string(text)]),
                "locations": .array([Self.location(file: diagnostic.file, at: diagnostic.location)]),
            ]
            let related = diagnostic.notes.enumerated().map { index, note -> JSONValue in
                var object = Self.location(file: diagnostic.file, at: note.location).objectValue ?? [:]
                object["id"] = .integer(Int64(index + 1))
                object["message"] = .object(["text": .string(note.message)])
                return .object(object)
            }
            if !related.isEmpty { result["relatedLocations"] = .array(related) }
            return .object(result)
        }
        let artifacts: [JSONValue] = files.map { .object(["location": .object(["uri": .string(Self.uri($0))])]) }
        let run: JSONObject = [
            "tool": .object([
                "driver": .object([
                    "name": .string(toolName),
                    "version": .string(toolVersion),
                    "rules": .array(ruleObjects),
                ])
            ]),
            "artifacts": .array(artifacts),
            "columnKind": .string("unicodeCodePoints"),
            "results": .array(results),
        ]
        let log: JSONObject = [
            "$schema": .string("https://json.schemastore.org/sarif-2.1.0.json"),
            "version": .string("2.1.0"),
            "runs": .array([.object(run)]),
        ]
        return JSONValue.object(log).serialized(pretty: true) + "\n"
    }

    private static func level(_ severity: Diagnostic.Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "note"
        }
    }

    private static func location(file: String, at location: SourceLocation?) -> JSONValue {
        var physical: JSONObject = ["artifactLocation": .object(["uri": .string(uri(file))])]
        if let location {
            physical["region"] = .object([
                "startLine": .integer(Int64(location.line)),
                "startColumn": .integer(Int64(location.column)),
            ])
        }
        return .object(["physicalLocation": .object(physical)])
    }

    /// A path as a URI reference: unreserved characters and `/` as they are, everything else percent-encoded.
    static func uri(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                out += "%" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 0xF)])
            }
        }
        return out
    }
}
