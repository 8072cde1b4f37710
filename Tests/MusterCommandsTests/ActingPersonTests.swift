import Testing

@testable import CommandSyntax

/// The person acting: `--as`, else `MUSTER_AS`; an empty `--as` names nobody; a command that needs one asks.
struct ActingPersonTests {
    static func invocation(_ words: [String], _ environment: [String: String] = [:]) throws -> Invocation {
        Invocation(arguments: try Arguments(words, options: SharedOptions.all), environment: environment,
                   console: Console(colourOut: false, colourError: false, out: { _ in }, error: { _ in }))
    }

    @Test func asComesBeforeTheEnvironmentAndEmptyIsNobody() throws {
        #expect(try Self.invocation(["--as", "alice"], ["MUSTER_AS": "bob"]).person == "alice")
        #expect(try Self.invocation([], ["MUSTER_AS": "bob"]).person == "bob")
        #expect(try Self.invocation(["--as", ""], ["MUSTER_AS": "bob"]).person == nil)
        #expect(try Self.invocation([], ["MUSTER_AS": ""]).person == nil)
    }

    @Test func aCommandThatNeedsAPersonAsksInItsOwnWords() throws {
        #expect(try Self.invocation(["--as", "carol"]).requiredPerson() == "carol")
        let nobody = try Self.invocation([])
        do {
            _ = try nobody.requiredPerson("whose inbox?", chinese: "谁的收件箱？", word: "EVALUATOR")
            Issue.record("nobody was taken for a person")
        } catch {
            #expect(error.message == "whose inbox? give --as EVALUATOR or set MUSTER_AS")
            #expect(error.chinese == "谁的收件箱？请给出 --as EVALUATOR 或设置 MUSTER_AS")
        }
    }
}
