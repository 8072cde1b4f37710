import Glibc
import Platform
import Testing

struct WriteAllTests {
    @Test func shortWritesAreContinuedUntilEveryByteIsWritten() throws {
        let bytes = (0..<1_000).map { UInt8($0 % 256) }
        var written: [UInt8] = []
        var calls = 0
        try writeAll(bytes[...], path: "test") { rest throws(FileError) in
            calls += 1
            // At most 7 bytes a call: every write is short.
            let taken = rest.prefix(7)
            written += taken
            return taken.count
        }
        #expect(written == bytes)
        #expect(calls == 143)
    }

    @Test func aWriteThatMakesNoProgressIsAnIOError() {
        #expect(throws: FileError("write", path: "test", code: ErrorCode.io)) {
            try writeAll([1, 2, 3][...], path: "test") { _ throws(FileError) in 0 }
        }
    }

    @Test func aFailedWriteIsPassedOn() {
        let failure = FileError("write", path: "fd 9", code: ErrorCode.noSpace)
        #expect(throws: failure) {
            try writeAll([1, 2, 3][...], path: "test") { _ throws(FileError) in throw failure }
        }
    }

    @Test func aNewPlainFileIsNeverWrittenOverAnExistingOne() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write("first", Array("one".utf8))
        do {
            try PlainFile.create(path, bytes: Array("two".utf8))
            Issue.record("an existing file was written over")
        } catch {
            #expect(error.operation == "open")
            #expect(error.nameTaken)
        }
        guard case .bytes(let read) = FileReading.read(path, limit: 10) else {
            Issue.record("the file was not read")
            return
        }
        #expect(read == Array("one".utf8))
    }
}
