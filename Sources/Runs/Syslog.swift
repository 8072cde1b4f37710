import Platform
import Reporting

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
        let ordered = ["run", "id", "key", "to", "roles", "drill"].compactMap { key in data[key].map { (key, $0) } }
        let bytes = message(text, data: ordered, at: SystemClock.wallMilliseconds(), host: CurrentProcess.hostName,
                            pid: CurrentProcess.id)
        do {
            try UnixDatagram.send(bytes, to: path)
            return .success(())
        } catch {
            switch error {
            case .pathTooLong:
                return .failure(Failure(why: "the syslog socket path '\(path)' is too long",
                                        whyChinese: "syslog 套接字路径 '\(path)' 过长"))
            case .system(let failure):
                let reason = failure.reason
                return .failure(Failure(why: "syslog: cannot \(failure.operation) '\(path)': \(reason)",
                                        whyChinese: "syslog：无法写入 '\(path)'：\(reason)"))
            }
        }
    }

    /// `2026-12-06T07:08:09.123Z`.
    static func timestamp(_ milliseconds: Int64) -> String {
        // TimeText: `2026-12-06 07:08:09Z`.
        let fraction = String(milliseconds % 1000)
        return String(TimeText.instant(milliseconds).dropLast().map { $0 == " " ? "T" : $0 })
            + "." + String(repeating: "0", count: 3 - fraction.count) + fraction + "Z"
    }
}
