import Journaling
public import RunEngine

extension RunsDirectory {
    /// Every run of the directory with its state, or `nil` for one whose journal cannot be read, sorted by id.
    ///
    /// - Throws: `RunFailure` when the directory is missing or cannot be read.
    public func listing() throws(RunFailure) -> [(runID: String, state: RunState?)] {
        try listedRunIDs().map { runID in
            let read = try? Journal(directory: path + "/" + runID).read()
            return (runID, read.map { RunState.fold($0.contents.events) })
        }
    }
}
