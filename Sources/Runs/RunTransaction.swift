import Journaling
import RunEngine

extension RunSession {
    /// Runs `decide` under the journal's exclusive lock on its verified contents and appends the events it
    /// returns (none: nothing is written); every failure, the journal's or the decision's, comes out as a
    /// `RunFailure`. The one way a command of this layer writes to a run.
    ///
    /// - Returns: what `decide` made of the contents, and the journal after the write.
    func transaction<Decision>(
        _ decide: (Journal.Contents) throws -> (decision: Decision, append: [Event])
    ) throws(RunFailure) -> (decision: Decision, contents: Journal.Contents) {
        var decision: Decision?
        let contents: Journal.Contents
        do {
            contents = try journal.transact { contents in
                let made = try decide(contents)
                decision = made.decision
                return made.append
            }
        } catch let error as JournalError {
            throw RunFailure(error, runID: runID)
        } catch let error as RunFailure {
            throw error
        } catch {
            throw RunFailure("\(error)")
        }
        guard let decision else {
            throw RunFailure("the journal of '\(runID)' could not be read", chinese: "无法读取运行 '\(runID)' 的日志")
        }
        return (decision, contents)
    }
}
