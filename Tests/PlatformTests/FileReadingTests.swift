import Glibc
import Platform
import Testing

struct FileReadingTests {
    @Test func aRegularFileIsReadWhole() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let bytes = (0..<200_000).map { UInt8($0 % 251) }
        let path = try directory.write("data", bytes)
        guard case .bytes(let read) = FileReading.read(path, limit: 1 << 20) else {
            Issue.record("the file was not read")
            return
        }
        #expect(read == bytes)
    }

    @Test func anOversizedFileGivesOneByteMoreThanTheLimit() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write("big", Array(repeating: 0x61, count: 5_000))
        guard case .bytes(let read) = FileReading.read(path, limit: 100) else {
            Issue.record("the file was not read")
            return
        }
        #expect(read.count == 101)
    }

    @Test(.timeLimit(.minutes(1)))
    func aFIFOIsRefusedAtOnceRatherThanWaitedOn() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = directory("fifo.yaml")
        try #require(mkfifo(path, 0o600) == 0)
        let started = SystemClock.monotonicSeconds()
        // No writer ever opens the FIFO: a blocking open would wait for ever.
        guard case .failure(let why) = FileReading.read(path, limit: 1 << 20) else {
            Issue.record("a FIFO was read")
            return
        }
        #expect(why == "it is not a regular file")
        #expect(SystemClock.monotonicSeconds() - started < 1)
    }

    @Test func aDirectoryAndAMissingFileSayWhy() {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        guard case .failure(let isDirectory) = FileReading.read(directory.path, limit: 10),
            case .failure(let missing) = FileReading.read(directory("missing"), limit: 10)
        else {
            Issue.record("read what is not a file")
            return
        }
        #expect(isDirectory == "it is a directory")
        #expect(missing == "no such file or directory")
    }
}
