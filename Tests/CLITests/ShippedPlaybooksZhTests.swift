import Foundation
import JSONText
import Testing

/// `muster show PLAYBOOK --lang zh` on every shipped playbook leaves no English in what a responder reads.
///
/// The `来源` (source) lines are left aside: they cite the plans' clauses by id, for whoever reviews the playbook
/// against the plans, and are not translated. Everything else may hold only Chinese, the playbook's identifiers
/// (step, role, fact, option, outcome ids; conditions; clock names; units) and durations.
struct ShippedPlaybooksZhTests {
    static let shipped = ["power-loss", "water-leak", "fire", "virus", "network-outage", "core-hardware", "server-software", "aircon", "equipment-theft", "security-incident"]

    static func path(_ id: String) -> String {
        Fixtures.repository.appendingPathComponent("Playbooks/\(id).yaml").path
    }

    /// The outline without its source lines (the `来源：` line and the lines that continue it).
    static func withoutSources(_ outline: String) -> [String] {
        var kept: [String] = []
        var sourceIndent: Int?
        for line in outline.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let indent = line.prefix { $0 == " " }.count
            if let open = sourceIndent, !line.trimmingCharacters(in: .whitespaces).isEmpty, indent > open { continue }
            sourceIndent = nil
            if line.trimmingCharacters(in: .whitespaces).hasPrefix("来源：") {
                sourceIndent = indent
                continue
            }
            kept.append(line)
        }
        return kept
    }

    /// Runs of ASCII letters, digits, `_` and `-` that hold a letter: the words of `text` that could be English.
    static func asciiWords(_ text: String) -> [String] {
        var words: [String] = []
        var word = ""
        for character in text + " " {
            if character.isASCII && (character.isLetter || character.isNumber || character == "_" || character == "-") {
                word.append(character)
            } else {
                if word.contains(where: \.isLetter) { words.append(word) }
                word = ""
            }
        }
        return words
    }

    /// Whether `word` is a duration such as `10m` or `1h30m`.
    static func isDuration(_ word: String) -> Bool {
        var digits = false
        for character in word {
            if character.isNumber {
                digits = true
            } else if "dhms".contains(character), digits {
                digits = false
            } else {
                return false
            }
        }
        return !digits && !word.isEmpty
    }

    /// The words the Chinese outline may show: the playbook's identifiers, as the JSON outline gives them outside its
    /// texts, and the ASCII words its Chinese texts themselves use (`UPS`, `DDoS`).
    static func allowedWords(_ outline: JSONValue) -> Set<String> {
        let identifierKeys: Set<String> = [
            "id", "goto", "by", "notify", "on_expiry", "option", "owner", "path", "reached_when", "reassign", "record",
            "severity", "signal", "start", "stand_in", "values", "when", "unit", "version",
        ]
        let textKeys: Set<String> = ["title", "summary", "instructions", "text", "prompt", "until"]
        var words: Set<String> = []
        func visit(_ value: JSONValue, key: String?) {
            switch value {
            case .object(let object):
                for (name, member) in object {
                    if key == "clocks" { words.insert(name) }
                    visit(member, key: name)
                }
            case .array(let values):
                values.forEach { visit($0, key: key) }
            case .string(let text):
                if let key, identifierKeys.contains(key) || textKeys.contains(key) {
                    words.formUnion(asciiWords(text))
                }
            default:
                break
            }
        }
        visit(outline, key: nil)
        return words
    }

    @Test(arguments: shipped)
    func showInChineseLeavesNoEnglish(_ id: String) throws {
        let chinese = try MusterProcess.run(["show", Self.path(id), "--lang", "zh"])
        #expect(chinese.status == 0, "\(chinese.stderr)")
        #expect(chinese.stderr.isEmpty)
        let lines = Self.withoutSources(chinese.stdout)
        let kept = lines.joined(separator: "\n")
        #expect(lines.count > 30)
        #expect(lines.first?.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } == true)

        // No text a responder reads in English is left in the Chinese outline.
        let english = try JSONValue.parse(try MusterProcess.run(["show", Self.path(id), "--format", "json"]).stdout)
        let texts = ShowAndGraphTests.texts(in: english)
        #expect(texts.count > 15)
        let leftEnglish = texts.filter { kept.contains($0) }.sorted()
        #expect(leftEnglish.isEmpty,
                "\(id): English text left in the Chinese outline:\n\(leftEnglish.joined(separator: "\n"))")

        // What the outline may show in ASCII: the playbook's identifiers, words its Chinese texts use, durations.
        let chineseJSON = try JSONValue.parse(
            try MusterProcess.run(["show", Self.path(id), "--format", "json", "--lang", "zh"]).stdout)
        // The command that raises an at-any-time chain (`muster raise`) is typed as it is, in any language.
        let allowed = Self.allowedWords(chineseJSON).union(["outcome", "activated", "acknowledged", "done", "muster",
                                                            "raise"])

        // Nor any of the outline's own English labels, as words (a step may be called `outage_escalation`, a
        // checklist item `source`: an identifier is not a label).
        let keptWords = Set(Self.asciiWords(kept))
        for word in ["Roles", "Milestones", "Steps", "Outcomes", "owner", "deadlines", "escalation", "next", "source",
                     "track", "stand-in"] where !allowed.contains(word) {
            #expect(!keptWords.contains(word), "\(id): English label left in the Chinese outline: \(word)")
        }
        for phrase in ["worst case", "after the outcome"] {
            #expect(!kept.contains(phrase), "\(id): English label left in the Chinese outline: \(phrase)")
        }

        // Every ASCII word left is one of those.
        var stray: [String] = []
        for line in lines {
            let words = Self.asciiWords(line).filter { !allowed.contains($0) && !Self.isDuration($0) }
            if !words.isEmpty { stray.append("\(words.joined(separator: " ")) in: \(line)") }
        }
        #expect(stray.isEmpty, "\(id): English words in the Chinese outline:\n\(stray.joined(separator: "\n"))")
    }

    /// The source lines are really the only ones left aside: they start with a clause id.
    @Test func theSourceLinesLeftAsideAreClauseCitations() throws {
        let outline = try MusterProcess.run(["show", Self.path("fire"), "--lang", "zh"]).stdout
        let all = outline.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let dropped = all.count - Self.withoutSources(outline).count
        let sources = all.filter { $0.contains("来源：") }
        #expect(sources.count == 26)
        #expect(dropped >= sources.count)
        for line in sources {
            let cited = line.components(separatedBy: "来源：").last?.trimmingCharacters(in: .whitespaces)
            #expect(cited?.hasPrefix("§") == true, "\(line)")
        }
    }
}
