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

/// A command's failure: usage (prints usage) or unusable input; both exit 2.
enum CommandError: Error {
  case usage(String, command: String?)
  case input(InputError)
}

/// One subcommand.
protocol Command {
  static var name: String { get }
  static var summary: String { get }
  static var usage: String { get }
  static func run(_ arguments: Arguments) throws(CommandError) -> ExitStatus
}

/// Dispatches to subcommands and turns errors into messages and exit codes.
enum CommandLineTool {
  static let version = "0.1.0"
  static var commands: [any Command.Type] {
    [
    EvaluateCommand.self, InspectCommand.self, CatalogueCommand.self, InitCommand.self, ChecksCommand.self,
    FormatsCommand.self, DiffCommand.self, CompareCommand.self, PortfolioCommand.self,
    ]
  }

  static var usage: String {
    var text = """
      homolog \(version) — compliance and homologation dossiers for Cloud Pi Native applications (CCT).

      USAGE: homolog <command> [options]

      COMMANDS:

      """
    for command in commands { text += "  \(command.name.padding(toLength: 11, withPad: " ", startingAt: 0)) \(command.summary)\n" }
    text += """

      Run `homolog <command> --help` for a command's options.
      Exit codes: 0 success, 1 gate failed (e.g. verdict éliminatoire), 2 bad input or usage.
      """
    return text
  }

  static func run(_ arguments: [String]) -> ExitStatus {
    guard let first = arguments.first else {
      Console.error(usage)
      return .badInput
    }
    switch first {
    case "--help", "-h", "help":
      Console.out(usage)
      return .ok
    case "--version":
      Console.out("homolog \(version)")
      return .ok
    default:
      break
    }
    guard let command = commands.first(where: { $0.name == first }) else {
      Console.error("error: unknown command '\(first)'\n\n\(usage)")
      return .badInput
    }
    let rest = Array(arguments.dropFirst())
    if rest.contains("--help") || rest.contains("-h") {
      Console.out(command.usage)
      return .ok
    }
    do {
      return try command.run(Arguments(rest))
    } catch {
      switch error {
      case .usage(let message, let name):
        let usage = name.flatMap { n in commands.first { $0.name == n }?.usage } ?? command.usage
        Console.error("error: \(message)\n\n\(usage)")
      case .input(let inputError):
        Console.error(inputError.description)
      }
      return .badInput
    }
  }
}
