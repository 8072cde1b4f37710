import Journaling
import Platform
import RunEngine
import Runs

/// `muster export RUN`: the run as one file that a client or an auditor verifies on any machine.
enum ExportCommand {
    static let spec = CommandSpec(
        name: "export",
        summary: "write a run as one file that anyone can verify (a tar archive)",
        positionals: [.run],
        discussion: """
            The journal, the pinned playbook, the head record and (for a drill) the scenario, as one tar archive
            for the client or an auditor: 'muster verify --bundle FILE' checks it on any machine, 'tar xf' opens
            it. The files are read under the journal's shared lock, so a run still going can be exported too (it is
            said to be open). A damaged run is not exported. stdout is the archive's path; it never overwrites a
            file.
            """,
        options: [.init(name: "--out", value: "FILE", summary: "write the archive to FILE (default: RUN.tar)")],
        run: run)

    static func run(_ invocation: Invocation) throws -> Int32 {
        let runID = invocation.arguments.positionals[0]
        let journal = Journal(directory: try RunsDirectory(invocation).runPath(runID))
        let snapshot: Journal.Snapshot
        let contents: Journal.Contents
        do throws(JournalError) {
            snapshot = try journal.snapshot()
            contents = try Journal.verify(snapshot).contents
        } catch {
            throw CommandFailure(error, runID: runID)
        }
        var members = [
            RunBundle.Member(name: "\(runID)/playbook.yaml", bytes: snapshot.playbook),
            RunBundle.Member(name: "\(runID)/journal.jsonl", bytes: snapshot.journal),
        ]
        if let record = snapshot.headRecord { members.append(.init(name: "\(runID)/journal.head", bytes: record)) }
        if case .bytes(let scenario) = FileReading.read(journal.directory + "/scenario.yaml", limit: 1 << 20) {
            members.append(.init(name: "\(runID)/scenario.yaml", bytes: scenario))
        }
        let state = RunState.fold(contents.events)
        let out = invocation.arguments.value("--out") ?? runID + ".tar"
        try FileOutput.write(RunBundle.archive(members, modified: state.lastEventAt / 1000), to: out)
        invocation.console.out(out + "\n")
        let open = !state.closed
        invocation.console.error(invocation.language == .zh
            ? "已导出运行 \(runID)：\(contents.lines.count) 行，链头 \(contents.head)\(open ? "（运行尚未结束）" : "")\n"
                + "校验：'muster verify --bundle \(out)'\n"
            : "exported run \(runID): \(contents.lines.count) lines, head \(contents.head)\(open ? " (still open)" : "")\n"
                + "verify it with 'muster verify --bundle \(out)'\n")
        return ExitStatus.success
    }
}
