import Foundation
import Testing

/// What the command line says on stderr while people work (a run started, a drill started or played through, a
/// report written) is in the responder's language too.
struct ProgressLanguageTests {
    let directory: TemporaryDirectory
    init() throws { directory = try TemporaryDirectory() }

    func muster(_ arguments: [String], language: String) throws -> MusterProcess.Result {
        try MusterProcess.run(arguments, in: directory.url, environment: [
            "MUSTER_PLAYBOOKS": Fixtures.repository.appendingPathComponent("Playbooks").path,
            "MUSTER_NOW": String(RunCommandTests.t0), "MUSTER_LANG": language, "MUSTER_AS": "alice",
        ])
    }

    @Test func progressLinesFollowTheLanguage() throws {
        let start = ["start", "water-leak", "--run-id", "wl", "--assign", "commander=alice", "--assign", "on_site=bob"]
        let started = try muster(start, language: "zh")
        #expect(started.status == 0)
        #expect(started.stdout == "wl\n")
        #expect(started.stderr == "已启动 water-leak 0.2.0；进行中的步骤：report\n查看：'muster status wl'\n")

        let drill = try muster(["drill", "start", "water-leak-late-report", "--run-id", "d"], language: "zh")
        #expect(drill.status == 0, "\(drill.stderr)")
        // In Chinese the drill and its playbook are named by their titles, not their ids.
        #expect(drill.stderr.hasPrefix("演练「防静电地板下进水（上报迟缓）」（预案「机房漏水应急预案」）已开始，使用虚拟时钟"),
                "\(drill.stderr)")

        let played = try muster(["drill", "run", "water-leak-late-report", "--run-id", "p"], language: "zh")
        #expect(played.status == 0, "\(played.stderr)")
        #expect(played.stderr.contains("运行 p："), "\(played.stderr)")
        #expect(!played.stderr.contains("events;"))

        let written = try muster(["report", "wl", "--out", "wl.md"], language: "zh")
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stderr == "已写入 wl.md\n")

        // English stays the default.
        let english = try muster(["report", "wl", "--out", "wl-en.md"], language: "en")
        #expect(english.stderr == "wrote wl-en.md\n")
    }
}
