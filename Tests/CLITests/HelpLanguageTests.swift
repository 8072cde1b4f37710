import Foundation
import Testing

/// Help in Chinese: `muster help`, `muster help COMMAND` and `muster COMMAND --help` with `--lang zh` or
/// `MUSTER_LANG=zh`; English stays the default.
struct HelpLanguageTests {
    static func hasChinese(_ text: some StringProtocol) -> Bool {
        RefusalLanguageTests.hasChinese(String(text))
    }

    /// The command names the English overview lists.
    static func commandNames() throws -> [String] {
        let overview = try MusterProcess.run(["help"]).stdout
        let lines = overview.split(separator: "\n").drop { !$0.hasPrefix("commands:") }.dropFirst()
        return lines.prefix { $0.hasPrefix("  ") }.compactMap { $0.split(separator: " ").first.map(String.init) }
    }

    @Test func everyCommandAndEveryOptionHasAChineseSummary() throws {
        let names = try Self.commandNames()
        #expect(names.count >= 30)
        for name in names {
            let help = try MusterProcess.run(["help", name, "--lang", "zh"])
            #expect(help.status == 0)
            let lines = help.stdout.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.first?.hasPrefix("用法: muster \(name)") == true, "\(name): \(help.stdout)")
            // The summary is the first line after the usage lines and a blank one.
            let summary = try #require(lines.drop { !$0.isEmpty }.dropFirst().first, "\(name)")
            #expect(Self.hasChinese(summary), "\(name): \(summary)")
            let options = lines.drop { $0 != "选项:" }.dropFirst().filter { !$0.isEmpty }
            #expect(!options.isEmpty, "\(name)")
            for option in options { #expect(Self.hasChinese(option), "\(name): \(option)") }
        }
    }

    @Test func aSubcommandHasItsOwnUsageAndHelpInBothLanguages() throws {
        let wrong = try MusterProcess.run(["drill", "rate", "r1", "o", "--lang", "zh"])
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("drill rate 需要运行 id、一个目标、评定（P、S、M 或 U）和 --why TEXT"), "\(wrong.stderr)")
        #expect(wrong.stderr.contains("用法: muster drill rate RUN OBJECTIVE P|S|M|U --as EVALUATOR --why TEXT"))
        #expect(wrong.stderr.contains("见 'muster help drill rate --lang zh'"))
        let help = try MusterProcess.run(["help", "drill", "rate", "--lang", "zh"])
        #expect(help.status == 0)
        #expect(help.stdout.hasPrefix("用法: muster drill rate RUN OBJECTIVE"), "\(help.stdout)")
        #expect(help.stdout.contains("评估人员对某一目标的评定，附书面理由"))
        #expect(help.stdout.contains("操作人：场景列明的评估人员（默认：MUSTER_AS）"), "\(help.stdout)")
        let english = try MusterProcess.run(["drill", "advanse", "r1"])
        #expect(english.status == 2)
        #expect(english.stderr.contains("unknown drill command 'advanse'; did you mean 'advance'?"))
        #expect(english.stderr.contains("usage: muster drill start SCENARIO"))
        // An option of another subcommand is not this one's.
        let misplaced = try MusterProcess.run(["drill", "due", "--to-next"])
        #expect(misplaced.status == 2)
        #expect(misplaced.stderr.contains("unknown option '--to-next'"))
        let unknown = try MusterProcess.run(["drill", "start", "s", "--clok", "real"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("unknown option '--clok'; did you mean '--clock'?"), "\(unknown.stderr)")
    }

    @Test func theOverviewListsEveryCommandInChinese() throws {
        let names = try Self.commandNames()
        let overview = try MusterProcess.run(["help"], environment: ["MUSTER_LANG": "zh"]).stdout
        #expect(overview.contains("命令:"))
        for name in names {
            let line = overview.split(separator: "\n").first { $0.hasPrefix("  \(name) ") }
            #expect(line.map(Self.hasChinese) == true, "\(name)")
        }
    }

    @Test func aCommandsHelpFlagFollowsTheLanguage() throws {
        let chinese = try MusterProcess.run(["ack", "--help"], environment: ["MUSTER_LANG": "zh"])
        #expect(chinese.stdout.contains("确认步骤：已有人接手"))
        #expect(chinese.stdout.contains("command.rejected 记入日志"))
        let english = try MusterProcess.run(["ack", "--help"])
        #expect(english.stdout.contains("acknowledge a step: someone has taken it"))
        #expect(!Self.hasChinese(english.stdout))
        #expect(try MusterProcess.run(["help", "start", "--lang=zh"]).stdout.contains("启动一次预案实战运行"))
        // `--lang` anywhere: before the command asked about, and before `help` itself.
        for arguments in [["help", "--lang", "zh", "start"], ["--lang", "zh", "help", "start"], ["--lang=zh", "start", "--help"]] {
            let help = try MusterProcess.run(arguments)
            #expect(help.status == 0, "\(arguments): \(help.stderr)")
            #expect(help.stdout.hasPrefix("用法: muster start"), "\(arguments): \(help.stdout)")
        }
        #expect(try MusterProcess.run(["help", "--lang", "zh"]).stdout.contains("命令:"))
        // The English summaries are gone from the Chinese help.
        #expect(!(try MusterProcess.run(["help", "start", "--lang", "zh"]).stdout.contains("start a live run")))
    }
}

/// A responder who types a command wrong is told so in Chinese with `--lang zh`: exit 2, the usage line, and where
/// the Chinese help is.
struct UsageLanguageTests {
    @Test(arguments: [
        (["ack", "r1"], "muster: error: ack 需要运行 id 和一个步骤"),
        (["ack", "r1", "report"], "muster: error: 操作人是谁？请给出 --as PERSON 或设置 MUSTER_AS"),
        (["ackk", "r1"], "muster: error: 没有命令 'ackk'；是不是 'ack'？"),
        (["ack", "r1", "report", "--person", "x"], "muster: error: 没有选项 '--person'"),
    ])
    func aUsageErrorIsSaidInChinese(arguments: [String], expected: String) throws {
        let result = try MusterProcess.run(arguments, environment: ["MUSTER_LANG": "zh"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix(expected), "\(result.stderr)")
        #expect(result.stderr.contains("见 'muster "), "\(result.stderr)")
        let english = try MusterProcess.run(arguments)
        #expect(english.status == 2)
        #expect(!HelpLanguageTests.hasChinese(english.stderr), "\(english.stderr)")
    }
}
