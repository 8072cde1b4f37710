/// The names a shell completes (`muster __complete runs|steps RUN|playbooks`): run ids, the step ids of a run's
/// playbook, playbook ids. What cannot be read gives no names rather than an error, since a shell shows whatever
/// a completion prints.
public enum CompletionNames {
    /// The names `words` ask for (`runs`, `steps RUN`, `playbooks`), from `runs` and `playbooksDirectory`; `nil`
    /// when `words` ask for none of these.
    public static func names(_ words: [String], runs: RunsDirectory, playbooksDirectory: String) -> [String]? {
        switch (words.first, words.count) {
        case ("runs", 1): runs.runIDs()
        case ("steps", 2): (try? RunSession(words[1], in: runs, now: 0).read())?.playbook.allSteps.map(\.id) ?? []
        case ("playbooks", 1): PlaybookFiles.ids(in: playbooksDirectory)
        default: nil
        }
    }
}
