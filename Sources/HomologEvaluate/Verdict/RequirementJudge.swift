import HomologModel

/// Decides one requirement's status from the stated context, its parts' proofs and derogations.
///
/// Non applicable only from a stated context fact. Otherwise each part of the text is judged as the catalogue
/// says (checks, attestation, both, either): a failing check fails its part; a requirement is non conforme when
/// a part fails, conforme when every part is proven, non évalué otherwise (missing proof, never a verdict).
/// A non conforme or non évalué requirement covered by a derogation in force becomes dérogation.
struct RequirementJudge {
  let context: ProjectContext
  let results: [String: CheckResult]
  let attestations: AttestationChoice
  let derogations: [Derogation]
  let asOf: Day

  func judge(_ requirement: Requirement) -> RequirementResult {
    let chosen = attestations.records(for: requirement.id)
    var result = RequirementResult(
      id: requirement.id, sourceId: requirement.sourceId, level: requirement.level, category: requirement.category,
      title: requirement.title, statement: requirement.statement, weight: requirement.weight, status: .nonEvalue,
      basis: .none, applicability: nil, checks: requirement.checks.compactMap { results[$0] },
      attestation: nil, attestations: chosen.all, derogation: nil, attestable: requirement.attestable)

    switch requirement.appliesWhen.decide(in: context) {
    case .notApplicable(let reason):
      result.status = .nonApplicable
      result.basis = .context
      result.applicability = reason
      return result
    case .unstated(let facts):
      result.applicability = Message("applicability.unstated", [MessageArg("facts", facts.joined(separator: ", "))])
    case .applies:
      break
    }

    result.parts = requirement.parts.map { judge($0, of: requirement, attestation: chosen.valid) }
    if result.parts.contains(where: { $0.proof.acceptsAttestation && $0.basis != .checks && $0.status == .proven }) {
      result.attestation = chosen.valid.first
    }
    if result.applicability != nil {
      result.status = .nonEvalue
    } else if result.parts.contains(where: { $0.status == .failed }) {
      result.status = .nonConforme
      result.basis = .checks
    } else if !result.parts.isEmpty, result.parts.allSatisfy({ $0.status == .proven }) {
      result.status = .conforme
      result.basis = Self.basis(of: result.parts)
    }
    if result.status.isNotMet, let derogation = validDerogation(for: requirement.id) {
      result.status = .derogation
      result.derogation = derogation.id
    }
    return result
  }

  /// One part: its checks (all must pass; any failure fails it) and, as the catalogue allows, an attestation.
  private func judge(_ part: RequirementPart, of requirement: Requirement, attestation valid: [AttestationRecord]) -> PartResult {
    let outcomes = part.checks.map { (id: $0, outcome: results[$0]?.outcome ?? .noEvidence) }
    let failing = outcomes.filter { $0.outcome == .fail }.map(\.id)
    let unproven = outcomes.filter { $0.outcome == .noEvidence }.map(\.id)
    let checksProven = part.proof.usesChecks && unproven.isEmpty && failing.isEmpty
    let attested = part.proof.acceptsAttestation && valid.contains { $0.covers(part.id) }

    var status = PartStatus.missing
    var basis = StatusBasis.none
    var reasons: [Message] = []
    if !failing.isEmpty {
      status = .failed
      reasons = failing.map { Message("part.failed-check", [MessageArg("check", $0)]) }
    } else {
      switch part.proof {
      case .checks:
        if checksProven { (status, basis) = (.proven, .checks) }
      case .attestation:
        if attested { (status, basis) = (.proven, .attestation) }
      case .both:
        if checksProven && attested { (status, basis) = (.proven, .both) }
      case .either:
        if checksProven {
          (status, basis) = (.proven, .checks)
        } else if attested {
          (status, basis) = (.proven, .attestation)
        }
      }
      if status == .missing {
        let needsChecks = part.proof == .checks || part.proof == .both || (part.proof == .either && !attested)
        if needsChecks {
          reasons += unproven.map { Message("part.missing-check", [MessageArg("check", $0)]) }
        }
        if part.proof.acceptsAttestation && !attested {
          reasons.append(
            Message(
              part.proof == .either ? "part.missing-evidence-or-attestation" : "part.missing-attestation",
              [MessageArg("requirement", requirement.id), MessageArg("part", part.id)]))
        }
      }
    }
    return PartResult(
      id: part.id, text: part.text, proof: part.proof, checks: part.checks, note: part.note, status: status, basis: basis,
      reasons: reasons)
  }

  /// What proved a conforme requirement: checks only, attestation only, or both kinds.
  private static func basis(of parts: [PartResult]) -> StatusBasis {
    let kinds = Set(parts.map(\.basis))
    if kinds == [.checks] { return .checks }
    if kinds == [.attestation] { return .attestation }
    return .both
  }

  /// A derogation in force on the evaluation date (approved, not expired) for the requirement.
  private func validDerogation(for id: String) -> Derogation? {
    derogations.filter { $0.requirement == id && DerogationRegister.isInForce($0, on: asOf) }
      .max { $0.expiresOn < $1.expiresOn }
  }
}
