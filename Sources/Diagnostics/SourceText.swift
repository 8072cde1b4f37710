/// The lines of a source file, for quoting them under a diagnostic.
///
/// Lines end at LF, CRLF or a lone CR (as in YAML); a leading UTF-8 byte order mark is dropped. Bytes that are
/// not valid UTF-8 are shown as U+FFFD, so even a file rejected for its encoding can be quoted.
public struct SourceText: Sendable {
    /// The lines without their line breaks; `lines[0]` is line 1.
    public let lines: [String]

    /// Splits `bytes` into lines.
    public init(bytes: some Collection<UInt8>) {
        var bytes = Array(bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var lines: [String] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D {
                lines.append(String(decoding: bytes[start..<index], as: UTF8.self))
                if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                start = index + 1
            }
            index += 1
        }
        lines.append(String(decoding: bytes[start..<bytes.count], as: UTF8.self))
        self.lines = lines
    }

    /// Splits `text` into lines.
    public init(_ text: String) {
        self.init(bytes: Array(text.utf8))
    }

    /// The text of a 1-based line, or `nil` past the end.
    public func line(_ number: Int) -> String? {
        number >= 1 && number <= lines.count ? lines[number - 1] : nil
    }
}
