import HomologModel

/// Non-regression against a baseline dossier ("la qualité du code ne peut être décroissante", EXI-ORG-14).
///
/// The current dossier's policy decides. A regression is any of:
/// - a new finding (fingerprint absent from the baseline, not suppressed) at or above `policy.regressionSeverity`;
/// - a component's line coverage down by more than `policy.coverageTolerance` points, or no longer measured;
/// - the Important score (derogations counted as met) down;
/// - a requirement from met (conforme, dérogation) to not met (non conforme, non évalué).
public enum RegressionAnalysis {
  /// New findings listed one by one in the reasons; the rest are counted in one more reason.
  public static let listedFindings = 20

  /// The changes from `baseline` to `current` and the reasons they count as a regression.
  public static func compare(baseline: Dossier, current: Dossier) -> Regression {
    let policy = current.policy
    let before = Set(baseline.findings.filter { $0.suppression == nil }.map(\.fingerprint))
    let after = Set(current.findings.filter { $0.suppression == nil }.map(\.fingerprint))
    let newFindings = current.findings.filter { $0.suppression == nil && !before.contains($0.fingerprint) }
    let fixedFindings = baseline.findings.filter { $0.suppression == nil && !after.contains($0.fingerprint) }
    let coverage = coverageChanges(baseline: baseline, current: current)
    let statusChanges = statusChanges(baseline: baseline, current: current)
    let baselineDerogations = Dictionary(baseline.derogations.map { ($0.id, $0.state) }, uniquingKeysWith: { first, _ in first })
    let added = current.derogations.map(\.id).filter { baselineDerogations[$0] == nil }
    let expired = current.derogations.filter { $0.state == .expired && baselineDerogations[$0.id] != .expired }.map(\.id)

    var reasons: [Message] = []
    let blocking = newFindings.filter { $0.severity >= policy.regressionSeverity }
    for finding in blocking.prefix(listedFindings) {
      reasons.append(
        Message(
          "regression.new-finding",
          [
            MessageArg("severity", finding.severity.rawValue), MessageArg("rule", finding.ruleId),
            MessageArg("tool", finding.tool), MessageArg("title", finding.title),
          ]))
    }
    if blocking.count > listedFindings {
      reasons.append(
        Message(
          "regression.new-findings-more",
          [MessageArg("count", "\(blocking.count - listedFindings)"), MessageArg("severity", policy.regressionSeverity.rawValue)]))
    }
    for change in coverage {
      guard let old = change.before else { continue }
      guard let new = change.after else {
        reasons.append(Message("regression.coverage-missing", [MessageArg("component", change.component), MessageArg("before", number(old))]))
        continue
      }
      if old - new > policy.coverageTolerance + 1e-9 {
        reasons.append(
          Message(
            "regression.coverage-down",
            [
              MessageArg("component", change.component), MessageArg("before", number(old)), MessageArg("after", number(new)),
              MessageArg("tolerance", number(policy.coverageTolerance)),
            ]))
      }
    }
    if let old = baseline.score.important, let new = current.score.important, new < old {
      reasons.append(Message("regression.score-down", [MessageArg("before", number(old)), MessageArg("after", number(new))]))
    }
    for change in statusChanges where change.before.isMetWithDerogations && isNotMet(change.after) {
      reasons.append(
        Message(
          "regression.requirement-lost",
          [
            MessageArg("requirement", change.requirement), MessageArg("before", change.before.rawValue),
            MessageArg("after", change.after.rawValue),
          ]))
    }
    return Regression(
      baselineAsOf: baseline.asOf, newFindings: newFindings, fixedFindings: fixedFindings, coverageChanges: coverage,
      scoreBefore: baseline.score.important, scoreAfter: current.score.important, statusChanges: statusChanges,
      derogationsAdded: added, derogationsExpired: expired, reasons: reasons)
  }

  /// Coverage of every component measured in either dossier: current components first, then removed ones.
  static func coverageChanges(baseline: Dossier, current: Dossier) -> [CoverageChange] {
    var names = current.coverage.map(\.component)
    for entry in baseline.coverage where !names.contains(entry.component) { names.append(entry.component) }
    return names.compactMap { name in
      let old = baseline.coverage.first { $0.component == name }?.percent
      let new = current.coverage.first { $0.component == name }?.percent
      return old == nil && new == nil ? nil : CoverageChange(component: name, before: old, after: new)
    }
  }

  /// Requirements in both dossiers whose status differs, in the current dossier's order.
  static func statusChanges(baseline: Dossier, current: Dossier) -> [StatusChange] {
    let old = Dictionary(baseline.requirements.map { ($0.id, $0.status) }, uniquingKeysWith: { first, _ in first })
    return current.requirements.compactMap { requirement in
      guard let before = old[requirement.id], before != requirement.status else { return nil }
      return StatusChange(requirement: requirement.id, before: before, after: requirement.status)
    }
  }

  private static func isNotMet(_ status: RequirementStatus) -> Bool { status == .nonConforme || status == .nonEvalue }

  private static func number(_ value: Double) -> String { Percentage.text((value * 10).rounded() / 10) }
}
