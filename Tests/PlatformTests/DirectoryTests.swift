import Glibc
import Platform
import Testing

struct DirectoryTests {
    @Test func aListingHasEveryNameButDotAndDotDot() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("a.yaml", [])
        try directory.write(".hidden", [])
        try #require(mkdir(directory("sub"), 0o700) == 0)
        #expect(Directory.names(directory.path)?.sorted() == [".hidden", "a.yaml", "sub"])
        #expect(Directory.names(directory("missing")) == nil)
    }

    /// bug02: a run directory made in a setgid runs directory keeps the bit it inherits, so that its files get
    /// the team's group; elsewhere the mode is exactly the one asked for.
    @Test func aDirectoryMadeInASetgidDirectoryKeepsTheBit() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        try #require(mkdir(directory("shared"), 0o770) == 0)
        try #require(chmod(directory("shared"), 0o2770) == 0)
        try SystemFiles().makeDirectory(directory("shared/run"), mode: 0o770)
        #expect(try FileStatus.of(directory("shared/run")).permissions == 0o2770)
        try SystemFiles().makeDirectory(directory("plain"), mode: 0o770)
        #expect(try FileStatus.of(directory("plain")).permissions == 0o770)
        #expect(throws: FileError.self) { try Directory.list(directory("missing")) }
    }

    @Test func ensureMakesTheDirectoryWithItsModeWhateverTheUmask() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        // The umask is the process's: a file another test creates meanwhile is merely made 0600.
        let previous = umask(0o077)
        defer { umask(previous) }
        try Directory.ensure(directory("runs"), mode: 0o770)
        let status = try FileStatus.of(directory("runs"))
        #expect(status.kind == .directory)
        #expect(status.permissions == 0o770)
        // Something there already is left as it is.
        try Directory.ensure(directory("runs"), mode: 0o700)
        #expect(try FileStatus.of(directory("runs")).permissions == 0o770)
    }

    @Test func aSymbolicLinkIsSeenOnlyWhenLinksAreNotFollowed() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        try #require(mkdir(directory("real"), 0o700) == 0)
        try #require(symlink(directory("real"), directory("link")) == 0)
        #expect(FileStatus.isDirectory(directory("link")))
        #expect(!FileStatus.isRealDirectory(directory("link")))
        #expect(FileStatus.isSymbolicLink(directory("link")))
        #expect(FileStatus.isRealDirectory(directory("real")))
        #expect(try FileStatus.of(directory("link"), followingLinks: false).kind == .symbolicLink)
    }
}
