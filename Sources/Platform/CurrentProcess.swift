import Glibc

/// This process: its environment, identity, signal set-up and exit.
public enum CurrentProcess {
    /// The environment, as `NAME=value` pairs; an entry without `=` is left out.
    public static func environment() -> [String: String] {
        var environment: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") {
                environment[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            pointer += 1
        }
        return environment
    }

    /// Ignores SIGPIPE: a write to a closed pipe then fails with EPIPE instead of killing the process.
    public static func ignoreBrokenPipes() {
        signal(SIGPIPE, SIG_IGN)
    }

    /// Marks every descriptor this process was given beyond stdin, stdout and stderr close-on-exec, so that no
    /// program it starts inherits them (read from `/proc/self/fd`; nothing is done where that cannot be read).
    public static func closeInheritedDescriptorsOnExec() {
        guard let names = Directory.names("/proc/self/fd") else { return }
        // The listing's own descriptor is closed by now: fcntl fails on it and it is skipped.
        for descriptor in names.compactMap({ Int32($0) }) where descriptor > 2 {
            let flags = fcntl(descriptor, F_GETFD)
            if flags >= 0 { _ = fcntl(descriptor, F_SETFD, flags | FD_CLOEXEC) }
        }
    }

    /// Ends the process with `status`.
    public static func exit(_ status: Int32) -> Never {
        Glibc.exit(status)
    }

    /// The process id.
    public static var id: Int32 { getpid() }

    /// The effective user id: who the process acts as.
    public static var effectiveUserID: UInt32 { UInt32(geteuid()) }

    /// The host's name (empty when the system will not say).
    public static var hostName: String {
        var buffer = [CChar](repeating: 0, count: 256)
        gethostname(&buffer, 255)
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
