import Foundation
import Testing

@testable import CommandSyntax
@testable import MusterCommands

/// Every command's usage line is made from its declaration, and positionals are counted before a command runs.
struct CommandDeclarationTests {
    @Test func everyUsageIsGeneratedFromTheDeclaration() {
        for command in Commands.all.flatMap({ $0.subcommands.isEmpty ? [$0] : $0.subcommands }) {
            #expect(command.usage == command.generatedUsage, "\(command.name)")
            let words = command.usage.split(separator: " ").map(String.init)
            #expect(words.prefix(2 + command.name.split(separator: " ").count - 1).joined(separator: " ")
                == "muster " + command.name)
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

    /// The person acting is never named by the word a positional has: `drill unscript` hands a role to PERSON
    /// and is typed by its controller.
    @Test func theActingPersonIsNotNamedLikeAPositional() throws {
        for command in Commands.all.flatMap({ $0.subcommands.isEmpty ? [$0] : $0.subcommands }) where command.person != .none {
            #expect(!command.positionals.map(\.name).contains(command.personWord), "\(command.name): \(command.usage)")
        }
        let drill = try #require(Commands.named("drill"))
        let unscript = try #require(drill.subcommands.first { $0.name == "drill unscript" })
        #expect(unscript.usage == "muster drill unscript RUN ROLE PERSON --as CONTROLLER")
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
            #expect(error.text(.en) == english)
            #expect(error.text(.zh) == chinese)
        }
    }

    @Test func rightCountsPass() throws {
        try Commands.named("tick")!.checkPositionals(["r1", "s", "a", "b"])
        try Commands.named("progress")!.checkPositionals(["r1", "s"])
        try Commands.named("check")!.checkPositionals([])
        try Commands.named("verify")!.checkPositionals([])
    }

    @Test func aCommandWithSubcommandsShowsOneUsageLineEachAndRunsTheOneNamed() throws {
        let drill = try #require(Commands.named("drill"))
        let lines = drill.usage.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines == drill.subcommands.map(\.generatedUsage))
        #expect(lines.contains { $0.hasPrefix("muster drill advance RUN [DURATION] [--to-next] [--notify-command CMD]") })
        #expect(lines.contains { $0.hasPrefix("muster drill rate RUN OBJECTIVE P|S|M|U --as EVALUATOR --why TEXT") })
        // What only a controller may do says so.
        for name in ["inject", "cancel", "mark", "script", "unscript"] {
            #expect(lines.contains { $0.hasPrefix("muster drill \(name) ") && $0.contains("--as CONTROLLER") }, "\(name)")
        }
        #expect(try drill.subcommand(["--lang", "zh", "advance", "r1", "5m"]).name == "drill advance")
        do {
            _ = try drill.subcommand(["advanse", "r1"])
            Issue.record("an unknown subcommand was run")
        } catch {
            #expect(error.text(.en) == "unknown drill command 'advanse'; did you mean 'advance'?")
        }
        #expect(throws: UsageError.self) { try drill.subcommand([]) }
        let rate = try drill.subcommand(["rate"])
        do {
            try rate.checkPositionals(["r1", "o"])
            Issue.record("a rating without its grade passed")
        } catch {
            #expect(error.text(.en) == "drill rate takes a run id, an objective, a rating (P, S, M or U) and --why TEXT")
            #expect(error.text(.zh) == "drill rate 需要运行 id、一个目标、评定（P、S、M 或 U）和 --why TEXT")
        }
    }

    /// The commands only the drill's exercise staff may use say who, in their usage line and in the help's
    /// `--as` line, in English and Chinese: evaluators observe and rate, controllers move the exercise, either
    /// sets an improvement action.
    @Test(arguments: [
        ("observe", "EVALUATOR", "an evaluator the scenario names", "场景列明的评估人员"),
        ("rate", "EVALUATOR", "an evaluator the scenario names", "场景列明的评估人员"),
        ("inject", "CONTROLLER", "a controller the scenario names", "场景列明的导调人员"),
        ("improve", "CONTROLLER|EVALUATOR", "a controller or an evaluator the scenario names", "场景列明的导调或评估人员"),
    ])
    func aStaffCommandSaysWhoMayUseIt(name: String, word: String, english: String, chinese: String) throws {
        let command = try #require(Commands.named("drill")).subcommand([name])
        #expect(command.usage.contains(" --as \(word)"), "\(command.usage)")
        let help = Help.text(for: command)
        #expect(help.contains("--as \(word) "), "\(help)")
        #expect(help.contains("who is acting: \(english) (default: MUSTER_AS)"), "\(help)")
        #expect(!help.contains("--as PERSON"), "\(help)")
        let helpZH = Help.text(for: command, language: .zh)
        #expect(helpZH.contains("--as \(word) "), "\(helpZH)")
        #expect(helpZH.contains("操作人：\(chinese)（默认：MUSTER_AS）"), "\(helpZH)")
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
