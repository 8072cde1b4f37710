import CommandSyntax
import Diagnostics
import Platform
import PlaybookLanguage
import Runs
import YAMLLoading

extension PlaybookFiles {
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
}
