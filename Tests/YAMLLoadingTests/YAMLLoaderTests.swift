import Diagnostics
import Testing
import YAMLLoading

struct YAMLLoaderTests {
    func load(_ text: String, limits: LoadLimits = LoadLimits()) -> LoadedYAML {
        YAMLLoader.load(text, file: "test.yaml", limits: limits)
    }

    @Test func nodesCarryOneBasedLinesAndColumnsInUnicodeScalars() throws {
        let loaded = load("title: 机房\nsteps:\n  - 报告: 停电\n")
        #expect(loaded.diagnostics.isEmpty)
        let root = try #require(loaded.root?.mapping)
        #expect(root[0].key.location == SourceLocation(line: 1, column: 1))
        #expect(root[0].value.location == SourceLocation(line: 1, column: 8))
        let item = try #require(root[1].value.sequence?.first?.mapping?.first)
        #expect(item.key.location == SourceLocation(line: 3, column: 5))
        // Two Chinese characters and ': ' later: column 9, though the bytes say otherwise.
        #expect(item.value.location == SourceLocation(line: 3, column: 9))
    }

    @Test(arguments: [
        ("yes", YAMLScalar.Style.plain), ("'yes'", .singleQuoted), ("\"on\"", .doubleQuoted),
        ("|\n  text\n", .literal), (">\n  text\n", .folded),
    ])
    func scalarsKeepTheirTextAndStyle(_ written: String, _ style: YAMLScalar.Style) throws {
        let value = try #require(load("key: " + written).root?.mapping?.first?.value.scalar)
        #expect(value.style == style)
        #expect(!value.text.isEmpty)
        if style == .plain { #expect(value.text == "yes") }
    }

    @Test func aliasesShareTheAnchoredNode() throws {
        let loaded = load("a: &x [1, 2]\nb: *x\n")
        let entries = try #require(loaded.root?.mapping)
        #expect(entries[1].value == entries[0].value)
        #expect(loaded.diagnostics.isEmpty)
    }

    @Test func undefinedAliasIsAnError() {
        let loaded = load("a: *nowhere\n")
        #expect(loaded.diagnostics.map(\.id) == ["yaml-undefined-alias"])
        #expect(loaded.diagnostics.first?.location == SourceLocation(line: 1, column: 4))
    }

    @Test func aliasBudgetCountsExpandedNodes() {
        let text = "a: &a [x, x, x, x]\nb: &b [*a, *a, *a, *a]\nc: [*b, *b]\n"
        // a = 5 nodes; b adds 4 x 5 = 20 (b = 21 nodes); c adds 2 x 21 = 42: 62 in all.
        #expect(load(text, limits: LoadLimits(maxAliasExpansion: 62)).diagnostics.isEmpty)
        let over = load(text, limits: LoadLimits(maxAliasExpansion: 61))
        #expect(over.diagnostics.map(\.id) == ["yaml-alias-budget"])
        #expect(over.diagnostics.first?.location == SourceLocation(line: 3, column: 9))
        #expect(over.root == nil)
    }

    @Test func duplicateKeysAreAllReportedWithTheFirstPlace() {
        let loaded = load("a: 1\nb: 2\na: 3\nb: 4\n")
        #expect(loaded.diagnostics.map(\.id) == ["yaml-duplicate-key", "yaml-duplicate-key"])
        #expect(loaded.diagnostics[0].notes.first?.location == SourceLocation(line: 1, column: 1))
        #expect(loaded.diagnostics[0].location == SourceLocation(line: 3, column: 1))
        #expect(loaded.root != nil)
    }

    @Test func depthLimitStopsDeepNesting() {
        let limits = LoadLimits(maxDepth: 3)
        #expect(load("a: [[1]]", limits: limits).diagnostics.isEmpty)
        let deep = load("a: [[[1]]]", limits: limits)
        #expect(deep.diagnostics.map(\.id) == ["yaml-too-deep"])
        #expect(deep.diagnostics.first?.location == SourceLocation(line: 1, column: 6))
    }

    @Test func fileSizeLimitIsCheckedBeforeParsing() {
        let loaded = load("a: 1\nb: 22\n", limits: LoadLimits(maxFileBytes: 8))
        #expect(loaded.diagnostics.map(\.id) == ["file-too-large"])
        // The ninth byte is the second '2' on line 2.
        #expect(loaded.diagnostics.first?.location == SourceLocation(line: 2, column: 4))
    }

    @Test func emptyTextHasNoRootAndNoProblem() {
        let loaded = load("")
        #expect(loaded.root == nil)
        #expect(loaded.diagnostics.isEmpty)
    }

    @Test func complexKeysAreRejected() {
        #expect(load("[a]: 1\n").diagnostics.map(\.id) == ["yaml-complex-key"])
    }

    @Test(arguments: [
        ("a: [1\n", "yaml-syntax", 2, 1),
        ("a: b: c\n", "yaml-syntax", 1, 5),
        ("a:\n\tb: 1\n", "yaml-tab-indentation", 2, 1),
    ])
    func syntaxErrorsPointAtTheProblem(_ text: String, _ id: String, _ line: Int, _ column: Int) {
        let loaded = load(text)
        #expect(loaded.diagnostics.map(\.id) == [id])
        #expect(loaded.diagnostics.first?.location == SourceLocation(line: line, column: column))
    }

    /// The usual indentation and quoting mistakes are said in plain words with the usual fix; what libyaml said
    /// stays as a note.
    @Test(arguments: [
        ("a:\n  b: 1\n c: 2\n", "is not indented like the keys of the mapping it is in", "did not find expected key"),
        ("a:\n  - x\n  b: 2\n", "is not indented like the '-' items of the list above it",
         "did not find expected '-' indicator"),
        ("a: b: c\n", "a ': ' inside plain text starts a new key here", "mapping values are not allowed in this context"),
        ("a: { en: x: y }\n", "text inside { } or [ ] that holds", "did not find expected ',' or '}'"),
    ])
    func commonSyntaxErrorsAreSaidInPlainWords(_ text: String, _ message: String, _ libyaml: String) {
        let diagnostic = load(text).diagnostics.first
        #expect(diagnostic?.message.contains(message) == true, "\(String(describing: diagnostic))")
        #expect(diagnostic?.notes.contains { $0.message == "libyaml says: " + libyaml } == true,
                "\(String(describing: diagnostic?.notes))")
    }

    @Test func encodingProblemsAreAllReportedUpToTheLimit() {
        var bytes: [UInt8] = []
        for _ in 0..<15 { bytes += Array("a: ".utf8) + [0xFF] + [0x0A] }
        let loaded = YAMLLoader.load(bytes, file: "x.yaml", limits: LoadLimits(maxEncodingDiagnostics: 10))
        #expect(loaded.diagnostics.count == 10)
        #expect(loaded.diagnostics.last?.notes.first?.message == "5 more encoding problems not shown")
        #expect(loaded.diagnostics.map(\.location?.line) == Array(1...10))
    }

    @Test func loneCarriageReturnsEndLinesToo() throws {
        let loaded = load("a: 1\rb: 2\r")
        let entries = try #require(loaded.root?.mapping)
        #expect(entries[1].key.location == SourceLocation(line: 2, column: 1))
    }
}
