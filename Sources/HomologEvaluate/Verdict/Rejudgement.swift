import HomologModel

/// A dossier judged again under another policy (an evaluator's), from what the dossier carries: the measurements
/// of the policy-sensitive checks, the attestations with their dates, the derogations, and each requirement's
/// parts. Requirements are judged by `RequirementJudge`, verdict and score by `Scoring`: the same code as
/// `Evaluator`, so a dossier judged again under its own policy is reproduced exactly. The proposed decision is made
/// again under the decision policy the dossier records (`HomologationDecider.redecide`).
///
/// `k8s.allowed-registries` also depends on the policy (`allowed_registries`) but keeps no measurement: its result is
/// kept as judged, and `notRejudged` names it when the two policies' registries differ.
public enum Rejudgement {
  /// Why a dossier cannot be judged again.
  public enum Failure: Error, Equatable, Sendable {
    /// A date of the dossier (`as_of`, a derogation's dates) does not read as `YYYY-MM-DD`.
    case unreadableDate(String)
    /// Policy-sensitive checks whose result carries no measurement (a dossier written before they were kept).
    case missingMeasurement([String])
  }

  /// The dossier judged under `policy`: policy-sensitive check results recomputed from their measurements,
  /// attestations judged with the policy's maximum age, requirements, verdict, score, counts and derogation
  /// register recomputed; `policy` and `policySha256` replaced.
  public static func rejudge(_ dossier: Dossier, under policy: Policy) throws(Failure) -> Dossier {
    guard let asOf = Day(dossier.asOf) else { throw .unreadableDate(dossier.asOf) }
    var results: [String: CheckResult] = [:]
    for requirement in dossier.requirements {
      for result in requirement.checks where results[result.id] == nil { results[result.id] = result }
    }
    var missing: [String] = []
    for case let check as any MeasuredCheck in AllChecks.list {
      guard let recorded = results[check.id] else { continue }
      guard let judged = check.rejudge(recorded, policy: policy) else {
        missing.append(check.id)
        continue
      }
      results[check.id] = judged
    }
    guard missing.isEmpty else { throw .missingMeasurement(missing) }

    let derogations = try dossier.derogations.map { entry throws(Failure) -> Derogation in
      guard let approved = Day(entry.approvedOn) else { throw .unreadableDate(entry.approvedOn) }
      guard let expires = Day(entry.expiresOn) else { throw .unreadableDate(entry.expiresOn) }
      return Derogation(
        id: entry.id, requirement: entry.requirement, justification: entry.justification,
        compensatingMeasures: entry.compensatingMeasures, approvedBy: entry.approvedBy, approvedOn: approved, expiresOn: expires,
        scope: entry.scope, owner: entry.owner, line: 0)
    }
    let judge = RequirementJudge(context: dossier.project.context, results: results, derogations: derogations, asOf: asOf)
    let requirements = dossier.requirements.map { requirement in
      judge.rejudge(
        requirement,
        attestations: requirement.attestations.map {
          AttestationChoice.revalidate($0, asOf: asOf, maxAgeDays: policy.attestationMaxAgeDays)
        })
    }
    var counts = StatusCounts()
    for requirement in requirements { counts.add(requirement.status) }

    var rejudged = dossier
    rejudged.requirements = requirements
    rejudged.counts = counts
    rejudged.verdict = Scoring.verdict(requirements)
    rejudged.score = Scoring.score(requirements)
    rejudged.derogations = DerogationRegister.entries(
      derogations, requirements: requirements, asOf: asOf, warningDays: policy.derogationWarningDays)
    rejudged.coverage = dossier.coverage.map { entry in
      var entry = entry
      entry.threshold = policy.coverageMinimum(for: entry.role)
      return entry
    }
    rejudged.policy = policy
    rejudged.policySha256 = PolicyDigest.sha256(policy)
    rejudged.decision = HomologationDecider.redecide(rejudged, asOf: asOf)
    return rejudged
  }

  /// Policy-sensitive checks of the dossier whose result could not be judged again under `policy` though their
  /// threshold differs (`k8s.allowed-registries` when `allowed_registries` differ).
  public static func notRejudged(_ dossier: Dossier, under policy: Policy) -> [String] {
    guard dossier.policy.allowedRegistries != policy.allowedRegistries else { return [] }
    let judged = dossier.requirements.contains { $0.checks.contains { $0.id == "k8s.allowed-registries" } }
    return judged ? ["k8s.allowed-registries"] : []
  }

  /// The requirements whose status differs between two judgements of the same dossier, in the dossier's order.
  public static func statusChanges(from before: Dossier, to after: Dossier) -> [StatusChange] {
    let previous = Dictionary(before.requirements.map { ($0.id, $0.status) }, uniquingKeysWith: { a, _ in a })
    return after.requirements.compactMap { requirement in
      guard let status = previous[requirement.id], status != requirement.status else { return nil }
      return StatusChange(requirement: requirement.id, before: status, after: requirement.status)
    }
  }
}
