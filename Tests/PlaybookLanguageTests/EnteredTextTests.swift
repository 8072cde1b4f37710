import PlaybookLanguage
import Testing

/// The one rule for people's names and the size limits of free text.
struct EnteredTextTests {
    @Test(arguments: ["alice", "张伟", "o'neil.k", "Anna Maria", "bob@example.org", String(repeating: "名", count: 64)])
    func aGoodNameIsAccepted(name: String) {
        #expect(EnteredText.nameProblem(name) == nil)
    }

    @Test(arguments: [
        ("", "empty"), (String(repeating: "x", count: 65), "at most 64"), ("a\u{1B}[2Jb", "U+001B"),
        ("gnp\u{202E}exe", "U+202E"), ("a\nb", "U+000A"), ("-x", "start with '-'"), (" alice", "space"),
        ("a\u{85}b", "U+0085"),
    ])
    func aBadNameIsRefusedWithItsReason(name: String, reason: String) throws {
        let problem = try #require(EnteredText.nameProblem(name))
        #expect(problem.english.contains(reason), "\(problem.english)")
        #expect(!problem.chinese.isEmpty)
    }

    @Test func aFreeTextKeepsNewlinesTabsAndBidiButNotEscapes() {
        #expect(EnteredText.textIssue("line one\n\tline two \u{202E}", field: .note) == nil)
        #expect(EnteredText.textIssue(String(repeating: "长", count: 4_000), field: .note) == nil)
        let long = EnteredText.textIssue(String(repeating: "长", count: 4_001), field: .note)
        #expect(long?.english == "a note has 4001 characters; at most 4000 are allowed")
        let bell = EnteredText.textIssue("ring\u{7}", field: .reason)
        #expect(bell?.english == "a reason holds the control character U+0007")
    }

    /// bug07: a mapping with a hundred thousand unknown keys is read in one pass; ten are named, the rest counted,
    /// and the known keys among them are still found.
    @Test func aHugeMappingIsReadOnceAndItsUnknownKeysAreCounted() throws {
        let base = """
            roles:
              commander: { title: { en: Commander, zh: 总指挥 } }
            severity:
              general: { title: { en: General, zh: 一般 } }
            start: work
            steps:
              work: { title: { en: Work, zh: 工作 }, owner: commander, next: outcome.done }
            outcomes:
              done: { kind: success, title: { en: Done, zh: 完成 } }

            """
        let keys = (0..<100_000).map { "k\($0): 1\n" }.joined()
        let text = "muster: 1\nid: huge\nversion: 1.0.0\ntitle: { en: Huge, zh: 大 }\n" + keys + base
        let result = PlaybookChecker.check(Array(text.utf8), file: "huge.yaml")
        let unknown = result.diagnostics.filter { $0.id == "unknown-key" }
        #expect(unknown.count == 11)
        #expect(unknown.last?.message == "99990 more unknown keys in the playbook, from 'k10' on")
        #expect(result.diagnostics.allSatisfy { $0.id == "unknown-key" }, "\(result.diagnostics.prefix(3))")
    }
}
