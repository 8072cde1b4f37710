import Diagnostics
import Platform
import PlaybookLanguage
import YAMLLoading

/// Finds and loads one playbook for a command: by path, or by id in the playbooks directory.
enum PlaybookFiles {
    /// A playbook that checked without errors, with the bytes it was read from.
    struct Loaded {
        var path: String
        var bytes: [UInt8]
        var playbook: Playbook
        /// Warnings found while checking (errors make loading fail).
        var warnings: [Diagnostic]
    }

    /// The file a command-line argument names: the path itself when it is a file, else `<dir>/<id>.yaml` (or
    /// `.yml`), else the file in the playbooks directory whose `id:` is the argument.
    static func resolve(_ argument: String, playbooksDirectory: String) -> String? {
        if !FileStatus.isDirectory(argument), case .bytes = FileReading.read(argument, limit: 0) { return argument }
        for suffix in [".yaml", ".yml"] {
            let candidate = playbooksDirectory + "/" + argument + suffix
            if case .bytes = FileReading.read(candidate, limit: 0) { return candidate }
        }
        guard NodeReaderName.isPlainID(argument) else { return nil }
        for file in PlaybookFiles.yamlFiles(under: playbooksDirectory) {
            guard case .bytes(let bytes) = FileReading.read(file, limit: LoadLimits().maxFileBytes),
                let playbook = PlaybookChecker.check(bytes, file: file).playbook
            else { continue }
            if playbook.id == argument { return file }
        }
        return nil
    }

    /// Loads the playbook `argument` names, printing its diagnostics on failure.
    ///
    /// - Throws: `CommandFailure` (exit 1) when it cannot be found, read, or has errors.
    static func load(_ argument: String, invocation: Invocation) throws -> Loaded {
        let console = invocation.console
        guard let path = resolve(argument, playbooksDirectory: invocation.playbooksDirectory) else {
            throw CommandFailure(
                "no playbook '\(argument)': not a file, and no playbook with that id in "
                    + "'\(invocation.playbooksDirectory)'",
                chinese: "没有预案 '\(argument)'：既不是文件，'\(invocation.playbooksDirectory)' 中也没有这个 id 的预案")
        }
        let limits = LoadLimits()
        switch FileReading.read(path, limit: limits.maxFileBytes) {
        case .failure(let reason):
            throw CommandFailure("cannot read '\(path)': \(reason)", chinese: "无法读取 '\(path)'：\(reason)")
        case .bytes(let bytes):
            let result = PlaybookChecker.check(bytes, file: path, limits: limits)
            guard let playbook = result.playbook else {
                let renderer = TextRenderer(useColour: console.colourError)
                console.error(renderer.render(result.diagnostics.sortedForOutput(),
                                              sources: [path: SourceText(bytes: bytes)]))
                throw CommandFailure("'\(path)' has errors; 'muster check \(path)' lists them",
                                     chinese: "'\(path)' 有错误；'muster check \(path)' 会逐一列出")
            }
            return Loaded(path: path, bytes: bytes, playbook: playbook, warnings: result.diagnostics)
        }
    }

    /// The ids of the playbooks under `directory` that decode, sorted (scenarios and other YAML files are left out).
    static func ids(in directory: String) -> [String] {
        let limits = LoadLimits()
        return yamlFiles(under: directory).compactMap { file in
            guard case .bytes(let bytes) = FileReading.read(file, limit: limits.maxFileBytes) else { return nil }
            return PlaybookChecker.check(bytes, file: file, limits: limits).playbook?.id
        }.sorted()
    }

    /// The YAML files under a directory, recursively, sorted by path; hidden entries are skipped.
    static func yamlFiles(under directory: String) -> [String] {
        var found: [String] = []
        for name in Directory.names(directory) ?? [] where !name.hasPrefix(".") {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            // Directories are entered only when they are real ones: a link could lead round in a loop.
            if FileStatus.isRealDirectory(path) {
                found += yamlFiles(under: path)
            } else if name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
                found.append(path)
            }
        }
        return found.sorted()
    }
}

/// Names as the command line accepts them.
enum NodeReaderName {
    /// Letters, digits, `_` and `-`, starting with a letter: ids of playbooks, runs, roles and steps.
    static func isPlainID(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic else { return false }
        return text.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-")
        }
    }

}
