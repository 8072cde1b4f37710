/// The rules for what people type into a run: names of people, and the free texts (notes, reasons, text facts).
///
/// One rule for every way a name comes in (`--as`, `--assign`, a handover, a contact directory, a scenario's
/// participants), so that a name accepted in one place is accepted everywhere:
/// - a person's name is 1 to 64 characters of any script (`张伟` and `o'neil.k` alike), with no control or
///   formatting characters (no escape sequences, no bidirectional overrides), not starting with `-` and with no
///   space at either end;
/// - a note, a reason or a text fact holds at most 4 000 characters, of which control characters only tab and
///   newline (newlines are shown as `\n` wherever one event is one line); formatting characters such as the
///   bidirectional controls are kept, and isolated or escaped wherever the text is shown.
public enum EnteredText {
    /// The most characters of a person's name.
    public static let nameLimit = 64
    /// The most characters of a note, a reason or a text fact.
    public static let textLimit = 4_000

    /// What is wrong with `name` as a person's name, in English and Chinese; nil when it is a good name.
    public static func nameProblem(_ name: String) -> (english: String, chinese: String)? {
        nameIssue(name).map { ($0.english, $0.chinese) }
    }

    /// What is wrong with `name` as a person's name; nil when it is a good name.
    public static func nameIssue(_ name: String) -> Issue? {
        if name.isEmpty { return .nameEmpty }
        let count = name.count
        if count > nameLimit { return .nameTooLong(count: count) }
        if let scalar = name.unicodeScalars.first(where: isHidden) { return .nameHiddenCharacter(code(scalar)) }
        if name.hasPrefix("-") { return .nameDashFirst }
        if name.first?.isWhitespace == true || name.last?.isWhitespace == true { return .nameSpaceAtEdge }
        return nil
    }

    /// What is wrong with a free text of kind `field`; nil when it is within the rules.
    public static func textIssue(_ text: String, field: Field) -> Issue? {
        let count = text.count
        if count > textLimit { return .textTooLong(field, count: count) }
        if let scalar = text.unicodeScalars.first(where: {
            $0.properties.generalCategory == .control && $0 != "\n" && $0 != "\t"
        }) {
            return .textControlCharacter(field, code(scalar))
        }
        return nil
    }

    /// Control characters (C0, DEL, C1) and the formatting characters that reorder or hide text.
    static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator: true
        default: false
        }
    }

    static func code(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}

extension EnteredText {
    /// The kinds of free text a person types into a run, named in what is said about them.
    public enum Field: String, Sendable, Hashable, CaseIterable {
        case progressNote = "progress-note"
        case note
        case reason
        case value

        /// The field as the subject of an English sentence ("a note").
        public var english: String {
            switch self {
            case .progressNote: "a progress note"
            case .note: "a note"
            case .reason: "a reason"
            case .value: "a recorded value"
            }
        }

        /// The field in Chinese.
        public var chinese: String {
            switch self {
            case .progressNote: "进展说明"
            case .note: "备注"
            case .reason: "理由"
            case .value: "记录的值"
            }
        }
    }

    /// One way a name or a free text breaks the rules; `english` and `chinese` say it. A control character is
    /// named by its code point (`U+001B`).
    public enum Issue: Sendable, Hashable {
        case nameEmpty
        case nameTooLong(count: Int)
        case nameHiddenCharacter(String)
        case nameDashFirst
        case nameSpaceAtEdge
        case textTooLong(Field, count: Int)
        case textControlCharacter(Field, String)

        /// The issue in English.
        public var english: String {
            switch self {
            case .nameEmpty: "a person's name is empty"
            case .nameTooLong(let count): "a person's name has \(count) characters; at most \(EnteredText.nameLimit) are allowed"
            case .nameHiddenCharacter(let code): "a person's name holds the control character \(code)"
            case .nameDashFirst: "a person's name cannot start with '-' (it would read as an option)"
            case .nameSpaceAtEdge: "a person's name cannot start or end with a space"
            case .textTooLong(let field, let count):
                "\(field.english) has \(count) characters; at most \(EnteredText.textLimit) are allowed"
            case .textControlCharacter(let field, let code): "\(field.english) holds the control character \(code)"
            }
        }

        /// The issue in Chinese.
        public var chinese: String {
            switch self {
            case .nameEmpty: "人员姓名为空"
            case .nameTooLong(let count): "人员姓名有 \(count) 个字符；最多允许 \(EnteredText.nameLimit) 个"
            case .nameHiddenCharacter(let code): "人员姓名含有控制字符 \(code)"
            case .nameDashFirst: "人员姓名不能以 '-' 开头（会被当作选项）"
            case .nameSpaceAtEdge: "人员姓名的首尾不能是空格"
            case .textTooLong(let field, let count): "\(field.chinese)有 \(count) 个字符；最多允许 \(EnteredText.textLimit) 个"
            case .textControlCharacter(let field, let code): "\(field.chinese)含有控制字符 \(code)"
            }
        }
    }
}
