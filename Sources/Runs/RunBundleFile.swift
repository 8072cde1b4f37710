public import Journaling
import Platform

/// An archive written by `muster export`, opened for `verify --bundle`: the run exported and the runs linked to it
/// (`continue_in`), each in its own folder.
public struct RunBundleFile: Sendable {
    /// One run's files, as a run directory would give them.
    public struct Bundled: Sendable {
        /// The journal, the pinned playbook and the head record.
        public var snapshot: Journal.Snapshot
        /// The pinned scenario of a drill, if the bundle holds one.
        public var scenario: [UInt8]?
    }

    /// The run exported: the first folder of the archive.
    public var runID: String
    /// Its files, as a run directory would give them.
    public var snapshot: Journal.Snapshot
    /// The pinned scenario of a drill, if the bundle holds one.
    public var scenario: [UInt8]?
    /// The other runs the archive holds (the runs linked to the one exported), by id.
    public var linked: [String: Bundled] = [:]

    /// The largest archive read (a run's journal is what makes it big).
    static let sizeLimit = 1 << 30

    /// Opens the archive at `path`.
    ///
    /// - Throws: `RunFailure` when it cannot be read or is not an archive `muster export` writes.
    public static func open(_ path: String) throws(RunFailure) -> RunBundleFile {
        func refused(_ why: String, _ chinese: String) -> RunFailure {
            RunFailure("'\(path)' is not a run exported by muster: \(why)",
                           chinese: "'\(path)' 不是 muster 导出的运行：\(chinese)")
        }
        let bytes: [UInt8]
        switch FileReading.read(path, limit: sizeLimit) {
        case .bytes(let read):
            guard read.count <= sizeLimit else { throw refused("it is larger than 1 GiB", "文件超过 1 GiB") }
            bytes = read
        case .failure(let why):
            throw RunFailure("cannot read '\(path)': \(why)", chinese: "无法读取 '\(path)'：\(why)")
        }
        let members: [RunBundle.Member]
        do throws(RunBundle.Problem) {
            members = try RunBundle.members(bytes)
        } catch {
            throw refused(error.description, "不是完整的 tar 归档（\(error.description)）")
        }
        var order: [String] = []
        var files: [String: [String: [UInt8]]] = [:]
        for member in members {
            let parts = member.name.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, RunBundle.memberNames.contains(parts[1]),
                files[parts[0]]?[parts[1]] == nil
            else {
                throw refused("it holds '\(member.name)'", "其中有 '\(member.name)'")
            }
            if files[parts[0]] == nil { order.append(parts[0]) }
            files[parts[0], default: [:]][parts[1]] = member.bytes
        }
        var runs: [String: Bundled] = [:]
        for run in order {
            guard let playbook = files[run]?["playbook.yaml"], let journal = files[run]?["journal.jsonl"] else {
                throw refused("it lacks the journal or the pinned playbook of run '\(run)'",
                              "缺少运行 '\(run)' 的日志或固定的预案")
            }
            runs[run] = Bundled(snapshot: Journal.Snapshot(playbook: playbook, journal: journal,
                                                           headRecord: files[run]?["journal.head"]),
                                scenario: files[run]?["scenario.yaml"])
        }
        guard let runID = order.first, let exported = runs.removeValue(forKey: runID) else {
            throw refused("it lacks the journal or the pinned playbook", "缺少日志或固定的预案")
        }
        return RunBundleFile(runID: runID, snapshot: exported.snapshot, scenario: exported.scenario, linked: runs)
    }
}
