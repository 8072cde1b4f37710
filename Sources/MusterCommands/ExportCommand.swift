import CommandSyntax
import Runs

/// `muster export RUN`: the run as one file that a client or an auditor verifies on any machine.
enum ExportCommand {
    static let spec = CommandSpec(
        name: "export",
        summary: "write a run as one file that anyone can verify (a tar archive)",
        positionals: [.run],
        discussion: """
            The journal, the pinned playbook, the head record and (for a drill) the scenario, as one tar archive
            for the client or an auditor, with the same files of every run linked to it (continue_in), each in its
            own folder: 'muster verify --bundle FILE' checks it on any machine, 'tar xf' opens
            it. The files are read under the journal's shared lock, so a run still going can be exported too (it is
            said to be open). A damaged run is not exported. stdout is the archive's path; it never overwrites a
            file.
            """,
        options: [.init(name: "--out", value: "FILE", summary: "write the archive to FILE (default: RUN.tar)")],
        run: run)

    static func run(_ invocation: Invocation) throws -> Int32 {
        let runID = invocation.arguments.positionals[0]
        let export = try RunsDirectory(invocation).export(runID)
        let out = invocation.arguments.value("--out") ?? runID + ".tar"
        try FileOutput.write(export.archive, to: out)
        invocation.console.out(out + "\n")
        let (lines, head, open) = (export.lines, export.head, export.open)
        let zh = invocation.language == .zh
        let linked = export.linked.joined(separator: ", ")
        invocation.console.error(zh
            ? "已导出运行 \(runID)：\(lines) 行，链头 \(head)\(open ? "（运行尚未结束）" : "")\n"
                + (linked.isEmpty ? "" : "及其关联运行：\(linked)\n")
                + "校验：'muster verify --bundle \(out)'\n"
            : "exported run \(runID): \(lines) lines, head \(head)\(open ? " (still open)" : "")\n"
                + (linked.isEmpty ? "" : "with its linked runs: \(linked)\n")
                + "verify it with 'muster verify --bundle \(out)'\n")
        // A linked run that cannot be read is left out, and said: 'verify --bundle' names it as missing.
        for (run, failure) in export.missing.sorted(by: { $0.key < $1.key }) {
            invocation.console.error(zh
                ? "muster: 警告：关联运行 \(run) 未能一并导出：\(failure.text(.zh))\n"
                : "muster: warning: the linked run \(run) is not in the archive: \(failure.text(.en))\n")
        }
        return ExitStatus.success
    }
}
