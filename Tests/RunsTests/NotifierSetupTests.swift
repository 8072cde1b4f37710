import Foundation
import Runs
import Testing

/// The notifier a command has, in-process: the program it is given (else the runs directory's notify.yaml's), and
/// a delivery's timeout; nothing when nothing names a channel.
struct NotifierSetupTests {
    @Test func aGivenProgramIsSplitAtSpacesAndTakesTheTimeoutGiven() throws {
        let runs = try RunsTests.startedRun()
        defer { RunsTests.remove(runs) }
        #expect(try Notifier.configured(runsDirectory: runs.path, command: nil, contactsPath: nil, timeout: nil) == nil)
        let plain = try #require(try Notifier.configured(runsDirectory: runs.path, command: "/bin/page  --urgent",
                                                          contactsPath: nil, timeout: nil))
        #expect(plain.argv == ["/bin/page", "--urgent"] && plain.timeout == 10 && plain.contacts == nil)
        let quick = try #require(try Notifier.configured(runsDirectory: runs.path, command: "/bin/page",
                                                          contactsPath: nil, timeout: "2m"))
        #expect(quick.timeout == 120)
    }

    @Test func anEmptyProgramOrATimeoutThatIsNoDurationIsAUsageError() throws {
        let runs = try RunsTests.startedRun()
        defer { RunsTests.remove(runs) }
        #expect(throws: RunFailure("--notify-command is empty", isUsage: true)) {
            try Notifier.configured(runsDirectory: runs.path, command: "  ", contactsPath: nil, timeout: nil)
        }
        #expect(throws: RunFailure("--notify-timeout takes a duration like 5s, not 'soon'", isUsage: true)) {
            try Notifier.configured(runsDirectory: runs.path, command: "/bin/page", contactsPath: nil, timeout: "soon")
        }
    }

    @Test func aMissingContactDirectoryIsAFailure() throws {
        let runs = try RunsTests.startedRun()
        defer { RunsTests.remove(runs) }
        #expect(throws: RunFailure.self) {
            try Notifier.configured(runsDirectory: runs.path, command: "/bin/page",
                                    contactsPath: runs.path + "/no-such-contacts.yaml", timeout: nil)
        }
    }
}
