import Foundation
import JSONText
import PlaybookLanguage
import Reporting
import RunEngine
import Testing

/// The engine refuses with codes; the words for people are said here, in English and Chinese, and a journal written
/// before codes shows the words it recorded.
struct RefusalWordsTests {
    /// Every parameter a code can name, filled with ids, people and lists, so that every code can be said.
    static func filled(_ code: Rejection.Code) -> Rejection {
        var parameters: [String: Rejection.Value] = [:]
        for name in ["step", "role", "person", "holder", "recorder", "command", "section", "notification", "level",
                     "chain", "instruction", "option", "owner", "approver", "other", "item", "fact", "value", "error",
                     "objective", "rating", "inject", "mark", "status"] {
            parameters[name] = .text("id_\(name)")
        }
        for name in ["held", "sections", "chains", "active", "roles", "standing", "items", "facts", "options", "values",
                     "objectives", "ratings", "statuses"] {
            parameters[name] = .list(["a_\(name)", "b_\(name)"])
        }
        parameters["seen"] = .number(3)
        parameters["changed"] = .number(5)
        parameters["count"] = .number(70)
        parameters["limit"] = .number(64)
        parameters["character"] = .text("U+001B")
        parameters["field"] = .text(EnteredText.Field.reason.rawValue)
        return Rejection(code, parameters.mapValues { Optional($0) })
    }

    static func hasChinese(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
    }

    /// ASCII words of `text` that are not ids of the sample, code points, numbers, or the commands a message names.
    static func englishWords(_ text: String) -> [String] {
        let commands: Set = ["muster", "status", "join", "--role", "grade", "regrade", "decide", "approve", "deny", "true", "false",
                             "--why", "staff", "controllers", "evaluators", "--to", "--text", "--action", "--owner"]
        var words: [String] = []
        var word = ""
        for character in text + " " {
            if character.isASCII && (character.isLetter || character.isNumber || character == "_" || character == "-"
                || character == "+") {
                word.append(character)
            } else {
                if word.contains(where: \.isLetter), !word.contains("_"), !commands.contains(word), !word.hasPrefix("U+") {
                    words.append(word)
                }
                word = ""
            }
        }
        return words
    }

    @Test(arguments: Rejection.Code.allCases.filter { $0 != .unexpected })
    func everyCodeIsSaidInEnglishAndInChineseWithoutEnglishWords(_ code: Rejection.Code) {
        let rejection = Self.filled(code)
        let english = RefusalWords.text(rejection, .en)
        let chinese = RefusalWords.text(rejection, .zh)
        #expect(!english.isEmpty && !Self.hasChinese(english), "\(english)")
        #expect(!english.contains(code.rawValue), "the code itself is said: \(english)")
        #expect(Self.hasChinese(chinese), "\(chinese)")
        #expect(Self.englishWords(chinese).isEmpty, "English words \(Self.englishWords(chinese)) in: \(chinese)")
        #expect(Self.hasChinese(RefusalWords.reason(rejection.reason, .zh)))
        #expect(RefusalWords.reason(rejection.reason, .en) == rejection.reason)
    }

    @Test func aJournaledCodeReadsInBothLanguagesAndTheEnglishLeadsWithItsClass() {
        let refusal = RecordedRefusal.coded(Rejection(.stepNotActive, ["step": .text("assess"), "active": .list(["report"])]))
        #expect(RefusalWords.recorded(refusal, .en) == "not-active: step 'assess' is not active; active: report")
        #expect(RefusalWords.recorded(refusal, .zh) == "步骤 'assess' 不在进行中；进行中的步骤：report")
        let words = ReportWords(language: .zh)
        #expect(words.describe(.commandRejected(command: "done", refusal: refusal), playbook: ReportKit.playbook)
            == "拒绝命令「完成」：步骤 'assess' 不在进行中；进行中的步骤：report")
    }

    /// Fixtures/refusals-before-codes.jsonl: two journal lines written before refusals had codes, one with Chinese.
    @Test func anOldJournalLineReadsAsItsWordsAndEncodesToTheSameBytes() throws {
        let text = try String(contentsOf: ReportKit.directory.appendingPathComponent("Fixtures/refusals-before-codes.jsonl"),
                              encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        var said: [(en: String, zh: String)] = []
        for line in lines {
            let object = try JSONValue.parse(line)
            let type = try #require(object["type"]?.stringValue)
            let data = try #require(object["data"])
            let kind = try EventCoding.decode(type: type, data: data)
            guard case .commandRejected(_, let refusal) = kind, case .prose = refusal else {
                Issue.record("not read as words: \(kind)")
                continue
            }
            #expect(JSONValue.object(EventCoding.encode(kind).data).serialized() == data.serialized())
            said.append((RefusalWords.recorded(refusal, .en), RefusalWords.recorded(refusal, .zh)))
        }
        #expect(said.map(\.en) == ["not-active: step 'assess' is not active; active: report",
                                   "wrong-role: zz may not act as 'on_site' (held by b)"])
        // Without Chinese on the line, a Chinese reader sees the English it recorded; with it, the Chinese.
        #expect(said.map(\.zh) == ["not-active: step 'assess' is not active; active: report",
                                   "zz 不能以 'on_site' 的身份操作（该角色由 b 担任）"])
    }

    /// The exercise staff's refusals are journaled as codes and said as they were when they were journaled in
    /// words.
    @Test func anExerciseStaffRefusalSaysWhatItsWordsSaid() {
        let notStaff = RecordedRefusal.coded(Rejection(.notAnEvaluator, ["person": .text("wang")]))
        #expect(RefusalWords.recorded(notStaff, .en)
            == "wrong-role: wang is not an evaluator of this drill (staff.evaluators in the scenario)")
        #expect(RefusalWords.recorded(notStaff, .zh) == "wang 不是本次演练的评估人员（见演练脚本的 staff.evaluators）")
        let rating = RecordedRefusal.coded(Rejection(.ratingUndefined, ["rating": .text("X"),
                                                                         "ratings": .list(["P", "S", "M", "U"])]))
        #expect(RefusalWords.recorded(rating, .en) == "invalid: a rating is P, S, M or U, not 'X'")
        #expect(RefusalWords.recorded(rating, .zh) == "评定只能是 P、S、M 或 U，而不是 'X'")
    }

    @Test func aCodeFromANewerMusterIsNotReadAsSomethingElse() throws {
        let data = try JSONValue.parse(#"{"command":"done","code":"no-such-code","parameters":{}}"#)
        #expect(throws: EventCoding.DecodingError.self) { try EventCoding.decode(type: "command.rejected", data: data) }
    }

    @Test func parametersKeepTheirKinds() throws {
        let rejection = Rejection(.stale, ["seen": .number(3), "changed": .number(5), "step": .text("report"), "held": nil])
        let kind = EventKind.commandRejected(command: "done", refusal: .coded(rejection))
        let data = EventCoding.encode(kind).data
        #expect(JSONValue.object(data).serialized()
            == #"{"command":"done","code":"stale","parameters":{"changed":5,"seen":3,"step":"report"}}"#)
        #expect(try EventCoding.decode(type: "command.rejected", data: .object(data)) == kind)
    }
}
