import HomologModel

/// Decides one requirement's status from the stated context, its parts' proofs and derogations.
///
/// Non applicable only from a stated context fact. Otherwise each part of the text is judged as the catalogue
/// says (checks, attestation, both, either): a failing check fails its part; a requirement is non conforme when
/// a part fails, conforme when every part is proven, non évalué otherwise (missing proof, never a verdict).
/// A non conforme or non évalué requirement covered by a derogation in force becomes dérogation.
/// The same logic judges a catalogue requirement at evaluation (`judge(_:attestations:)`) and a requirement as a
/// dossier recorded it, under another policy (`rejudge(_:attestations:)`, used by `Rejudgement`).
struct RequirementJudge {
  /// Whether the requirement applies, decided before its parts are judged.
  enum Scope {
    case applies
    /// Out of scope by a stated context fact (the message says which).
    case notApplicable(Message)
    /// Bears on facts the context does not state (the message names them): non évalué at best.
    case unstated(Message)
  }

  let context: ProjectContext
  let results: [String: CheckResult]
  let derogations: [Derogation]
  let asOf: Day

  /// A catalogue requirement, its applicability decided from the stated context.
  func judge(_ requirement: Requirement, attestations: AttestationChoice) -> RequirementResult {
    let chosen = attestations.records(for: requirement.id)
    let start = RequirementResult(
      id: requirement.id, sourceId: requirement.sourceId, level: requirement.level, category: requirement.category,
      title: requirement.title, statement: requirement.statement, weight: requirement.weight, status: .nonEvalue,
      basis: .none, applicability: nil,
      parts: requirement.parts.map {
        PartResult(id: $0.id, text: $0.text, proof: $0.proof, checks: $0.checks, note: $0.note, status: .missing, basis: .none, reasons: [])
      },
      checks: requirement.checks.compactMap { results[$0] }, attestation: nil, attestations: chosen.all, derogation: nil,
      attestable: requirement.attestable)
    let scope: Scope
    switch requirement.appliesWhen.decide(in: context) {
    case .notApplicable(let reason): scope = .notApplicable(reason)
    case .unstated(let facts): scope = .unstated(Message("applicability.unstated", [MessageArg("facts", facts.joined(separator: ", "))]))
    case .applies: scope = .applies
    }
    return judge(start, scope: scope, valid: chosen.valid)
  }

  /// A requirement as a dossier recorded it, judged again: its parts as recorded, its checks replaced by this
  /// judge's results, `attestations` its records (newest first) as judged now. Applicability is kept as recorded
  /// (it depends on the context only, never on the policy).
  func rejudge(_ recorded: RequirementResult, attestations: [AttestationRecord]) -> RequirementResult {
    var start = recorded
    start.checks = recorded.checks.map { results[$0.id] ?? $0 }
    start.attestations = attestations
    let scope: Scope
    if recorded.status == .nonApplicable && recorded.basis == .context, let reason = recorded.applicability {
      scope = .notApplicable(reason)
    } else if let reason = recorded.applicability {
      scope = .unstated(reason)
    } else {
      scope = .applies
    }
    return judge(start, scope: scope, valid: attestations.filter(\.valid))
  }

  /// The requirement's status from its scope, its parts and derogations; `start` holds its identity, parts and checks.
  private func judge(_ start: RequirementResult, scope: Scope, valid: [AttestationRecord]) -> RequirementResult {
    var result = start
    result.status = .nonEvalue
    result.basis = .none
    result.attestation = nil
    result.derogation = nil
    switch scope {
    case .notApplicable(let reason):
      result.status = .nonApplicable
      result.basis = .context
      result.applicability = reason
      result.parts = []
      return result
    case .unstated(let reason):
      result.applicability = reason
    case .applies:
      result.applicability = nil
    }

    result.parts = start.parts.map { judge($0, of: start.id, attestation: valid) }
    let attested = result.parts.filter { $0.proof.acceptsAttestation && $0.basis != .checks && $0.status == .proven }.map(\.id)
    result.attestation = valid.first { record in attested.contains(where: record.covers) }
    if result.applicability != nil {
      result.status = .nonEvalue
    } else if result.parts.contains(where: { $0.status == .failed }) {
      result.status = .nonConforme
      result.basis = .checks
    } else if !result.parts.isEmpty, result.parts.allSatisfy({ $0.status == .proven }) {
      result.status = .conforme
      result.basis = Self.basis(of: result.parts)
    }
    if result.status.isNotMet, let derogation = validDerogation(for: start.id) {
      result.status = .derogation
      result.derogation = derogation.id
    }
    return result
  }

  /// One part: its checks (all must pass; any failure fails it) and, as the catalogue allows, an attestation.
  private func judge(_ part: PartResult, of requirement: String, attestation valid: [AttestationRecord]) -> PartResult {
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
          reasons += unproven.map { check in
            // Says which evidence file would let the check judge (keyed by the kind of evidence it reads).
            let kind = AllChecks.check(check).flatMap { type(of: $0).doc.reads.first }
            return Message("part.missing-check" + (kind.map { ".\($0.rawValue)" } ?? ""), [MessageArg("check", check)])
          }
        }
        if part.proof.acceptsAttestation && !attested {
          reasons.append(
            Message(
              part.proof == .either ? "part.missing-evidence-or-attestation" : "part.missing-attestation",
              [MessageArg("requirement", requirement), MessageArg("part", part.id)]))
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
