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
        if name.isEmpty { return ("a person's name is empty", "人员姓名为空") }
        let count = name.count
        if count > nameLimit {
            return ("a person's name has \(count) characters; at most \(nameLimit) are allowed",
                    "人员姓名有 \(count) 个字符；最多允许 \(nameLimit) 个")
        }
        if let scalar = name.unicodeScalars.first(where: isHidden) {
            return ("a person's name holds the control character \(code(scalar))",
                    "人员姓名含有控制字符 \(code(scalar))")
        }
        if name.hasPrefix("-") {
            return ("a person's name cannot start with '-' (it would read as an option)",
                    "人员姓名不能以 '-' 开头（会被当作选项）")
        }
        if name.first?.isWhitespace == true || name.last?.isWhitespace == true {
            return ("a person's name cannot start or end with a space", "人员姓名的首尾不能是空格")
        }
        return nil
    }

    /// What is wrong with a free text (`what` names it: "a note", "a reason"), in English and Chinese; nil when
    /// it is within the rules.
    public static func textProblem(_ text: String, what: String, chineseWhat: String)
        -> (english: String, chinese: String)?
    {
        let count = text.count
        if count > textLimit {
            return ("\(what) has \(count) characters; at most \(textLimit) are allowed",
                    "\(chineseWhat)有 \(count) 个字符；最多允许 \(textLimit) 个")
        }
        if let scalar = text.unicodeScalars.first(where: {
            $0.properties.generalCategory == .control && $0 != "\n" && $0 != "\t"
        }) {
            return ("\(what) holds the control character \(code(scalar))", "\(chineseWhat)含有控制字符 \(code(scalar))")
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
