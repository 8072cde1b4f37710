import Diagnostics
import YAMLLoading

/// Reads typed values out of YAML nodes, collecting a diagnostic for every problem instead of stopping at the
/// first, so that one `muster check` shows everything wrong with a file.
///
/// Scalars are typed here, by the field that reads them: a text field takes any scalar as text, a boolean field
/// takes only `true` or `false` (a YAML 1.1 `yes`/`on` is an error with a hint), a number field takes decimal
/// numbers.
struct NodeReader {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String) {
        self.file = file
    }

    mutating func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    mutating func error(
        _ rule: DiagnosticRule, _ message: String, at location: SourceLocation?, hint: String? = nil,
        notes: [Diagnostic.Note] = []
    ) {
        diagnostics.append(.error(rule.id, message, file: file, at: location, hint: hint, notes: notes))
    }

    mutating func warning(
        _ rule: DiagnosticRule, _ message: String, at location: SourceLocation?, hint: String? = nil,
        notes: [Diagnostic.Note] = []
    ) {
        diagnostics.append(.warning(rule.id, message, file: file, at: location, hint: hint, notes: notes))
    }

    // MARK: Shapes

    /// The entries of a mapping node, or an error naming `what` was expected.
    mutating func mapping(_ node: YAMLNode, _ what: String) -> [YAMLMappingEntry]? {
        if let entries = node.mapping { return entries }
        error(LanguageRules.wrongType, "\(what) must be a mapping, not \(node.kindName)", at: node.location,
              hint: "write it as 'key: value' lines indented under its name")
        return nil
    }

    /// The items of a sequence node (a single scalar counts as a one-item list when `allowSingle`).
    mutating func sequence(_ node: YAMLNode, _ what: String, allowSingle: Bool = false) -> [YAMLNode]? {
        if let items = node.sequence { return items }
        if allowSingle, let scalar = node.scalar, !scalar.isNull { return [node] }
        error(LanguageRules.wrongType, "\(what) must be a list, not \(node.kindName)", at: node.location,
              hint: "write it as '[a, b]' or as '- item' lines")
        return nil
    }

    /// The text of a scalar node, warning about YAML 1.1 booleans that other tools would not read as text.
    mutating func text(_ node: YAMLNode, _ what: String) -> Located<String>? {
        guard let scalar = node.scalar, !(scalar.isNull && scalar.style == .plain && node.tag == nil) else {
            error(LanguageRules.wrongType, "\(what) must be text, not \(node.kindName)", at: node.location,
                  hint: node.mapping != nil ? "quote the text if it contains ': '" : nil)
            return nil
        }
        if let control = scalar.text.unicodeScalars.first(where: Self.isHidingCharacter) {
            let code = "U+" + String(repeating: "0", count: max(0, 4 - String(control.value, radix: 16).count))
                + String(control.value, radix: 16, uppercase: true)
            let bidi = control.value >= 0x200E
            error(LanguageRules.controlInText,
                  "\(what) holds \(bidi ? "a bidirectional control" : "a control character") (\(code)) that "
                      + (bidi ? "can make it read in another order" : "can rewrite the terminal that shows it"),
                  at: node.location, hint: "remove it; write what it stands for in words")
        }
        // The length first: hashing long text (Chinese above all) to look it up costs more than the check.
        if scalar.style == .plain, scalar.text.utf8.count <= 5, Self.yaml11Booleans.contains(scalar.text) {
            warning(LanguageRules.booleanLikeText,
                    "'\(scalar.text)' is read as text here, but YAML 1.1 tools read it as a boolean",
                    at: node.location, hint: "quote it: '\"\(scalar.text)\"'")
        }
        return Located(scalar.text, at: node.location)
    }

    /// A name: text made of letters, digits, `_` and `-`, starting with a letter.
    mutating func name(_ node: YAMLNode, _ what: String) -> Located<String>? {
        guard let text = text(node, what) else { return nil }
        guard Identifier.isValid(text.value) else {
            error(LanguageRules.badName,
                  "\(what) '\(text.value)' must start with a letter and hold only letters, digits, '_' and '-'",
                  at: node.location, hint: "for example 'on_site' or 'line-fault'")
            return nil
        }
        return text
    }

    /// A person's name, by the one rule of `EnteredText` (any script, no control characters, at most 64
    /// characters): the names of a contact directory and a scenario's participants.
    mutating func personName(_ node: YAMLNode, _ what: String) -> Located<String>? {
        guard let text = text(node, what) else { return nil }
        if let problem = EnteredText.nameProblem(text.value) {
            error(LanguageRules.badName, "\(what): " + problem.english, at: node.location,
                  hint: "for example 'alice', 'o.neil' or '张伟'")
            return nil
        }
        return text
    }

    /// A boolean: exactly `true` or `false`.
    mutating func bool(_ node: YAMLNode, _ what: String) -> Bool? {
        if let scalar = node.scalar, scalar.style == .plain {
            switch scalar.text {
            case "true": return true
            case "false": return false
            default:
                if Self.yaml11Booleans.contains(scalar.text) {
                    error(LanguageRules.wrongType, "\(what) must be true or false, not '\(scalar.text)'",
                          at: node.location,
                          hint: "write 'true' or 'false'; YAML 1.1 spellings like yes, no, on and off are text")
                    return nil
                }
            }
        }
        error(LanguageRules.wrongType, "\(what) must be true or false", at: node.location,
              hint: "write 'true' or 'false'")
        return nil
    }

    /// A whole number within `range`.
    mutating func integer(_ node: YAMLNode, _ what: String, in range: ClosedRange<Int>) -> Int? {
        guard let scalar = node.scalar, scalar.style == .plain, let value = Int(scalar.text) else {
            error(LanguageRules.wrongType, "\(what) must be a whole number", at: node.location)
            return nil
        }
        guard range.contains(value) else {
            error(LanguageRules.outOfRange, "\(what) must be between \(range.lowerBound) and \(range.upperBound)",
                  at: node.location)
            return nil
        }
        return value
    }

    /// A decimal number.
    mutating func number(_ node: YAMLNode, _ what: String) -> Double? {
        guard let scalar = node.scalar, scalar.style == .plain, let value = Double(scalar.text), value.isFinite
        else {
            error(LanguageRules.wrongType, "\(what) must be a number", at: node.location)
            return nil
        }
        return value
    }

    /// Whether a character changes how text shows rather than being text: C0 controls other than tab and newline,
    /// DEL, C1 controls (ESC and CSI included), and the bidirectional marks, embeddings, overrides and isolates.
    static func isHidingCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: false
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    static let yaml11Booleans: Set<String> = [
        "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF",
    ]
}

