public import Journaling
import Platform

/// An archive written by `muster export`, opened for `verify --bundle`.
public struct RunBundleFile: Sendable {
    /// The run it holds.
    public var runID: String
    /// Its files, as a run directory would give them.
    public var snapshot: Journal.Snapshot
    /// The pinned scenario of a drill, if the bundle holds one.
    public var scenario: [UInt8]?

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
        var runID: String?
        var files: [String: [UInt8]] = [:]
        for member in members {
            let parts = member.name.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, RunBundle.memberNames.contains(parts[1]),
                runID == nil || runID == parts[0], files[parts[1]] == nil
            else {
                throw refused("it holds '\(member.name)'", "其中有 '\(member.name)'")
            }
            runID = parts[0]
            files[parts[1]] = member.bytes
        }
        guard let runID, let playbook = files["playbook.yaml"], let journal = files["journal.jsonl"] else {
            throw refused("it lacks the journal or the pinned playbook", "缺少日志或固定的预案")
        }
        return RunBundleFile(runID: runID,
                          snapshot: Journal.Snapshot(playbook: playbook, journal: journal, headRecord: files["journal.head"]),
                          scenario: files["scenario.yaml"])
    }
}
