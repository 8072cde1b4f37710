import Diagnostics
import Platform
public import PlaybookLanguage

/// The runs directory's `notify.yaml`, read safely: it names a program every command on the host runs, so a file
/// that a teammate (or anyone but its owner) could write, or that belongs to another user than root or the one
/// running the command, is refused, as is anything but a regular file.
public enum NotifierFile {
    /// The configuration in `runsDirectory` and the path it was read from, `nil` when there is none.
    ///
    /// - Throws: `RunFailure` when the file is there but unsafe, unreadable or wrong.
    public static func load(_ runsDirectory: String) throws(RunFailure)
        -> (path: String, configuration: NotifierConfiguration)?
    {
        let path = runsDirectory + "/" + NotifierConfiguration.fileName
        let status: FileStatus
        do {
            status = try FileStatus.of(path)
        } catch {
            if error.notFound { return nil }
            let why = error.reason
            throw RunFailure("cannot read '\(path)': \(why)", chinese: "无法读取 '\(path)'：\(why)")
        }
        guard status.kind == .regular else {
            throw RunFailure("'\(path)' is not a regular file; refusing to read it",
                                 chinese: "'\(path)' 不是普通文件；拒绝读取")
        }
        guard status.owner == 0 || status.owner == CurrentProcess.effectiveUserID else {
            throw RunFailure(
                "'\(path)' belongs to user \(status.owner), neither root nor you: refusing to run the program it names",
                chinese: "'\(path)' 属于用户 \(status.owner)，既不是 root 也不是你：拒绝运行其中指定的程序")
        }
        guard status.permissions & 0o022 == 0 else {
            let mode = String(status.permissions & 0o777, radix: 8)
            throw RunFailure(
                "'\(path)' can be written by others than its owner (mode \(mode)): a teammate could make everyone run "
                    + "a program; 'chmod go-w \(path)'",
                chinese: "'\(path)' 除所有者外他人也可写（权限 \(mode)）：队友可借此让所有人运行任意程序；请执行 'chmod go-w \(path)'")
        }
        guard case .bytes(let bytes) = FileReading.read(path, limit: 1 << 20) else {
            throw RunFailure("cannot read '\(path)'", chinese: "无法读取 '\(path)'")
        }
        let checked = NotifierConfiguration.check(bytes, file: path)
        guard let configuration = checked.configuration else {
            let rendered = TextRenderer(useColour: false).render(checked.diagnostics.sortedForOutput(),
                                                                 sources: [path: SourceText(bytes: bytes)])
            throw RunFailure("the notifier configuration has errors:\n" + rendered,
                                 chinese: "通知配置有错误：\n" + rendered)
        }
        return (path, configuration)
    }

    /// The contact directory at `path`, checked.
    ///
    /// - Throws: `RunFailure` when it cannot be read or has errors.
    public static func contacts(_ path: String) throws(RunFailure) -> ContactDirectory {
        let bytes: [UInt8]
        switch FileReading.read(path, limit: 1 << 20) {
        case .bytes(let read): bytes = read
        case .failure(let why):
            throw RunFailure("cannot read the contact directory '\(path)': \(why)",
                             chinese: "无法读取联系人通讯录 '\(path)'：\(why)")
        }
        guard let directory = ContactDirectory.check(bytes, file: path).directory else {
            throw RunFailure("the contact directory '\(path)' has errors; 'muster check \(path)' lists them",
                             chinese: "联系人通讯录 '\(path)' 有错误；'muster check \(path)' 会列出它们")
        }
        return directory
    }
}
