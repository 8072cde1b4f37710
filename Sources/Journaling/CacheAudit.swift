import Hashing
import PlaybookLanguage
import RunEngine

extension Journal {
    /// What the caches beside the journal say that the journal and the pinned playbook do not, in `contents`
    /// just read: a checkpoint that fits this journal's lines but holds another state, a compiled playbook made
    /// for these bytes that is not the playbook they decode to. Commands trust both, so either means the file
    /// was altered (or a bug); deleting it is always safe, since commands rebuild it. Empty when they agree or
    /// would be ignored anyway (missing, torn, stale, another run's).
    public func cacheDisagreements(_ contents: Contents) -> [String] {
        var found: [String] = []
        // The chain's head after line n: the hash the next line names, or the journal's head after the last.
        let lines = contents.lines
        func head(_ line: Int) -> String { line == lines.count ? contents.head : lines[line].previous }
        if let checkpoint = readCheckpoint(), !lines.isEmpty, checkpoint.position.lines <= lines.count,
            checkpoint.playbookHash == XXH64.hash(contents.playbook), checkpoint.firstLine == head(1),
            checkpoint.position.head == head(checkpoint.position.lines),
            checkpoint.state != RunState.fold(lines.prefix(checkpoint.position.lines).map(\.event))
        {
            found.append("checkpoint.json holds a state that is not the fold of the \(checkpoint.position.lines) "
                + "lines it counts: it was altered; delete it (commands rebuild it from the journal)")
        }
        if let compiled = compiledPlaybook(for: contents.playbook),
            compiled != PlaybookChecker.decodeChecked(contents.playbook, file: "playbook.yaml")
        {
            found.append("playbook.compiled is not the playbook that playbook.yaml decodes to: it was altered; "
                + "delete it (commands rebuild it from playbook.yaml)")
        }
        return found
    }
}
