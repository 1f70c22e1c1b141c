import Foundation

// The executable only calls in: commands live in Commands/, exit codes are decided here.
let status = CommandLineTool.run(Array(CommandLine.arguments.dropFirst()))
exit(status.code)
