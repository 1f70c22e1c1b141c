import HomologEvaluate
import HomologModel

/// Gate rules as written by users (homolog.yaml's `policy.gate`, `--fail-on`), checked before parsing so an unknown
/// one is reported where it was written, with the closest rule.
enum GateInput {
  /// The rule names, for suggestions.
  static let names = ["eliminatory", "regression", "expired-derogation", "no-evidence", "platform-refusal", "score<N"]

  /// The problem with one entry, or nil when it names a rule (`-RULE` removes one).
  static func problem(_ text: String, where place: String) -> Message? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    let name = trimmed.hasPrefix("-") ? String(trimmed.dropFirst()) : trimmed
    guard !trimmed.isEmpty, GateRule(name) == nil else { return nil }
    return Terminal.problem("usage.gate-rule", [MessageArg("where", place), MessageArg("name", text)], closestTo: name.hasPrefix("score") ? nil : name, in: names)
  }

  /// Checks homolog.yaml's rules, each located at its line.
  static func check(_ texts: [String], locations: [SourceLocation], file: String) throws(InputError) {
    for (index, text) in texts.enumerated() {
      if let problem = problem(text, where: "policy.gate") {
        throw Terminal.inputError(problem, at: index < locations.count ? locations[index] : SourceLocation(file: file))
      }
    }
  }

  /// `--fail-on a,b`: the entries, each checked (a usage error names an unknown one).
  static func option(_ text: String?) throws(CommandError) -> [String] {
    let entries = text.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) } ?? []
    for entry in entries {
      if let problem = problem(entry, where: "--fail-on") { throw .usage(problem, command: nil) }
    }
    return entries
  }
}
