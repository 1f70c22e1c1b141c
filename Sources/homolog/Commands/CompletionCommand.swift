import HomologModel
/// `homolog completion bash|zsh|fish`: the shell completion script, from the commands' own option tables.
enum CompletionCommand: Command {
  static let name = "completion"
  static let synopsis = ["bash|zsh|fish"]
  static let options: [Option] = []
  static let actions = CompletionScript.Shell.allCases.map(\.rawValue)

  static func run(_ arguments: Arguments) throws(CommandError) -> ExitStatus {
    let words = arguments.positionals()
    guard let word = words.first else { throw .usage(Message("usage.shell-missing"), command: name) }
    if words.count > 1 { throw .usage(Terminal.problem("usage.unexpected-argument", [MessageArg("name", words[1])]), command: name) }
    guard let shell = CompletionScript.Shell(rawValue: word) else {
      throw .usage(Terminal.problem("usage.shell-unknown", [MessageArg("name", word)], closestTo: word, in: actions), command: name)
    }
    Console.out(CompletionScript.script(shell, commands: CommandLineTool.commands))
    return .ok
  }
}
