#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import Hashing
public import PlaybookLanguage

/// The pinned playbook, compiled: its compact form kept beside it in `playbook.compiled`, so that a command reads
/// the playbook without parsing YAML (which was most of the time a command took).
///
/// Like the checkpoint it is a cache, never the truth: it is used only when it was made from exactly the pinned
/// playbook's bytes (XXH64 of them) and its own checksum holds; anything else (missing, torn, stale, another
/// version's layout, a symlink) is ignored, and the caller decodes the YAML. `muster verify` compares it with the
/// YAML. Layout: XXH64 of the pinned playbook's bytes, XXH64 of the compact form (both 8 bytes, little-endian),
/// then the compact form.
extension Journal {
    /// Where the compiled playbook is kept.
    public var compiledPlaybookPath: String { directory + "/playbook.compiled" }

    /// The compiled playbook, if the file beside the journal holds one made from exactly `pinned`.
    public func compiledPlaybook(for pinned: [UInt8]) -> Playbook? {
        guard let descriptor = try? files.open(compiledPlaybookPath, flags: O_RDONLY | O_NOFOLLOW, mode: 0) else {
            return nil
        }
        defer { files.close(descriptor) }
        guard let size = try? files.size(descriptor), size >= 16, size <= Self.compiledSizeLimit(pinned),
            let bytes = try? files.read(descriptor, count: size), bytes.count == size,
            Self.littleEndian(bytes, at: 0) == XXH64.hash(pinned)
        else { return nil }
        let compact = Array(bytes[16...])
        guard Self.littleEndian(bytes, at: 8) == XXH64.hash(compact) else { return nil }
        return try? Playbook(compactForm: compact)
    }

    /// Keeps `playbook`, decoded from `pinned`, compiled beside the journal. A failure is ignored: the next
    /// command decodes the YAML again (as it does for a playbook whose compiled form would be over the limit).
    public func saveCompiledPlaybook(_ playbook: Playbook, for pinned: [UInt8]) {
        let compact = playbook.compactForm()
        guard 16 + compact.count <= Self.compiledSizeLimit(pinned) else { return }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(16 + compact.count)
        for hash in [XXH64.hash(pinned), XXH64.hash(compact)] {
            for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: hash >> UInt64(shift))) }
        }
        bytes += compact
        replaceCache(at: compiledPlaybookPath, with: bytes)
    }

    /// The largest compiled form read for a pinned playbook of this size: the compact form is smaller than the
    /// YAML unless anchors repeat large parts, so this bounds what a damaged or forged file can make a command
    /// read and allocate.
    static func compiledSizeLimit(_ pinned: [UInt8]) -> Int {
        16 + 8 * pinned.count + (64 << 10)
    }

    private static func littleEndian(_ bytes: [UInt8], at offset: Int) -> UInt64 {
        var value: UInt64 = 0
        for index in (offset..<offset + 8).reversed() { value = value << 8 | UInt64(bytes[index]) }
        return value
    }
}
