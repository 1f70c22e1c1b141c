import HomologModel
import HomologProject

/// Decides one requirement's status from context, check results, attestation and derogations.
///
/// Order: not applicable by context; any failing check → non conforme; a passing check → conforme;
/// otherwise a valid attestation (when the catalogue allows one) → conforme; otherwise non évalué.
/// A non conforme or non évalué requirement covered by a valid derogation becomes dérogation.
struct RequirementJudge {
  let input: EvaluationInput
  let results: [String: CheckResult]

  func judge(_ requirement: Requirement) -> RequirementResult {
    let checks = requirement.checks.compactMap { results[$0] }
    let attestation = attestationRecord(for: requirement)
    var result = RequirementResult(
      id: requirement.id, sourceId: requirement.sourceId, level: requirement.level, category: requirement.category,
      title: requirement.title, statement: requirement.statement, weight: requirement.weight, status: .nonEvalue,
      basis: .none, applicability: nil, checks: checks, attestation: attestation, derogation: nil,
      attestable: requirement.attestable)

    let unmet = requirement.appliesWhen.unmet(in: input.evidence.context)
    if let reason = unmet.first {
      result.status = .nonApplicable
      result.basis = .context
      result.applicability = reason
      return result
    }
    if checks.contains(where: { $0.outcome == .fail }) {
      result.status = .nonConforme
      result.basis = .checks
    } else if checks.contains(where: { $0.outcome == .pass }) {
      result.status = .conforme
      result.basis = .checks
    } else if let attestation, attestation.valid {
      result.status = .conforme
      result.basis = .attestation
    } else if !checks.isEmpty, checks.allSatisfy({ $0.outcome == .notApplicable }), !requirement.attestable {
      result.status = .nonApplicable
      result.basis = .checks
      result.applicability = Message("applicability.checks-not-applicable")
      return result
    }
    if result.status == .nonConforme || result.status == .nonEvalue, let derogation = validDerogation(for: requirement.id) {
      result.status = .derogation
      result.derogation = derogation.id
    }
    return result
  }

  /// The newest attestation for the requirement, judged valid when dated, not in the future, and fresh enough.
  private func attestationRecord(for requirement: Requirement) -> AttestationRecord? {
    guard let attestation = input.attestations.filter({ $0.requirement == requirement.id }).max(by: { $0.date < $1.date })
    else { return nil }
    let age = attestation.date.days(to: input.asOf)
    let maxAge = input.evidence.policy.attestationMaxAgeDays
    var problem: Message?
    if age < 0 {
      problem = Message("attestation.future", [MessageArg("date", attestation.date.description)])
    } else if age > maxAge {
      problem = Message("attestation.stale", [MessageArg("days", "\(age)"), MessageArg("max", "\(maxAge)")])
    }
    return AttestationRecord(
      requirement: attestation.requirement, statement: attestation.statement, author: attestation.author,
      date: attestation.date.description, evidence: attestation.evidence, links: attestation.links, valid: problem == nil,
      problem: problem)
  }

  /// A derogation in force on the evaluation date (approved, not expired) for the requirement.
  private func validDerogation(for id: String) -> Derogation? {
    input.derogations.filter { $0.requirement == id && DerogationRegister.isInForce($0, on: input.asOf) }
      .max { $0.expiresOn < $1.expiresOn }
  }
}
