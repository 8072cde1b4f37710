import Foundation
import JSONText
import Testing

/// Each hazard is embedded inside an otherwise valid playbook; `muster check` must report it with its exact id,
/// line and column, exit 1, not crash, and write nothing.
struct HostileInputTests {
    /// The valid playbook the hazards are put into.
    static func base() throws -> [UInt8] { try Fixtures.bytes("valid.yaml") }

    /// The base playbook with `inserted` placed at the start of 1-based `line`.
    static func inserting(_ inserted: [UInt8], atLine line: Int) throws -> [UInt8] {
        var lines = try base().split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        lines.insert(inserted, at: line - 1)
        return Array(lines.joined(separator: [0x0A]))
    }

    /// The base playbook with `replacement` in place of the first `original`.
    static func replacing(_ original: String, with replacement: [UInt8]) throws -> [UInt8] {
        let bytes = try base()
        let needle = Array(original.utf8)
        let index = try #require((0...(bytes.count - needle.count)).first { bytes[$0..<($0 + needle.count)].elementsEqual(needle) })
        return Array(bytes[..<index]) + replacement + Array(bytes[(index + needle.count)...])
    }

    struct Expectation {
        var id: String
        var line: Int
        var column: Int
    }

    /// Checks `bytes` as a file and asserts the first diagnostic, the exit status, and that nothing was written.
    static func expectRejected(_ bytes: [UInt8], _ expected: Expectation, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let directory = try TemporaryDirectory()
        try directory.write("hazard.yaml", bytes)
        let result = try MusterProcess.run(["check", "hazard.yaml", "--format", "json"], in: directory.url)
        #expect(result.status == 1, "exit status", sourceLocation: sourceLocation)
        let report = try JSONValue.parse(result.stdout)
        let errors = report["diagnostics"]?.arrayValue?.filter { $0["severity"] == "error" } ?? []
        let first = try #require(errors.first, sourceLocation: sourceLocation)
        #expect(first["id"]?.stringValue == expected.id, sourceLocation: sourceLocation)
        #expect(first["line"]?.intValue == Int64(expected.line), "line", sourceLocation: sourceLocation)
        #expect(first["column"]?.intValue == Int64(expected.column), "column", sourceLocation: sourceLocation)
        #expect(try directory.listing() == ["hazard.yaml"], "nothing written", sourceLocation: sourceLocation)
        #expect(!result.stderr.contains("Fatal error"), sourceLocation: sourceLocation)
    }

