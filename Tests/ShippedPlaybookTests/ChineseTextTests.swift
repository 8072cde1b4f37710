import PlaybookLanguage
import Testing

/// Every text a responder reads in a shipped playbook has a Chinese form: written, holding Chinese characters,
/// and not a copy of the English. (An optional title left out becomes the id in both languages, so it fails too.)
struct ChineseTextTests {
    /// Every responder-facing text of `playbook`, each with where it is.
    static func texts(of playbook: Playbook) -> [(place: String, text: LocalizedText)] {
        var texts: [(String, LocalizedText)] = [("title", playbook.title)]
        if let summary = playbook.summary { texts.append(("summary", summary)) }
        texts += playbook.roles.map { ("role \($0.id)", $0.title) }
        texts += playbook.severities.map { ("severity \($0.id)", $0.title) }
        texts += playbook.milestones.map { ("milestone \($0.id)", $0.title) }
        texts += playbook.facts.map { ("fact \($0.id)", $0.title) }
        texts += playbook.outcomes.map { ("outcome \($0.id)", $0.title) }
        for step in playbook.allSteps {
            let place = "step \(step.id)"
            texts.append(("\(place) title", step.title))
            if let instructions = step.instructions { texts.append(("\(place) instructions", instructions)) }
            texts += step.checklist.map { ("\(place) checklist item \($0.id)", $0.text) }
            switch step.kind {
            case .decide(let decision):
                texts.append(("\(place) prompt", decision.prompt))
                texts += decision.options.map { ("\(place) option \($0.id)", $0.title) }
            case .wait(let wait):
                if let until = wait.until { texts.append(("\(place) wait", until)) }
            case .parallel(let parallel):
                texts += parallel.tracks.map { ("\(place) track \($0.id)", $0.title) }
            case .action, .approve:
                break
            }
        }
        return texts
    }

    /// Whether `text` holds a CJK ideograph.
    static func hasChinese(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) || (0x3400...0x4DBF).contains($0.value) }
    }

    @Test(arguments: ShippedPlaybooks.ids)
    func everyResponderFacingTextHasAChineseForm(_ id: String) throws {
        let playbook = try ShippedPlaybooks.playbook(id)
        let texts = Self.texts(of: playbook)
        var missing: [String] = []
        for (place, text) in texts {
            guard let chinese = text.chinese, Self.hasChinese(chinese) else {
                missing.append("\(place): no Chinese (\(text.chinese ?? "nil"))")
                continue
            }
            if let english = text.english, english == chinese { missing.append("\(place): Chinese is the English") }
            if text.english == nil { missing.append("\(place): no English") }
        }
        #expect(missing.isEmpty, "\(id): \(missing.count) of \(texts.count) texts:\n\(missing.joined(separator: "\n"))")
        // The walk above reaches the kinds of text the playbook has.
        #expect(texts.count > 15)
    }
}
