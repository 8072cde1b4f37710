import JSONText
import PlaybookLanguage
import Runs
import Testing

/// What `verify` prints: the line count and head when intact, the bad line in English or Chinese when not, a
/// failed link on standard error, and JSON when asked.
struct VerificationOutputTests {
    static let t0 = RunsTests.t0

    @Test func anIntactRunSaysItsLinesAndHeadAndAFailedLinkFailsIt() throws {
        let runs = try RunsTests.startedRun()
        defer { RunsTests.remove(runs) }
        let found = try RunVerification.of("r", in: runs, head: nil)
        guard case .intact(let contents, nil) = found else {
            Issue.record("an intact run did not verify")
            return
        }
        let text = VerificationOutput(runID: "r", found: found, links: [], json: false, language: .en)
        #expect(text.ok && text.error.isEmpty)
        #expect(text.out == "ok: \(contents.lines.count) lines, checksums and chain intact; head \(contents.head)\n")
        let zh = VerificationOutput(runID: "r", found: found, links: [], json: false, language: .zh)
        #expect(zh.out.hasPrefix("正常：共 \(contents.lines.count) 行"))
        let broken = LinkVerification.Finding(ok: false, english: "run 'next' is missing", chinese: "缺少运行 'next'",
                                              run: "next")
        let json = VerificationOutput(runID: "r", found: found, links: [broken], json: true, language: .en)
        #expect(!json.ok && json.error == "muster: verify failed: run 'next' is missing\n")
        #expect(json.out.contains("\"ok\" : false") || json.out.contains("\"ok\": false"))
        #expect(json.out.contains("\"links\""))
        // In words, the journal is said intact but nothing says "ok" while a linked run fails.
        let words = VerificationOutput(runID: "r", found: found, links: [broken], json: false, language: .en)
        #expect(!words.ok && !words.out.hasPrefix("ok"))
        #expect(words.out.hasPrefix("journal intact: \(contents.lines.count) lines") && words.out.hasSuffix("but 1 linked run failed\n"))
        let chineseWords = VerificationOutput(runID: "r", found: found, links: [broken], json: false, language: .zh)
        #expect(chineseWords.out.hasPrefix("日志完好：") && chineseWords.out.contains("1 个关联运行校验失败"))
    }

    @Test(arguments: [Language.en, .zh])
    func aFailedRunNamesItsLineOnStandardError(language: Language) {
        let found = RunVerification.failed(line: 3, english: "checksum mismatch", chinese: "校验和不符")
        let text = VerificationOutput(runID: "r", found: found, links: [], json: false, language: language)
        #expect(!text.ok && text.out.isEmpty)
        #expect(text.error == (language == .zh ? "muster: 校验失败：第 3 行：校验和不符\n"
                                              : "muster: verify failed: line 3: checksum mismatch\n"))
        let json = VerificationOutput(runID: "r", found: found, links: [], json: true, language: language)
        #expect(json.out.contains("\"line\"") && json.out.contains("checksum mismatch"))
    }
}
