import CommandSyntax
import Platform

/// Files a command writes for people (`--out`, `export`, a drill's scenario): whole or not at all, never over an
/// existing file, mode 0660 whatever the umask (see `FileOperations.writeNewFile`).
enum FileOutput {
    static func write(_ text: String, to path: String, files: any FileOperations = SystemFiles()) throws {
        try write(Array(text.utf8), to: path, files: files)
    }

    static func write(_ bytes: [UInt8], to path: String, files: any FileOperations = SystemFiles()) throws {
        do {
            try files.writeNewFile(bytes, to: path)
        } catch {
            let exists = error.nameTaken
            throw CommandFailure("cannot write '\(path)': \(error.reason)" + (exists ? " (it exists; muster never overwrites a file)" : ""),
                                 chinese: "无法写入 '\(path)'：\(error.reason)" + (exists ? "（文件已存在；muster 从不覆盖文件）" : ""))
        }
    }
}
