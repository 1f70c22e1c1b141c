/// One command-line option of a command: parsing, help, completion and the README table derive from it; its description
/// is in the translation tables (`option.COMMAND.--name`, or `option.common.--name` for the options every command takes).
struct Option: Sendable {
  /// What a value-taking option's value completes to in a shell.
  enum Completion: Sendable {
    case none
    case file
    case directory
    case choices([String])
  }

  /// The long name, with its dashes (`--config`).
  let name: String
  /// The value's placeholder (`FILE`), nil for a flag.
  let value: String?
  /// Whether the option may be given more than once (values accumulate).
  let repeatable: Bool
  let completion: Completion

  /// An option taking a value.
  static func value(_ name: String, _ placeholder: String, repeatable: Bool = false, completion: Completion = .none) -> Option {
    Option(name: name, value: placeholder, repeatable: repeatable, completion: completion)
  }

  /// A flag (no value).
  static func flag(_ name: String) -> Option {
    Option(name: name, value: nil, repeatable: false, completion: .none)
  }

  /// A command's options followed by the common ones it does not redefine (its own `--lang` says what the language
  /// applies to).
  static func all(_ options: [Option]) -> [Option] {
    options + common.filter { common in !options.contains { $0.name == common.name } }
  }

  /// `--name VALUE` or `--name`, as help and usage lines show it.
  var label: String { value.map { "\(name) \($0)" } ?? name }

  /// One sentence for the help of `command`, in the run's language: the command's own description of the option, else
  /// the common one.
  func help(in command: String) -> String {
    let key = "option.\(command).\(name)"
    return Terminal.text(Terminal.table.messages[key] == nil ? "option.common.\(name)" : key, Help.arguments)
  }

  /// Options every command accepts.
  static let common: [Option] = [
    .value("--lang", "fr|en", completion: .choices(["fr", "en"])),
    .value("--color", "WHEN", completion: .choices(ColorMode.allCases.map(\.rawValue))),
    .flag("--help"),
  ]
}
