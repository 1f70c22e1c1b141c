import Foundation

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
    case .scoreBelow(let value): "score<\(NumberFormatting.text(value, decimals: NumberFormatting.givenDecimals, style: .plain))"
    case .expiredDerogation: "expired-derogation"
    case .noEvidence: "no-evidence"
    case .platformRefusal: "platform-refusal"
    }
  }

  /// The rule's name in the translation tables (`gate.rule.*`), e.g. « score inférieur à 80 ».
  public var name: Message {
    switch self {
    case .scoreBelow(let value): Message("gate.rule.score-below", [.number("limit", value, decimals: NumberFormatting.givenDecimals)])
    default: Message("gate.rule.\(description)")
    }
  }

  /// The rule's name for a code kept in a dossier (`dossier.gate`); an unknown code names itself.
  public static func name(_ code: String) -> Message { GateRule(code)?.name ?? Message("gate.rule.\(code)") }

  /// Why this rule fails the dossier, or nil when it holds: one message per line, the first naming the rule
  /// (`gate.failed.*`, which name it through `{rule:gate.rule}`), the next ones the requirements behind it.
  public func failure(_ dossier: Dossier) -> [Message]? {
    let rule = MessageArg("rule", description)
    switch self {
    case .eliminatory:
      guard dossier.verdict.eliminatory else { return nil }
      let ids = dossier.verdict.eliminating
      return [Message("gate.failed.eliminatory", [rule, Self.count(ids.count), MessageArg("ids", ids.joined(separator: ", "))])]
        + GateExplanation.unmet(dossier.requirements.filter { ids.contains($0.id) })
    case .regression:
      guard let regression = dossier.regression, regression.isRegression else { return nil }
      return [Message("gate.failed.regression", [rule, MessageArg("date", regression.baselineAsOf)])]
        + regression.reasonTexts.map { Message("gate.reason", [MessageArg("text", $0)]) }
    case .scoreBelow(let minimum):
      guard let score = dossier.score.important, score < minimum else { return nil }
      return [
        Message("gate.failed.score-below", [
          MessageArg("rule", "score-below"), .number("score", score), .number("limit", minimum, decimals: NumberFormatting.givenDecimals),
        ])
      ]
    case .expiredDerogation:
      let expired = dossier.derogations.filter { $0.state == .expired }.map(\.id)
      guard !expired.isEmpty else { return nil }
      return [Message("gate.failed.expired-derogation", [rule, Self.count(expired.count), MessageArg("ids", expired.joined(separator: ", "))])]
    case .noEvidence:
      let missing = dossier.requirements.filter { $0.status == .nonEvalue }.map(\.id)
      guard !missing.isEmpty else { return nil }
      return [
        Message("gate.failed.no-evidence", [
          rule, Self.count(missing.count), MessageArg("ids", missing.prefix(10).joined(separator: ", ") + (missing.count > 10 ? ", …" : "")),
        ])
      ]
    case .platformRefusal:
      let refused = dossier.admission.filter { $0.outcome == .refusedInProduction }
      guard !refused.isEmpty else { return nil }
      let policies = refused.map { "\($0.policy) (\($0.entries.count))" }.joined(separator: ", ")
      return [Message("gate.failed.platform-refusal", [rule, MessageArg("policies", policies)])]
        + refused.flatMap { rule in
          rule.entries.map { Message("gate.refused-object", [MessageArg("policy", rule.policy), MessageArg("text", $0.text)]) }
        }
    }
  }

  private static func count(_ value: Int) -> MessageArg { .number("count", Double(value), decimals: 0) }
}
