#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A notification as an RFC 5424 message in one datagram to the local syslog socket (`/dev/log` by default in
/// `notify.yaml`; a test listens on its own socket): facility user, severity critical, app `muster`, message id
/// `notification`, and the run, notification, key and recipient as structured data.
enum Syslog {
    struct Failure: Error {
        var why: String
        var whyChinese: String
    }

    /// The message's bytes.
    static func message(_ text: String, data: [(String, String)], at milliseconds: Int64, host: String, pid: Int32)
        -> [UInt8]
    {
        func escaped(_ value: String) -> String {
            var out = ""
            for character in value {
                if character == "\"" || character == "\\" || character == "]" { out.append("\\") }
                out.append(character)
            }
            return out
        }
        let parameters = data.map { "\($0.0)=\"\(escaped($0.1))\"" }.joined(separator: " ")
        let header = "<10>1 \(timestamp(milliseconds)) \(host.isEmpty ? "-" : host) muster \(pid) notification "
            + "[muster@32473 \(parameters)] "
        // The message is UTF-8, marked with a BOM as RFC 5424 asks.
        return Array(header.utf8) + [0xEF, 0xBB, 0xBF] + Array(text.utf8)
    }

    /// Sends one notification; a failure says why.
    static func send(message text: String, socket path: String, data: [String: String]) -> Result<Void, Failure> {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        let milliseconds = Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000
        var hostBuffer = [CChar](repeating: 0, count: 256)
        gethostname(&hostBuffer, 255)
        let host = String(decoding: hostBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let ordered = ["run", "id", "key", "to", "roles", "drill"].compactMap { key in data[key].map { (key, $0) } }
        let bytes = message(text, data: ordered, at: milliseconds, host: host, pid: getpid())
        let descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        guard descriptor >= 0 else { return .failure(failure("socket", path)) }
        defer { close(descriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let pathBytes = Array(path.utf8)
        guard pathBytes.count < MemoryLayout.size(ofValue: address.sun_path) else {
            return .failure(Failure(why: "the syslog socket path '\(path)' is too long",
                                    whyChinese: "syslog 套接字路径 '\(path)' 过长"))
        }
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
        guard sent == bytes.count else { return .failure(failure("send to", path)) }
        return .success(())
    }

    private static func failure(_ what: String, _ path: String) -> Failure {
        let reason = String(cString: strerror(errno)).lowercased()
        return Failure(why: "syslog: cannot \(what) '\(path)': \(reason)", whyChinese: "syslog：无法写入 '\(path)'：\(reason)")
    }

    /// `2026-12-06T07:08:09.123Z`.
    static func timestamp(_ milliseconds: Int64) -> String {
        var seconds = time_t(milliseconds / 1000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func pad(_ value: Int32, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))T"
            + "\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2))."
            + "\(pad(Int32(milliseconds % 1000), 3))Z"
    }
}
