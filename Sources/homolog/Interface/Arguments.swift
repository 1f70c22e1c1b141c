import Foundation
import HomologModel

/// A command's arguments, parsed against its option table: values by option, flags, positionals.
///
/// Conventions of git and swift-argument-parser: `--name value` or `--name=value`; `--` ends the options;
/// `--help`/`-h` and `--version` are recognised only where an option may stand, never as an option's value;
/// an unknown option, an empty value (`--out=`, `--config ''`) or a repeated single-value option is refused by name,
/// an unknown one with the closest known name.
struct Arguments {
  private var valuesByName: [String: [String]] = [:]
  private var flags: Set<String> = []
  private var rest: [String] = []
  /// The option table the arguments were parsed against (the command's, plus the common ones).
  let options: [Option]
  /// `--help` or `-h` was given.
  private(set) var helpRequested = false
  /// `--version` was given.
  private(set) var versionRequested = false
  /// The first problem met while parsing; reported unless help or the version was asked for.
  private(set) var problem: Message?

  /// Parses `tokens` against `options` (the common options are added).
  init(_ tokens: [String], options: [Option]) {
    self.options = Option.all(options)
    var index = 0
    var optionsEnded = false
    while index < tokens.count {
      let token = tokens[index]
      index += 1
      if optionsEnded || token == "-" || !token.hasPrefix("-") {
        rest.append(token)
        continue
      }
      switch token {
      case "--": optionsEnded = true; continue
      case "--help", "-h": helpRequested = true; continue
      case "--version": versionRequested = true; continue
      default: break
      }
      let parts = token.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let name = String(parts[0])
      if ["--help", "-h", "--version"].contains(name) {
        note(Message("usage.option-takes-no-value", [MessageArg("name", name)]))
        continue
      }
      guard let option = self.options.first(where: { $0.name == name }) else {
        note(Terminal.problem("usage.unknown-option", [MessageArg("name", name)], closestTo: name, in: self.options.map(\.name) + ["--version"]))
        continue
      }
      guard let placeholder = option.value else {
        if parts.count == 2 { note(Message("usage.option-takes-no-value", [MessageArg("name", name)])) }
        flags.insert(name)
        continue
      }
      let value: String
      if parts.count == 2 {
        value = String(parts[1])
      } else if index < tokens.count, !Self.looksLikeOption(tokens[index], in: self.options) {
        value = tokens[index]
        index += 1
      } else {
        note(Message("usage.option-expects-value", [MessageArg("name", name), MessageArg("placeholder", placeholder)]))
        continue
      }
      guard !value.isEmpty else {
        note(Message("usage.option-empty-value", [MessageArg("name", name), MessageArg("placeholder", placeholder)]))
        continue
      }
      if !option.repeatable && valuesByName[name] != nil {
        note(Message("usage.option-repeated", [MessageArg("name", name)]))
        continue
      }
      valuesByName[name, default: []].append(value)
    }
  }

  /// A token that cannot be a value: `--` or another option of the command (`--out --quiet` forgot the folder).
  /// `--help` and `-h` right after a value-taking option are its value, as in git; `--fail-on -eliminatory` too.
  private static func looksLikeOption(_ token: String, in options: [Option]) -> Bool {
    let name = token.split(separator: "=", maxSplits: 1).first.map(String.init) ?? token
    return token == "--" || options.contains { $0.name == name && $0.name != "--help" }
  }

  private mutating func note(_ message: Message) {
    if problem == nil { problem = message }
  }

  /// Throws the first parsing problem.
  func validate() throws(CommandError) {
    if let problem { throw .usage(problem, command: nil) }
  }

  /// Every value of a repeatable option, in order.
  func values(_ name: String) -> [String] {
    assert(options.contains { $0.name == name }, "\(name) is not in the option table")
    return valuesByName[name] ?? []
  }

  /// The value of a single-valued option.
  func value(_ name: String) -> String? { values(name).first }

  /// Whether a flag was given.
  func flag(_ name: String) -> Bool {
    assert(options.contains { $0.name == name }, "\(name) is not in the option table")
    return flags.contains(name)
  }

  /// The positional arguments, in order.
  func positionals() -> [String] { rest }

  /// Fails when positionals were given to a command that takes none.
  func finish() throws(CommandError) {
    guard let first = rest.first else { return }
    let names = options.map(\.name)
    var suggestion = names.contains("--" + first) ? "--" + first : Suggestion.closest(to: "--" + first, in: names)
    if suggestion == nil, first.hasSuffix(".yaml") || first.hasSuffix(".yml"), options.contains(where: { $0.name == "--config" }) {
      suggestion = "--config \(first)"
    }
    throw .usage(Terminal.problem("usage.unexpected-argument", [MessageArg("name", first)], suggestion: suggestion), command: nil)
  }
}
