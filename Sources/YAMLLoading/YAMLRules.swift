public import Diagnostics

/// The ids of the problems the YAML loader reports, with one line each.
public enum YAMLRules {
    /// The file is larger than `LoadLimits.maxFileBytes`.
    public static let fileTooLarge = DiagnosticRule("file-too-large", "the file is larger than the size limit")
    /// The file could not be read at all.
    public static let unreadable = DiagnosticRule("file-unreadable", "the file cannot be read")
    /// A directory walk met something that is not a regular file (a FIFO, a socket, a device) named like a playbook;
    /// it is skipped, never opened.
    public static let notRegularFile = DiagnosticRule(
        "file-not-regular", "a file named like a playbook is not a regular file and is skipped")
    /// A `.yaml` symbolic link, met in a directory walk, leads outside the directory walked.
    public static let linkOutside = DiagnosticRule(
        "file-link-outside", "a link in the checked directory leads to a file outside it")
    /// Bytes that are not UTF-8.
    public static let invalidUTF8 = DiagnosticRule("invalid-utf8", "the file contains bytes that are not valid UTF-8")
    /// A NUL byte.
    public static let nulCharacter = DiagnosticRule("nul-character", "the file contains a NUL character")
    /// A control character YAML forbids (C0 other than tab and line breaks, DEL, C1, U+FFFE, U+FFFF).
    public static let controlCharacter = DiagnosticRule(
        "control-character", "the file contains a control character that YAML does not allow")
    /// libyaml could not parse the text.
    public static let syntax = DiagnosticRule("yaml-syntax", "the text is not valid YAML")
    /// A tab where YAML needs indentation spaces.
    public static let tabIndentation = DiagnosticRule("yaml-tab-indentation", "a tab is used for indentation")
    /// Nesting deeper than `LoadLimits.maxDepth`.
    public static let tooDeep = DiagnosticRule("yaml-too-deep", "sequences and mappings are nested too deeply")
    /// Aliases that would expand past `LoadLimits.maxAliasExpansion` nodes.
    public static let aliasBudget = DiagnosticRule(
        "yaml-alias-budget", "aliases would expand the document beyond the expansion budget")
    /// An alias naming no earlier anchor.
    public static let undefinedAlias = DiagnosticRule("yaml-undefined-alias", "an alias refers to no earlier anchor")
    /// The same key twice in one mapping.
    public static let duplicateKey = DiagnosticRule("yaml-duplicate-key", "a mapping has the same key twice")
    /// More than one document in the file.
    public static let multipleDocuments = DiagnosticRule(
        "yaml-multiple-documents", "the file holds more than one YAML document")
    /// A tag other than `!!str`, `!!seq` and `!!map`.
    public static let unknownTag = DiagnosticRule("yaml-unknown-tag", "a node has a tag Muster does not know")
    /// A mapping key that is not a scalar.
    public static let complexKey = DiagnosticRule("yaml-complex-key", "a mapping key is a sequence or a mapping")

    /// Every rule of the loader, for documentation and SARIF.
    public static let all: [DiagnosticRule] = [
        fileTooLarge, unreadable, notRegularFile, linkOutside, invalidUTF8, nulCharacter, controlCharacter, syntax, tabIndentation, tooDeep,
        aliasBudget, undefinedAlias, duplicateKey, multipleDocuments, unknownTag, complexKey,
    ]
}
