#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import MusterCommands

// The executable only wires the process to the command-line tool.
var environment: [String: String] = [:]
var pointer = environ
while let entry = pointer.pointee {
    let text = String(cString: entry)
    if let equals = text.firstIndex(of: "=") {
        environment[String(text[..<equals])] = String(text[text.index(after: equals)...])
    }
    pointer += 1
}
let console = Console.standard(environment: environment)
exit(CommandLineTool.run(Array(CommandLine.arguments.dropFirst()), environment: environment, console: console))
