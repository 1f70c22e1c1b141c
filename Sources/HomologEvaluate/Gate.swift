import HomologModel

/// One rule of the CI gate (`--fail-on`), deciding exit code 1.
public enum GateRule: Sendable, Hashable, CustomStringConvertible {
  /// An applicable Primordial requirement is not met (the default).
  case eliminatory
  /// A regression against the baseline.
  case regression
  /// The Important score (derogations counted as met) is below this value.
  case scoreBelow(Double)
  /// A derogation has expired.
  case expiredDerogation
  /// A requirement is non évalué.
  case noEvidence
  /// The platform would refuse an object in production (a Kyverno validate rule in ENFORCE).
  case platformRefusal

  /// Parses `eliminatory`, `regression`, `score<80`, `expired-derogation`, `no-evidence`.
  public init?(_ text: String) {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    switch trimmed {
    case "eliminatory": self = .eliminatory
    case "regression": self = .regression
    case "expired-derogation": self = .expiredDerogation
    case "no-evidence": self = .noEvidence
    case "platform-refusal": self = .platformRefusal
    default:
      guard trimmed.hasPrefix("score<"), let value = Double(trimmed.dropFirst(6)), (0...100).contains(value) else { return nil }
      self = .scoreBelow(value)
    }
  }

  /// Every rule name `--fail-on` accepts, for messages.
  public static let expected =
    "eliminatory, regression, score<N (N from 0 to 100), expired-derogation, no-evidence, platform-refusal; -RULE removes a rule"

  /// Parses a list of rules (from `--fail-on a,b` or homolog.yaml's `policy.gate`); blank entries are skipped.
  /// The rules in `always` hold whatever the list says, unless it removes one explicitly (`-eliminatory`): a gate
  /// that adds `score<80` still fails an eliminated project.
  public static func parse(_ texts: [String], always: [GateRule] = [.eliminatory]) throws(InputError) -> [GateRule] {
    var rules = always
    for text in texts where !text.trimmingCharacters(in: .whitespaces).isEmpty {
      let trimmed = text.trimmingCharacters(in: .whitespaces)
      let removing = trimmed.hasPrefix("-")
      guard let rule = GateRule(removing ? String(trimmed.dropFirst()) : trimmed) else {
        throw InputError("unknown gate rule '\(text)' (expected \(expected))")
      }
      if removing {
        rules.removeAll { $0 == rule }
      } else if !rules.contains(rule) {
        rules.append(rule)
      }
    }
    return rules
  }

  public var description: String {
    switch self {
    case .eliminatory: "eliminatory"
    case .regression: "regression"
    case .scoreBelow(let value): "score<\(Percentage.given(value))"
    case .expiredDerogation: "expired-derogation"
    case .noEvidence: "no-evidence"
    case .platformRefusal: "platform-refusal"
    }
  }

  /// Why this rule fails the dossier, or nil when it holds.
  public func failure(_ dossier: Dossier) -> String? {
    switch self {
    case .eliminatory:
      guard dossier.verdict.eliminatory else { return nil }
      return "eliminatory: Primordial requirement(s) not met: \(dossier.verdict.eliminating.joined(separator: ", "))"
        + GateExplanation.unmet(dossier.requirements.filter { dossier.verdict.eliminating.contains($0.id) })
    case .regression:
      guard let regression = dossier.regression, regression.isRegression else { return nil }
      return "regression against the baseline of \(regression.baselineAsOf): \(regression.reasonTexts.joined(separator: "; "))"
    case .scoreBelow(let minimum):
      guard let score = dossier.score.important else { return nil }
      let limit = Percentage.given(minimum)
      return score < minimum ? "score<\(limit): Important score \(Percentage.score(score)) is below \(limit)" : nil
    case .expiredDerogation:
      let expired = dossier.derogations.filter { $0.state == .expired }.map(\.id)
      return expired.isEmpty ? nil : "expired-derogation: \(expired.joined(separator: ", "))"
    case .noEvidence:
      let missing = dossier.requirements.filter { $0.status == .nonEvalue }.map(\.id)
      return missing.isEmpty ? nil : "no-evidence: \(missing.count) requirement(s) non évalué(s): \(missing.prefix(10).joined(separator: ", "))"
    case .platformRefusal:
      let refused = dossier.admission.filter { $0.outcome == .refusedInProduction }
      guard !refused.isEmpty else { return nil }
      return "platform-refusal: objects refused in production by "
        + refused.map { "\($0.policy) (\($0.entries.count))" }.joined(separator: ", ")
        + refused.flatMap { rule in rule.entries.map { "\n  \(rule.policy): \($0.text)" } }.joined()
    }
  }
}

/// Figures in gate messages: read by people and machines alike, so plain (a point, no trailing zero).
enum Percentage {
  /// The Important score, truncated to one decimal like everywhere else.
  static func score(_ value: Double) -> String { NumberFormatting.text(value, style: .plain) }
  /// A minimum given on the command line or in homolog.yaml, as written.
  static func given(_ value: Double) -> String { NumberFormatting.text(value, decimals: NumberFormatting.givenDecimals, style: .plain) }
}
