import Diagnostics
import Foundation
import Runs
import Testing

/// What `check` finds in the files it is given, in-process: every YAML file of a directory checked for what it
/// is, the problems sorted with the text of the files they are in, warnings made errors when strict.
struct CheckedFilesTests {
    /// A directory holding `files` (name and text).
    static func directory(_ files: [(String, String)]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("checked-files-" + UUID().uuidString).path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for (name, text) in files {
            #expect(FileManager.default.createFile(atPath: path + "/" + name, contents: Data(text.utf8)))
        }
        return path
    }

    /// The tiny playbook with a title in English only: sound, with one warning.
    static let englishTitleOnly = RunsTests.playbook.replacingOccurrences(
        of: "title: { en: Tiny, zh: 小 }", with: "title: Tiny")

    @Test func aDirectoryIsCheckedFileByFileAndItsProblemsSorted() throws {
        let path = try Self.directory([
            ("tiny.yaml", RunsTests.playbook), ("broken.yaml", "muster: 1\nid: broken\n"), ("notes.txt", "not yaml"),
        ])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let checked = CheckedFiles([path], playbooksDirectory: path, strict: false, keepingSources: true)
        #expect(checked.files == [path + "/broken.yaml", path + "/tiny.yaml"])
        #expect(checked.diagnostics.containsErrors)
        #expect(checked.diagnostics.allSatisfy { $0.file == path + "/broken.yaml" })
        #expect(checked.diagnostics == checked.diagnostics.sortedForOutput())
        #expect(Array(checked.sources.keys) == [path + "/broken.yaml"])
        #expect(CheckedFiles([path], playbooksDirectory: path, strict: false, keepingSources: false).sources.isEmpty)
    }

    @Test func theSummaryCountsFilesErrorsAndWarnings() throws {
        let path = try Self.directory([("tiny.yaml", RunsTests.playbook), ("other.yaml", Self.englishTitleOnly)])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let one = CheckedFiles([path + "/tiny.yaml"], playbooksDirectory: path, strict: false, keepingSources: false)
        #expect(one.summary == "checked 1 file: no problems\n")
        let both = CheckedFiles([path], playbooksDirectory: path, strict: false, keepingSources: false)
        let warnings = both.diagnostics.count
        #expect(warnings >= 1 && !both.diagnostics.containsErrors)
        #expect(both.summary == "checked 2 files: 0 errors, \(warnings == 1 ? "1 warning" : "\(warnings) warnings")\n")
    }

    @Test func strictMakesAWarningAnError() throws {
        let path = try Self.directory([("tiny.yaml", Self.englishTitleOnly)])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let lenient = CheckedFiles([path + "/tiny.yaml"], playbooksDirectory: path, strict: false, keepingSources: false)
        #expect(!lenient.diagnostics.isEmpty && !lenient.diagnostics.containsErrors)
        let strict = CheckedFiles([path + "/tiny.yaml"], playbooksDirectory: path, strict: true, keepingSources: false)
        #expect(strict.diagnostics.count == lenient.diagnostics.count && strict.diagnostics.containsErrors)
    }

    @Test func aFileThatCannotBeReadIsAProblemOfItsOwn() throws {
        let checked = CheckedFiles(["no-such-file.yaml"], playbooksDirectory: "nowhere", strict: false,
                                   keepingSources: true)
        #expect(checked.files == ["no-such-file.yaml"])
        #expect(checked.diagnostics.count == 1 && checked.diagnostics.containsErrors)
        #expect(checked.diagnostics.first?.message.hasPrefix("cannot read the file") == true)
    }

    @Test func aContactDirectoryIsCheckedAsOne() throws {
        let path = try Self.directory([("contacts.yaml", "contacts:\n  alice: { nothing: 1 }\n")])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let checked = CheckedFiles([path], playbooksDirectory: path, strict: false, keepingSources: false)
        // Checked as a contact directory, never as a playbook missing its keys.
        #expect(!checked.diagnostics.contains { $0.message.contains("the playbook is missing") })
    }
}
