import Foundation
import PlaybookLanguage
import Testing

/// The Chinese quotes in the `source:` of shipped steps, found word for word in the source plans.
///
/// The convention (the README's Traceability section states it for authors): Chinese text in parentheses is a quote;
/// `…` marks words left out, and each piece between is quoted word for word; `(paraphrase: …)` marks text that is not
/// a quote. Chinese outside parentheses is not allowed. Traditional characters are folded to simplified and
/// whitespace and punctuation do not count, on both sides.
enum SourceQuotes {
    /// The source plans: `../shared/domain/seeds/` from the package root, where CI keeps them beside the project.
    static let seeds = ShippedPlaybooks.repository.deletingLastPathComponent()
        .appendingPathComponent("shared/domain/seeds")

    /// The plans' files, or none when they do not lie beside the project.
    static var seedFiles: [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: seeds.path)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.sorted().map { seeds.appendingPathComponent($0) }
    }

    /// The marker that opens a paraphrase inside the parentheses.
    static let paraphraseMarker = "paraphrase:"

    /// What the citations of `source` quote, what they paraphrase, and Chinese found outside parentheses.
    static func quotes(in source: String) -> (quotes: [String], paraphrases: [String], unquoted: [String]) {
        var quotes: [String] = []
        var paraphrases: [String] = []
        var unquoted: [String] = []
        var outside = ""
        var inside = ""
        var depth = 0
        func flushOutside() {
            if hasChinese(outside) { unquoted.append(outside.trimmingCharacters(in: .whitespaces)) }
            outside = ""
        }
        for character in source {
            switch character {
            case "(", "（":
                if depth == 0 { flushOutside() } else { inside.append(character) }
                depth += 1
            case ")", "）":
                guard depth > 0 else {
                    outside.append(character)
                    continue
                }
                depth -= 1
                if depth > 0 {
                    inside.append(character)
                } else {
                    let text = inside.trimmingCharacters(in: .whitespaces)
                    if text.hasPrefix(paraphraseMarker) {
                        let paraphrase = text.dropFirst(paraphraseMarker.count)
                        paraphrases.append(paraphrase.trimmingCharacters(in: .whitespaces))
                    } else if hasChinese(text) {
                        quotes += text.components(separatedBy: "…").filter { !normalised($0).isEmpty }
                    }
                    inside = ""
                }
            default:
                if depth > 0 { inside.append(character) } else { outside.append(character) }
            }
        }
        flushOutside()
        return (quotes, paraphrases, unquoted)
    }

    /// Whether `text` holds a CJK ideograph.
    static func hasChinese(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) || (0x3400...0x4DBF).contains($0.value) }
    }

    /// `text` as quotes are compared: traditional characters folded to simplified, compatibility forms (full-width
    /// letters and digits) folded, the pinyin readings one capture puts after characters (`系統(tǒng)`) removed, and
    /// whitespace and punctuation dropped.
    static func normalised(_ text: String) -> String {
        let simplified = text.applyingTransform(StringTransform(rawValue: "Hant-Hans"), reverse: false) ?? text
        let folded = simplified.precomposedStringWithCompatibilityMapping
        let withoutPinyin = folded.replacing(/[(（][a-zàáâǎāèéêěēìíǐīòóǒōùúǔūǖǘǚǜü]+[)）]/, with: "")
        return String(String.UnicodeScalarView(withoutPinyin.unicodeScalars.filter {
            !CharacterSet.whitespacesAndNewlines.contains($0) && !CharacterSet.punctuationCharacters.contains($0)
        }))
    }
}

struct SourceQuoteTests {
    /// Every quote in a shipped `source:` is found word for word in the source plans. Skipped where the plans are
    /// not at `../shared/domain/seeds/` beside the project (they are not part of it; CI has them).
    @Test(.enabled(if: !SourceQuotes.seedFiles.isEmpty,
                   "the source plans are not at ../shared/domain/seeds/ beside the project: quotes not checked"))
    func everyQuoteIsFoundWordForWordInTheSourcePlans() throws {
        let plans = try SourceQuotes.seedFiles.map {
            SourceQuotes.normalised(try String(contentsOf: $0, encoding: .utf8))
        }
        var checked = 0
        var missing: [String] = []
        for id in ShippedPlaybooks.ids {
            for step in try ShippedPlaybooks.playbook(id).allSteps {
                for quote in SourceQuotes.quotes(in: step.source ?? "").quotes {
                    checked += 1
                    let wanted = SourceQuotes.normalised(quote)
                    if !plans.contains(where: { $0.contains(wanted) }) { missing.append("\(id):\(step.id): \(quote)") }
                }
            }
        }
        let advice = "mark a paraphrase as '(paraphrase: …)'"
        let list = missing.joined(separator: "\n")
        #expect(missing.isEmpty, "\(missing.count) of \(checked) quotes not word for word (\(advice)):\n\(list)")
        #expect(checked > 100)
    }

    /// Chinese in a shipped `source:` is always in parentheses: a quote or a marked paraphrase.
    @Test(arguments: ShippedPlaybooks.ids)
    func chineseInASourceIsAlwaysQuoted(_ id: String) throws {
        var unquoted: [String] = []
        for step in try ShippedPlaybooks.playbook(id).allSteps {
            unquoted += SourceQuotes.quotes(in: step.source ?? "").unquoted.map { "\(step.id): \($0)" }
        }
        #expect(unquoted.isEmpty, "\(id): Chinese outside parentheses:\n\(unquoted.joined(separator: "\n"))")
    }

    // MARK: The check itself

    @Test func quotesParaphrasesAndElisionsAreToldApart() {
        let found = SourceQuotes.quotes(in: """
            §4.1 ups-fault: record the lights (记录蜂鸣频率或指示灯状态); §3.7 termination (paraphrase: 由应急领导小组决定); \
            §4.3 small-fire (如果火势较小…并通知其他人协助灭火); §2 two-hour (2 hours); §1 leadership: 领导小组
            """)
        #expect(found.quotes == ["记录蜂鸣频率或指示灯状态", "如果火势较小", "并通知其他人协助灭火"])
        #expect(found.paraphrases == ["由应急领导小组决定"])
        #expect(found.unquoted.count == 1)
        // A quote may hold parentheses of its own.
        #expect(SourceQuotes.quotes(in: "§4.1 line-fault (温度过高(一般服务器工作温度不应超过40°C))").quotes
            == ["温度过高(一般服务器工作温度不应超过40°C)"])
    }

    @Test func traditionalCharactersPinyinWhitespaceAndPunctuationDoNotCount() {
        #expect(SourceQuotes.normalised("系統(tǒng)突發故障應急領導小組") == "系统突发故障应急领导小组")
        #expect(SourceQuotes.normalised("在故障处理期间，增加 巡检次数。") == "在故障处理期间增加巡检次数")
        #expect(SourceQuotes.normalised("４０°Ｃ") == "40°C")
        // What a quote says still counts: a changed word is not folded away.
        #expect(SourceQuotes.normalised("温度过高、工业风扇") != SourceQuotes.normalised("温度过高工业用风扇"))
    }
}
