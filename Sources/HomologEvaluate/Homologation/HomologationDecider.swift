import HomologModel

/// The decision proposed to the homologation authority: a pure function of the evaluated dossier, the decision
/// policy and the evaluation date (rules and defaults in `docs/decision.md`).
///
/// - défavorable while the verdict is éliminatoire (no validity);
/// - otherwise the Important score's band gives the months, an open critical (high) vulnerability limits them to the
///   policy's figure, and the end date (as-of + months) never goes beyond the earliest expiry of a derogation in force;
/// - favorable avec réserves when a derogation is in force or an applicable Important requirement is not met.
public enum HomologationDecider {
  /// The decision `dossier` records made again on it (after a rejudgement): same policy, authority and
  /// signatories; nil when the dossier has none.
  public static func redecide(_ dossier: Dossier, asOf: Day) -> HomologationDecision? {
    guard let previous = dossier.decision else { return nil }
    var policy = previous.policy
    policy.authority = previous.authority
    policy.signatories = previous.signatories
    return decide(dossier, policy: policy, asOf: asOf)
  }

  public static func decide(_ dossier: Dossier, policy: DecisionPolicy, asOf: Day) -> HomologationDecision {
    let owners = Owners(dossier: dossier, actions: policy.actions)
    let blocking = dossier.verdict.eliminating.compactMap { id in
      dossier.requirements.first { $0.id == id }.map { owners.item(notMet: $0) }
    }
    let inForce = derogationsInForce(dossier)
    let reservations =
      inForce.map { owners.item(derogation: $0.entry, requirement: $0.requirement) }
      + dossier.requirements.filter { $0.level == .important && $0.status.isNotMet }.map { owners.item(notMet: $0) }
    var decision = HomologationDecision(
      proposal: .unfavorable, validityMonths: nil, validUntil: nil, reasons: [], blocking: blocking, reservations: reservations,
      authority: policy.authority, signatories: policy.signatories, policy: policy)
    if dossier.verdict.eliminatory {
      decision.reasons = [.eliminatory(requirements: dossier.verdict.eliminating)]
      return decision
    }

    var reasons: [DecisionReason] = []
    var months = 0
    if let band = policy.band(for: dossier.score.important) {
      months = band.months
      reasons.append(.scoreBand(score: dossier.score.important, minimum: band.minScore, months: band.months))
    }
    let open = openVulnerabilities(dossier)
    if open.critical > 0 && policy.criticalVulnerabilityMonths <= months {
      months = policy.criticalVulnerabilityMonths
      reasons.append(.criticalVulnerabilities(count: open.critical, months: months))
    }
    if open.high > 0 && policy.highVulnerabilityMonths <= months {
      months = policy.highVulnerabilityMonths
      reasons.append(.highVulnerabilities(count: open.high, months: months))
    }
    var end = asOf.adding(months: months)
    if let earliest = inForce.first, let expiry = Day(earliest.entry.expiresOn), expiry <= end {
      end = expiry
      reasons.append(.derogationExpiry(derogation: earliest.entry.id, expiresOn: earliest.entry.expiresOn))
    }
    decision.proposal = reservations.isEmpty ? .favorable : .favorableWithReservations
    decision.validityMonths = months
    decision.validUntil = end.description
    decision.reasons = reasons
    return decision
  }

  /// The derogations that cover a requirement on the evaluation date (in force and used), earliest expiry first.
  static func derogationsInForce(_ dossier: Dossier) -> [(entry: DerogationEntry, requirement: RequirementResult)] {
    let entries = Dictionary(dossier.derogations.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    return dossier.requirements.compactMap { requirement -> (entry: DerogationEntry, requirement: RequirementResult)? in
      guard requirement.status == .derogation, let id = requirement.derogation, let entry = entries[id] else { return nil }
      return (entry, requirement)
    }.sorted { ($0.entry.expiresOn, $0.entry.id) < ($1.entry.expiresOn, $1.entry.id) }
  }

  /// Open (not suppressed) vulnerabilities of critical and high severity.
  static func openVulnerabilities(_ dossier: Dossier) -> (critical: Int, high: Int) {
    let open = dossier.findings.filter(\.isOpenVulnerability)
    return (open.filter { $0.severity == .critical }.count, open.filter { $0.severity == .high }.count)
  }

  /// Who answers for a requirement and by when: a derogation's owner first, else the action plan's; the action plan's
  /// due date, else (for a derogation) its expiry.
  private struct Owners {
    let actions: [String: PlannedAction]

    init(dossier: Dossier, actions: [PlannedAction]) {
      self.actions = Dictionary(actions.map { ($0.requirement, $0) }, uniquingKeysWith: { first, _ in first })
    }

    func item(notMet requirement: RequirementResult) -> DecisionItem {
      let action = actions[requirement.id]
      return DecisionItem(
        kind: .requirementNotMet, requirement: requirement.id, level: requirement.level, status: requirement.status,
        owner: action?.owner, due: action?.due?.description)
    }

    func item(derogation entry: DerogationEntry, requirement: RequirementResult) -> DecisionItem {
      let action = actions[requirement.id]
      return DecisionItem(
        kind: .derogation, requirement: requirement.id, level: requirement.level, status: requirement.status, derogation: entry.id,
        expiresOn: entry.expiresOn, owner: entry.owner ?? action?.owner, due: action?.due?.description ?? entry.expiresOn)
    }
  }
}
