/// Gate messages that separate a failing fact (non conforme) from a missing proof (non évalué).
enum GateExplanation {
  /// One message per requirement not met and fact behind it: non conforme with each failing check, non évalué
  /// with each missing part and what would prove it.
  static func unmet(_ requirements: [RequirementResult]) -> [Message] {
    requirements.flatMap { requirement -> [Message] in
      let id = MessageArg("id", requirement.id)
      switch requirement.status {
      case .nonConforme:
        let facts = requirement.parts.filter { $0.status == .failed }.flatMap { part in
          requirement.checks.filter { part.checks.contains($0.id) && $0.outcome == .fail }.map {
            Message("gate.unmet.non-conforme-check", [id, MessageArg("check", $0.id), MessageArg("summary", $0.summaryText)])
          }
        }
        return facts.isEmpty ? [Message("gate.unmet.non-conforme", [id])] : unique(facts)
      case .nonEvalue:
        if let reason = requirement.applicabilityText {
          return [Message("gate.unmet.non-evalue", [id, MessageArg("reason", reason)])]
        }
        let missing = requirement.parts.filter { $0.status == .missing }.flatMap { part in
          part.reasonTexts.map { Message("gate.unmet.missing-proof", [id, MessageArg("part", part.id), MessageArg("reason", $0)]) }
        }
        return missing.isEmpty ? [Message("gate.unmet.unprovable", [id])] : missing
      default:
        return []
      }
    }
  }

  private static func unique(_ messages: [Message]) -> [Message] {
    var seen = Set<Message>()
    return messages.filter { seen.insert($0).inserted }
  }
}
