/// Widths of text on a terminal or in a diagram, where a Chinese character takes two columns, and wrapping by it.
public enum TextWidth {
    /// The columns `text` takes: two for East Asian wide and full-width characters, one for the rest.
    public static func of(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + (isWide($1) ? 2 : 1) }
    }

    /// `text` followed by spaces up to `width` columns.
    public static func pad(_ text: String, to width: Int) -> String {
        let used = of(text)
        return used >= width ? text : text + String(repeating: " ", count: width - used)
    }

    /// `text` broken into lines of at most `width` columns: at spaces where there are any, and between wide
    /// characters (Chinese text has no spaces); a word longer than the width stays whole on its own line.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for piece in pieces(text) {
            let pieceWidth = of(piece)
            if piece == " " {
                if lineWidth > 0 && lineWidth < width {
                    line += " "
                    lineWidth += 1
                }
                continue
            }
            if lineWidth > 0 && lineWidth + pieceWidth > width {
                lines.append(trimmedEnd(line))
                line = ""
                lineWidth = 0
            }
            line += piece
            lineWidth += pieceWidth
        }
        if !line.isEmpty { lines.append(trimmedEnd(line)) }
        return lines.isEmpty ? [""] : lines
    }

    /// `text` wrapped into as few lines as `wrap(_:width:)` gives, but as even in length as they can be, so that
    /// a label in a diagram does not end in a lone word.
    static func balanced(_ text: String, width: Int) -> [String] {
        var best = wrap(text, width: width)
        guard best.count > 1 else { return best }
        var narrower = width - 1
        while narrower > 0 {
            let lines = wrap(text, width: narrower)
            guard lines.count == best.count else { break }
            best = lines
            narrower -= 1
        }
        return best
    }

    /// The text cut into words, single spaces and single wide characters (with the punctuation that must
    /// stay with the character before it).
    private static func pieces(_ text: String) -> [String] {
        var pieces: [String] = []
        var word = ""
        for character in text {
            if character == " " || character == "\n" {
                if !word.isEmpty { pieces.append(word) }
                word = ""
                pieces.append(" ")
            } else if let scalar = character.unicodeScalars.first, isWide(scalar) {
                if isClosingPunctuation(scalar) {
                    if !word.isEmpty {
                        pieces.append(word + String(character))
                        word = ""
                        continue
                    }
                    if let last = pieces.indices.last, pieces[last] != " " {
                        pieces[last].append(character)
                        continue
                    }
                }
                if !word.isEmpty { pieces.append(word) }
                word = ""
                pieces.append(String(character))
            } else {
                word.append(character)
            }
        }
        if !word.isEmpty { pieces.append(word) }
        // A space between two Chinese characters is a line break that YAML folded into a space: drop it.
        return pieces.indices.compactMap { index in
            let piece = pieces[index]
            guard piece == " ", index > 0, index + 1 < pieces.count,
                let before = pieces[index - 1].unicodeScalars.last, let after = pieces[index + 1].unicodeScalars.first,
                isWide(before), isWide(after)
            else { return piece }
            return nil
        }
    }

    private static func trimmedEnd(_ text: String) -> String {
        var text = text
        while text.last == " " { text.removeLast() }
        return text
    }

    private static func isClosingPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        "，。、；：！？）》」』".unicodeScalars.contains(scalar)
    }

    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
            0x20000...0x3FFFD:
            true
        default:
            false
        }
    }
}