/// A value with the location it was read from.
public struct Located<Value: Sendable & Hashable>: Sendable, Hashable {
    /// The value.
    public var value: Value
    /// Where it was written.
    public var location: SourceLocation

    /// Creates a located value.
    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

/// Reads the fields of one mapping: each known key once, then reports the keys nobody asked for, with
/// "did you mean".
struct FieldReader {
    let what: String
    let location: SourceLocation
    /// The entries of the known keys, the first of any duplicate only (the loader reports duplicates). Only
    /// known keys are kept: a hostile file may hold hundreds of thousands of unknown keys in one mapping, and
    /// reading it must stay linear, so they are counted in one pass and never indexed.
    private var entries: [(key: String, entry: YAMLMappingEntry)] = []
    private let known: [String]
    /// How many unknown keys of one mapping are reported one by one; the rest are counted in one message.
    private static let unknownKeysReported = 10

    /// Reads `node` as a mapping describing `what`, whose allowed keys are `known`; missing fields are reported
    /// at `owner` (the key that names the mapping) when given, else at the mapping itself.
    init?(_ node: YAMLNode, _ what: String, known: [String], owner: SourceLocation? = nil, reader: inout NodeReader) {
        guard let list = reader.mapping(node, what) else { return nil }
        self.what = what
        self.location = owner ?? node.location
        self.known = known
        let knownKeys = Set(known)
        var unknown: [(key: String, entry: YAMLMappingEntry)] = []
        var unknownCount = 0
        for entry in list {
            guard let key = entry.key.scalar?.text else { continue }
            if knownKeys.contains(key) {
                if !entries.contains(where: { $0.key == key }) { entries.append((key, entry)) }
            } else {
                if unknown.count <= Self.unknownKeysReported {
                    if unknown.contains(where: { $0.key == key }) { continue }
                    unknown.append((key, entry))
                }
                unknownCount += 1
            }
        }
        for (key, entry) in unknown.prefix(Self.unknownKeysReported) {
            let suggestion = NameSuggestion.closest(to: key, in: known)
            reader.error(
                LanguageRules.unknownKey,
                "unknown key '\(key)' in \(what)" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""),
                at: entry.key.location,
                hint: suggestion != nil ? nil : known == ["en", "zh"]
                    ? "a text has only 'en' and 'zh'; if '\(key)' is the rest of the text before it (after a ', '), quote "
                        + "that text: en: \"…, \(key)\""
                    : "allowed keys: " + known.joined(separator: ", "))
        }
        if unknownCount > Self.unknownKeysReported, let first = unknown.last {
            reader.error(
                LanguageRules.unknownKey,
                "\(unknownCount - Self.unknownKeysReported) more unknown keys in \(what), from '\(first.key)' on",
                at: first.entry.key.location, hint: "allowed keys: " + known.joined(separator: ", "))
        }
    }

    private func entry(_ key: String) -> YAMLMappingEntry? {
        entries.first { $0.key == key }?.entry
    }

    /// The value of `key`, if present.
    func optional(_ key: String) -> YAMLNode? {
        entry(key)?.value
    }

    /// The location of `key` itself, if present.
    func keyLocation(_ key: String) -> SourceLocation? {
        entry(key)?.key.location
    }

    /// Whether `key` is present.
    func has(_ key: String) -> Bool { entry(key) != nil }

    /// The value of `key`, or an error saying it is missing.
    func required(_ key: String, reader: inout NodeReader, hint: String? = nil) -> YAMLNode? {
        if let node = entry(key)?.value { return node }
        reader.error(LanguageRules.missingField, "\(what) is missing '\(key)'", at: location, hint: hint)
        return nil
    }
}