    @Test func theBasePlaybookIsValid() throws {
        let directory = try TemporaryDirectory()
        try directory.write("base.yaml", try Self.base())
        let result = try MusterProcess.run(["check", "--strict", "base.yaml"], in: directory.url)
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func aliasBombOfNineLevelsOfNineIsStoppedAtTheAliasThatCrossesTheBudget() throws {
        var lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
        for level in 1..<9 {
            let previous = names[level - 1]
            lines.append("\(names[level]): &\(names[level]) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]")
        }
        // As a value of a known key, so that only the bomb is wrong: `summary` holds the bomb's mapping.
        let bomb = "summary:\n" + lines.map { "  " + $0 }.joined(separator: "\n")
        let bytes = try Self.inserting(Array(bomb.utf8), atLine: 7)
        // a=10 nodes, b adds 9x10, c 9x91, d 9x820, e 9x7381: 74 718 so far; the first *e in f crosses 100 000.
        // Line 7 is `summary:`, the levels a..i are lines 8..16; f is line 13, its first alias at column 10.
        try Self.expectRejected(bytes, Expectation(id: "yaml-alias-budget", line: 13, column: 10))
    }

    @Test func flowNestingOneHundredThousandDeepIsStoppedAtTheDepthLimit() throws {
        let deep = "summary: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let bytes = try Self.inserting(Array(deep.utf8), atLine: 7)
        // The root mapping is level 1, so the 100th '[' (column 10 + 99) is the 101st level.
        try Self.expectRejected(bytes, Expectation(id: "yaml-too-deep", line: 7, column: 109))
    }

    @Test func elevenMebibyteFileIsRejectedWhereItCrossesTheLimit() throws {
        var bytes = try Self.base()
        let baseLines = bytes.filter { $0 == 0x0A }.count
        let comment = Array(("# " + String(repeating: "x", count: 1021) + "\n").utf8)  // 1024 bytes a line
        while bytes.count < 11 * 1024 * 1024 { bytes += comment }
        // Byte 10 MiB + 1 lies in the padding: find its line and column.
        let limit = 10 * 1024 * 1024
        let baseCount = try Self.base().count
        let padding = limit - baseCount
        let line = baseLines + 1 + padding / 1024
        let column = padding % 1024 + 1
        try Self.expectRejected(bytes, Expectation(id: "file-too-large", line: line, column: column))
    }

    @Test(arguments: [
        ("lone continuation byte", [0x80] as [UInt8]),
        ("overlong encoding", [0xC0, 0xAF]),
        ("encoded surrogate", [0xED, 0xA0, 0x80]),
    ])
    func invalidUTF8IsReportedAtTheBadByte(_ name: String, _ bad: [UInt8]) throws {
        // Line 5 is `version: 0.1.0`; the bad bytes replace the '0' at column 10.
        let bytes = try Self.replacing("version: 0.1.0", with: Array("version: ".utf8) + bad + Array(".1.0".utf8))
        try Self.expectRejected(bytes, Expectation(id: "invalid-utf8", line: 5, column: 10))
    }

    @Test func nulByteIsReported() throws {
        let bytes = try Self.replacing("version: 0.1.0", with: Array("version: 0.1".utf8) + [0x00] + Array(".0".utf8))
        try Self.expectRejected(bytes, Expectation(id: "nul-character", line: 5, column: 13))
    }

    @Test func c1ControlCharacterIsReported() throws {
        // U+0086 (START OF SELECTED AREA), after a Chinese title so that the column counts scalars, not bytes.
        let bytes = try Self.replacing("zh: 机房漏水应急预案 }", with: Array("zh: 机房漏水应急预案".utf8) + [0xC2, 0x86] + Array(" }".utf8))
        try Self.expectRejected(bytes, Expectation(id: "control-character", line: 6, column: 51))
    }

    @Test func duplicateKeyIsReportedAtTheSecondWithANoteAtTheFirst() throws {
        let bytes = try Self.inserting(Array("version: 0.2.0".utf8), atLine: 7)
        try Self.expectRejected(bytes, Expectation(id: "yaml-duplicate-key", line: 7, column: 1))
        let directory = try TemporaryDirectory()
        try directory.write("hazard.yaml", bytes)
        let result = try MusterProcess.run(["check", "hazard.yaml"], in: directory.url)
        #expect(result.stderr.contains("hazard.yaml:5:1: note: 'version' is first defined here"))
    }

    @Test func tabUsedAsIndentationIsReported() throws {
        let bytes = try Self.replacing("  tech_lead: { title", with: Array("\ttech_lead: { title".utf8))
        try Self.expectRejected(bytes, Expectation(id: "yaml-tab-indentation", line: 10, column: 1))
    }

    @Test func secondDocumentIsReported() throws {
        var bytes = try Self.base()
        let lines = bytes.filter { $0 == 0x0A }.count
        bytes += Array("---\nid: another\n".utf8)
        try Self.expectRejected(bytes, Expectation(id: "yaml-multiple-documents", line: lines + 1, column: 1))
    }

    @Test func unknownTagIsReported() throws {
        let bytes = try Self.replacing("version: 0.1.0", with: Array("version: !!binary 0.1.0".utf8))
        try Self.expectRejected(bytes, Expectation(id: "yaml-unknown-tag", line: 5, column: 10))
    }

    /// A byte order mark and CRLF line ends load normally; an error placed on line 8 is reported on line 8.
    @Test(arguments: [(true, false), (false, true), (true, true)])
    func byteOrderMarkAndCRLFKeepLineNumbers(_ bom: Bool, _ crlf: Bool) throws {
        var text = String(decoding: try Self.base(), as: UTF8.self)
        if crlf { text = text.replacingOccurrences(of: "\n", with: "\r\n") }
        var bytes = (bom ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8)
        let directory = try TemporaryDirectory()
        try directory.write("ok.yaml", bytes)
        let ok = try MusterProcess.run(["check", "--strict", "ok.yaml"], in: directory.url)
        #expect(ok.status == 0, "\(ok.stderr)")

        let broken = text.replacingOccurrences(of: "  tech_lead: { title", with: "  tech_lead: { titel: x, title")
        bytes = (bom ? [0xEF, 0xBB, 0xBF] : []) + Array(broken.utf8)
        try Self.expectRejected(bytes, Expectation(id: "unknown-key", line: 10, column: 16))
    }
}
