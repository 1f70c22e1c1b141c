import HomologModel

/// Gate messages that separate a failing fact (non conforme) from a missing proof (non évalué).
enum GateExplanation {
  /// One line per requirement not met: non conforme with its failing checks, non évalué with what would prove it.
  static func unmet(_ requirements: [RequirementResult]) -> String {
    requirements.map { requirement in
      switch requirement.status {
      case .nonConforme:
        let facts = requirement.parts.filter { $0.status == .failed }.flatMap { part in
          requirement.checks.filter { part.checks.contains($0.id) && $0.outcome == .fail }.map { "\($0.id): \($0.summaryText)" }
        }
        return "\n  \(requirement.id) non conforme" + (facts.isEmpty ? "" : ": " + unique(facts).joined(separator: "; "))
      case .nonEvalue:
        if let reason = requirement.applicabilityText {
          return "\n  \(requirement.id) non évalué: \(reason)"
        }
        let missing = requirement.parts.filter { $0.status == .missing }.flatMap { part in
          part.reasonTexts.map { "[\(part.id)] \($0)" }
        }
        return "\n  \(requirement.id) non évalué (missing proof): "
          + (missing.isEmpty ? "no part of the catalogue can prove it" : missing.joined(separator: "; "))
      default:
        return ""
      }
    }.joined()
  }

  private static func unique(_ texts: [String]) -> [String] {
    var seen = Set<String>()
    return texts.filter { seen.insert($0).inserted }
  }
}
