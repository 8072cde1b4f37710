/// Text from a playbook, a note or a name, made safe to print on one line of a terminal: control characters
/// (C0, newline included, DEL, C1 with ESC and CSI) and bidirectional controls are shown as `\u{1B}`-style escapes,
/// so that nothing can retitle or clear a screen, reorder what it shows, or start a forged record.
public enum TerminalText {
    /// `text` with every control and bidirectional character shown visibly.
    public static func line(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isHiding) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if isHiding(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `text` with every control and bidirectional character shown visibly but its line breaks and tabs kept: for a
    /// document (HTML, Markdown) in which those are white space, so that the text shows as written there too; a
    /// right-to-left override cannot turn `gnp.exe` into `exe.png`.
    public static func document(_ text: String) -> String {
        // A look at the bytes first (documents are large, and nearly all their texts need nothing): every hidden
        // character is a C0 byte, DEL, or starts with 0xC2 (C1), 0xD8 (U+061C) or 0xE2 (the others).
        let suspect = text.utf8.contains { byte in
            (byte < 0x20 && byte != 0x0A && byte != 0x0D && byte != 0x09) || byte == 0x7F || byte == 0xC2
                || byte == 0xD8 || byte == 0xE2
        }
        guard suspect, text.unicodeScalars.contains(where: { isHiding($0) && !isWhiteSpace($0) }) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if isHiding(scalar) && !isWhiteSpace(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func isWhiteSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\n" || scalar == "\r" || scalar == "\t"
    }

    private static func isHiding(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
