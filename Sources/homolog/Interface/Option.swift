/// One command-line option of a command: parsing, help, completion and the README table derive from it.
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
  /// One sentence for the help; wrapped when printed.
  let help: String
  let completion: Completion

  /// An option taking a value.
  static func value(
    _ name: String, _ placeholder: String, _ help: String, repeatable: Bool = false, completion: Completion = .none
  ) -> Option {
    Option(name: name, value: placeholder, repeatable: repeatable, help: help, completion: completion)
  }

  /// A flag (no value).
  static func flag(_ name: String, _ help: String) -> Option {
    Option(name: name, value: nil, repeatable: false, help: help, completion: .none)
  }

  /// A command's options followed by the common ones it does not redefine (its own `--lang` says what the language
  /// applies to).
  static func all(_ options: [Option]) -> [Option] {
    options + common.filter { common in !options.contains { $0.name == common.name } }
  }

  /// `--name VALUE` or `--name`, as help and usage lines show it.
  var label: String { value.map { "\(name) \($0)" } ?? name }

  /// Options every command accepts.
  static let common: [Option] = [
    .value("--lang", "fr|en", "language of what the command prints (default fr)", completion: .choices(["fr", "en"])),
    .value("--color", "WHEN", "colour on the terminal: auto (default: only on a terminal, unless NO_COLOR is set), always or never",
      completion: .choices(ColorMode.allCases.map(\.rawValue))),
    Option(name: "--help", value: nil, repeatable: false, help: "show this help", completion: .none),
  ]
}
