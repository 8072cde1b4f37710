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

    private static func isHiding(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
