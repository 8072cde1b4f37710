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

    /// Whether a command-line argument names a file rather than an id: it holds a `/` or ends in `.yaml` or
    /// `.yml`. Anything else is an id, looked up in the playbooks directory only, so that a file in the working
    /// directory never shadows a playbook (`./water-leak` names the file).
    static func isPath(_ argument: String) -> Bool {
        argument.contains("/") || argument.hasSuffix(".yaml") || argument.hasSuffix(".yml")
    }

    /// The file a command-line argument names: the path itself when it is one (`isPath`), else the playbook of
    /// the playbooks directory whose `id:` is the argument (`<dir>/<id>.yaml` first). A file named after the id
    /// whose playbook has errors is returned, so that its errors are shown; one with another id is passed over.
    static func resolve(_ argument: String, playbooksDirectory: String) -> String? {
        if isPath(argument) { return argument }
        guard Identifier.isValid(argument) else { return nil }
        let limit = LoadLimits().maxFileBytes
        var named: [String] = []
        for suffix in [".yaml", ".yml"] {
            let candidate = playbooksDirectory + "/" + argument + suffix
            guard case .bytes(let bytes) = FileReading.read(candidate, limit: limit) else { continue }
            named.append(candidate)
            guard let playbook = PlaybookChecker.check(bytes, file: candidate).playbook else { return candidate }
            if playbook.id == argument { return candidate }
        }
        for file in PlaybookFiles.yamlFiles(under: playbooksDirectory) where !named.contains(file) {
            guard case .bytes(let bytes) = FileReading.read(file, limit: limit),
                let playbook = PlaybookChecker.check(bytes, file: file).playbook
            else { continue }
            if playbook.id == argument { return file }
        }
        return nil
    }

    /// What to say when `argument` names no playbook: where it was looked for, and the file it may have meant.
    static func notFound(_ argument: String, playbooksDirectory: String, what: String = "playbook",
                         chineseWhat: String = "预案") -> CommandFailure {
        var english = "no \(what) '\(argument)'"
        var chinese = "没有\(chineseWhat) '\(argument)'"
        if isPath(argument) {
            english += ": no such file"
            chinese += "：没有这个文件"
        } else {
            english += " in '\(playbooksDirectory)'"
            chinese += "：'\(playbooksDirectory)' 中没有这个 id"
            if case .bytes = FileReading.read(argument, limit: 0) {
                english += "; the file '\(argument)' here is not looked at: write './\(argument)' to use it"
                chinese += "；不会读取当前目录下的文件 '\(argument)'：要使用它，请写 './\(argument)'"
            }
        }
        return CommandFailure(english, chinese: chinese)
    }

    /// Loads the playbook `argument` names, printing its diagnostics on failure.
    ///
    /// - Throws: `CommandFailure` (exit 1) when it cannot be found, read, or has errors.
    static func load(_ argument: String, invocation: Invocation) throws -> Loaded {
        let console = invocation.console
        guard let path = resolve(argument, playbooksDirectory: invocation.playbooksDirectory) else {
            throw notFound(argument, playbooksDirectory: invocation.playbooksDirectory)
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
