#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import Hashing
import PlaybookLanguage
import RunEngine

extension Journal {
    /// What the caches beside the journal say that the journal and the pinned playbook do not, in `contents`
    /// just read: a checkpoint that commands would start from (it fits the journal's bytes) but whose state,
    /// chain head or first instant is not the lines'; a compiled playbook made for these bytes that is not the
    /// playbook they decode to. Commands trust both, so either means the file was altered (or made by another
    /// version of Muster); deleting it is always safe, since commands rebuild it. Empty when they agree or would be
    /// ignored anyway (missing, torn, stale, another run's), or when the journal grew since `contents` was read.
    public func cacheDisagreements(_ contents: Contents) -> [String] {
        var found: [String] = []
        let lines = contents.lines
        if let checkpoint = readCheckpoint(), let bytes = journalBytes(), checkpoint.position.lines > 0,
            checkpoint.position.lines <= lines.count
        {
            var prefix = XXH64.Hasher()
            let counted = checkpoint.position.lines
            // The chain's head after the lines it counts: the hash the next line names, or the journal's head.
            let head = counted == lines.count ? contents.head : lines[counted].previous
            // Its byte offset must be just after the lines it counts (commands replay from there).
            let linesBeforeEnd = bytes[..<min(checkpoint.position.end, bytes.count)].reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
            if checkpoint.matches(journal: bytes, playbookHash: XXH64.hash(contents.playbook), prefix: &prefix),
                checkpoint.state != RunState.fold(lines.prefix(counted).map(\.event)) || linesBeforeEnd != counted
                    || checkpoint.position.head != head
                    || checkpoint.firstAt != (counted > 0 ? lines.first?.event.at : nil)
                    || checkpoint.firstLine != Self.firstLineHash(bytes)
            {
                found.append("checkpoint.bin does not describe the \(counted) lines it counts (their state, chain "
                    + "head, first instant, first line or end): it was altered; delete it (commands rebuild it from the journal)")
            }
        }
        if let compiled = compiledPlaybook(for: contents.playbook),
            compiled != PlaybookChecker.decodeChecked(contents.playbook, file: "playbook.yaml")
        {
            found.append("playbook.compiled is not the playbook that playbook.yaml decodes to: it was altered (or "
                + "made by another version of Muster); delete it (commands rebuild it from playbook.yaml)")
        }
        return found
    }

    /// The journal's bytes as they are now, read without the lock (`verify` only reads).
    private func journalBytes() -> [UInt8]? {
        guard let descriptor = try? files.open(journalPath, flags: O_RDONLY | O_NOFOLLOW, mode: 0) else { return nil }
        defer { files.close(descriptor) }
        guard let size = try? files.size(descriptor) else { return nil }
        return try? files.read(descriptor, count: size)
    }
}
