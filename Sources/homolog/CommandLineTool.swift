import Foundation
import HomologModel

/// Exit codes, documented in the README.
enum ExitStatus {
  /// Success: the dossier is written and no gate rule failed.
  case ok
  /// The gate failed (e.g. éliminatoire).
  case gateFailed
  /// Bad input or usage.
  case badInput

  var code: Int32 {
    switch self {
    case .ok: 0
    case .gateFailed: 1
    case .badInput: 2
    }
  }
}

/// A command's failure: usage (one line, then where the help is) or unusable input; both exit 2.
enum CommandError: Error {
  case usage(Message, command: String?)
  case input(InputError)
}

/// One subcommand; its help, shell completion and README row derive from these and from its texts in the translation
/// tables (`command.NAME.summary`, `.about`, `.exit-codes`; `option.NAME.--option`).
protocol Command {
  static var name: String { get }
  /// Usage lines after `homolog NAME`.
  static var synopsis: [String] { get }
  static var options: [Option] { get }
  /// Words that may stand as the first positional (`catalogue validate`), for completion.
  static var actions: [String] { get }
  static func run(_ arguments: Arguments) throws(CommandError) -> ExitStatus
}

extension Command {
  static var actions: [String] { [] }
  /// One line, for `homolog --help` and the README, in the run's language.
  static var summary: String { Terminal.text("command.\(name).summary") }
  /// What the command does, paragraphs, in the run's language.
  static var about: String { Terminal.text("command.\(name).about", Help.arguments) }
  /// Exit codes, in the run's language: the command's own when it has more than success and bad input.
  static var exitCodes: String {
    Terminal.text(Terminal.table.messages["command.\(name).exit-codes"] == nil ? "help.exit-codes.default" : "command.\(name).exit-codes")
  }
}

/// Dispatches to subcommands and turns errors into messages and exit codes.
enum CommandLineTool {
  static let version = "0.1.0"
  static var commands: [any Command.Type] {
    [
      EvaluateCommand.self, InspectCommand.self, CatalogueCommand.self, InitCommand.self, ChecksCommand.self,
      FormatsCommand.self, DiffCommand.self, CompareCommand.self, PortfolioCommand.self, CompletionCommand.self,
      SchemaCommand.self, SignCommand.self, VerifyCommand.self,
    ]
  }

  /// Command names, `help` included, for suggestions and completion.
  static var commandNames: [String] { commands.map { $0.name } + ["help"] }

  static var usage: String {
    var text = "homolog \(version) — \(Terminal.text("help.usage.title"))\n\n\(Terminal.text("help.usage.line"))\n\n"
    text += Terminal.text("help.usage.commands") + "\n"
    for command in commands { text += "  \(command.name.padding(toLength: 11, withPad: " ", startingAt: 0)) \(command.summary)\n" }
    text += "  \("help".padding(toLength: 11, withPad: " ", startingAt: 0)) \(Terminal.text("help.usage.help"))\n"
    text += "\n" + Terminal.text("help.usage.more") + "\n" + Terminal.text("help.usage.exit-codes")
    return text
  }

  static func run(_ arguments: [String]) -> ExitStatus {
    // Until a command's options are parsed (no arguments, an unknown command), the words are scanned for --lang.
    Terminal.table = Terminal.load(Terminal.language(in: arguments))
    guard let first = arguments.first else {
      Console.error(usage)
      return .badInput
    }
    switch first {
    case "--help", "-h":
      Console.out(usage)
      return .ok
    case "help":
      return help(Array(arguments.dropFirst()))
    case "--version":
      Console.out("homolog \(version)")
      return .ok
    default:
      break
    }
    if let name = ["--help", "-h", "--version"].first(where: { first.hasPrefix($0 + "=") }) {
      usageError(Message("usage.option-takes-no-value", [MessageArg("name", name)]), see: nil)
      return .badInput
    }
    guard let command = commands.first(where: { $0.name == first }) else {
      let key = first.hasPrefix("-") ? "usage.unknown-option" : "usage.unknown-command"
      let known = first.hasPrefix("-") ? ["--help", "--version"] : commandNames
      usageError(Terminal.problem(key, [MessageArg("name", first)], closestTo: first, in: known), see: nil)
      return .badInput
    }
    let parsed = Arguments(Array(arguments.dropFirst()), options: command.options)
    guard applyLanguage(parsed, see: command.name), applyColour(parsed, see: command.name) else { return .badInput }
    if parsed.helpRequested {
      Console.out(Help.text(command))
      return .ok
    }
    if parsed.versionRequested {
      Console.out("homolog \(version)")
      return .ok
    }
    do {
      try parsed.validate()
      return try command.run(parsed)
    } catch {
      switch error {
      case .usage(let message, let name):
        usageError(message, see: name ?? command.name)
      case .input(let inputError):
        Console.diagnostic(Terminal.describe(inputError.inRunLanguage))
      }
      return .badInput
    }
  }

  /// Sets the colour from `--color`; false (after saying why) when its value is unknown.
  private static func applyColour(_ parsed: Arguments, see command: String?) -> Bool {
    guard let text = parsed.value("--color") else { return true }
    guard let mode = ColorMode(rawValue: text) else {
      usageError(Terminal.problem("usage.color", [MessageArg("value", text)], closestTo: text, in: ColorMode.allCases.map(\.rawValue)), see: command)
      return false
    }
    Console.colour = mode.enabled()
    return true
  }

  /// Sets the run's language from `--lang`; false (after saying why, in French) when its value is unknown.
  private static func applyLanguage(_ parsed: Arguments, see command: String?) -> Bool {
    do {
      try Terminal.use(parsed)
      return true
    } catch {
      if case .usage(let message, _) = error { usageError(message, see: command) }
      return false
    }
  }

  /// `homolog help [COMMAND]`.
  private static func help(_ arguments: [String]) -> ExitStatus {
    let parsed = Arguments(arguments, options: [])
    guard applyLanguage(parsed, see: nil), applyColour(parsed, see: nil) else { return .badInput }
    if let problem = parsed.problem {
      usageError(problem, see: nil)
      return .badInput
    }
    let rest = parsed.positionals()
    guard let name = rest.first else {
      Console.out(usage)
      return .ok
    }
    guard rest.count == 1 else {
      usageError(Message("usage.help-arguments", [.number("count", Double(rest.count), decimals: 0)]), see: nil)
      return .badInput
    }
    guard let command = commands.first(where: { $0.name == name }) else {
      usageError(Terminal.problem("usage.unknown-command", [MessageArg("name", name)], closestTo: name, in: commandNames), see: nil)
      return .badInput
    }
    Console.out(Help.text(command))
    return .ok
  }

  /// A usage error: one line, then where the full help is.
  static func usageError(_ message: Message, see command: String?) {
    Console.diagnostic(Terminal.text("error.plain", [MessageArg("message", Terminal.text(message))]))
    Console.error(Terminal.text("usage.see", [MessageArg("command", command.map { "\($0) " } ?? "")]))
  }
}
