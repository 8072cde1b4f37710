/// A run as one file, for the client or an auditor: a POSIX ustar archive (what `tar xf` opens anywhere) holding
/// `<run id>/playbook.yaml`, `<run id>/journal.jsonl`, `<run id>/journal.head` and, for a drill,
/// `<run id>/scenario.yaml`. `muster verify --bundle FILE` checks it on any machine without the runs directory.
public enum RunBundle {
    /// One file of a bundle.
    public struct Member: Sendable, Hashable {
        /// Its path inside the archive.
        public var name: String
        /// Its bytes.
        public var bytes: [UInt8]

        public init(name: String, bytes: [UInt8]) {
            self.name = name
            self.bytes = bytes
        }
    }

    /// Why bytes are not a bundle.
    public struct Problem: Error, Sendable, Hashable, CustomStringConvertible {
        public var description: String
    }

    /// The names a bundle may hold, after its run id's folder.
    public static let memberNames = ["playbook.yaml", "journal.jsonl", "journal.head", "scenario.yaml"]

    /// The archive of `members`, each stamped `modified` (seconds since the epoch) with mode 0640.
    public static func archive(_ members: [Member], modified: Int64) -> [UInt8] {
        var bytes: [UInt8] = []
        for member in members {
            var header = [UInt8](repeating: 0, count: 512)
            func put(_ text: [UInt8], at offset: Int) {
                for (index, byte) in text.enumerated() { header[offset + index] = byte }
            }
            func octal(_ value: Int64, width: Int) -> [UInt8] {
                let digits = Array(String(value, radix: 8).utf8)
                return [UInt8](repeating: UInt8(ascii: "0"), count: max(0, width - 1 - digits.count)) + digits + [0]
            }
            put(Array(member.name.utf8.prefix(100)), at: 0)
            put(octal(0o640, width: 8), at: 100)
            put(octal(0, width: 8), at: 108)
            put(octal(0, width: 8), at: 116)
            put(octal(Int64(member.bytes.count), width: 12), at: 124)
            put(octal(modified, width: 12), at: 136)
            header[156] = UInt8(ascii: "0")
            put(Array("ustar\u{0}00".utf8), at: 257)
            put(Array(repeating: UInt8(ascii: " "), count: 8), at: 148)
            let sum = header.reduce(0) { $0 + Int64($1) }
            put(octal(sum, width: 7) + [UInt8(ascii: " ")], at: 148)
            bytes += header
            bytes += member.bytes
            bytes += [UInt8](repeating: 0, count: (512 - member.bytes.count % 512) % 512)
        }
        bytes += [UInt8](repeating: 0, count: 1024)
        return bytes
    }

    /// The members of an archive: regular files only, each header's checksum checked, nothing past the end.
    public static func members(_ bytes: [UInt8]) throws(Problem) -> [Member] {
        var members: [Member] = []
        var offset = 0
        while offset + 512 <= bytes.count {
            let header = Array(bytes[offset..<offset + 512])
            if header.allSatisfy({ $0 == 0 }) { return members }
            func field(_ start: Int, _ length: Int) -> ArraySlice<UInt8> {
                let slice = header[start..<start + length]
                return slice.prefix { $0 != 0 }
            }
            func octal(_ start: Int, _ length: Int) -> Int64? {
                let digits = field(start, length).filter { $0 != UInt8(ascii: " ") }
                guard !digits.isEmpty, digits.count <= 15,
                    digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "7")).contains($0) })
                else { return nil }
                return digits.reduce(0) { $0 * 8 + Int64($1 - UInt8(ascii: "0")) }
            }
            var blank = header
            for index in 148..<156 { blank[index] = UInt8(ascii: " ") }
            guard let sum = octal(148, 8), sum == blank.reduce(0, { $0 + Int64($1) }) else {
                throw Problem(description: "the header at byte \(offset) is not a tar header (its checksum fails)")
            }
            guard let size = octal(124, 12), size <= Int64(bytes.count - offset - 512) else {
                throw Problem(description: "the member at byte \(offset) runs past the end of the file")
            }
            guard header[156] == UInt8(ascii: "0") || header[156] == 0 else {
                throw Problem(description: "the member at byte \(offset) is not a regular file")
            }
            let name = String(decoding: field(0, 100), as: UTF8.self)
            let start = offset + 512
            members.append(Member(name: name, bytes: Array(bytes[start..<start + Int(size)])))
            offset = start + (Int(size) + 511) / 512 * 512
        }
        throw Problem(description: "the archive ends without its end marker: it was cut short")
    }
}
