import Foundation

/// Command-line arguments after the subcommand: `--name value` options, `--flag`s and positionals.
struct Arguments {
  private var tokens: [String]

  init(_ tokens: [String]) { self.tokens = tokens }

  /// Removes and returns every value of a repeatable option (`--evidence A --evidence B`, or `--evidence=A`).
  mutating func values(_ name: String) throws(CommandError) -> [String] {
    var found: [String] = []
    var index = 0
    while index < tokens.count {
      let token = tokens[index]
      if token == name {
        guard index + 1 < tokens.count, !tokens[index + 1].hasPrefix("--") else {
          throw .usage("\(name) expects a value", command: nil)
        }
        found.append(tokens[index + 1])
        tokens.removeSubrange(index...index + 1)
      } else if token.hasPrefix(name + "=") {
        found.append(String(token.dropFirst(name.count + 1)))
        tokens.remove(at: index)
      } else {
        index += 1
      }
    }
    return found
  }

  /// Removes and returns a single-valued option; given twice is a usage error.
  mutating func value(_ name: String) throws(CommandError) -> String? {
    let found = try values(name)
    guard found.count <= 1 else { throw .usage("\(name) given more than once", command: nil) }
    return found.first
  }

  /// Removes a flag and says whether it was present.
  mutating func flag(_ name: String) -> Bool {
    guard let index = tokens.firstIndex(of: name) else { return false }
    tokens.remove(at: index)
    return true
  }

  /// The remaining positionals; any leftover `--option` is a usage error.
  mutating func positionals() throws(CommandError) -> [String] {
    if let unknown = tokens.first(where: { $0.hasPrefix("--") }) {
      throw .usage("unknown option \(unknown)", command: nil)
    }
    let rest = tokens
    tokens = []
    return rest
  }

  /// Fails when anything is left: unknown options or unexpected positionals.
  mutating func finish() throws(CommandError) {
    let rest = try positionals()
    if let first = rest.first { throw .usage("unexpected argument '\(first)'", command: nil) }
  }
}
