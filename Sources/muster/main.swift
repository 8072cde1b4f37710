import MusterCommands

// The executable only wires the process to the command-line tool.
CommandLineTool.runProcess(Array(CommandLine.arguments.dropFirst()))
