/// Chinese text as a Chinese reader expects it on paper and on boards.
///
/// A folded YAML block (`zh: >-`) joins its lines with a space, so two sentences written on two lines read
/// `查明漏水来源。 空调漏水时`: a gap no Chinese writer puts there. Only such single spaces go; spaces beside Latin
/// letters or digits (`UPS 电源`, `Ⅲ 级`), and runs of two or more spaces, stay.
enum ChineseSpacing {
    /// `text` without every single space that stands between two CJK characters or CJK punctuation marks.
    static func closingFoldedSpaces(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        guard scalars.contains(" ") else { return text }
        var result = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            if scalar == " ", index > 0, index + 1 < scalars.count, isCJK(scalars[index - 1]), isCJK(scalars[index + 1]) {
                continue
            }
            result.append(scalar)
        }
        return String(result)
    }

    /// Whether `scalar` is a CJK ideograph, kana, or punctuation written full-width in Chinese text.
    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3000...0x303F,  // CJK symbols and punctuation: 。、「」
             0x3040...0x30FF,  // kana
             0x3400...0x4DBF,  // ideographs, extension A
             0x4E00...0x9FFF,  // ideographs
             0xF900...0xFAFF,  // compatibility ideographs
             0xFE30...0xFE4F,  // CJK compatibility forms
             0xFF01...0xFF0F, 0xFF1A...0xFF20, 0xFF3B...0xFF40, 0xFF5B...0xFF65,  // full-width punctuation: ，：（）
             0x2014, 0x2026, 0x2018, 0x2019, 0x201C, 0x201D,  // — … ‘ ’ “ ”
             0x20000...0x3FFFF:  // ideographs, further extensions
            true
        default:
            false
        }
    }
}
