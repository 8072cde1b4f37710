public import Journaling
public import PlaybookLanguage

extension RunsDirectory {
    /// Every run of the directory read and verified, with its pinned playbook (decoded once for runs that pin the
    /// same bytes), or why it cannot be counted: no journal, a damaged one, a playbook that no longer checks.
    public func readAll() -> [(runID: String, read: Result<(contents: Journal.Contents, playbook: Playbook), RunFailure>)] {
        var playbooks: [[UInt8]: Playbook] = [:]
        return runIDs().map { runID in
            let contents: Journal.Contents
            do throws(JournalError) {
                contents = try Journal(directory: path + "/" + runID).read().contents
            } catch {
                let reason = switch error {
                case .notFound: "no journal.jsonl"
                default: error.description
                }
                return (runID, .failure(RunFailure(reason)))
            }
            if let playbook = playbooks[contents.playbook] { return (runID, .success((contents, playbook))) }
            guard let playbook = PlaybookChecker.check(contents.playbook, file: "playbook.yaml").playbook else {
                return (runID, .failure(RunFailure("its pinned playbook no longer checks")))
            }
            playbooks[contents.playbook] = playbook
            return (runID, .success((contents, playbook)))
        }
    }
}
