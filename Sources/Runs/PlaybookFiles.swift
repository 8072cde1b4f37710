public import Diagnostics
import Platform
public import PlaybookLanguage
import YAMLLoading

/// Finds a playbook a command names: by path, or by id in the playbooks directory.
public enum PlaybookFiles {
    /// A playbook that checked without errors, with the bytes it was read from.
    public struct Loaded: Sendable {
        public var path: String
        public var bytes: [UInt8]
        public var playbook: Playbook
        /// Warnings found while checking (errors make loading fail).
        public var warnings: [Diagnostic]

        public init(path: String, bytes: [UInt8], playbook: Playbook, warnings: [Diagnostic]) {
            self.path = path
            self.bytes = bytes
            self.playbook = playbook
            self.warnings = warnings
        }
    }

    /// Whether a command-line argument names a file rather than an id: it holds a `/` or ends in `.yaml` or
    /// `.yml`. Anything else is an id, looked up in the playbooks directory only, so that a file in the working
    /// directory never shadows a playbook (`./water-leak` names the file).
    public static func isPath(_ argument: String) -> Bool {
        argument.contains("/") || argument.hasSuffix(".yaml") || argument.hasSuffix(".yml")
    }

    /// The file a command-line argument names: the path itself when it is one (`isPath`), else the playbook of
    /// the playbooks directory whose `id:` is the argument (`<dir>/<id>.yaml` first). A file named after the id
    /// whose playbook has errors is returned, so that its errors are shown; one with another id is passed over.
    public static func resolve(_ argument: String, playbooksDirectory: String) -> String? {
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
    public static func notFound(_ argument: String, playbooksDirectory: String, what: String = "playbook",
                         chineseWhat: String = "预案") -> RunFailure {
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
        return RunFailure(english, chinese: chinese)
    }

    /// The ids of the playbooks under `directory` that decode, sorted (scenarios and other YAML files are left out).
    public static func ids(in directory: String) -> [String] { titles(in: directory).keys.sorted() }

    /// The titles of the playbooks under `directory` that decode, by id (the first file of an id wins).
    public static func titles(in directory: String) -> [String: LocalizedText] {
        let limits = LoadLimits()
        var titles: [String: LocalizedText] = [:]
        for file in yamlFiles(under: directory) {
            guard case .bytes(let bytes) = FileReading.read(file, limit: limits.maxFileBytes),
                let playbook = PlaybookChecker.check(bytes, file: file, limits: limits).playbook,
                titles[playbook.id] == nil
            else { continue }
            titles[playbook.id] = playbook.title
        }
        return titles
    }

    /// The YAML files under a directory, recursively, sorted by path; hidden entries are skipped.
    public static func yamlFiles(under directory: String) -> [String] {
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

    /// The files to check under a directory: a FIFO, socket or device named like a playbook is skipped with a
    /// warning (never opened), and a link that leads outside the directory is checked with a warning saying so.
    public static func walk(_ directory: String) -> (files: [String], diagnostics: [Diagnostic]) {
        var files: [String] = []
        var diagnostics: [Diagnostic] = []
        let root = FilePath.resolved(directory)
        for file in yamlFiles(under: directory) {
            guard let status = try? FileStatus.of(file), status.kind == .regular else {
                diagnostics.append(.warning(
                    YAMLRules.notRegularFile.id, "not a regular file (a pipe, a socket or a device): skipped",
                    file: file, at: nil, hint: "move it out of the playbooks directory"))
                continue
            }
            if FileStatus.isSymbolicLink(file), let root, let target = FilePath.resolved(file),
                !FilePath.isWithin(target, root)
            {
                diagnostics.append(.warning(
                    YAMLRules.linkOutside.id, "a link to '\(target)', outside '\(directory)'; checked all the same",
                    file: file, at: nil, hint: "copy the playbook into the directory, or check it where it lies"))
            }
            files.append(file)
        }
        return (files, diagnostics)
    }

    /// The playbook a scenario drills: by id in the playbooks directory, else beside the scenario's directory.
    public static func playbook(_ id: String, near file: String, playbooksDirectory: String) -> Playbook? {
        var directories = [playbooksDirectory]
        if let slash = file.lastIndex(of: "/") {
            let parent = String(file[..<slash])
            directories += [parent, parent + "/.."]
        }
        for directory in directories {
            if let path = resolve(id, playbooksDirectory: directory),
                case .bytes(let bytes) = FileReading.read(path, limit: LoadLimits().maxFileBytes),
                let playbook = PlaybookChecker.check(bytes, file: path).playbook, playbook.id == id
            {
                return playbook
            }
        }
        return nil
    }


    /// The names a playbook id near `file` may have, for a suggestion: the file names (without `.yaml`) of the
    /// playbooks directory and of the file's own directory.
    public static func names(near file: String, playbooksDirectory: String) -> [String] {
        var directories = [playbooksDirectory]
        if let slash = file.lastIndex(of: "/") { directories.append(String(file[..<slash])) }
        var names: [String] = []
        for directory in directories {
            for path in yamlFiles(under: directory) {
                let name = path.split(separator: "/").last.map(String.init) ?? path
                let stem = name.hasSuffix(".yaml") ? String(name.dropLast(5))
                    : name.hasSuffix(".yml") ? String(name.dropLast(4)) : name
                if !names.contains(stem) { names.append(stem) }
            }
        }
        return names
    }

}

extension ContactDirectory {
    /// Whether a file is a contact directory (`contacts:` as its first key) rather than a playbook.
    public static func isContactDirectory(_ bytes: [UInt8]) -> Bool {
        let text = String(decoding: bytes.prefix(4096), as: UTF8.self)
        for line in text.split(whereSeparator: \.isNewline) {
            let trimmed = line.drop { $0 == "\u{FEFF}" }
            if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed.hasPrefix("---") { continue }
            return trimmed.hasPrefix("contacts:")
        }
        return false
    }
}
