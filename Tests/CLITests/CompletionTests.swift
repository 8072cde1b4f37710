import Foundation
import Testing

/// `muster completion bash|zsh|fish` and the hidden helper the scripts call; and usage errors for wrong counts.
struct CompletionTests {
    @Test func theBashScriptParsesAndNamesEveryCommand() throws {
        let result = try MusterProcess.run(["completion", "bash"])
        #expect(result.status == 0, "\(result.stderr)")
        let directory = try TemporaryDirectory()
        let script = try directory.write("muster.bash", Array(result.stdout.utf8))
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/bin/bash")
        check.arguments = ["-n", script.path]
        try check.run()
        check.waitUntilExit()
        #expect(check.terminationStatus == 0)
        for name in try HelpLanguageTests.commandNames() {
            #expect(result.stdout.contains("\n        \(name))\n"), "\(name)")
        }
        #expect(result.stdout.contains("__complete runs"))
        #expect(result.stdout.contains("complete -F _muster muster"))
    }

    @Test func theBashScriptCompletesCommandsRunsAndFormats() throws {
        let directory = try TemporaryDirectory()
        let script = try MusterProcess.run(["completion", "bash"]).stdout
        try directory.write("muster.bash", Array(script.utf8))
        try FileManager.default.createDirectory(
            at: directory.url.appendingPathComponent("runs/r-one"), withIntermediateDirectories: true)
        func complete(_ words: [String]) throws -> [String] {
            let line = words.map { "'\($0)'" }.joined(separator: " ")
            let program = """
                compopt() { :; }
                source muster.bash
                COMP_WORDS=(\(line)); COMP_CWORD=\(words.count - 1)
                _muster
                printf '%s\\n' "${COMPREPLY[@]}"
                """
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = ["-c", program]
            process.currentDirectoryURL = directory.url
            let out = Pipe()
            process.standardOutput = out
            try process.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        }
        let muster = MusterProcess.binary.path
        #expect(try complete([muster, "sta"]) == ["start", "status", "stats"])
        #expect(try complete([muster, "ack", ""]) == ["r-one"])
        #expect(try complete([muster, "report", "r-one", "--format", ""]) == ["md", "json", "html"])
        #expect(try complete([muster, "ack", "r-one", "--exp"]) == ["--expect-seq"])
        #expect(try complete([muster, "completion", ""]) == ["bash", "zsh", "fish"])
        // A command's subcommands, then each subcommand's own positionals and options.
        #expect(try complete([muster, "drill", "ad"]) == ["advance"])
        #expect(try complete([muster, "drill", "advance", ""]) == ["r-one"])
        #expect(try complete([muster, "drill", "advance", "--to"]) == ["--to-next"])
        #expect(try complete([muster, "drill", "start", "--clock", ""]) == ["virtual", "real"])
        #expect(try complete([muster, "drill", "mark", "r-one", ""]) == ["startex", "endex", "pause", "resume"])
        #expect(try complete([muster, "drill", "rate", "r-one", "o", ""]) == ["P", "S", "M", "U"])
    }

    @Test func theZshAndFishScriptsAreGenerated() throws {
        let zsh = try MusterProcess.run(["completion", "zsh"])
        #expect(zsh.status == 0)
        #expect(zsh.stdout.hasPrefix("#compdef muster"))
        let fish = try MusterProcess.run(["completion", "fish"])
        #expect(fish.status == 0)
        #expect(fish.stdout.contains("complete -c muster -n 'test (__muster_command) = tick' -l expect-seq -x"))
        #expect(fish.stdout.contains("complete -c muster -n 'test (__muster_command) = drill.start' -l clock -x -a 'virtual real'"))
        #expect(zsh.stdout.contains("drill) if ((cword > 3)); then command=drill.${words[3]}; first=4; fi ;;"))
        let wrong = try MusterProcess.run(["completion", "tcsh"])
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("completion takes bash, zsh or fish, not 'tcsh'"))
    }

    @Test func theHelperListsRunsStepsAndPlaybooks() throws {
        let directory = try TemporaryDirectory()
        let runs = directory.url.appendingPathComponent("runs").path
        let playbooks = directory.url.appendingPathComponent("Playbooks")
        try FileManager.default.createDirectory(at: playbooks, withIntermediateDirectories: true)
        let fixture = URL(fileURLWithPath: ShowAndGraphTests.fixture)
        try FileManager.default.copyItem(at: fixture, to: playbooks.appendingPathComponent("fixture.yaml"))
        let ids = try MusterProcess.run(["__complete", "playbooks", "--playbooks", playbooks.path])
        #expect(ids.status == 0)
        let id = try #require(ids.stdout.split(separator: "\n").first.map(String.init))
        let started = try MusterProcess.run(
            ["start", id, "--playbooks", playbooks.path, "--runs", runs, "--run-id", "r1"])
        #expect(started.status == 0, "\(started.stderr)")
        #expect(try MusterProcess.run(["__complete", "runs", "--runs", runs]).stdout == "r1\n")
        let steps = try MusterProcess.run(["__complete", "steps", "r1"], environment: ["MUSTER_RUNS": runs])
        #expect(steps.status == 0)
        #expect(!steps.stdout.isEmpty)
        // Nothing to list is no error: a shell shows whatever a completion prints.
        #expect(try MusterProcess.run(["__complete", "steps", "nope", "--runs", runs]).stdout == "")
        #expect(try MusterProcess.run(["__complete", "whatever"]).status == 2)
    }

    @Test(arguments: [
        (["ack", "r1"], "muster: error: ack takes a run id and a step\nusage: muster ack RUN STEP [--as PERSON]"),
        (["tick", "r1", "s"], "muster: error: tick takes a run id, a step and its items\nusage: muster tick RUN STEP ITEM..."),
        (["status"], "muster: error: status takes a run id\nusage: muster status RUN"),
        (["runs", "x"], "muster: error: runs takes no arguments, not 'x'\nusage: muster runs [--tz ZONE] [--format text|json]"),
        (["export", "a", "b"], "muster: error: export takes a run id, not also 'b'\nusage: muster export RUN [--out FILE]"),
    ])
    func aWrongNumberOfArgumentsExits2WithTheUsage(arguments: [String], expected: String) throws {
        let result = try MusterProcess.run(arguments)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix(expected), "\(result.stderr)")
    }
}
