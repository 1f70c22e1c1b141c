import HomologModel

/// The catalogue's mapping of checks and attestations to the parts of each requirement, as a Markdown table an
/// authority can audit (`homolog catalogue mapping`; `docs/verdicts.md` embeds it and a test keeps it in sync).
public enum CatalogueMapping {
  /// One row per part of every requirement, then the platform's admission rules and where they count; `text` gives the
  /// title, column headers and words of the run's language (`catalogue.mapping.*`), the quoted parts and notes are the
  /// catalogue's own.
  public static func markdown(_ catalogue: Catalogue, text: (Message) -> String) -> String {
    let count = MessageArg.number("count", Double(catalogue.requirements.count), decimals: 0)
    var lines = [
      text(Message("catalogue.mapping.title", [MessageArg("id", catalogue.id), MessageArg("version", catalogue.version), count])),
      "",
      text(Message("catalogue.mapping.columns")),
      "|---|---|---|---|---|---|---|",
    ]
    for requirement in catalogue.requirements {
      let applies = requirement.appliesWhen.isAlways ? "" : " (applies_when)"
      if requirement.parts.isEmpty {
        lines.append("| \(cell(requirement.id))\(applies) | \(requirement.level.rawValue) | — | — | none | — | \(cell(requirement.note ?? "")) |")
      }
      for part in requirement.parts {
        let checks = part.checks.isEmpty ? "—" : part.checks.map { "`\($0)`" }.joined(separator: ", ")
        lines.append(
          "| \(cell(requirement.id))\(applies) | \(requirement.level.rawValue) | \(cell(part.id)) | « \(cell(part.text)) » | "
            + "\(part.proof.rawValue) | \(checks) | \(cell(part.note ?? "")) |")
      }
    }
    lines += [
      "",
      text(Message("catalogue.mapping.rule-columns")),
      "|---|---|---|---|",
    ]
    for rule in PlatformRules.list {
      lines.append(
        "| `\(rule.policy)` | `\(rule.check)` | \(rule.action.rawValue) | \(rule.requirement ?? text(Message("catalogue.mapping.admission-only"))) |")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// What a check judges: the requirements whose parts cite it, then the Kyverno rule it predicts (admission).
  public static func judged(by check: String, in catalogue: Catalogue) -> [String] {
    let cited = catalogue.requirements.filter { $0.checks.contains(check) }.map(\.id)
    return cited + PlatformRules.list.filter { $0.check == check }.map { "Kyverno \($0.policy) (admission)" }
  }

  /// A table cell: one line, pipes escaped, angle brackets as entities (`<project>` would read as an HTML tag).
  private static func cell(_ text: String) -> String {
    text.split(whereSeparator: \.isNewline).joined(separator: " ").replacingOccurrences(of: "|", with: "\\|")
      .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
  }
}
