import CommandSyntax
import Diagnostics
import Runs

extension PlaybookFiles {
    /// Loads the playbook `argument` names, printing its problems on failure.
    ///
    /// - Throws: `RunFailure` (exit 1) when it cannot be found, read, or has errors.
    static func load(_ argument: String, invocation: Invocation) throws -> Loaded {
        do {
            return try load(argument, playbooksDirectory: invocation.playbooksDirectory)
        } catch {
            throw error.shown(on: invocation.console)
        }
    }
}

extension LoadFailure {
    /// Prints the problems on stderr with their lines, and gives what to say after them.
    func shown(on console: Console) -> RunFailure {
        let renderer = TextRenderer(useColour: console.colourError)
        for problem in problems {
            console.error(renderer.render(problem.diagnostics, sources: [problem.file: problem.source]))
        }
        return failure
    }
}
