import Platform
import Testing

struct FaultyFilesTests {
    @Test(arguments: [
        ("write:ENOSPC", InjectedFault.Operation.write, ErrorCode.noSpace as Int32?, 1),
        ("write:short@3", .write, nil, 3),
        ("fsync:EIO@2", .fsync, ErrorCode.io, 2),
        ("mkdir:EACCES", .mkdir, ErrorCode.accessDenied, 1),
        ("open:EROFS@12", .open, ErrorCode.readOnlyFileSystem, 12),
    ])
    func aFaultIsReadFromItsText(text: String, operation: InjectedFault.Operation, error: Int32?, occurrence: Int) throws {
        let fault = try #require(InjectedFault(text))
        #expect(fault.operation == operation)
        #expect(fault.error == error)
        #expect(fault.occurrence == occurrence)
    }

    @Test(arguments: [
        "", "write", "write:", "read:EIO", "write:ENOENT", "fsync:short", "write:EIO@0", "write:EIO@x", "write:EIO@",
        "WRITE:EIO",
    ])
    func aTextThatNamesNoFaultIsRefused(text: String) {
        #expect(InjectedFault(text) == nil)
    }

    /// Opens `journal.jsonl` in `directory` for appending through `files`.
    private func openJournal(_ files: FaultyFiles, in directory: TemporaryDirectory) throws -> Int32 {
        try files.open(
            directory("journal.jsonl"), flags: OpenFlags.writeOnly | OpenFlags.create, mode: 0o600)
    }

    @Test func onlyTheNthWriteToTheJournalFailsAndOnlyOnce() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let files = FaultyFiles(try #require(InjectedFault("write:EIO@2")))
        // A file that is not the journal is never struck.
        let other = try files.open(directory("notes"), flags: OpenFlags.writeOnly | OpenFlags.create, mode: 0o600)
        #expect(try files.write(other, [1, 2][...]) == 2)
        files.close(other)

        let journal = try openJournal(files, in: directory)
        defer { files.close(journal) }
        #expect(try files.write(journal, [1, 2, 3][...]) == 3)
        #expect(throws: FileError("write", path: "fd \(journal)", code: ErrorCode.io)) {
            try files.write(journal, [4, 5][...])
        }
        #expect(try files.write(journal, [6][...]) == 1)
        #expect(try files.size(journal) == 4)
    }

    @Test func aShortWriteWritesHalfAndTheNextWriteFindsTheDiskFull() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let files = FaultyFiles(try #require(InjectedFault("write:short")))
        let journal = try openJournal(files, in: directory)
        defer { files.close(journal) }
        #expect(try files.write(journal, [1, 2, 3, 4][...]) == 2)
        #expect(throws: FileError("write", path: "fd \(journal)", code: ErrorCode.noSpace)) {
            try files.write(journal, [3, 4][...])
        }
        #expect(try files.write(journal, [3, 4][...]) == 2)
    }

    @Test func theNthRunDirectoryCannotBeMade() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let files = FaultyFiles(try #require(InjectedFault("mkdir:EACCES@2")))
        try files.makeDirectory(directory("one"), mode: 0o700)
        #expect(throws: FileError("mkdir", path: directory("two"), code: ErrorCode.accessDenied)) {
            try files.makeDirectory(directory("two"), mode: 0o700)
        }
        #expect(FileStatus.isRealDirectory(directory("one")))
        #expect(!FileStatus.isRealDirectory(directory("two")))
    }
}
