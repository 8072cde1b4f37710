import Foundation
import PlaybookLanguage
import Testing

/// A condition may nest 100 levels (each `not`, parenthesis and further `and`/`or` part is one): one more is an
/// error at its place, and a hostile file's condition of hundreds of thousands of levels is that same error, not
/// a stack overflow in the parser or in whatever walks the condition after it.
struct ConditionDepthTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/compact/every-construct.yaml")

    /// The fixture with the condition of its third branch (`contained`) replaced by `condition`.
    static func check(_ condition: String) throws -> PlaybookCheckResult {
        let text = try String(contentsOf: fixture, encoding: .utf8)
        let original = "{ when: contained, goto: outcome.resolved }"
        #expect(text.contains(original))
        let changed = text.replacingOccurrences(of: original, with: "{ when: \"\(condition)\", goto: outcome.resolved }")
        return PlaybookChecker.check(Array(changed.utf8), file: "deep.yaml")
    }

    static func nots(_ count: Int) -> String { String(repeating: "not ", count: count) + "contained" }
    static func parts(_ count: Int) -> String { Array(repeating: "contained", count: count).joined(separator: " and ") }
    static func parentheses(_ count: Int) -> String {
        String(repeating: "(", count: count) + "contained" + String(repeating: ")", count: count)
    }

    @Test(arguments: [nots(100), parts(101), parentheses(100), "(" + nots(99) + ")", "not (" + parts(100) + ")"])
    func oneHundredLevelsAreAccepted(condition: String) throws {
        let result = try Self.check(condition)
        #expect(result.playbook != nil, "\(result.diagnostics.prefix(2))")
        #expect(!result.diagnostics.contains { $0.id == "condition-syntax" })
    }

    @Test(arguments: [nots(101), parts(102), parentheses(101), nots(200_000), parts(200_000), parentheses(100_000),
                      "(" + nots(100) + ")", "not (" + parts(101) + ")"])
    func deeperIsAnErrorAtItsPlace(condition: String) throws {
        let result = try Self.check(condition)
        #expect(result.playbook == nil)
        let error = try #require(result.diagnostics.first { $0.id == "condition-syntax" })
        #expect(error.message.hasPrefix("the condition nests more than 100 levels deep"), "\(error.message)")
        #expect(error.location?.line == 53)
    }

    /// The error points at the first level too many (the 101st `not` or parenthesis), however long the rest.
    @Test(arguments: [(nots(101), nots(200_000)), (parentheses(101), parentheses(100_000))])
    func theErrorPointsAtTheFirstLevelTooMany(short: String, long: String) throws {
        let columns = try [short, long].map { condition in
            try #require(try Self.check(condition).diagnostics.first { $0.id == "condition-syntax" }?.location?.column)
        }
        #expect(columns[0] == columns[1])
        let text = try String(contentsOf: Self.fixture, encoding: .utf8)
        let line = text.split(separator: "\n", omittingEmptySubsequences: false)[52]
        let conditionColumn = try #require(line.range(of: "contained")).lowerBound.utf16Offset(in: line) + 2
        #expect(columns[0] == conditionColumn + 100 * (short.hasPrefix("not") ? 4 : 1))
    }
}
