import Platform
import RunEngine
import YAMLLoading

extension LinkedRuns {
    /// Finishes the continuation run `runID` asked for (`complete`), the linked run's playbook read by id from
    /// `playbooksDirectory`.
    ///
    /// - Returns: the link, when this call made or completed it; `nil` when there was nothing to do.
    /// - Throws: `RunFailure` saying what is missing (no such playbook among them included); the run keeps
    ///   waiting, and the next call tries again.
    @discardableResult
    public func complete(_ runID: String, playbooksDirectory directory: String) throws(RunFailure) -> RunLink? {
        try complete(runID) { id throws(RunFailure) in
            guard let path = PlaybookFiles.resolve(id, playbooksDirectory: directory),
                case .bytes(let bytes) = FileReading.read(path, limit: LoadLimits().maxFileBytes)
            else {
                throw RunFailure("no playbook '\(id)' in '\(directory)'", chinese: "'\(directory)' 中没有预案 '\(id)'")
            }
            return bytes
        }
    }
}
