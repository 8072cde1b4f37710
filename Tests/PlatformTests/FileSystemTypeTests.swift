import Platform
import Testing

/// The filesystem type of a path, read from the kernel's mount table, and which types are network filesystems.
struct FileSystemTypeTests {
    @Test func theRootHasAType() {
        let type = FileSystemType.of("/")
        #expect(type != nil && type?.isEmpty == false)
    }

    @Test func aPathThatDoesNotResolveHasNone() {
        #expect(FileSystemType.of("/no/such/path/anywhere") == nil)
    }

    @Test func procIsItsOwnMount() {
        #expect(FileSystemType.of("/proc/self") == "proc")
    }

    @Test(arguments: [("nfs", true), ("nfs4", true), ("cifs", true), ("fuse.sshfs", true), ("ceph", true),
                      ("ext4", false), ("xfs", false), ("tmpfs", false), ("overlay", false), ("btrfs", false)])
    func networkFilesystemsAreKnownByName(name: String, network: Bool) {
        #expect(FileSystemType.isNetwork(name) == network)
    }
}
