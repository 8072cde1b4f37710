import Foundation
import Testing

/// The review's hostile names and odd files from the command line: one rule for names, ids never shadowed by the
/// working directory, and a directory walk that neither blocks on a pipe nor hides where a link leads.
struct NamesAndFilesTests {
    static let t0: Int64 = 1_767_225_600_000

    let directory: TemporaryDirectory
    init() throws { directory = try TemporaryDirectory() }

    var playbooks: String { Fixtures.repository.appendingPathComponent("Playbooks").path }

    func muster(_ arguments: [String], as person: String? = nil, playbooks: String? = nil) throws
        -> MusterProcess.Result
    {
        var environment = ["MUSTER_PLAYBOOKS": playbooks ?? self.playbooks, "MUSTER_NOW": String(Self.t0)]
        if let person { environment["MUSTER_AS"] = person }
        return try MusterProcess.run(arguments, in: directory.url, environment: environment)
    }

    @Test func aChineseNameIsAPersonAndAnEscapeSequenceIsNot() throws {
        let started = try muster(["start", "water-leak", "--run-id", "r", "--assign", "commander=张伟",
                                  "--assign", "on_site=o'neil.k"])
        #expect(started.status == 0, "\(started.stderr)")
        #expect(try muster(["note", "r", "到场"], as: "张伟").status == 0)
        let bad = try muster(["start", "water-leak", "--run-id", "s", "--assign", "commander=a\u{1B}[2Jb"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("control character U+001B"), "\(bad.stderr)")
        #expect(!FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("runs/s").path))
        let handover = try muster(["handover", "r", "on_site", "--to", String(repeating: "x", count: 65)], as: "张伟")
        #expect(handover.status == 1)
        #expect(handover.stderr.contains("at most 64"), "\(handover.stderr)")
        let long = try muster(["note", "r", String(repeating: "长", count: 4_001)], as: "张伟")
        #expect(long.status == 1)
        #expect(long.stderr.contains("at most 4000"), "\(long.stderr)")
    }

    /// bug10: a file in the working directory named like a playbook id does not replace the playbook; `./NAME`
    /// names the file.
    @Test func aFileInTheWorkingDirectoryNeverShadowsAnID() throws {
        let real = try String(contentsOfFile: playbooks + "/water-leak.yaml", encoding: .utf8)
        let fake = real.replacingOccurrences(of: "title: { en: Machine-room water leak", with: "title: { en: NOT THE REAL ONE")
        #expect(fake != real)
        try directory.write("water-leak", Array(fake.utf8))
        #expect(try muster(["start", "water-leak", "--run-id", "byid", "--assign", "commander=alice"]).status == 0)
        #expect(try muster(["status", "byid"]).stdout.contains("NOT THE REAL ONE") == false)
        #expect(try muster(["start", "./water-leak", "--run-id", "bypath", "--assign", "commander=alice"]).status == 0)
        #expect(try muster(["status", "bypath"]).stdout.contains("NOT THE REAL ONE"))
        let missing = try muster(["show", "water-leek"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no playbook 'water-leek' in"), "\(missing.stderr)")
    }

    /// bug10: a scenario drills the playbook whose id it names; a file named after the id holding another id is
    /// not taken for it.
    @Test func aScenarioNeverDrillsAPlaybookWithAnotherID() throws {
        let own = directory.url.appendingPathComponent("pb")
        try FileManager.default.createDirectory(at: own.appendingPathComponent("drills"), withIntermediateDirectories: true)
        let real = try String(contentsOfFile: playbooks + "/water-leak.yaml", encoding: .utf8)
        try real.replacingOccurrences(of: "\nid: water-leak\n", with: "\nid: something-else\n")
            .write(to: own.appendingPathComponent("water-leak.yaml"), atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(atPath: playbooks + "/drills/water-leak-on-time.yaml",
                                         toPath: own.appendingPathComponent("drills/water-leak-on-time.yaml").path)
        let started = try muster(["drill", "start", "water-leak-on-time", "--run-id", "d"], playbooks: own.path)
        #expect(started.status == 1)
        #expect(!FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("runs/d").path))
    }

    @Test func aDirectoryWalkSkipsAPipeAndSaysWhereALinkLeads() throws {
        let walked = directory.url.appendingPathComponent("walked")
        try FileManager.default.createDirectory(at: walked, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: playbooks + "/water-leak.yaml",
                                         toPath: walked.appendingPathComponent("water-leak.yaml").path)
        #expect(mkfifo(walked.appendingPathComponent("pipe.yaml").path, 0o600) == 0)
        try FileManager.default.copyItem(atPath: playbooks + "/fire.yaml",
                                         toPath: directory.url.appendingPathComponent("fire.yaml").path)
        try FileManager.default.createSymbolicLink(atPath: walked.appendingPathComponent("fire.yaml").path,
                                                   withDestinationPath: "../fire.yaml")
        let checked = try muster(["check", "walked"])
        #expect(checked.status == 0, "\(checked.stderr)")
        #expect(checked.stderr.contains("[file-not-regular]"), "\(checked.stderr)")
        #expect(checked.stderr.contains("[file-link-outside]"), "\(checked.stderr)")
        #expect(checked.stdout.contains("checked 2 files"), "\(checked.stdout)")
    }
}
