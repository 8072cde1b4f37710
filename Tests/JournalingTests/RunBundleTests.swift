import Foundation
import Journaling
import Testing

/// The export format is plain ustar: what it writes reads back, and the system's `tar` reads it too.
struct RunBundleTests {
    let members = [
        RunBundle.Member(name: "r/playbook.yaml", bytes: Array("muster: 1\n".utf8)),
        RunBundle.Member(name: "r/journal.jsonl", bytes: Array(repeating: UInt8(ascii: "x"), count: 1_000) + [0x0A]),
        RunBundle.Member(name: "r/journal.head", bytes: []),
    ]

    @Test func anArchiveReadsBackAsItsMembers() throws {
        let bytes = RunBundle.archive(members, modified: 1_767_225_600)
        #expect(bytes.count % 512 == 0)
        #expect(try RunBundle.members(bytes) == members)
    }

    @Test(arguments: [100, 600, 1_500])
    func anArchiveCutShortOrChangedInAHeaderIsRefused(cut: Int) throws {
        let bytes = RunBundle.archive(members, modified: 0)
        #expect(throws: RunBundle.Problem.self) { try RunBundle.members(Array(bytes.prefix(cut))) }
        var changed = bytes
        changed[130] ^= 0x01  // inside the first header's size field
        #expect(throws: RunBundle.Problem.self) { try RunBundle.members(changed) }
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/bin/tar")))
    func theSystemsTarListsIt() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bundle-\(UUID().uuidString).tar")
        defer { try? FileManager.default.removeItem(at: path) }
        try Data(RunBundle.archive(members, modified: 1_767_225_600)).write(to: path)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/tar")
        process.arguments = ["tf", path.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let listed = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(listed == "r/playbook.yaml\nr/journal.jsonl\nr/journal.head\n")
    }
}
