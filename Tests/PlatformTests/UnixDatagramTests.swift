import Glibc
import Platform
import Testing

struct UnixDatagramTests {
    @Test func aDatagramArrivesWhole() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = directory("log")
        let listener = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        try #require(listener >= 0)
        defer { close(listener) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in path.utf8.enumerated() { raw[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(listener, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        try #require(bound == 0)
        let message = Array("<10>1 2026-12-06T07:08:09.123Z host muster 1 notification - 漏水".utf8)
        try UnixDatagram.send(message, to: path)
        var buffer = [UInt8](repeating: 0, count: 4_096)
        let got = buffer.withUnsafeMutableBytes { recv(listener, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
        #expect(Array(buffer.prefix(max(got, 0))) == message)
    }

    @Test func aMissingSocketIsASendFailure() {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        #expect(throws: UnixDatagram.Failure.system(FileError("send to", path: directory("none"),
                                                              code: ErrorCode.notFound))) {
            try UnixDatagram.send([1], to: directory("none"))
        }
    }

    @Test func aPathTooLongForASocketAddressIsRefused() {
        #expect(throws: UnixDatagram.Failure.pathTooLong) {
            try UnixDatagram.send([1], to: "/" + String(repeating: "x", count: 200))
        }
    }
}
