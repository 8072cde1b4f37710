/// The one rule for the ids a playbook names things by and the command line accepts: playbooks, roles, steps,
/// facts, options, items, levels, milestones, scenarios.
public enum Identifier {
    /// Whether `text` is an id: an ASCII letter, then ASCII letters, digits, `_` and `-` (read as bytes: ids are
    /// read on every command).
    public static func isValid(_ text: String) -> Bool {
        func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
        var bytes = text.utf8.makeIterator()
        guard let first = bytes.next(), isLetter(first) else { return false }
        while let byte = bytes.next() {
            guard isLetter(byte) || (0x30...0x39).contains(byte) || byte == 0x5F || byte == 0x2D else { return false }
        }
        return true
    }
}
