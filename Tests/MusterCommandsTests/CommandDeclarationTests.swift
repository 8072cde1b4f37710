import Testing

@testable import MusterCommands

/// Every command's usage line is made from its declaration, and positionals are counted before a command runs.
struct CommandDeclarationTests {
    @Test func everyUsageButDrillsIsGeneratedFromTheDeclaration() {
        for command in Commands.all where command.name != "drill" {
            #expect(command.handWrittenUsage == nil, "\(command.name)")
            #expect(command.usage == command.generatedUsage, "\(command.name)")
            let words = command.usage.split(separator: " ").map(String.init)
            #expect(Array(words.prefix(2)) == ["muster", command.name])
            for positional in command.positionals { #expect(words.contains(positional.usage), "\(command.name)") }
            // Every own option, in the declared order.
            let shown = words.compactMap { word in
                command.options.firstIndex { word.trimmingBrackets == $0.name }
            }
            #expect(shown == Array(command.options.indices), "\(command.name): \(command.usage)")
        }
    }

    @Test func theUsageShowsArityRepetitionAndRequiredOptions() throws {
        let tick = try #require(Commands.named("tick"))
        #expect(tick.usage.hasPrefix("muster tick RUN STEP ITEM... [--as PERSON] [--expect-seq N]"))
        #expect(try #require(Commands.named("done")).usage.contains("STEP [--as PERSON] [--item ID]..."))
        #expect(try #require(Commands.named("progress")).usage.hasPrefix("muster progress RUN STEP [NOTE...]"))
        #expect(try #require(Commands.named("deny")).usage.contains(" --why TEXT "))
        #expect(try #require(Commands.named("check")).usage
            == "muster check [PATH...] [--strict] [--format text|json|sarif]")
        #expect(try #require(Commands.named("verify")).usage.hasPrefix("muster verify [RUN] [--head SHA256]"))
    }

    @Test(arguments: [
        ("ack", ["r1"], "ack takes a run id and a step", "ack 需要运行 id 和一个步骤"),
        ("ack", ["r1", "s", "x"], "ack takes a run id and a step, not also 'x'", "ack 需要运行 id 和一个步骤，多出了 'x'"),
        ("tick", ["r1", "s"], "tick takes a run id, a step and its items", "tick 需要运行 id、一个步骤和检查项"),
        ("join", [], "join takes a run id and --role ROLE", "join 需要运行 id 和 --role ROLE"),
        ("stats", ["x"], "stats takes no arguments, not 'x'", "stats 不需要参数，多出了 'x'"),
    ])
    func aWrongCountIsAUsageError(name: String, words: [String], english: String, chinese: String) throws {
        let command = try #require(Commands.named(name))
        #expect(throws: UsageError.self) { try command.checkPositionals(words) }
        do {
            try command.checkPositionals(words)
        } catch {
            #expect(error.text("en") == english)
            #expect(error.text("zh") == chinese)
        }
    }

    @Test func rightCountsPass() throws {
        try Commands.named("tick")!.checkPositionals(["r1", "s", "a", "b"])
        try Commands.named("progress")!.checkPositionals(["r1", "s"])
        try Commands.named("check")!.checkPositionals([])
        try Commands.named("verify")!.checkPositionals([])
    }

    @Test func theCompletionTablesFollowTheDeclarations() throws {
        let ack = CompletionTable(try #require(Commands.named("ack")))
        #expect(ack.positionals == [.run, .step])
        #expect(!ack.lastRepeats)
        #expect(ack.options.map(\.name).contains("--expect-seq"))
        let report = CompletionTable(try #require(Commands.named("report")))
        #expect(report.values.first { $0.name == "--format" }?.value == .words(["md", "json", "html"]))
        #expect(report.values.first { $0.name == "--out" }?.value == .files)
        #expect(report.values.first { $0.name == "--runs" }?.value == .directories)
    }
}

extension String {
    /// `[--as` or `--item]...` without the brackets and dots.
    fileprivate var trimmingBrackets: String {
        var text = Substring(self)
        while text.first == "[" { text = text.dropFirst() }
        while let last = text.last, last == "]" || last == "." { text = text.dropLast() }
        return String(text)
    }
}
