import Foundation
import Testing

/// What a scenario, a controller or an evaluator wrote, as the drill commands print it: on a terminal one line per
/// record, every control and bidirectional character shown as an escape; in the drill report's Markdown and HTML
/// as written, so that a right-to-left override cannot turn `gnp.exe` into `exe.png`.
struct DrillTerminalTextTests {
    let directory: TemporaryDirectory
    init() throws {
        directory = try TemporaryDirectory()
        let scenario = try Fixtures.text("../../../Playbooks/drills/water-leak-late-report.yaml")
            .replacingOccurrences(of: "user_leadership: grace }\n",
                                  with: "user_leadership: grace }\nstaff:\n  controllers: [wang]\n  evaluators: [zhao]\n")
        try directory.write("drills/staffed.yaml", Array(scenario.utf8))
    }

    func muster(_ arguments: [String], as person: String? = nil) throws -> MusterProcess.Result {
        try MusterProcess.run(arguments + (person.map { ["--as", $0] } ?? []), in: directory.url, environment: [
            "MUSTER_PLAYBOOKS": Fixtures.repository.appendingPathComponent("Playbooks").path,
            "MUSTER_NOW": "1796544000000",
        ])
    }

    static let spoof = "photo_\u{202E}gnp.exe\nforged line"

    @Test func anInjectsTextIsOneLineWithItsControlsShown() throws {
        #expect(try muster(["drill", "start", "drills/staffed.yaml", "--run-id", "t"]).status == 0)
        let sent = try muster(["drill", "inject", "t", "--to", "commander", "--text", Self.spoof], as: "wang")
        #expect(sent.status == 0, "\(sent.stderr)")
        #expect(sent.stdout.contains("photo_\\u{202E}gnp.exe\\u{A}forged line"), "\(sent.stdout)")
        #expect(!sent.stdout.unicodeScalars.contains("\u{202E}"))
        #expect(!sent.stdout.split(separator: "\n").contains { $0.hasPrefix("forged") })
    }

    @Test(arguments: ["md", "html"])
    func anObservationShowsAsWrittenInTheDrillReport(format: String) throws {
        #expect(try muster(["drill", "start", "drills/staffed.yaml", "--run-id", "o"]).status == 0)
        let observed = try muster(["drill", "observe", "o", "report_in_time", Self.spoof, "--strength"], as: "zhao")
        #expect(observed.status == 0, "\(observed.stderr)")
        for language in ["en", "zh"] {
            let report = try muster(["drill", "report", "o", "--format", format, "--lang", language]).stdout
            #expect(report.contains("photo_\\u{202E}gnp.exe"), "\(report)")
            #expect(!report.unicodeScalars.contains("\u{202E}"))
        }
    }
}
