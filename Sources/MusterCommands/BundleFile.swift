import Journaling
import Platform

/// An archive written by `muster export`, opened for `verify --bundle`.
struct BundleFile {
    /// The run it holds.
    var runID: String
    /// Its files, as a run directory would give them.
    var snapshot: Journal.Snapshot
    /// The pinned scenario of a drill, if the bundle holds one.
    var scenario: [UInt8]?

    /// The largest archive read (a run's journal is what makes it big).
    static let sizeLimit = 1 << 30

    static func open(_ path: String) throws -> BundleFile {
        func refused(_ why: String, _ chinese: String) -> CommandFailure {
            CommandFailure("'\(path)' is not a run exported by muster: \(why)",
                           chinese: "'\(path)' 不是 muster 导出的运行：\(chinese)")
        }
        let bytes: [UInt8]
        switch FileReading.read(path, limit: sizeLimit) {
        case .bytes(let read):
            guard read.count <= sizeLimit else { throw refused("it is larger than 1 GiB", "文件超过 1 GiB") }
            bytes = read
        case .failure(let why):
            throw CommandFailure("cannot read '\(path)': \(why)", chinese: "无法读取 '\(path)'：\(why)")
        }
        let members: [RunBundle.Member]
        do {
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
        return BundleFile(runID: runID,
                          snapshot: Journal.Snapshot(playbook: playbook, journal: journal, headRecord: files["journal.head"]),
                          scenario: files["scenario.yaml"])
    }
}
