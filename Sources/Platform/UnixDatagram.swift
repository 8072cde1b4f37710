import Glibc

/// One datagram to a local (Unix-domain) socket, such as syslog's `/dev/log`.
public enum UnixDatagram {
    /// Why a datagram was not sent.
    public enum Failure: Error, Sendable, Equatable {
        /// The socket's path does not fit in a socket address.
        case pathTooLong
        /// A system call failed: `socket`, or `send to` (the socket is missing, or nobody reads it).
        case system(FileError)
    }

    /// Sends `bytes` as one datagram to the socket at `path`.
    public static func send(_ bytes: [UInt8], to path: String) throws(Failure) {
        let descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        guard descriptor >= 0 else { throw .system(FileError("socket", path: path, code: errno)) }
        defer { close(descriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let pathBytes = Array(path.utf8)
        guard pathBytes.count < MemoryLayout.size(ofValue: address.sun_path) else { throw .pathTooLong }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in pathBytes.enumerated() { raw[index] = byte }
        }
        let sent = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bytes.withUnsafeBytes { buffer in
                    sendto(descriptor, buffer.baseAddress, buffer.count, 0, socketAddress,
                           socklen_t(MemoryLayout<sockaddr_un>.size))
                }
            }
        }
        guard sent == bytes.count else { throw .system(FileError("send to", path: path, code: errno)) }
    }
}
