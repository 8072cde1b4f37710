import Diagnostics
import JSONText
import Testing

struct RenderingTests {
    let source = SourceText("id: fire\n  owner: 指挥官\n\tnext: x\n")

    @Test func caretSitsUnderTheColumnCountingWideCharactersAsTwoCells() {
        let diagnostic = Diagnostic.error("x", "bad", file: "f.yaml", at: SourceLocation(line: 2, column: 12))
        #expect(TextRenderer().render(diagnostic, source: SourceText("a\n  owner: 指挥官 z\n")) == """
            f.yaml:2:12: error: bad [x]
             2 |   owner: 指挥官 z
               |              ^

            """)
    }

    @Test func tabsInThePrefixAreKeptSoTheCaretLinesUp() {
        let diagnostic = Diagnostic.error("x", "bad", file: "f.yaml", at: SourceLocation(line: 3, column: 2))
        #expect(TextRenderer().render(diagnostic, source: source).contains("| \t^\n"))
    }

    /// A line longer than 160 characters is quoted as a 160-character window around the caret, `...` marking the
    /// cuts, and the caret still sits under its character.
    @Test func aLongLineIsQuotedAroundTheCaret() throws {
        let line = (0..<1_000).map { String($0 % 10) }.joined()
        let diagnostic = Diagnostic.error("x", "bad", file: "f.yaml", at: SourceLocation(line: 1, column: 501))
        let lines = TextRenderer().render(diagnostic, source: SourceText(line + "\n")).split(separator: "\n")
        let quoted = try #require(lines.count > 2 ? String(lines[1]) : nil)
        let window = String(line.dropFirst(500 - 53).prefix(160))
        #expect(quoted == " 1 | ..." + window + "...")
        let caretLine = String(lines[2])
        let caretColumn = caretLine.count - 1
        #expect(caretLine.hasSuffix("^"))
        #expect(Array(quoted)[caretColumn] == Array(line)[500])
        // Near the start the window starts at the start, and a short line is quoted whole.
        let early = Diagnostic.error("x", "bad", file: "f.yaml", at: SourceLocation(line: 1, column: 3))
        #expect(TextRenderer().render(early, source: SourceText(line + "\n")).contains(" 1 | " + line.prefix(160) + "...\n"))
    }

    @Test func hintAndNotesFollowTheSnippet() {
        let diagnostic = Diagnostic.error(
            "dup", "twice", file: "f.yaml", at: SourceLocation(line: 1, column: 1), hint: "keep one",
            notes: [.init("first here", at: SourceLocation(line: 2, column: 3)), .init("no place")])
        #expect(TextRenderer().render(diagnostic, source: source) == """
            f.yaml:1:1: error: twice [dup]
             1 | id: fire
               | ^
               = hint: keep one
               = note: no place
            f.yaml:2:3: note: first here
             2 |   owner: 指挥官
               |   ^

            """)
    }

    @Test func colourIsOnlyUsedWhenAskedFor() {
        let diagnostic = Diagnostic.warning("w", "careful", file: "f.yaml", at: nil)
        #expect(!TextRenderer(useColour: false).render(diagnostic, source: nil).contains("\u{1B}["))
        #expect(TextRenderer(useColour: true).render(diagnostic, source: nil).contains("\u{1B}[1;35mwarning:"))
    }

    @Test func fileLevelDiagnosticsHaveNoLineOrColumn() throws {
        let diagnostic = Diagnostic.error("file-unreadable", "cannot read", file: "gone.yaml", at: nil)
        #expect(TextRenderer().render(diagnostic, source: nil) == "gone.yaml: error: cannot read [file-unreadable]\n")
        let json = try JSONValue.parse(JSONReport.render([diagnostic], files: ["gone.yaml"]))
        #expect(json["diagnostics"]?.arrayValue?.first?["line"] == nil)
    }

    @Test func sortingIsByFileThenLocation() {
        let a = Diagnostic.error("a", "a", file: "b.yaml", at: SourceLocation(line: 2, column: 1))
        let b = Diagnostic.error("b", "b", file: "a.yaml", at: SourceLocation(line: 9, column: 1))
        let c = Diagnostic.error("c", "c", file: "b.yaml", at: SourceLocation(line: 1, column: 5))
        let d = Diagnostic.error("d", "d", file: "b.yaml", at: nil)
        #expect([a, b, c, d].sortedForOutput().map(\.id) == ["b", "d", "c", "a"])
    }

    @Test(arguments: [
        ("Playbooks/fire.yaml", "Playbooks/fire.yaml"), ("my plays/火.yaml", "my%20plays/%E7%81%AB.yaml"),
    ])
    func sarifURIsArePercentEncoded(_ path: String, _ uri: String) throws {
        let diagnostic = Diagnostic.error("x", "m", file: path, at: SourceLocation(line: 1, column: 1))
        let log = try JSONValue.parse(SARIFReport(toolName: "t", toolVersion: "1", rules: []).render([diagnostic], files: [path]))
        let location = log["runs"]?.arrayValue?.first?["results"]?.arrayValue?.first?["locations"]?.arrayValue?.first
        #expect(location?["physicalLocation"]?["artifactLocation"]?["uri"]?.stringValue == uri)
    }

    @Test(arguments: [
        ("titel", ["title", "steps"], "title"), ("stand-in", ["stand_in"], "stand_in"), ("xyz", ["title"], nil),
        ("ownr", ["owner", "source"], "owner"),
    ])
    func suggestionsFindCloseNames(_ name: String, _ candidates: [String], _ expected: String?) {
        #expect(NameSuggestion.closest(to: name, in: candidates) == expected)
    }
}
